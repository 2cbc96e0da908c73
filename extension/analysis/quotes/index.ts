import { attributionOf } from '../attribution';
import type { AnalysisContext, Quote } from '../types';

/** Quotes shorter than this many words need a speaker to count: otherwise they are scare quotes or titles. */
const MIN_UNATTRIBUTED_WORDS = 6;

/** Finds the quoted spans and their speakers. */
export function findQuotes(ctx: AnalysisContext): Quote[] {
  return attributionOf(ctx)
    .quotes.filter((q) => q.speaker.entity || q.speaker.text || wordCount(ctx.text.slice(q.start, q.end)) >= MIN_UNATTRIBUTED_WORDS)
    .map((q) => ({
      text: ctx.text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      speaker: q.speaker.entity,
      speakerText: q.speaker.text,
    }));
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
