/**
 * Changes and their merge. A change is one device's version of one note: the whole note (a put)
 * or a tombstone (a delete), stamped by the device's hybrid logical clock, with the version it
 * edited (`base`) and a version vector (`seen`: per device, the latest of that device's stamps
 * for this note the version includes). The vector says exactly whether one version includes
 * another, even after journals were compacted and intermediate versions are gone.
 *
 * Merging the versions of a note is deterministic (a pure function of the set, folded in stamp
 * order): a version that includes another replaces it; two concurrent ones (neither includes the
 * other) take every field from the higher stamp except the body, which is merged three-way
 * (node-diff3, word by word) against a version both include; when that merge conflicts, or no
 * common version is known, the higher stamp's text stays and the other text goes into
 * `note.conflicts`: no text is dropped (save past `MAX_CONFLICTS` kept texts, the oldest). A delete concurrent with an edit loses: the edited
 * note is kept (an edit made without knowing of the delete is worth more than the delete, and a
 * reader can delete again; a lost text cannot be brought back).
 *
 * Devices converge because a merge that makes a new text is sent as a new change whose vector
 * includes everything merged: every other device then simply adopts it.
 */
import { diff3Merge } from 'node-diff3';
import { MAX_CONFLICTS, type Note, type NoteConflict } from '../notes/types';
import { compareStamps, parseStamp } from './hlc';

/** A note as it travels: without where it last attached on this device's page (local only). */
export type SyncedNote = Omit<Note, 'anchor'>;

/** Per device, the latest stamp of that device's versions of a note that a version includes. */
export type VersionVector = Record<string, string>;

/** One device's version of one note. */
export interface Change {
  /** Hybrid-logical-clock stamp (`formatStamp`): unique, orders versions. */
  stamp: string;
  /** The device that wrote it. */
  device: string;
  /** The note's id. */
  id: string;
  op: 'put' | 'delete';
  /** The note for a put; null for a delete (a tombstone). */
  note: SyncedNote | null;
  /** The stamp of the version it edited, null for a new note. */
  base: string | null;
  /** The body of the version it edited, when it differs from `note.body` (for three-way merges). */
  baseBody?: string;
  seen: VersionVector;
}

/** The outcome of merging a note's versions. */
export interface MergeResult {
  /** The merged version: one of the inputs, or a new text under the highest stamp's name. */
  version: Change;
  /** Whether the merge made a text no input had (it must then be sent as a new change). */
  merged: boolean;
  /** Whether a text went into `conflicts` during this merge. */
  conflicted: boolean;
}

/** Whether the version with vector `seen` includes the version stamped `stamp`. */
export function includesStamp(seen: VersionVector, stamp: string): boolean {
  const device = parseStamp(stamp)?.device;
  const latest = device === undefined ? undefined : seen[device];
  return latest !== undefined && compareStamps(latest, stamp) >= 0;
}

/** Whether vector `a` includes everything `b` does. */
export function includesAll(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(b).every(([device, stamp]) => a[device] !== undefined && compareStamps(a[device], stamp) >= 0);
}

/** The pointwise latest of two vectors. */
export function joinVectors(a: VersionVector, b: VersionVector): VersionVector {
  const joined: VersionVector = { ...a };
  for (const [device, stamp] of Object.entries(b)) {
    if (joined[device] === undefined || compareStamps(joined[device], stamp) < 0) joined[device] = stamp;
  }
  return sortedVector(joined);
}

/**
 * Merges every known version of one note (all with its id), the same whatever order they came
 * in. `versions` must not be empty.
 */
export function mergeVersions(versions: readonly Change[]): MergeResult {
  const sorted = [...versions].sort((a, b) => compareStamps(a.stamp, b.stamp));
  // Versions another one includes add nothing (a later stamp breaks ties between equal vectors).
  const heads = sorted.filter(
    (version, i) => !sorted.some((other, j) => j !== i && includesAll(other.seen, version.seen) && (!includesAll(version.seen, other.seen) || j > i)),
  );
  let result: MergeResult = { version: heads[0]!, merged: false, conflicted: false };
  for (const next of heads.slice(1)) {
    const step = mergeConcurrent(result.version, next);
    result = { version: step.version, merged: result.merged || step.merged, conflicted: result.conflicted || step.conflicted };
  }
  return result;
}

