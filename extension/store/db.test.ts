import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Note } from '../notes/types';
import { DB_VERSION, openGlossDb } from './db';
import { openStore } from './store';
import { makeArticle, makeNote } from './test-notes';

/** What a database of an earlier version held, and how the current code must read it back. */
interface EarlierDatabase {
  notes: Note[];
  articles: ArticleRecord[];
}

const notes = [
  makeNote({ id: 'urn:uuid:a', body: 'Notes on the siege' }, 40),
  makeNote({ id: 'urn:uuid:b', url: 'https://other.example/story', tags: [], colour: 'blue' }, 0),
];
const articles = [makeArticle('https://news.example/mariupol', '2026-03-01T10:00:00.000Z')];

/**
 * Writes a database exactly as each earlier version of Gloss did: that version's schema and
 * record shapes, with raw IndexedDB calls, not the current code.
 */
const WRITTEN_BY: Record<number, (name: string) => Promise<EarlierDatabase>> = {
  /** Version 1: notes (by url) and articles (by site); a note had no `anchor`. */
  1: async (name) => {
    const db = await rawOpen(name, 1, (db) => {
      db.createObjectStore('notes', { keyPath: 'id' }).createIndex('url', 'url');
      db.createObjectStore('articles', { keyPath: 'url' }).createIndex('site', 'site');
    });
    await rawPut(db, 'notes', notes.map(({ anchor: _anchor, ...v1Note }) => v1Note));
    await rawPut(db, 'articles', articles);
    db.close();
    return { notes, articles };
  },
};

describe('schema migrations', () => {
  it('has a writer for every earlier version', () => {
    expect(Object.keys(WRITTEN_BY).map(Number)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  for (const [version, write] of Object.entries(WRITTEN_BY)) {
    it(`opens a database written by version ${version} and finds every record`, async () => {
      const name = `migrate-from-${version}`;
      const written = await write(name);
      const store = await openStore({ name });
      expect(await store.allNotes()).toEqual(written.notes);
      expect(await store.articles()).toEqual(written.articles);
      // The indexes added since are filled from the old records.
      expect((await store.notesFor('https://news.example/mariupol')).map((note) => note.id)).toEqual(['urn:uuid:a']);
      expect((await store.searchNotes('')).total).toBe(written.notes.length);
      expect((await store.searchNotes('siege')).notes.map((note) => note.id)).toEqual(['urn:uuid:a']);
      await store.forgetSite('news.example');
      expect(await store.articles()).toEqual([]);
      store.close();
    });
  }

  it('creates the current schema in an empty database', async () => {
    const db = await openGlossDb('fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'mentions', 'notes']);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});

function rawOpen(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function rawPut(db: IDBDatabase, storeName: string, records: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, 'readwrite');
    for (const record of records) tx.objectStore(storeName).put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
