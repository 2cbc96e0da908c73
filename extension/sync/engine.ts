/**
 * The sync engine: one `sync()` reads what other devices wrote since the last time, merges it
 * with this device's notes, sends this device's changes as one new journal file and compacts
 * this device's journal when it has grown. Nothing local changes until everything was read and
 * sent: any failure leaves the notes and the read positions as they were, so the next sync
 * simply does it again (applying a version twice changes nothing).
 */
import type { Note } from '../notes/types';
import { formatStamp, parseStamp, receive, startClock, tick } from './hlc';
import {
  checkDeviceName,
  checkFormat,
  filesToRead,
  journalPath,
  listJournals,
  readBatch,
  sealBatch,
  type Codec,
  type JournalFile,
} from './journal';
import { joinVectors, mergeVersions, type Change } from './merge';
import { sameContent, syncedNote, type Cursors, type Replica, type ReplicaState } from './replica';
import { SyncError, type Remote, type SyncReport } from './types';

/** How an engine is made. */
export interface SyncEngineOptions {
  remote: Remote;
  codec: Codec;
  /** This device's name (letters, digits, - or _), the same at every sync. */
  device: string;
  replica: Replica;
  /** The wall clock (ms); tests skew it. */
  now?: () => number;
  /** How many files this device's journal may have before it is compacted into one. */
  compactAfter?: number;
}

/** Syncs one device's notes with a remote. */
export interface SyncEngine {
  /** Runs one sync. Rejects with SyncError, having changed nothing here. */
  sync(): Promise<SyncReport>;
  /** How many notes were created, edited or deleted here since the last sync. */
  pending(): Promise<number>;
}

/** How many times sending a batch is retried after losing a race for its sequence number. */
const SEND_ATTEMPTS = 5;
/** How many times a device's journal is listed again after a file vanished (compacted) under a read. */
const READ_ATTEMPTS = 3;

