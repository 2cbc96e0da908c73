/**
 * Finding a note's passage again in an article text that may have changed since the note was
 * made, in the order Hypothesis uses (`anchoring/text-quote.ts`, `match-quote.ts`):
 *
 * 1. the old position, when the text there is still the quote (with its context, see below);
 * 2. an exact occurrence of the quote, the one whose prefix/suffix match best and that is nearest
 *    the old position;
 * 3. an approximate match of the quote (Myers' bit-parallel search, `approx-string-match`),
 *    scored on the quote, its context and its position, and accepted only above a threshold, so
 *    a passage the page no longer has gives `null` rather than a wrong place.
 *
 * Only notes that need step 3 pay for it: steps 1 and 2 are a comparison and an `indexOf`.
 */
import approxSearch from 'approx-string-match';
import type { Note, TextPositionSelector, TextQuoteSelector } from '../types';

/** Where a note attaches in the current article text, and which step found it. */
export interface Placement {
  start: number;
  end: number;
  how: 'exact' | 'position' | 'fuzzy';
}

/** Hypothesis's weights: the quote counts most, then its context, the position only breaks ties. */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * The least score (0..1) an approximate match needs. Hypothesis takes the best match whatever its
 * score; Gloss would rather orphan a note than put it on the wrong words. A match whose quote is
 * half wrong and whose context is unrelated scores about 0.5; a fixed typo or a reworded clause with
 * its context intact scores above 0.8 (see reanchor.test.ts).
 */
const FUZZY_THRESHOLD = 0.7;

/** Approximate search allows up to half the quote in errors, and never more than 256 (as Hypothesis). */
const MAX_ERRORS = 256;

/** A span of the text and how many edits separate it from what was searched for. */
interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * How alike `actual` (text now beside a candidate) and `expected` (stored context) are, 0..1:
 * one minus the edit distance of the best match of `expected` in `actual`, per character.
 * Missing stored context counts as agreeing, as in Hypothesis.
 */
function contextScore(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

/** The score (0..1) of a candidate, Hypothesis's `scoreMatch`. */
function score(text: string, candidate: Candidate, quote: TextQuoteSelector, hint: number): number {
  const quoteScore = 1 - candidate.errors / quote.exact.length;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const prefixScore = contextScore(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix);
  const suffixScore = contextScore(text.slice(candidate.end, candidate.end + suffix.length), suffix);
  const positionScore = Number.isFinite(hint) ? 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length) : 1;
  return (
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT
  );
}

/** The best-scoring candidate with its score, or null when there are none. */
function best(
  text: string,
  candidates: readonly Candidate[],
  quote: TextQuoteSelector,
  hint: number,
): { candidate: Candidate; score: number } | null {
  let top: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidates) {
    const s = score(text, candidate, quote, hint);
    if (!top || s > top.score) top = { candidate, score: s };
  }
  return top;
}

/** Whether the text around [start, end) is the quote with its stored context. */
function hasQuoteAt(text: string, quote: TextQuoteSelector, start: number, end: number): boolean {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  return (
    text.slice(start, end) === quote.exact &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix.slice(Math.max(0, prefix.length - start)) &&
    text.slice(end, end + suffix.length) === suffix.slice(0, Math.max(0, text.length - end))
  );
}

/** Every exact occurrence of `exact` in `text`. */
function occurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/** Whether a value from storage or an import has the shape of a usable quote selector. */
function isUsableQuote(quote: TextQuoteSelector | null | undefined): quote is TextQuoteSelector {
  return typeof quote?.exact === 'string' && quote.exact.length > 0;
}

/**
 * Where the passage a note quotes is in `text` now, or null when it is gone (or the input is not a
 * usable quote). The old position is taken as is only when the quote and its stored context are
 * still there, so an edit that slides another occurrence of a short quote under the old offsets
 * does not capture the note; the context then decides among the occurrences.
 */
export function reanchor(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): Placement | null {
  if (typeof text !== 'string' || !isUsableQuote(quote)) return null;
  const exact = quote.exact;
  const start = position?.start;
  const end = position?.end;
  const hasPosition = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;

  if (hasPosition && hasQuoteAt(text, quote, start, end)) return { start, end, how: 'position' };

  const hint = hasPosition ? start : Number.NaN;
  const exactHit = best(text, occurrences(text, exact), quote, hint);
  if (exactHit) return { start: exactHit.candidate.start, end: exactHit.candidate.end, how: 'exact' };

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length / 2));
  if (maxErrors === 0) return null;
  const fuzzyHit = best(text, approxSearch(text, exact, maxErrors), quote, hint);
  if (!fuzzyHit || fuzzyHit.score < FUZZY_THRESHOLD) return null;
  return { start: fuzzyHit.candidate.start, end: fuzzyHit.candidate.end, how: 'fuzzy' };
}

/** `reanchor` for each note, by note id (null for a note whose passage is gone). */
export function reanchorAll(
  text: string,
  notes: readonly Pick<Note, 'id' | 'quote' | 'position'>[],
): Map<string, Placement | null> {
  const placements = new Map<string, Placement | null>();
  for (const note of notes) placements.set(note.id, reanchor(text, note.quote, note.position));
  return placements;
}