/** Merges two versions neither of which includes the other. */
function mergeConcurrent(x: Change, y: Change): MergeResult {
  const [loser, winner] = compareStamps(x.stamp, y.stamp) < 0 ? [x, y] : [y, x];
  const seen = joinVectors(winner.seen, loser.seen);
  if (!winner.note || !loser.note) {
    // A delete loses against a concurrent edit; two deletes are one.
    const kept = winner.note ? winner : loser.note ? loser : winner;
    return { version: { ...kept, seen }, merged: false, conflicted: false };
  }
  const body = mergeBodies(winner, loser);
  const conflicts = mergeConflicts(winner.note, loser.note, body.conflict ? { body: loser.note.body, device: loser.device, modified: loser.note.modified } : null, body.text);
  const note: SyncedNote = { ...winner.note, body: body.text };
  delete note.conflicts;
  if (conflicts.length > 0) note.conflicts = conflicts;
  const version: Change = { ...winner, note, seen, baseBody: baseBodyOf(winner) };
  if (version.baseBody === note.body) delete version.baseBody;
  const merged = body.text !== winner.note.body || !sameConflicts(conflicts, winner.note.conflicts ?? []);
  return { version, merged, conflicted: body.conflict };
}

/** The body a version edited. */
function baseBodyOf(version: Change): string {
  return version.baseBody ?? version.note!.body;
}

/** The winner's and the loser's bodies merged, or the winner's with `conflict` when they do not merge. */
function mergeBodies(winner: Change, loser: Change): { text: string; conflict: boolean } {
  const ours = winner.note!.body;
  const theirs = loser.note!.body;
  if (ours === theirs) return { text: ours, conflict: false };
  const ancestor = commonBase(winner, loser);
  if (ancestor === null) return { text: ours, conflict: true };
  const regions = diff3Merge(words(ours), words(ancestor), words(theirs), { excludeFalseConflicts: true });
  if (regions.some((region) => region.conflict)) return { text: ours, conflict: true };
  return { text: regions.flatMap((region) => region.ok ?? []).join(''), conflict: false };
}

/** The body of a version both include (the later of the two bases that qualify), or null. */
function commonBase(winner: Change, loser: Change): string | null {
  const candidates = [winner, loser]
    .filter((version) => {
      const other = version === winner ? loser : winner;
      return version.base !== null && includesStamp(other.seen, version.base);
    })
    .sort((a, b) => compareStamps(b.base!, a.base!));
  return candidates[0] ? baseBodyOf(candidates[0]) : null;
}

/** Words and the spaces between them, so that a merge keeps the text's own spacing. */
function words(text: string): string[] {
  return text.split(/(\s+)/).filter((part) => part !== '');
}

/**
 * Both notes' kept texts and the new one, each once, oldest first, none equal to the shown text;
 * the newest `MAX_CONFLICTS` of them.
 */
function mergeConflicts(a: SyncedNote, b: SyncedNote, added: NoteConflict | null, shown: string): NoteConflict[] {
  const all = [...(a.conflicts ?? []), ...(b.conflicts ?? []), ...(added ? [added] : [])];
  const unique = new Map(all.filter((conflict) => conflict.body !== shown).map((conflict) => [conflictKey(conflict), conflict]));
  return [...unique.entries()]
    .sort(([x], [y]) => compareStamps(x, y))
    .map(([, conflict]) => conflict)
    .slice(-MAX_CONFLICTS);
}

function conflictKey(conflict: NoteConflict): string {
  return JSON.stringify([conflict.modified, conflict.device, conflict.body]);
}

function sameConflicts(a: readonly NoteConflict[], b: readonly NoteConflict[]): boolean {
  return a.length === b.length && a.every((conflict, i) => conflictKey(conflict) === conflictKey(b[i]!));
}

function sortedVector(vector: VersionVector): VersionVector {
  return Object.fromEntries(Object.entries(vector).sort(([a], [b]) => compareStamps(a, b)));
}
