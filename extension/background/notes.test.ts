import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShowNoteRequest } from '../notes/messages';
import { defaultSettings, withMemoryPaused, type Settings } from '../settings/settings';
import { openStore } from '../store/store';
import { makeNote } from '../store/test-notes';
import { StoreError, type GlossStore } from '../store/types';
import { testAnalysis } from '../ui/test-analysis';
import { createNotesBackground, type NoteTabs } from './notes';

const NOW = new Date('2026-03-05T12:00:00Z');
let dbCount = 0;
let opened: GlossStore[] = [];

afterEach(() => {
  opened.forEach((store) => store.close());
  opened = [];
});

/** Tabs that record what the background asked of them; `showing` are the tabs whose Gloss can show the note. */
function fakeTabs(showing: number[] = []) {
  const calls: string[] = [];
  const tabs: NoteTabs = {
    create: async (url) => {
      calls.push(`create ${url}`);
      return 42;
    },
    focus: async (tabId) => void calls.push(`focus ${tabId}`),
    show: async (tabId, request: ShowNoteRequest) => {
      calls.push(`show ${tabId} ${request.id}`);
      return showing.includes(tabId);
    },
  };
  return { tabs, calls };
}

function background(options: { settings?: Settings; tabs?: NoteTabs; openStore?: () => Promise<GlossStore>; onNotesChanged?: () => void } = {}) {
  const name = `notes-background-${++dbCount}`;
  let opens = 0;
  const notes = createNotesBackground({
    openStore:
      options.openStore ??
      (async () => {
        opens += 1;
        const store = await openStore({ name });
        opened.push(store);
        return store;
      }),
    settings: async () => options.settings ?? defaultSettings(),
    tabs: options.tabs ?? fakeTabs().tabs,
    now: () => NOW,
    onNotesChanged: options.onNotesChanged,
  });
  return { notes, opens: () => opens };
}

const note = makeNote({ id: 'urn:uuid:11111111-1111-4111-8111-111111111111' });

