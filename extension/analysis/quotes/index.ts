import type { AnalysisContext, Quote } from '../types';

/** Finds the quoted spans and their speakers. */
export function findQuotes(_ctx: AnalysisContext): Quote[] {
  return []; // interim: lands with the attribution work
}
