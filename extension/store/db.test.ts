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
  makeNote(
    {
      id: 'urn:uuid:a',
      body: 'Notes on the siege',
      entity: { key: 'PER:vadim boitchenko', name: 'Vadim Boïtchenko', type: 'PER' },
      modified: '2026-03-02T00:00:00.000Z',
    },
    40,
  ),
  makeNote({ id: 'urn:uuid:b', url: 'https://other.example/story', body: 'Ferry timetable', tags: [], colour: 'blue' }, 0),
];
/** A word (or prefix) only each note has, in each of the fields a search looks at. */
const ONLY_IN: Record<string, string[]> = {
  'urn:uuid:a': ['siege', 'Boitchenko', 'boïtch', 'refugees', 'notes on'],
  'urn:uuid:b': ['ferry', 'TIMETABLE'],
};
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
  /** Version 2: the entity index, notes by change and articles by visit; a note has an `anchor`. */
  2: async (name) => {
    const db = await rawOpen(name, 2, (db) => {
      const v2Notes = db.createObjectStore('notes', { keyPath: 'id' });
      v2Notes.createIndex('url', 'url');
      v2Notes.createIndex('modified', 'modified');
      const v2Articles = db.createObjectStore('articles', { keyPath: 'url' });
      v2Articles.createIndex('site', 'site');
      v2Articles.createIndex('seen', 'seen');
      const mentions = db.createObjectStore('mentions', { keyPath: ['key', 'url'] });
      mentions.createIndex('key', 'key');
      mentions.createIndex('url', 'url');
    });
    const v2Notes = notes.map((note, n) => ({ ...note, anchor: n === 0 ? 'anchored' : 'orphaned' }) as const);
    await rawPut(db, 'notes', v2Notes);
    await rawPut(db, 'articles', articles);
    db.close();
    return { notes: v2Notes, articles };
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
      // Every note is found by the words of each of its fields (the term index was filled).
      expect(Object.keys(ONLY_IN).sort()).toEqual(written.notes.map((note) => note.id).sort());
      for (const [id, queries] of Object.entries(ONLY_IN)) {
        for (const query of queries) expect([query, (await store.searchNotes(query)).notes.map((note) => note.id)]).toEqual([query, [id]]);
      }
      expect((await store.searchNotes('mariupol day 3.9 million')).total).toBe(2);
      await store.forgetSite('news.example');
      expect(await store.articles()).toEqual([]);
      store.close();
    });
  }

  it('creates the current schema in an empty database', async () => {
    const db = await openGlossDb('fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'mentions', 'noteTerms', 'notes']);
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
