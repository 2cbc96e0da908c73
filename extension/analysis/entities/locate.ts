import type { Sentence, Span } from '../types';

/**
 * Index of the sentence holding the whole span, or -1. Sentences come in text order without
 * overlap, so a binary search finds the last one starting at or before the span; the recogniser's
 * passes ask this for every mention, and a scan from the first sentence made them quadratic.
 */
export function sentenceIndexOf(sentences: Sentence[], span: Span): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sentences[middle]!.start <= span.start) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && span.end <= sentences[found]!.end ? found : -1;
}