/** The engine for one device. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { remote, codec, device, replica } = options;
  const now = options.now ?? Date.now;
  const compactAfter = options.compactAfter ?? 32;
  checkDeviceName(device);
  let running: Promise<SyncReport> | null = null;

  async function run(): Promise<SyncReport> {
    await checkFormat(remote, 'fail');
    const state = await replica.state();
    const { changes: incoming, cursors, ownFiles } = await readOthers(state.cursors);
    const notes = await replica.notes();
    let clock = state.clock ?? startClock(device);

    // This device's changes since the last sync, stamped before what was received.
    const local = localChanges(notes, state.shadows);
    const pending = new Map<string, Change>();
    for (const { id, note, shadow } of local) {
      clock = tick(clock, now());
      pending.set(id, newVersion(id, formatStamp(clock), note, shadow));
    }
    for (const change of incoming) clock = receive(clock, parseStamp(change.stamp)!, now());

    const byNote = groupById(incoming);
    const stored = new Map(notes.map((note) => [note.id, note]));
    const outgoing: Change[] = [];
    const shadows: Change[] = [];
    const puts: Note[] = [];
    const deletes: string[] = [];
    let conflicts = 0;
    for (const id of new Set([...byNote.keys(), ...pending.keys()])) {
      const shadow = state.shadows.get(id);
      const mine = pending.get(id);
      const versions = [...(shadow ? [shadow] : []), ...(mine ? [mine] : []), ...(byNote.get(id) ?? [])];
      const result = mergeVersions(versions);
      if (result.conflicted) conflicts++;
      let version = result.version;
      if (result.merged) {
        // A text no one has yet: sent as a new version that includes all it merged.
        clock = tick(clock, now());
        const stamp = formatStamp(clock);
        version = { ...version, stamp, device, seen: joinVectors(version.seen, { [device]: stamp }) };
      }
      if (result.merged || version.stamp === mine?.stamp) outgoing.push(version);
      shadows.push(version);
      const here = stored.get(id);
      if (version.note && !(here && sameContent(here, version.note))) puts.push({ ...version.note, anchor: here?.anchor ?? 'unknown' });
      if (!version.note && here) deletes.push(id);
    }

    const sent = outgoing.length > 0 ? await send(outgoing, ownFiles) : null;
    await replica.commit({
      puts,
      deletes,
      expected: new Map(shadows.map((shadow) => [shadow.id, stored.get(shadow.id) ?? null])),
      shadows,
      clock,
      cursors,
    });
    const compactedBytes = await compactIfLong(sent ? [...ownFiles, sent] : ownFiles);
    return {
      sent: outgoing.length,
      received: puts.length + deletes.length,
      bytesSent: (sent?.bytes ?? 0) + compactedBytes,
      conflicts,
      at: now(),
    };
  }

  /** Reads every other device's journal files after the cursors; the cursors as they would then be. */
  async function readOthers(from: Cursors): Promise<{ changes: Change[]; cursors: Cursors; ownFiles: JournalFile[] }> {
    for (let attempt = 1; ; attempt++) {
      const journals = await listJournals(remote);
      const cursors: Cursors = { ...from };
      const changes: Change[] = [];
      let vanished = false;
      for (const [other, files] of journals) {
        if (other === device) continue;
        for (const file of filesToRead(files, cursors[other] ?? 0)) {
          const batch = await readBatch(remote, codec, file);
          if (!batch) {
            vanished = true;
            break;
          }
          changes.push(...batch);
          cursors[other] = Math.max(cursors[other] ?? 0, file.seq);
        }
        if (vanished) break;
      }
      if (!vanished) return { changes, cursors, ownFiles: journals.get(device) ?? [] };
      if (attempt === READ_ATTEMPTS) {
        throw new SyncError('conflict', `Files on ${remote.label} kept changing while Gloss read them; it will try again.`);
      }
    }
  }

  /** Sends a batch as this device's next journal file: the file and the bytes written. */
  async function send(changes: readonly Change[], ownFiles: readonly JournalFile[]): Promise<JournalFile & { bytes: number }> {
    let next = (ownFiles.at(-1)?.seq ?? 0) + 1;
    for (let attempt = 1; ; attempt++) {
      const file: JournalFile = { device, seq: next, compacted: false, path: journalPath(device, next) };
      const bytes = await sealBatch(codec, file, changes);
      try {
        await remote.put(file.path, bytes, { ifNoneMatch: '*' });
        return { ...file, bytes: bytes.length };
      } catch (error) {
        if (!(error instanceof SyncError && error.kind === 'conflict') || attempt === SEND_ATTEMPTS) throw error;
        // The number was taken (by this device's earlier, interrupted run): take the next free one.
        const files = (await listJournals(remote)).get(device) ?? [];
        next = Math.max(next, files.at(-1)?.seq ?? 0) + 1;
      }
    }
  }

  /**
   * When this device's journal has more than `compactAfter` files: writes one compacted file
   * (every note's latest change, tombstones kept) first, then deletes the files it covers, so no
   * change is ever only in a file being deleted. The bytes written. A failure here loses nothing
   * (the sync before it is complete, and the files stay as they were): it is tried again next time.
   */
  async function compactIfLong(files: readonly JournalFile[]): Promise<number> {
    if (files.length <= compactAfter) return 0;
    try {
      return await compact(files);
    } catch (error) {
      if (error instanceof SyncError) return 0;
      throw error;
    }
  }

  async function compact(files: readonly JournalFile[]): Promise<number> {
    const latest = new Map<string, Change>();
    for (const file of filesToRead(files, 0)) {
      for (const change of (await readBatch(remote, codec, file)) ?? []) {
        const known = latest.get(change.id);
        if (!known || known.stamp < change.stamp) latest.set(change.id, change);
      }
    }
    const last = files.at(-1)!.seq;
    const target: JournalFile = { device, seq: last, compacted: true, path: journalPath(device, last, true) };
    const bytes = await sealBatch(codec, target, [...latest.values()]);
    try {
      await remote.put(target.path, bytes, { ifNoneMatch: '*' });
    } catch (error) {
      // Already there: an earlier compaction wrote it and stopped before deleting.
      if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
    }
    for (const file of files) if (file.path !== target.path && file.seq <= last) await remote.delete(file.path);
    return bytes.length;
  }

  return {
    sync() {
      // One sync at a time per engine: a second call waits for the running one's result.
      running ??= run().finally(() => (running = null));
      return running;
    },
    async pending() {
      const [notes, state] = await Promise.all([replica.notes(), replica.state()]);
      return localChanges(notes, state.shadows).length;
    },
  };
}

/** Notes created, edited or deleted here since their shadows. */
function localChanges(notes: readonly Note[], shadows: ReplicaState['shadows']): { id: string; note: Note | null; shadow: Change | undefined }[] {
  const changes: { id: string; note: Note | null; shadow: Change | undefined }[] = [];
  const present = new Set<string>();
  for (const note of notes) {
    present.add(note.id);
    const shadow = shadows.get(note.id);
    if (!shadow?.note || !sameContent(note, shadow.note)) changes.push({ id: note.id, note, shadow });
  }
  for (const [id, shadow] of shadows) if (shadow.note && !present.has(id)) changes.push({ id, note: null, shadow });
  return changes;
}

/** This device's new version of a note (null: deleted), edited from `shadow`. */
function newVersion(id: string, stamp: string, note: Note | null, shadow: Change | undefined): Change {
  const device = parseStamp(stamp)!.device;
  const version: Change = {
    stamp,
    device,
    id,
    op: note ? 'put' : 'delete',
    note: note ? syncedNote(note) : null,
    // A note made again after a delete (undo) has no text to merge against.
    base: shadow?.note ? shadow.stamp : null,
    seen: joinVectors(shadow?.seen ?? {}, { [device]: stamp }),
  };
  if (note && shadow?.note && shadow.note.body !== note.body) version.baseBody = shadow.note.body;
  return version;
}

function groupById(changes: readonly Change[]): Map<string, Change[]> {
  const byId = new Map<string, Change[]>();
  for (const change of changes) byId.set(change.id, [...(byId.get(change.id) ?? []), change]);
  return byId;
}

export type { Codec } from './journal';