describe('the notes requests', () => {
  it('tells sync after each change to the notes, not after reads or failures, through the one store', async () => {
    const changes: string[] = [];
    let last = '';
    const { notes } = background({ onNotesChanged: () => changes.push(last) });
    const ask = async (request: Parameters<typeof notes.answer>[0]) => {
      last = request.type;
      return notes.answer(request);
    };
    await ask({ type: 'gloss:notes:save', note });
    await ask({ type: 'gloss:notes:library', query: '', limit: 10 });
    await ask({ type: 'gloss:notes:anchor-states', states: [{ id: note.id, anchor: 'orphaned' }] });
    await ask({ type: 'gloss:notes:delete', id: note.id });
    await ask({ type: 'gloss:notes:import', text: 'not JSON' });
    await ask({ type: 'gloss:notes:clear' });
    expect(changes).toEqual(['gloss:notes:save', 'gloss:notes:delete', 'gloss:notes:clear']);
    expect(await notes.store()).toBe(await notes.store());
  });

  it('saves, lists for the page, records anchor states, searches and deletes (returning the note for undo), opening the store once', async () => {
    const { notes, opens } = background();
    expect(await notes.answer({ type: 'gloss:notes:save', note })).toEqual({ ok: true, note });
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 7)).toEqual({ ok: true, notes: [note], show: null });
    expect(await notes.answer({ type: 'gloss:notes:anchor-states', states: [{ id: note.id, anchor: 'orphaned' }] })).toEqual({ ok: true });
    expect(await notes.answer({ type: 'gloss:notes:library', query: 'UNHCR', limit: 10 })).toMatchObject({ ok: true, total: 1, notes: [{ id: note.id, anchor: 'orphaned' }] });
    expect(await notes.answer({ type: 'gloss:notes:delete', id: note.id })).toMatchObject({ ok: true, note: { id: note.id } });
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url })).toEqual({ ok: true, notes: [], show: null });
    expect(await notes.answer({ type: 'gloss:notes:delete', id: note.id })).toEqual({ ok: true, note: null });
    expect(opens()).toBe(1);
  });

  it('deletes every note on "clear"', async () => {
    const { notes } = background();
    await notes.answer({ type: 'gloss:notes:save', note });
    expect(await notes.answer({ type: 'gloss:notes:clear' })).toEqual({ ok: true });
    expect(await notes.answer({ type: 'gloss:notes:library', query: '', limit: 10 })).toMatchObject({ ok: true, total: 0 });
  });

  it('exports JSON-LD and Markdown, and imports all or nothing, twice without duplicates', async () => {
    const { notes } = background();
    await notes.answer({ type: 'gloss:notes:save', note });
    const jsonld = await notes.answer({ type: 'gloss:notes:export', format: 'jsonld' });
    expect(jsonld).toMatchObject({ ok: true, filename: 'gloss-notes-2026-03-05.jsonld', mime: 'application/ld+json' });
    const markdown = await notes.answer({ type: 'gloss:notes:export', format: 'markdown' });
    expect(markdown).toMatchObject({ ok: true, filename: 'gloss-notes-2026-03-05.md', mime: 'text/markdown' });
    expect((markdown as { text: string }).text).toContain('Check this against the UNHCR figures.');

    const file = (jsonld as { text: string }).text;
    await notes.answer({ type: 'gloss:notes:clear' });
    expect(await notes.answer({ type: 'gloss:notes:import', text: file })).toEqual({ ok: true, added: 1, updated: 0, unchanged: 0 });
    expect(await notes.answer({ type: 'gloss:notes:import', text: file })).toEqual({ ok: true, added: 0, updated: 0, unchanged: 1 });
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url })).toMatchObject({ notes: [{ id: note.id, body: note.body }] });

    await notes.answer({ type: 'gloss:notes:clear' });
    const broken = await notes.answer({ type: 'gloss:notes:import', text: file.replaceAll(note.id, 'not an IRI') });
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/^Nothing was imported: annotation 1 .*id/) });
    expect(await notes.answer({ type: 'gloss:notes:library', query: '', limit: 10 })).toMatchObject({ total: 0 });
    expect(await notes.answer({ type: 'gloss:notes:import', text: '{' })).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
  });

  it('passes a StoreError on in its own words, and opens the store again on the next request', async () => {
    let attempts = 0;
    const name = `notes-background-${++dbCount}`;
    const { notes } = background({
      openStore: async () => {
        attempts += 1;
        if (attempts === 1) throw new StoreError('Gloss was updated while another of its windows still uses its old storage.', 'blocked');
        const store = await openStore({ name });
        opened.push(store);
        return store;
      },
    });
    expect(await notes.answer({ type: 'gloss:notes:save', note })).toEqual({ ok: false, error: 'Gloss was updated while another of its windows still uses its old storage.' });
    expect(await notes.answer({ type: 'gloss:notes:save', note })).toEqual({ ok: true, note });
  });

  it('says in plain words what failed when the error is not the store’s', async () => {
    const { notes } = background({ openStore: async () => Promise.reject(new Error('disk on fire')) });
    expect(await notes.answer({ type: 'gloss:memory:articles' })).toEqual({ ok: false, error: 'Gloss could not answer gloss:memory:articles: disk on fire' });
  });
});

describe('opening a note from the library', () => {
  it('opens a tab at the note’s article and hands that tab the note to show, once', async () => {
    const { tabs, calls } = fakeTabs();
    const { notes } = background({ tabs });
    await notes.answer({ type: 'gloss:notes:save', note });
    expect(await notes.answer({ type: 'gloss:notes:open', id: note.id })).toEqual({ ok: true });
    expect(calls).toEqual([`create ${note.url}`]);
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 5)).toMatchObject({ show: null }); // another tab
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 42)).toMatchObject({ show: note.id });
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 42)).toMatchObject({ show: null });
  });

  it('shows the note in a tab already on its article and brings that tab to the front', async () => {
    const { tabs, calls } = fakeTabs([3]);
    const { notes } = background({ tabs });
    await notes.answer({ type: 'gloss:notes:save', note });
    await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 3); // tab 3 shows the article
    await notes.answer({ type: 'gloss:notes:for-page', url: 'https://news.example/other' }, 4);
    expect(await notes.answer({ type: 'gloss:notes:open', id: note.id })).toEqual({ ok: true });
    expect(calls).toEqual([`show 3 ${note.id}`, 'focus 3']);
  });

  it('opens a new tab when the tab that showed the article has moved on, or was closed', async () => {
    const { tabs, calls } = fakeTabs([]);
    const { notes } = background({ tabs });
    await notes.answer({ type: 'gloss:notes:save', note });
    await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 3);
    await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 5);
    notes.tabClosed(5);
    await notes.answer({ type: 'gloss:notes:open', id: note.id });
    expect(calls).toEqual([`show 3 ${note.id}`, `create ${note.url}`]);
    expect(await notes.answer({ type: 'gloss:notes:for-page', url: note.url }, 42)).toMatchObject({ show: note.id });
  });

  it('says so when the note is gone', async () => {
    const { notes } = background();
    expect(await notes.answer({ type: 'gloss:notes:open', id: 'urn:uuid:gone' })).toEqual({ ok: false, error: 'That note no longer exists.' });
  });
});

