/**
 * The reader's local store: notes, the articles Gloss analysed and the entity index, in
 * IndexedDB (see `db.ts` for the schema). Opened by the background only.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { AnchorState, ArticleRecord, EntityMemory, EntityMention, Note } from '../notes/types';
import { abortQuietly, openGlossDb, type GlossDb, type GlossDbSchema } from './db';
import { DEFAULT_MAX_ARTICLES, deleteSite, putArticle, readMemory } from './memory';
import { NoteSearchIndex, type NoteHit } from './search';
import { foldedWords, noteTerms, PREFIX_MATCH_LENGTH, searchTerms } from './terms';
import { StoreError, type GlossStore, type ImportResult, type NotesPage } from './types';

/** How the store is opened. */
export interface StoreOptions {
  /** The database's name (tests use their own). */
  name?: string;
  /** How many articles the entity index keeps; the least recently seen are forgotten first. */
  maxArticles?: number;
}

/** The library's first page when no limit is asked for. */
const DEFAULT_PAGE = 50;

const BLOCKED_MESSAGE =
  'Gloss was updated while another of its windows still uses its old storage: close other Gloss windows or restart the browser, then try again.';

/** Opens the reader's store, creating or upgrading its database. Rejects with a `StoreError`. */
export async function openStore(options: StoreOptions = {}): Promise<GlossStore> {
  const store = new IndexedDbStore(options.name ?? 'gloss', options.maxArticles ?? DEFAULT_MAX_ARTICLES);
  await store.connection();
  return store;
}

type Names = StoreNames<GlossDbSchema>;

class IndexedDbStore implements GlossStore {
  private db: Promise<GlossDb> | null = null;
  /** Built when a search first finds nothing as typed, then kept in step with every change of the notes. */
  private searchIndex: Promise<NoteSearchIndex> | null = null;
  /** The search index once its build has finished. */
  private builtIndex: NoteSearchIndex | null = null;

  constructor(
    private readonly name: string,
    private readonly maxArticles: number,
  ) {}

  /** The open connection, reopened when the browser or a newer Gloss closed it. */
  connection(): Promise<GlossDb> {
    this.db ??= connect(this.name, () => (this.db = null)).catch((error: unknown) => {
      this.db = null;
      throw toStoreError(error, 'it could not be opened');
    });
    return this.db;
  }

  async saveNote(note: Note): Promise<Note> {
    await this.write(['notes', 'noteTerms'], 'the note was not saved', (tx) =>
      Promise.all([tx.objectStore('notes').put(note), tx.objectStore('noteTerms').put(noteTerms(note))]),
    );
    this.updateIndex((index) => index.upsert(note));
    return note;
  }

  getNote(id: string): Promise<Note | undefined> {
    return this.read(['notes'], 'the note could not be read', (tx) => tx.objectStore('notes').get(id));
  }

  async deleteNote(id: string): Promise<Note | null> {
    const deleted = await this.write(['notes', 'noteTerms'], 'the note was not deleted', async (tx) => {
      const notes = tx.objectStore('notes');
      const note = await notes.get(id);
      if (note) await Promise.all([notes.delete(id), tx.objectStore('noteTerms').delete(id)]);
      return note ?? null;
    });
    this.updateIndex((index) => index.remove(id));
    return deleted;
  }

  async notesFor(url: string): Promise<Note[]> {
    const notes = await this.read(['notes'], "the article's notes could not be read", (tx) =>
      tx.objectStore('notes').index('url').getAll(url),
    );
    return notes.sort(
      (a, b) => a.position.start - b.position.start || a.position.end - b.position.end || compare(a.created, b.created),
    );
  }

  async setAnchorStates(states: readonly { id: string; anchor: AnchorState }[]): Promise<void> {
    await this.write(['notes'], 'where the notes attach was not recorded', async (tx) => {
      const notes = tx.objectStore('notes');
      for (const { id, anchor } of states) {
        const note = await notes.get(id);
        if (note && note.anchor !== anchor) await notes.put({ ...note, anchor });
      }
    });
  }

  async searchNotes(query: string, limit = DEFAULT_PAGE): Promise<NotesPage> {
    if (query.trim() === '') return this.newestNotes(limit);
    // Both indexes find the same notes as typed; the in-memory one, once built, is the faster
    // (a few ms against tens: see `benchLibrary`), but building it takes most of a second for
    // 10,000 notes, so only a search that needs near spellings builds it. Building it ahead, as
    // the library opens, measured worse: the first search then waits on the build's reads and
    // slices (300 ms) instead of taking 25 ms.
    if (this.builtIndex) return this.pageOf(this.builtIndex.search(query), limit);
    const typed = await this.read(['notes', 'noteTerms'], 'the notes could not be read', (tx) =>
      searchTerms(tx, query, limit),
    );
    if (typed.total > 0 || !foldedWords(query).some((word) => word.length >= PREFIX_MATCH_LENGTH)) return typed;
    // Nothing matches as typed: look for near spellings ("shiping").
    return this.pageOf((await this.index()).search(query), limit);
  }

  allNotes(): Promise<Note[]> {
    return this.read(['notes'], 'the notes could not be read', (tx) => tx.objectStore('notes').getAll());
  }

  async importNotes(incoming: readonly Note[]): Promise<ImportResult> {
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
    const changed: Note[] = [];
    await this.write(['notes', 'noteTerms'], 'the notes were not imported', async (tx) => {
      const notes = tx.objectStore('notes');
      const terms = tx.objectStore('noteTerms');
      for (const note of incoming) {
        const existing = await notes.get(note.id);
        if (existing && sameNote(existing, note)) {
          result.unchanged++;
          continue;
        }
        await Promise.all([notes.put(existing ? { ...note, anchor: existing.anchor } : note), terms.put(noteTerms(note))]);
        result[existing ? 'updated' : 'added']++;
        changed.push(note);
      }
    });
    this.updateIndex((index) => changed.forEach((note) => index.upsert(note)));
    return result;
  }

