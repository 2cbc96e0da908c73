import { describe, expect, it } from 'vitest';
import { partitionPoint } from './partition-point';

describe('partitionPoint', () => {
  const starts = [0, 4, 4, 9, 15];

  it('finds the first index where the sorted predicate turns false', () => {
    expect(partitionPoint(starts.length, (i) => starts[i]! < 4)).toBe(1);
    expect(partitionPoint(starts.length, (i) => starts[i]! <= 4)).toBe(3);
  });

  it('gives 0 when nothing comes before and the length when everything does', () => {
    expect(partitionPoint(starts.length, (i) => starts[i]! < 0)).toBe(0);
    expect(partitionPoint(starts.length, (i) => starts[i]! < 100)).toBe(starts.length);
    expect(partitionPoint(0, () => true)).toBe(0);
  });
});
