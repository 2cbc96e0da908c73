import { partitionPoint } from '../text/partition-point';
import type { Sentence, Span } from '../types';

/**
 * Index of the sentence holding the whole span, or -1. Sentences come in text order without
 * overlap, so a binary search finds the last one starting at or before the span; the recogniser's
 * passes ask this for every mention, and a scan from the first sentence made them quadratic.
 */
export function sentenceIndexOf(sentences: Sentence[], span: Span): number {
  const found = partitionPoint(sentences.length, (i) => sentences[i]!.start <= span.start) - 1;
  return found >= 0 && span.end <= sentences[found]!.end ? found : -1;
}
