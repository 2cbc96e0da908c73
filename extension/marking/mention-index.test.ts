import { describe, expect, it } from 'vitest';
import { testAnalysis } from '../ui/test-analysis';
import { MentionIndex } from './mention-index';

describe('MentionIndex', () => {
  const index = new MentionIndex([
    { start: 40, end: 48, entityId: 'c', type: 'ORG' },
    { start: 0, end: 8, entityId: 'a', type: 'LOC' },
    { start: 20, end: 35, entityId: 'b', type: 'PER' },
    { start: 26, end: 35, entityId: 'b2', type: 'PER' }, // inside the previous one: dropped
  ]);

  it('sorts mentions and drops overlapping ones', () => {
    expect(index.mentions.map((mention) => mention.entityId)).toEqual(['a', 'b', 'c']);
  });

  it('finds the mention containing an offset, end exclusive', () => {
    expect(index.mentionAt(0)?.entityId).toBe('a');
    expect(index.mentionAt(7)?.entityId).toBe('a');
    expect(index.mentionAt(8)).toBeNull();
    expect(index.mentionAt(19)).toBeNull();
    expect(index.mentionAt(20)?.entityId).toBe('b');
    expect(index.mentionAt(34)?.entityId).toBe('b');
    expect(index.mentionAt(47)?.entityId).toBe('c');
    expect(index.mentionAt(48)).toBeNull();
    expect(index.mentionAt(-1)).toBeNull();
  });

  it('agrees with a linear scan on a long list', () => {
    const many = Array.from({ length: 500 }, (_, at) => ({ start: at * 10, end: at * 10 + 1 + (at % 7), entityId: `e${at}`, type: 'PER' as const }));
    const big = new MentionIndex(many);
    for (let offset = -2; offset < 5010; offset += 3) {
      const expected = many.find((mention) => offset >= mention.start && offset < mention.end) ?? null;
      expect(big.mentionAt(offset)).toEqual(expected);
    }
  });

  it('keeps only the kinds asked for, from an analysis', () => {
    const analysis = testAnalysis();
    const places = MentionIndex.fromAnalysis(analysis, new Set(['LOC']));
    expect(places.size).toBe(2);
    expect(places.mentions.map((mention) => mention.entityId)).toEqual(['e1', 'e1']);
    expect(MentionIndex.fromAnalysis(analysis, new Set(['PER', 'ORG', 'LOC', 'MISC'])).size).toBe(5);
  });
});
