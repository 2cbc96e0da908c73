/**
 * The local side of sync: the reader's notes (the `GlossStore`) and a small IndexedDB database
 * of sync's own (`gloss-sync`): the device's clock, per note the shadow (the last version synced,
 * with its stamp and version vector) and per remote device how far its journal was read.
 * Local changes are found by comparing the notes with their shadows (a shadow without its note
 * is a local delete), so the store needs no hooks and a crash cannot lose a change.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Note } from '../notes/types';
import { sameNote } from '../store/store';
import type { GlossStore } from '../store/types';
import type { Hlc } from './hlc';
import type { Change, SyncedNote } from './merge';

/** Per remote device, the sequence number of the last journal file read. */
export type Cursors = Record<string, number>;

/** What sync remembers between runs. */
export interface ReplicaState {
  /** The device's clock after its last sync, null before the first. */
  clock: Hlc | null;
  /** Per note id, the last version synced (a tombstone when deleted). */
  shadows: Map<string, Change>;
  cursors: Cursors;
}

/** What a sync writes back. */
export interface ReplicaUpdate {
  /** Notes to create or replace, and ids to delete, from what other devices changed. */
  puts: SyncedNote[];
  deletes: string[];
  /**
   * Per note touched, the note as it was read at the start of the sync (null: none): a note the
   * reader changed since is left as the reader has it, with its old shadow, for the next sync.
   */
  expected: Map<string, Note | null>;
  /** New shadows (by `id`). */
  shadows: Change[];
  clock: Hlc;
  cursors: Cursors;
}

/** The local side the engine syncs. */
export interface Replica {
  /** The reader's notes now. */
  notes(): Promise<Note[]>;
  state(): Promise<ReplicaState>;
  /** Writes the notes first (one transaction), then sync's own state. */
  commit(update: ReplicaUpdate): Promise<void>;
}

/** A note as it travels (without its local anchor state, and without an empty conflicts list). */
export function syncedNote(note: Note | SyncedNote): SyncedNote {
  const { anchor: _anchor, ...synced } = note as Note;
  if (synced.conflicts?.length === 0 || ('conflicts' in synced && synced.conflicts === undefined)) delete synced.conflicts;
  return synced;
}

/** Whether a local note says the same as a synced version. */
export function sameContent(local: Note, synced: SyncedNote): boolean {
  return sameNote(local, { ...synced, anchor: local.anchor });
}

interface SyncDbSchema extends DBSchema {
  meta: { key: string; value: unknown };
  shadows: { key: string; value: Change };
  cursors: { key: string; value: number };
}

/** The default name of sync's own database. */
export const SYNC_DB = 'gloss-sync';

/** The replica over `store`, keeping sync's state in the database `name`. */
export function openReplica(store: GlossStore, name = SYNC_DB): Replica {
  let db: Promise<IDBPDatabase<SyncDbSchema>> | null = null;
  const connection = () =>
    (db ??= openDB<SyncDbSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('meta');
        database.createObjectStore('shadows', { keyPath: 'id' });
        database.createObjectStore('cursors');
      },
      terminated: () => (db = null),
    }).catch((error: unknown) => {
      db = null;
      throw error;
    }));

  return {
    notes: () => store.allNotes(),

    async state() {
      const tx = (await connection()).transaction(['meta', 'shadows', 'cursors']);
      const [clock, shadows, cursorKeys, cursorValues] = await Promise.all([
        tx.objectStore('meta').get('clock') as Promise<Hlc | undefined>,
        tx.objectStore('shadows').getAll(),
        tx.objectStore('cursors').getAllKeys(),
        tx.objectStore('cursors').getAll(),
      ]);
      return {
        clock: clock ?? null,
        shadows: new Map(shadows.map((shadow) => [shadow.id, shadow])),
        cursors: Object.fromEntries(cursorKeys.map((key, i) => [key, cursorValues[i]!])),
      };
    },

    async commit(update) {
      const current = new Map((await store.allNotes()).map((note) => [note.id, note]));
      const untouched = (id: string) => {
        const before = update.expected.get(id) ?? null;
        const now = current.get(id) ?? null;
        return before === null || now === null ? before === now : sameNote(before, now);
      };
      const puts = update.puts.filter((note) => untouched(note.id));
      // A note new here gets 'unknown' until a page places it; importNotes keeps a known note's state.
      if (puts.length > 0) await store.importNotes(puts.map((note) => ({ ...note, anchor: 'unknown' })));
      for (const id of update.deletes) if (untouched(id)) await store.deleteNote(id);
      // Sync's state after the notes: a crash between the two re-sends a version, never loses one.
      const tx = (await connection()).transaction(['meta', 'shadows', 'cursors'], 'readwrite');
      const shadows = tx.objectStore('shadows');
      const cursors = tx.objectStore('cursors');
      await Promise.all([
        tx.objectStore('meta').put(update.clock, 'clock'),
        ...update.shadows.filter((shadow) => untouched(shadow.id)).map((shadow) => shadows.put(shadow)),
        ...Object.entries(update.cursors).map(([device, seq]) => cursors.put(seq, device)),
        tx.done,
      ]);
    },
  };
}

/** Forgets everything sync remembers on this device (after a disconnect). The notes stay. */
export async function resetReplica(name = SYNC_DB): Promise<void> {
  await deleteDB(name);
}
