/**
 * Finding a note's passage again in an article text that may have changed since the note was
 * made, in the order Hypothesis uses (`anchoring/text-quote.ts`, `match-quote.ts`):
 *
 * 1. the old position, when the text there is still the quote (with its context, see below);
 * 2. an exact occurrence of the quote, the one whose prefix/suffix agree best and that is nearest
 *    the old position, when at least one side of its context is still there;
 * 3. an approximate match of the quote (Myers' bit-parallel search, `approx-string-match`),
 *    scored on the quote, its context and its position, and accepted only above a threshold, so
 *    a passage the page no longer has gives `null` rather than a wrong place.
 *
 * Only notes that need step 3 pay for it: steps 1 and 2 are string comparisons and an `indexOf`.
 * On `npm run bench`'s edited 50,000-character article, 50 notes re-attach in about 10 ms, beside
 * about 40 ms (and 5 notes in the wrong place) for an approximate search of every quote.
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

/**
 * The least score (0..1) an approximate match needs. Hypothesis takes the best match whatever its
 * score; Gloss would rather orphan a note than put it on the wrong words. Measured over 4,000
 * notes on runs of 1 to 15 words, on the test article and on the benchmark's generated one: with
 * the passage removed, the best wrong match scored at most 0.76 ("Kavel" found in "bagravel");
 * with a typo or one word replaced, 95% of notes scored 0.8 or more (most of the rest are quotes
 * under `MIN_FUZZY_LENGTH`, which are not searched approximately).
 */
const FUZZY_THRESHOLD = 0.8;

/**
 * The share of an exact occurrence's context that must still agree for it to be taken without
 * further search: one side intact is enough (an ad or an edit just beside the quote changes the other).
 */
const MIN_CONTEXT_AGREEMENT = 0.5;

/**
 * The shortest quote searched approximately. One edit away from a short word is another word
 * ("that"/"what", "ten"/"men"), so a removed short word would otherwise land on its neighbour.
 */
const MIN_FUZZY_LENGTH = 5;

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
 */
function contextScore(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

/**
 * The score (0..1) of a candidate, Hypothesis's `scoreMatch`, except that context the note does
 * not have (a quote at the start or end of the text) weighs nothing rather than counting as a
 * match: otherwise a note on a removed title would score a free 20 points wherever it lands.
 */
function score(text: string, candidate: Candidate, quote: TextQuoteSelector, hint: number): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  let total = QUOTE_WEIGHT * (1 - candidate.errors / quote.exact.length);
  let weights = QUOTE_WEIGHT;
  if (prefix.length > 0) {
    total += PREFIX_WEIGHT * contextScore(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix);
    weights += PREFIX_WEIGHT;
  }
  if (suffix.length > 0) {
    total += SUFFIX_WEIGHT * contextScore(text.slice(candidate.end, candidate.end + suffix.length), suffix);
    weights += SUFFIX_WEIGHT;
  }
  if (Number.isFinite(hint)) {
    total += POSITION_WEIGHT * (1 - Math.abs(candidate.start - hint) / Math.max(1, text.length));
    weights += POSITION_WEIGHT;
  }
  return total / weights;
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

/** A letter or digit: what a word is made of, for `snapToWords`. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How far `snapToWords` may extend a match to reach the end of a word. */
const MAX_SNAP = 32;

/**
 * An approximate match grown to whole words where the quote was whole words: Myers' search reports
 * the span with the fewest edits, which for "the cost" reworded to "the price" is "the pric".
 */
function snapToWords(text: string, quote: TextQuoteSelector, match: Candidate): Candidate {
  const isWord = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);
  let { start, end } = match;
  if (isWord(quote.exact.at(-1)) && !isWord(quote.suffix?.[0])) {
    for (let grown = 0; grown < MAX_SNAP && isWord(text[end]) && isWord(text[end - 1]); grown += 1) end += 1;
  }
  if (isWord(quote.exact[0]) && !isWord(quote.prefix?.at(-1))) {
    for (let grown = 0; grown < MAX_SNAP && isWord(text[start - 1]) && isWord(text[start]); grown += 1) start -= 1;
  }
  return { start, end, errors: match.errors };
}

