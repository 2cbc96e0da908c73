import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GlossStore } from './types';
import { StoreError } from './types';
import { NoteSearchIndex } from './search';
import { openStore } from './store';
import { makeArticle, makeNote } from './test-notes';

let opened: GlossStore[] = [];
let dbCount = 0;

/** A store on a database of its own. */
async function freshStore(maxArticles?: number): Promise<GlossStore> {
  const store = await openStore({ name: `store-test-${++dbCount}`, maxArticles });
  opened.push(store);
  return store;
}

afterEach(() => {
  opened.forEach((store) => store.close());
  opened = [];
  vi.restoreAllMocks();
});

describe('notes', () => {
  it('saves, reads, replaces and deletes a note, returning it for undo', async () => {
    const store = await freshStore();
    const note = makeNote({ id: 'urn:uuid:1' });
    expect(await store.saveNote(note)).toEqual(note);
    expect(await store.getNote(note.id)).toEqual(note);
    await store.saveNote({ ...note, body: 'Edited', colour: 'green' });
    expect(await store.getNote(note.id)).toMatchObject({ body: 'Edited', colour: 'green' });
    expect(await store.allNotes()).toHaveLength(1);
    expect(await store.deleteNote(note.id)).toMatchObject({ id: note.id, body: 'Edited' });
    expect(await store.getNote(note.id)).toBeUndefined();
    expect(await store.deleteNote(note.id)).toBeNull();
  });

  it('lists the notes of one article in text order', async () => {
    const store = await freshStore();
    await store.saveNote(makeNote({ id: 'c' }, 300));
    await store.saveNote(makeNote({ id: 'a' }, 10));
    await store.saveNote(makeNote({ id: 'b' }, 120));
    await store.saveNote(makeNote({ id: 'other', url: 'https://news.example/other' }, 0));
    expect((await store.notesFor('https://news.example/mariupol')).map((note) => note.id)).toEqual(['a', 'b', 'c']);
    expect(await store.notesFor('https://news.example/none')).toEqual([]);
  });

  it('records where each note attached', async () => {
    const store = await freshStore();
    await store.saveNote(makeNote({ id: 'a' }));
    await store.saveNote(makeNote({ id: 'b' }));
    await store.setAnchorStates([
      { id: 'a', anchor: 'anchored' },
      { id: 'b', anchor: 'orphaned' },
      { id: 'gone', anchor: 'anchored' },
    ]);
    expect((await store.getNote('a'))?.anchor).toBe('anchored');
    expect((await store.getNote('b'))?.anchor).toBe('orphaned');
    expect(await store.getNote('gone')).toBeUndefined();
  });

  it('imports idempotently: the same file twice changes nothing', async () => {
    const store = await freshStore();
    await store.saveNote({ ...makeNote({ id: 'kept' }), anchor: 'anchored' });
    const file = [
      makeNote({ id: 'kept' }),
      makeNote({ id: 'new', body: 'A new one' }),
      makeNote({ id: 'other', body: 'Another' }),
    ];
    expect(await store.importNotes(file)).toEqual({ added: 2, updated: 0, unchanged: 1 });
    expect(await store.importNotes(file)).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await store.allNotes()).toHaveLength(3);
    // Where a note attached is not part of a file: the import keeps what the page found.
    expect((await store.getNote('kept'))?.anchor).toBe('anchored');
    const edited = { ...file[1]!, body: 'Edited elsewhere', modified: '2026-04-01T00:00:00.000Z' };
    expect(await store.importNotes([edited])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await store.getNote('new'))?.body).toBe('Edited elsewhere');
  });

  it('deletes every note', async () => {
    const store = await freshStore();
    await store.importNotes([makeNote({ id: 'a' }), makeNote({ id: 'b' })]);
    await store.clearNotes();
    expect(await store.allNotes()).toEqual([]);
    expect(await store.searchNotes('')).toEqual({ notes: [], total: 0 });
  });
});