describe('memory across articles', () => {
  const meta = { published: '2022-03-29T08:12:00+02:00', outlet: 'The Continental Courier', tabUrl: 'http://127.0.0.1:8080/seed/page.html' };

  it('remembers an analysed article and tells another page what it said', async () => {
    const { notes } = background();
    expect(await notes.rememberArticle({ ...testAnalysis(), url: 'https://news.example/mariupol?utm_source=x#top' }, meta)).toBe(true);
    const memory = await notes.answer({ type: 'gloss:memory:for', url: 'https://other.example/a', keys: ['LOC:mariupol', 'PER:nobody'] });
    expect(memory).toMatchObject({
      ok: true,
      memory: [
        {
          key: 'LOC:mariupol',
          articles: [{ url: 'https://news.example/mariupol', title: 'Mariupol', published: meta.published, outlet: meta.outlet }],
          figures: expect.arrayContaining([expect.objectContaining({ text: 'About 160,000 people', source: 'Vadim Boichenko' })]),
        },
      ],
    });
    // The article itself is not "another article".
    expect(await notes.answer({ type: 'gloss:memory:for', url: 'https://news.example/mariupol', keys: ['LOC:mariupol'] })).toEqual({ ok: true, memory: [] });
    expect(await notes.answer({ type: 'gloss:memory:articles' })).toMatchObject({ ok: true, articles: [{ url: 'https://news.example/mariupol', site: 'news.example', seen: NOW.toISOString() }] });
  });

  it('keeps nothing of an article on a site where memory is paused (by its own or its tab’s address), or of a page that is no article', async () => {
    const paused = withMemoryPaused(defaultSettings(), 'news.example', true);
    expect(await background({ settings: paused }).notes.rememberArticle(testAnalysis(), meta)).toBe(false);
    const tabPaused = withMemoryPaused(defaultSettings(), '127.0.0.1', true);
    expect(await background({ settings: tabPaused }).notes.rememberArticle(testAnalysis(), meta)).toBe(false);
    const { notes } = background();
    expect(await notes.rememberArticle({ ...testAnalysis(), article: false }, meta)).toBe(false);
    expect(await notes.rememberArticle({ ...testAnalysis(), url: null }, meta)).toBe(false);
    expect(await notes.answer({ type: 'gloss:memory:articles' })).toEqual({ ok: true, articles: [] });
  });

  it('forgets a site, or everything', async () => {
    const { notes } = background();
    await notes.rememberArticle(testAnalysis(), meta);
    await notes.rememberArticle({ ...testAnalysis(), url: 'https://elsewhere.example/b' }, meta);
    expect(await notes.answer({ type: 'gloss:memory:forget', site: 'https://www.news.example/' })).toEqual({ ok: true });
    expect(await notes.answer({ type: 'gloss:memory:articles' })).toMatchObject({ articles: [{ url: 'https://elsewhere.example/b' }] });
    expect(await notes.answer({ type: 'gloss:memory:forget', site: null })).toEqual({ ok: true });
    expect(await notes.answer({ type: 'gloss:memory:articles' })).toEqual({ ok: true, articles: [] });
  });
});