/** Whether a value from storage or an import has the shape of a usable quote selector. */
function isUsableQuote(quote: TextQuoteSelector | null | undefined): quote is TextQuoteSelector {
  return typeof quote?.exact === 'string' && quote.exact.length > 0;
}

/**
 * How much of the stored context is still beside an exact occurrence, 0..1: the characters that
 * agree, compared outward from the quote (so a typo in the context costs one character, not the
 * rest of it). Cheap enough for a quote that occurs hundreds of times; 1 for a note with no context.
 */
function contextAgreement(text: string, occurrence: Candidate, prefix: string, suffix: string): number {
  if (prefix.length + suffix.length === 0) return 1;
  let same = 0;
  for (let i = 1; i <= prefix.length; i += 1) if (text[occurrence.start - i] === prefix[prefix.length - i]) same += 1;
  for (let i = 0; i < suffix.length; i += 1) if (text[occurrence.end + i] === suffix[i]) same += 1;
  return same / (prefix.length + suffix.length);
}

/**
 * The occurrence whose context agrees best with the stored one, the nearest the old position among
 * equals, with its agreement; null when there are none.
 */
function bestOccurrence(
  text: string,
  found: readonly Candidate[],
  quote: TextQuoteSelector,
  hint: number,
): { occurrence: Candidate; agreement: number } | null {
  let top: { occurrence: Candidate; agreement: number; distance: number } | null = null;
  for (const occurrence of found) {
    const agreement = contextAgreement(text, occurrence, quote.prefix ?? '', quote.suffix ?? '');
    const distance = Number.isFinite(hint) ? Math.abs(occurrence.start - hint) : 0;
    if (!top || agreement > top.agreement || (agreement === top.agreement && distance < top.distance)) {
      top = { occurrence, agreement, distance };
    }
  }
  return top;
}

/**
 * The quote found through its context, for when its exact words stand elsewhere but not (or no
 * longer exactly) in their own place: searching the quote alone would report only the exact copies
 * (Myers' search keeps the matches with the fewest errors), so search prefix + quote + suffix, then
 * the quote inside that span.
 */
function searchInContext(text: string, quote: TextQuoteSelector, maxErrors: number): Candidate[] {
  const whole = (quote.prefix ?? '') + quote.exact + (quote.suffix ?? '');
  if (whole.length === quote.exact.length) return [];
  const [around] = approxSearch(text, whole, Math.min(MAX_ERRORS, Math.floor(whole.length / 2)));
  if (!around) return [];
  return approxSearch(text.slice(around.start, around.end), quote.exact, maxErrors).map((match) => ({
    start: around.start + match.start,
    end: around.start + match.end,
    errors: match.errors,
  }));
}

/**
 * Where the passage a note quotes is in `text` now, or null when it is gone (or the input is not a
 * usable quote). The old position is taken as is only when the quote and its stored context are
 * still there, so an edit that slides another occurrence of a short quote under the old offsets
 * does not capture the note. An exact occurrence is taken when at least half its context agrees;
 * when none does, the exact copies compete with approximate matches found through the context, so
 * a note whose own passage was edited is not moved onto the same words in an unrelated place.
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
  const exactOccurrences = occurrences(text, exact);
  const exactHit = bestOccurrence(text, exactOccurrences, quote, hint);
  if (exactHit && exactHit.agreement >= MIN_CONTEXT_AGREEMENT) {
    return { start: exactHit.occurrence.start, end: exactHit.occurrence.end, how: 'exact' };
  }

  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length / 2));
  const candidates =
    exactOccurrences.length > 0
      ? [...exactOccurrences, ...searchInContext(text, quote, maxErrors)]
      : approxSearch(text, exact, maxErrors);
  const hit = best(text, candidates, quote, hint);
  if (!hit || hit.score < FUZZY_THRESHOLD) return null;
  if (hit.candidate.errors === 0) return { start: hit.candidate.start, end: hit.candidate.end, how: 'exact' };
  const { start: fuzzyStart, end: fuzzyEnd } = snapToWords(text, quote, hit.candidate);
  return { start: fuzzyStart, end: fuzzyEnd, how: 'fuzzy' };
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
