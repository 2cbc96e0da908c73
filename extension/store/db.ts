/**
 * The IndexedDB schema of the reader's store, with its history. Each version's upgrade runs in
 * order from the version a database was last opened with, in the one upgrade transaction, so a
 * database written by any earlier Gloss opens with every record in the current shape.
 *
 * - Version 1: `notes` (keyPath `id`, index `url`) and `articles` (keyPath `url`, index `site`).
 *   A note had no `anchor` field.
 * - Version 2: the entity index `mentions` (keyPath `[key, url]`, indexes `key` and `url`);
 *   `notes` gains the index `modified` (the library lists newest change first) and every note
 *   gains `anchor: 'unknown'`; `articles` gains the index `seen` (the oldest are evicted first).
 * - Version 3: the library's term index `noteTerms` (keyPath `id`, the note's id; `multiEntry`
 *   index `terms`), filled from every note, so a search needs no in-memory index built first.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ArticleRecord, EntityMention, Note } from '../notes/types';
import { noteTerms, type NoteTerms } from './terms';

/** The schema of the current version. */
export interface GlossDbSchema extends DBSchema {
  notes: { key: string; value: Note; indexes: { url: string; modified: string } };
  articles: { key: string; value: ArticleRecord; indexes: { site: string; seen: string } };
  mentions: { key: [string, string]; value: EntityMention; indexes: { key: string; url: string } };
  /**
   * Each note's folded words, in a store of their own rather than in the note's record: every
   * reader of `notes` (store, export, library listing) keeps getting plain notes with nothing to
   * strip, and listing or reading all notes does not also read (clone) every word of them.
   */
  noteTerms: { key: string; value: NoteTerms; indexes: { terms: string } };
}

/** An open connection to the store's database. */
export type GlossDb = IDBPDatabase<GlossDbSchema>;

type UpgradeTransaction = IDBPTransaction<GlossDbSchema, StoreNames<GlossDbSchema>[], 'versionchange'>;

/**
 * The upgrades, one per version: `MIGRATIONS[n - 1]` brings a database from version n - 1 to n.
 * Older upgrades stay as written: they describe what each version did, not what it does now.
 */
const MIGRATIONS: ((db: GlossDb, tx: UpgradeTransaction) => Promise<void>)[] = [
  async (db) => {
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('url', 'url');
    db.createObjectStore('articles', { keyPath: 'url' }).createIndex('site', 'site');
  },
  async (db, tx) => {
    const mentions = db.createObjectStore('mentions', { keyPath: ['key', 'url'] });
    mentions.createIndex('key', 'key');
    mentions.createIndex('url', 'url');
    tx.objectStore('articles').createIndex('seen', 'seen');
    const notes = tx.objectStore('notes');
    notes.createIndex('modified', 'modified');
    for (let cursor = await notes.openCursor(); cursor; cursor = await cursor.continue()) {
      const note: Partial<Note> = cursor.value;
      if (note.anchor === undefined) await cursor.update({ ...cursor.value, anchor: 'unknown' });
    }
  },
  async (db, tx) => {
    db.createObjectStore('noteTerms', { keyPath: 'id' }).createIndex('terms', 'terms', { multiEntry: true });
    // Words as `noteTerms` splits and folds them today: a change to that rule needs a version
    // that recomputes them, or notes indexed before it would be found by the old rule only.
    const terms = tx.objectStore('noteTerms');
    const notes = await tx.objectStore('notes').getAll();
    await Promise.all(notes.map((note) => terms.put(noteTerms(note))));
  },
];

/** The schema version this code writes. */
export const DB_VERSION = MIGRATIONS.length;

/** What can go wrong while opening, besides the open request failing. */
export interface OpenGlossDbHandlers {
  /** An older connection (another Gloss window) does not let the upgrade start. */
  blocked?: () => void;
  /** A newer Gloss wants to upgrade the database: this connection has been closed for it. */
  closedForUpgrade?: () => void;
  /** The browser closed the connection (the database was deleted, or storage was cleared). */
  terminated?: () => void;
}

/** Opens (creating or upgrading) the Gloss database, in the global `indexedDB`. */
export function openGlossDb(name = 'gloss', handlers: OpenGlossDbHandlers = {}): Promise<GlossDb> {
  return openDB<GlossDbSchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      try {
        for (let version = oldVersion; version < DB_VERSION; version++) await MIGRATIONS[version]!(db, tx);
      } catch {
        // The open then fails and the database stays at its old version, with its old records.
        abortQuietly(tx);
      }
    },
    blocked: () => handlers.blocked?.(),
    blocking(_current, _next, event) {
      // Let the newer version upgrade rather than hold it up until this worker stops.
      (event.target as IDBDatabase).close();
      handlers.closedForUpgrade?.();
    },
    terminated: () => handlers.terminated?.(),
  });
}

/** Aborts a transaction unless it has already finished (a failed request aborts it by itself). */
export function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted or committed.
  }
}
