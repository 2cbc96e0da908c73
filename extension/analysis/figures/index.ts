import type { AnalysisContext, Figure } from '../types';

/** Finds every quantity the article states, with what it counts, what it is about and who states it. */
export function findFigures(_ctx: AnalysisContext): Figure[] {
  return []; // interim: lands with the attribution work
}
