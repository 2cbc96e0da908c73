/**
 * The first index in `[0, length)` for which `before(i)` is false, given that `before` is true
 * for a prefix of the indices and false after it (a binary search over anything sorted: spans
 * by start, offsets along a node). Returns `length` when `before` holds everywhere. The one binary
 * search the stages share: which mention, sentence or character sits at an offset.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
