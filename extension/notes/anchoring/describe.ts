/**
 * Describing a span of the article text as the two W3C selectors a note keeps, so that it can be
 * found again when the page changes (see `reanchor`).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../types';

/** How many characters of context a TextQuoteSelector keeps either side (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

/**
 * The TextQuote and TextPosition selectors of `text.slice(start, end)`: the quote with up to 32
 * characters either side, and the offsets. Offsets are clamped into the text and put in order, so
 * a caller's off-by-one never yields an out-of-range selector.
 */
export function describeSpan(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const clamp = (n: number) => Math.min(text.length, Math.max(0, Number.isFinite(n) ? Math.trunc(n) : 0));
  const from = Math.min(clamp(start), clamp(end));
  const to = Math.max(clamp(start), clamp(end));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
      suffix: text.slice(to, to + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}
