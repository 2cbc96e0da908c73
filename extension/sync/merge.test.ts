import { describe, expect, it } from 'vitest';
import { MAX_CONFLICTS, type NoteConflict } from '../notes/types';
import { makeNote } from '../store/test-notes';
import { formatStamp } from './hlc';
import { mergeVersions, type Change } from './merge';

/** A device's version of note "n1", written without knowing of the other device's (no common base). */
function version(device: string, wall: number, body: string, conflicts: NoteConflict[]): Change {
  const stamp = formatStamp({ wall, counter: 0, device });
  const { anchor: _anchor, ...note } = makeNote({ id: 'n1', body, modified: new Date(wall).toISOString(), conflicts });
  return { stamp, device, id: 'n1', op: 'put', note, base: null, seen: { [device]: stamp } };
}

/** `count` kept texts from `device`, the first modified at `from` (ms), one a second. */
function keptTexts(device: string, from: number, count: number): NoteConflict[] {
  return Array.from({ length: count }, (_, i) => ({ body: `${device} text ${i}`, device, modified: new Date(from + i * 1000).toISOString() }));
}

describe('mergeVersions', () => {
  it('keeps the loser’s text beside the winner’s when the two do not merge', () => {
    const { version: merged, conflicted } = mergeVersions([version('a', 10_000, 'Port closed.', []), version('b', 20_000, 'Port open.', [])]);
    expect(conflicted).toBe(true);
    expect(merged.note?.body).toBe('Port open.');
    expect(merged.note?.conflicts?.map((conflict) => conflict.body)).toEqual(['Port closed.']);
  });

  it(`keeps at most ${MAX_CONFLICTS} texts beside a note, the newest, so that a runaway still syncs`, () => {
    const a = version('a', 100_000_000, 'A’s text', keptTexts('a', 1_000_000, 15));
    const b = version('b', 200_000_000, 'B’s text', keptTexts('b', 2_000_000, 15));
    const conflicts = mergeVersions([a, b]).version.note?.conflicts ?? [];
    expect(conflicts).toHaveLength(MAX_CONFLICTS);
    // 31 texts: a's 15, b's 15 and a's own body; the 11 oldest (a's first 11) make way.
    expect(conflicts[0]!.body).toBe('a text 11');
    expect(conflicts.at(-1)!.body).toBe('A’s text');
    expect(mergeVersions([b, a]).version).toEqual(mergeVersions([a, b]).version);
  });
});