  async clearNotes(): Promise<void> {
    await this.write(['notes', 'noteTerms'], 'the notes were not deleted', (tx) =>
      Promise.all([tx.objectStore('notes').clear(), tx.objectStore('noteTerms').clear()]),
    );
    this.updateIndex((index) => index.clear());
  }

  async rememberArticle(article: ArticleRecord, mentions: readonly EntityMention[]): Promise<void> {
    await this.write(['articles', 'mentions'], 'the article was not remembered', (tx) =>
      putArticle(tx, article, mentions, this.maxArticles),
    );
  }

  memoryFor(keys: readonly string[], excludeUrl: string): Promise<EntityMemory[]> {
    return this.read(['articles', 'mentions'], 'earlier articles could not be read', (tx) =>
      readMemory(tx, keys, excludeUrl),
    );
  }

  async articles(): Promise<ArticleRecord[]> {
    const articles = await this.read(['articles'], 'the articles could not be read', (tx) =>
      tx.objectStore('articles').index('seen').getAll(),
    );
    return articles.reverse();
  }

  async forgetSite(site: string): Promise<void> {
    await this.write(['articles', 'mentions'], 'the site was not forgotten', (tx) => deleteSite(tx, site));
  }

  async clearMemory(): Promise<void> {
    await this.write(['articles', 'mentions'], 'the articles were not forgotten', (tx) =>
      Promise.all([tx.objectStore('articles').clear(), tx.objectStore('mentions').clear()]),
    );
  }

  close(): void {
    const db = this.db;
    this.db = null;
    this.searchIndex = null;
    this.builtIndex = null;
    void db?.then((open) => open.close()).catch(() => {});
  }

  private async newestNotes(limit: number): Promise<NotesPage> {
    return this.read(['notes'], 'the notes could not be read', async (tx) => {
      const notes: Note[] = [];
      const byModified = tx.objectStore('notes').index('modified');
      for (let cursor = await byModified.openCursor(null, 'prev'); cursor && notes.length < limit; ) {
        notes.push(cursor.value);
        cursor = await cursor.continue();
      }
      return { notes, total: await byModified.count() };
    });
  }

  /** The notes of the first `limit` hits, with how many there are. */
  private async pageOf(hits: readonly NoteHit[], limit: number): Promise<NotesPage> {
    const notes = await this.read(['notes'], 'the notes could not be read', (tx) =>
      Promise.all(hits.slice(0, limit).map((hit) => tx.objectStore('notes').get(hit.id))),
    );
    return { notes: notes.filter((note): note is Note => !!note), total: hits.length };
  }

  private index(): Promise<NoteSearchIndex> {
    this.searchIndex ??= this.allNotes()
      .then((notes) => NoteSearchIndex.build(notes))
      .then((built) => (this.builtIndex = built))
      .catch((error: unknown) => {
        this.searchIndex = null;
        throw error;
      });
    return this.searchIndex;
  }

  /**
   * Applies a committed change to the search index once it is built. A build under way read
   * the notes in a transaction that started earlier, so applying the change after it is right;
   * changes are idempotent, in case the build already saw it.
   */
  private updateIndex(change: (index: NoteSearchIndex) => void): void {
    if (this.builtIndex) change(this.builtIndex);
    else void this.searchIndex?.then(change).catch(() => {});
  }

  private async read<N extends Names, T>(
    names: N[],
    failure: string,
    body: (tx: IDBPTransaction<GlossDbSchema, N[], 'readonly'>) => Promise<T>,
  ): Promise<T> {
    const db = await this.connection();
    try {
      return await body(db.transaction(names, 'readonly'));
    } catch (error) {
      throw toStoreError(error, failure);
    }
  }

  /**
   * Runs `body` in one read-write transaction: every change it makes lands, or none does. Any
   * error aborts the transaction, so changes already requested are rolled back.
   */
  private async write<N extends Names, T>(
    names: N[],
    lost: string,
    body: (tx: IDBPTransaction<GlossDbSchema, N[], 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    const db = await this.connection();
    const tx = db.transaction(names, 'readwrite');
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => {});
      throw toStoreError(tx.error ?? error, lost);
    }
  }
}

/** Opens the database; `dropped` is called when the connection is closed under the store. */
function connect(name: string, dropped: () => void): Promise<GlossDb> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    openGlossDb(name, {
      blocked() {
        blocked = true;
        reject(new StoreError(BLOCKED_MESSAGE, 'blocked'));
      },
      closedForUpgrade: dropped,
      terminated: dropped,
    }).then((db) => {
      // Opened after all, once the other window let go: the caller was already told, so let go too.
      if (blocked) db.close();
      else resolve(db);
    }, reject);
  });
}

/** A store failure in words the reader can act on; `lost` says what did not happen. */
export function toStoreError(error: unknown, lost: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError(
      `Your browser's storage for Gloss is full: ${lost}. Free space by deleting notes or forgetting sites in Gloss's options.`,
      'quota',
    );
  }
  const detail = error instanceof Error ? ` (${error.name}: ${error.message})` : '';
  return new StoreError(`Gloss could not use its storage: ${lost}${detail}.`, 'failed');
}

/** Whether two versions of a note say the same (where it last attached aside: that is never exported or synced). */
export function sameNote(a: Note, b: Note): boolean {
  return canonicalJson({ ...a, anchor: null }) === canonicalJson({ ...b, anchor: null });
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compare(a, b)))
      : inner,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
