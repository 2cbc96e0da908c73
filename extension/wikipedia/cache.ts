/**
 * What Wikipedia answered, kept in the extension's IndexedDB (database `gloss-wikipedia`, apart
 * from the reader's notes so that clearing one never touches the other) so that a second hover
 * and a second page send no request.
 *
 * Two kinds of entry, so that the choice of article is made again with each page's own context
 * while neither answer is asked twice:
 * - a search: (language, folded name) → the candidates;
 * - a summary: (language, title) → the summary, or none (missing page, disambiguation page).
 * A found answer is kept 7 days, a none 1 day (the page may be written tomorrow); a failure is
 * never kept. At most `MAX_ENTRIES` are kept: past that, the entries closest to expiring go first.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { nameKey } from '../analysis/entities/names';
import type { SummaryResult } from './client';
import type { SearchCandidate } from './types';

/** How long a found answer is kept. */
export const FOUND_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** How long an answer of none is kept. */
export const NONE_TTL_MS = 24 * 60 * 60 * 1000;

/** The most answers kept: a few megabytes at most (a search entry holds up to ten short candidates). */
export const MAX_ENTRIES = 5000;
/** The bound is enforced at start-up and after this many new answers. */
const TRIM_EVERY = 100;

/** A summary answer worth keeping: found or none, never failed. */
export type CachedSummary = Exclude<SummaryResult, { status: 'failed' }>;

export interface WikipediaCache {
  /** The candidates a search for `name` in `lang` gave, unless unknown or expired. */
  getSearch(lang: string, name: string): Promise<SearchCandidate[] | undefined>;
  putSearch(lang: string, name: string, candidates: SearchCandidate[]): Promise<void>;
  /** The summary of `title` in `lang` (or none), unless unknown or expired. */
  getSummary(lang: string, title: string): Promise<CachedSummary | undefined>;
  putSummary(lang: string, title: string, result: CachedSummary): Promise<void>;
  /** Forgets every answer. */
  clear(): Promise<void>;
  close(): void;
}

export interface WikipediaCacheOptions {
  /** The database's name; tests and benches use their own. */
  name?: string;
  /** Milliseconds since the epoch. */
  now?(): number;
  /** The most entries kept (default `MAX_ENTRIES`). */
  maxEntries?: number;
}

interface Entry {
  /** "search|en|kherson" or "summary|en|Kherson". */
  key: string;
  value: SearchCandidate[] | CachedSummary;
  /** When it stops being used, in milliseconds since the epoch. */
  expires: number;
}

interface CacheSchema extends DBSchema {
  entries: { key: string; value: Entry; indexes: { expires: number } };
}

const DB_VERSION = 1;

/** Opens (creating) the cache database in the global `indexedDB`, drops the expired entries and trims it to its bound. */
export async function openWikipediaCache(options: WikipediaCacheOptions = {}): Promise<WikipediaCache> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const db = await openDB<CacheSchema>(options.name ?? 'gloss-wikipedia', DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('entries', { keyPath: 'key' }).createIndex('expires', 'expires');
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close(); // let a newer Gloss upgrade
    },
  });
  await dropExpired(db, now());
  await trim(db, maxEntries);
  let putsSinceTrim = 0;

  async function get(key: string): Promise<Entry['value'] | undefined> {
    const entry = await db.get('entries', key);
    return entry && entry.expires > now() ? entry.value : undefined;
  }

  async function put(key: string, value: Entry['value'], found: boolean): Promise<void> {
    await db.put('entries', { key, value, expires: now() + (found ? FOUND_TTL_MS : NONE_TTL_MS) });
    if (++putsSinceTrim >= TRIM_EVERY) {
      putsSinceTrim = 0;
      await trim(db, maxEntries);
    }
  }

  return {
    getSearch: async (lang, name) => (await get(searchKey(lang, name))) as SearchCandidate[] | undefined,
    putSearch: (lang, name, candidates) => put(searchKey(lang, name), candidates, candidates.length > 0),
    getSummary: async (lang, title) => (await get(summaryKey(lang, title))) as CachedSummary | undefined,
    putSummary: (lang, title, result) => put(summaryKey(lang, title), result, result.status === 'found'),
    clear: () => db.clear('entries'),
    close: () => db.close(),
  };
}

/** "Boïtchenko's" and "boitchenko" are one search. */
function searchKey(lang: string, name: string): string {
  return `search|${lang}|${nameKey(name)}`;
}

/** Titles are case-sensitive after their first letter, so kept as they are (spaces, not underscores). */
function summaryKey(lang: string, title: string): string {
  return `summary|${lang}|${title.replace(/_/g, ' ')}`;
}

async function dropExpired(db: IDBPDatabase<CacheSchema>, nowMs: number): Promise<void> {
  const tx = db.transaction('entries', 'readwrite');
  let cursor = await tx.store.index('expires').openCursor(IDBKeyRange.upperBound(nowMs));
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Deletes the entries closest to expiring until at most `maxEntries` are left. */
async function trim(db: IDBPDatabase<CacheSchema>, maxEntries: number): Promise<void> {
  const tx = db.transaction('entries', 'readwrite');
  let excess = (await tx.store.count()) - maxEntries;
  let cursor = excess > 0 ? await tx.store.index('expires').openCursor() : null;
  while (cursor && excess > 0) {
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
  await tx.done;
}