describe('library search', () => {
  async function library(): Promise<GlossStore> {
    const store = await freshStore();
    await store.importNotes([
      makeNote({ id: 'siege', body: 'The siege of the port city', tags: ['war'], modified: '2026-03-01T00:00:00Z' }),
      makeNote({
        id: 'mayor',
        body: 'What the mayor said',
        entity: { key: 'PER:vadim boitchenko', name: 'Vadim Boïtchenko', type: 'PER' },
        modified: '2026-03-03T00:00:00Z',
      }),
      makeNote({
        id: 'grain',
        title: 'Grain exports resume',
        body: 'Shipping figures',
        tags: ['economy', 'black-sea'],
        quote: { type: 'TextQuoteSelector', exact: '20 million tonnes of grain', prefix: '', suffix: '' },
        modified: '2026-03-02T00:00:00Z',
      }),
    ]);
    return store;
  }

  const ids = (page: { notes: { id: string }[] }) => page.notes.map((note) => note.id);

  it("lists every note newest change first for ''", async () => {
    const store = await library();
    const page = await store.searchNotes('');
    expect(ids(page)).toEqual(['mayor', 'grain', 'siege']);
    expect(page.total).toBe(3);
    expect(await store.searchNotes('', 2)).toMatchObject({ total: 3, notes: [{ id: 'mayor' }, { id: 'grain' }] });
  });

  it('finds notes by body, tag, quote, title and entity name', async () => {
    const store = await library();
    expect(ids(await store.searchNotes('siege'))).toEqual(['siege']);
    expect(ids(await store.searchNotes('economy'))).toEqual(['grain']);
    expect(ids(await store.searchNotes('tonnes'))).toEqual(['grain']);
    expect(ids(await store.searchNotes('exports'))).toEqual(['grain']);
    expect(ids(await store.searchNotes('Boitchenko'))).toEqual(['mayor']);
    expect(ids(await store.searchNotes('boïtchenko mayor'))).toEqual(['mayor']);
  });

  it('matches prefixes and typos of longer words, not of short ones', async () => {
    const store = await library();
    expect(ids(await store.searchNotes('Boitch'))).toEqual(['mayor']);
    expect(ids(await store.searchNotes('shiping'))).toEqual(['grain']);
    expect(ids(await store.searchNotes('wa'))).toEqual([]);
    expect(await store.searchNotes('nothing like this')).toEqual({ notes: [], total: 0 });
  });

  it('keeps the index in step with saves, deletes, imports and clearing', async () => {
    const store = await library();
    expect(ids(await store.searchNotes('siege'))).toEqual(['siege']);
    await store.saveNote(makeNote({ id: 'siege', body: 'Blockade, not siege', modified: '2026-03-04T00:00:00Z' }));
    await store.saveNote(makeNote({ id: 'new', body: 'Another siege', modified: '2026-03-05T00:00:00Z' }));
    expect(ids(await store.searchNotes('siege'))).toEqual(['new', 'siege']);
    await store.deleteNote('new');
    expect(ids(await store.searchNotes('siege'))).toEqual(['siege']);
    await store.importNotes([makeNote({ id: 'imported', body: 'Siege diary' })]);
    expect(ids(await store.searchNotes('siege'))).toEqual(['siege', 'imported']);
    await store.clearNotes();
    expect(await store.searchNotes('siege')).toEqual({ notes: [], total: 0 });
  });

  it('answers a store just opened from the term index, building the typo index only for a typo', async () => {
    const name = (await library(), `store-test-${dbCount}`);
    opened.forEach((store) => store.close());
    const build = vi.spyOn(NoteSearchIndex, 'build');
    const reopened = await openStore({ name });
    opened.push(reopened);
    expect(ids(await reopened.searchNotes('boitch'))).toEqual(['mayor']);
    expect(ids(await reopened.searchNotes('port war'))).toEqual(['siege']);
    expect(build).not.toHaveBeenCalled();
    expect(ids(await reopened.searchNotes('shiping'))).toEqual(['grain']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('finds the same notes as typed before and after the typo index is built', async () => {
    const store = await library();
    const queries = ['mariupol', 'MARIUPOL day', 'black', 'black-sea', 'boïtchenko', 'of the', 'grai', 'gra', 'shipping', '3.9'];
    const before = await Promise.all(queries.map((query) => store.searchNotes(query)));
    expect(before.map((page) => page.total)).toEqual([2, 2, 1, 1, 1, 1, 1, 0, 1, 2]);
    await store.searchNotes('shiping'); // builds it
    expect(await Promise.all(queries.map((query) => store.searchNotes(query)))).toEqual(before);
  });

  it('sees a note saved while the index is being built', async () => {
    const store = await library();
    const listing = store.searchNotes('shiping'); // starts the build
    const saving = store.saveNote(makeNote({ id: 'late', body: 'Late siege note', modified: '2026-03-09T00:00:00Z' }));
    await Promise.all([listing, saving]);
    expect(ids(await store.searchNotes('siege'))).toEqual(['late', 'siege']);
  });
});

describe('memory across articles', () => {
  const mention = (key: string, url: string, figures: { text: string; value: number; date: string }[] = []) => ({
    key,
    name: key.slice(4),
    type: 'ORG' as const,
    url,
    role: 'refugee agency',
    figures: figures.map((figure) => ({ ...figure, unit: 'people', source: 'UNHCR', url, title: url })),
    sources: [],
  });

  it("gives other articles' roles and figures for an entity, newest first", async () => {
    const store = await freshStore();
    const march = 'https://a.example/march';
    const april = 'https://b.example/april';
    const today = 'https://a.example/today';
    await store.rememberArticle(makeArticle(march, '2026-05-01', { published: '2026-03-01' }), [
      mention('ORG:unhcr', march, [{ text: '3.9 million', value: 3.9e6, date: '2026-03-01' }]),
    ]);
    await store.rememberArticle(makeArticle(april, '2026-04-02'), [
      mention('ORG:unhcr', april, [{ text: '4.1 million', value: 4.1e6, date: '2026-04-02' }]),
    ]);
    await store.rememberArticle(makeArticle(today, '2026-05-02'), [mention('ORG:unhcr', today)]);
    const [memory, ...rest] = await store.memoryFor(['ORG:unhcr', 'PER:nobody'], today);
    expect(rest).toEqual([]);
    expect(memory?.articles.map((article) => article.url)).toEqual([april, march]);
    expect(memory?.articles[0]).toMatchObject({ role: 'refugee agency', outlet: 'Example News' });
    expect(memory?.figures.map((figure) => [figure.text, figure.date, figure.source])).toEqual([
      ['4.1 million', '2026-04-02', 'UNHCR'],
      ['3.9 million', '2026-03-01', 'UNHCR'],
    ]);
  });

  it('replaces what an earlier visit of the same article recorded', async () => {
    const store = await freshStore();
    const url = 'https://a.example/story';
    await store.rememberArticle(makeArticle(url, '2026-01-01'), [mention('ORG:old', url)]);
    await store.rememberArticle(makeArticle(url, '2026-01-02'), [mention('ORG:new', url)]);
    expect(await store.memoryFor(['ORG:old'], 'elsewhere')).toEqual([]);
    expect(await store.memoryFor(['ORG:new'], 'elsewhere')).toHaveLength(1);
    expect(await store.articles()).toHaveLength(1);
  });

  it('keeps at most maxArticles, forgetting the least recently seen with their mentions', async () => {
    const store = await freshStore(3);
    for (let day = 1; day <= 5; day++) {
      const url = `https://a.example/${day}`;
      await store.rememberArticle(makeArticle(url, `2026-01-0${day}`), [mention('ORG:unhcr', url)]);
    }
    expect((await store.articles()).map((article) => article.url)).toEqual([
      'https://a.example/5',
      'https://a.example/4',
      'https://a.example/3',
    ]);
    const [memory] = await store.memoryFor(['ORG:unhcr'], 'elsewhere');
    expect(memory?.articles).toHaveLength(3);
  });

  it('forgets a site, or everything, and keeps the notes', async () => {
    const store = await freshStore();
    await store.saveNote(makeNote({ id: 'note', url: 'https://a.example/1' }));
    for (const url of ['https://a.example/1', 'https://a.example/2', 'https://b.example/1']) {
      await store.rememberArticle(makeArticle(url, '2026-01-01'), [mention('ORG:unhcr', url)]);
    }
    await store.forgetSite('a.example');
    expect((await store.articles()).map((article) => article.url)).toEqual(['https://b.example/1']);
    expect((await store.memoryFor(['ORG:unhcr'], 'x'))[0]?.articles.map((article) => article.url)).toEqual([
      'https://b.example/1',
    ]);
    await store.clearMemory();
    expect(await store.articles()).toEqual([]);
    expect(await store.memoryFor(['ORG:unhcr'], 'x')).toEqual([]);
    expect(await store.allNotes()).toHaveLength(1);
  });
});

describe('failures', () => {
  it('a full storage saves nothing of a batch and says so in plain words', async () => {
    const store = await freshStore();
    await store.saveNote(makeNote({ id: 'before', body: 'Before' }));
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const batch = [1, 2, 3, 4].map((n) => makeNote({ id: `batch-${n}` }));
    const failure = await store.importNotes([...batch, makeNote({ id: 'before', body: 'Changed' })]).catch((e) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ kind: 'quota' });
    expect(failure.message).toBe(
      "Your browser's storage for Gloss is full: the notes were not imported. Free space by deleting notes or forgetting sites in Gloss's options.",
    );
    vi.restoreAllMocks();
    expect((await store.allNotes()).map((note) => [note.id, note.body])).toEqual([['before', 'Before']]);
    expect(await store.searchNotes('batch')).toEqual({ notes: [], total: 0 });
  });

  it('a quota the browser reports by aborting the transaction is told the same way', async () => {
    const store = await freshStore();
    // fake-indexeddb's record storage, failing for the third note as a full disk would: the
    // request fails and the transaction aborts on its own with a QuotaExceededError.
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 3) {
        const raw = (this as unknown as { _rawObjectStore: { storeRecord: () => void } })._rawObjectStore;
        vi.spyOn(raw, 'storeRecord').mockImplementationOnce(() => {
          throw new DOMException('Quota', 'QuotaExceededError');
        });
      }
      return put.apply(this, args);
    });
    const failure = await store.importNotes([1, 2, 3, 4].map((n) => makeNote({ id: `n${n}` }))).catch((e) => e);
    expect(failure).toMatchObject({ kind: 'quota', message: expect.stringContaining('the notes were not imported') });
    vi.restoreAllMocks();
    expect(await store.allNotes()).toEqual([]);
  });

  it('an article remembered past the quota leaves the memory as it was', async () => {
    const store = await freshStore();
    const url = 'https://a.example/1';
    await store.rememberArticle(makeArticle(url, '2026-01-01'), []);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'mentions') throw new DOMException('Quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const failure = await store
      .rememberArticle(makeArticle(url, '2026-02-01', { title: 'New title' }), [
        { key: 'ORG:x', name: 'X', type: 'ORG', url, role: null, figures: [], sources: [] },
      ])
      .catch((e) => e);
    expect(failure).toMatchObject({ kind: 'quota', message: expect.stringContaining('the article was not remembered') });
    vi.restoreAllMocks();
    expect(await store.articles()).toEqual([makeArticle(url, '2026-01-01')]);
  });

  it('any other failure is a StoreError of kind failed', async () => {
    const store = await freshStore();
    const failure = await store.saveNote({ ...makeNote({ id: 'x' }), body: (() => {}) as unknown as string }).catch((e) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.kind).toBe('failed');
    expect(failure.message).toMatch(/^Gloss could not use its storage: the note was not saved/);
  });

  it('an older Gloss window holding the database open blocks the upgrade', async () => {
    const name = `store-test-${++dbCount}`;
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('notes', { keyPath: 'id' }).createIndex('url', 'url');
        request.result.createObjectStore('articles', { keyPath: 'url' }).createIndex('site', 'site');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const failure = await openStore({ name }).catch((e) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.kind).toBe('blocked');
    old.close();
  });

  it('lets a newer version upgrade rather than block it', async () => {
    const store = await freshStore();
    await store.saveNote(makeNote({ id: 'a' }));
    const name = `store-test-${dbCount}`;
    // A newer version opening the same database: this store's connection steps aside.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 99);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    // Reopening at the older version is refused: that is a failure the reader is told about.
    expect(await store.getNote('a').catch((e) => e)).toMatchObject({ kind: 'failed' });
  });
});
