/**
 * The library's end-to-end round trip, the same in Chromium and Firefox: notes made through the
 * real background, listed in the library page (the side panel's page, opened as a tab), exported
 * as JSON-LD, all deleted, imported back with the same ids, and a corrupted file refused whole.
 * Each browser's test file supplies a `LibraryDriver`; the in-page functions below run inside the
 * extension page (serialised by the driver, so they use nothing from this module's scope).
 */
import { expect, it, vi } from 'vitest';
import type { Note } from '../../extension/notes/types';
import { testNote } from '../../extension/ui/library/test-background';

/** What the round trip needs from a browser: run code in the library page, reload it, move files. */
export interface LibraryDriver {
  evaluate<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  reload(): Promise<void>;
  /** Clicks the button labelled `label` and returns the file it offers for download. */
  download(label: string): Promise<{ name: string; text: string }>;
  /** Picks a file in the library's import field. */
  pickFile(name: string, text: string): Promise<void>;
}

/** The library unit tests' note, on another address and further into its article. */
const note = (fields: Partial<Note> & Pick<Note, 'id' | 'body'>): Note =>
  testNote({
    url: 'https://news.example/mariupol-siege',
    quote: { type: 'TextQuoteSelector', exact: 'a strategic port city', prefix: 'Mariupol, ', suffix: ' on the Sea of Azov' },
    position: { type: 'TextPositionSelector', start: 120, end: 141 },
    ...fields,
  });

/** Three notes on two articles: one on a name, one tagged, one the page could not place. */
export const LIBRARY_NOTES: Note[] = [
  note({
    id: 'urn:uuid:0b6a1c3e-52f4-4f0e-9a57-1d2e3f4a5b6c',
    body: 'Check the port figures against the UN count',
    tags: ['war', 'ports'],
    colour: 'green',
    entity: { key: 'LOC:mariupol', name: 'Mariupol', type: 'LOC' },
    quote: { type: 'TextQuoteSelector', exact: 'Mariupol', prefix: 'the city of ', suffix: ', a strategic' },
    position: { type: 'TextPositionSelector', start: 100, end: 108 },
    modified: '2026-03-02T10:00:00.000Z',
  }),
  note({ id: 'urn:uuid:1c7b2d4f-63a5-4a1f-8b68-2e3f4a5b6c7d', body: 'Siege since early March', anchor: 'orphaned' }),
  note({
    id: 'urn:uuid:2d8c3e5a-74b6-4b2a-9c79-3f4a5b6c7d8e',
    url: 'https://other.example/geneva-talks',
    title: 'Talks in Geneva',
    body: 'Lavrov again, same line',
    colour: 'blue',
    entity: { key: 'PER:sergei lavrov', name: 'Sergei Lavrov', type: 'PER' },
    quote: { type: 'TextQuoteSelector', exact: 'Sergei Lavrov', prefix: 'Foreign Minister ', suffix: ' said' },
    position: { type: 'TextPositionSelector', start: 30, end: 43 },
    modified: '2026-03-03T10:00:00.000Z',
  }),
];
const IDS = LIBRARY_NOTES.map((n) => n.id).sort();

/** In the page: sends a message to the background with whichever API the browser has. */
export function sendFromPage(request: unknown): Promise<unknown> {
  type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const { browser, chrome } = globalThis as { browser?: Api; chrome?: Api };
  return (browser ?? chrome)!.runtime.sendMessage(request);
}

/** In the page: what the library shows. */
export function libraryView(): { loading: boolean; ids: string[]; orphaned: string[]; message: string; empty: boolean } {
  const main = document.querySelector('main.library');
  return {
    loading: !main || main.textContent!.includes('Loading your notes'),
    ids: [...document.querySelectorAll('[data-note-id]')].map((element) => element.getAttribute('data-note-id')!).sort(),
    orphaned: [...document.querySelectorAll('[data-note-id]')].filter((element) => element.querySelector('.badge.orphaned')).map((element) => element.getAttribute('data-note-id')!),
    message: document.querySelector('.library-message')?.textContent?.trim() ?? '',
    empty: document.querySelector('.empty-library') !== null,
  };
}

/** Waits (in a hook or a test) until the library page has listed the notes; `view` reads `libraryView` in it. */
export async function libraryLoaded(view: () => Promise<ReturnType<typeof libraryView> | null>): Promise<void> {
  await vi.waitFor(
    async () => {
      if ((await view())?.loading !== false) throw new Error('the library has not listed the notes yet');
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** In the page: clicks the button whose text is `label`. */
export function clickButton(label: string): void {
  const button = [...document.querySelectorAll('button')].find((element) => element.textContent!.trim() === label);
  if (!button) throw new Error(`no button "${label}" in the library`);
  button.click();
}

/** In the page: types `query` into the search box. */
export function typeSearch(query: string): void {
  const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The notes the background holds, by asking it from the page as the library does. */
async function storedNotes(driver: LibraryDriver): Promise<Note[]> {
  const reply = (await driver.evaluate(sendFromPage, { type: 'gloss:notes:library', query: '', limit: 1000 })) as { ok: boolean; notes?: Note[]; error?: string };
  expect(reply, 'the library request').toMatchObject({ ok: true });
  return [...reply.notes!].sort((a, b) => a.id.localeCompare(b.id));
}

/** Registers the round trip's steps (in order: each builds on the one before) for `driver()`. */
export function libraryRoundTrip(driver: () => LibraryDriver): void {
  let exported = { name: '', text: '' };
  const view = () => driver().evaluate(libraryView, undefined);

  it('lists the notes made through the background, by article, the orphaned one marked', async () => {
    for (const made of LIBRARY_NOTES) {
      expect(await driver().evaluate(sendFromPage, { type: 'gloss:notes:save', note: made }), `saving ${made.id}`).toMatchObject({ ok: true });
    }
    await driver().reload();
    await expect.poll(async () => (await view()).ids, { timeout: 10_000 }).toEqual(IDS);
    expect((await view()).orphaned).toEqual([LIBRARY_NOTES[1]!.id]);
  });

  it('searches through the background', async () => {
    await driver().evaluate(typeSearch, 'Lavrov');
    await expect.poll(async () => (await view()).ids, { timeout: 5_000 }).toEqual([LIBRARY_NOTES[2]!.id]);
    await driver().evaluate(typeSearch, '');
    await expect.poll(async () => (await view()).ids, { timeout: 5_000 }).toEqual(IDS);
  });

  it('exports the notes as a JSON-LD file', async () => {
    exported = await driver().download('Export JSON-LD');
    expect(exported.name).toMatch(/\.jsonld$/);
    const ids = [...exported.text.matchAll(/"id":\s*"(urn:uuid:[^"]+)"/g)].map((match) => match[1]);
    for (const id of IDS) expect(ids, 'the export names every note').toContain(id);
    await expect.poll(async () => (await view()).message).toBe(`Exported your notes to ${exported.name}.`);
  });

  it('deletes all notes after the confirmation', async () => {
    await driver().evaluate(clickButton, 'Delete all notes…');
    await driver().evaluate(clickButton, 'Delete them all');
    await expect.poll(async () => (await view()).empty, { timeout: 5_000 }).toBe(true);
    expect(await storedNotes(driver())).toEqual([]);
  });

  it('imports the exported file: every note back, with its id', async () => {
    await driver().pickFile(exported.name, exported.text);
    await expect.poll(async () => (await view()).message, { timeout: 5_000 }).toBe('Imported 3 notes (0 already there).');
    await expect.poll(async () => (await view()).ids, { timeout: 5_000 }).toEqual(IDS);
    const back = await storedNotes(driver());
    const original = [...LIBRARY_NOTES].sort((a, b) => a.id.localeCompare(b.id));
    // Where a note last attached is the page's to find out again: it is not exported.
    const withoutAnchor = ({ anchor: _anchor, ...rest }: Note) => rest;
    expect(back.map(withoutAnchor)).toEqual(original.map(withoutAnchor));
  });

  it('imports the same file again without duplicates', async () => {
    await driver().pickFile(exported.name, exported.text);
    await expect.poll(async () => (await view()).message, { timeout: 5_000 }).toBe('Imported 0 notes (3 already there).');
    expect((await storedNotes(driver())).map((n) => n.id)).toEqual(IDS);
  });

  it('refuses a corrupted file, saying what is wrong, and imports nothing from it', async () => {
    await driver().pickFile('broken.jsonld', exported.text.slice(0, Math.floor(exported.text.length / 2)));
    await expect.poll(async () => (await view()).message, { timeout: 5_000 }).toMatch(/^Could not import “broken\.jsonld”: Nothing was imported: \S/);

    // A readable file with one good new annotation and one broken one: all or nothing.
    const collection = JSON.parse(exported.text) as { total: number; first: { items: Record<string, unknown>[] } };
    const [first] = collection.first.items;
    const fresh = { ...first, id: 'urn:uuid:3e9d4f6b-85c7-4c3b-8d8a-4a5b6c7d8e9f' };
    const broken = { ...first, id: 'urn:uuid:4fae5a7c-96d8-4d4c-9e9b-5b6c7d8e9fa0', target: { source: 'https://news.example/x' } };
    collection.first.items = [fresh, broken];
    collection.total = 2;
    await driver().pickFile('half-broken.jsonld', JSON.stringify(collection));
    await expect.poll(async () => (await view()).message, { timeout: 5_000 }).toMatch(/^Could not import “half-broken\.jsonld”: Nothing was imported: .*annotation 2/);
    expect((await storedNotes(driver())).map((n) => n.id)).toEqual(IDS);
  });
}

/** What the memory steps need from a browser: read the sample article, and the options page. */
export interface MemoryDriver {
  /** Opens (again) the sample article from the test server and waits until Gloss is done with it. */
  readSeedPage(): Promise<void>;
  /** Opens (or reloads) the options page and waits for its memory section. */
  openOptions(): Promise<void>;
  /** Runs `fn` in the options page. */
  evaluate: LibraryDriver['evaluate'];
}

/** In the options page: what the Memory section shows (null before it is there). */
export function memoryView(): { count: string; sites: string[]; paused: string[]; status: string } | null {
  const memory = document.querySelector('section.memory');
  if (!memory) return null;
  const texts = (selector: string) => [...memory.querySelectorAll(selector)].map((element) => element.textContent!.trim());
  return {
    count: memory.querySelector('.memory-count')!.textContent!.trim(),
    sites: texts('.remembered-sites li > span'),
    paused: texts('.paused-sites li > span'),
    status: memory.querySelector('[role="status"]')!.textContent!.trim(),
  };
}

/** In the options page: types `site` into "Pause memory on" and submits it. */
export async function pauseSite(site: string): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#pause-site')!;
  input.value = site;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 50)); // Preact renders the typed value first
  input.form!.requestSubmit();
}

/**
 * Registers the options page's memory steps (in order) for `driver()`: the sample article read is
 * counted under its site, "Forget this site", "Pause memory on a site" (reading it again adds
 * nothing until memory is resumed) and "Clear all memory" after its confirmation.
 */
export function memoryControls(driver: () => MemoryDriver): void {
  // The sample article's canonical address names its outlet's site, not the test server's.
  const SITE = 'continental-courier.example';
  const view = () => driver().evaluate(memoryView, undefined);
  /** The count once Gloss has written what it read (it remembers just after answering the page). */
  const countAfterReading = () =>
    expect.poll(
      async () => {
        await driver().openOptions();
        return (await view())?.count;
      },
      { timeout: 15_000, interval: 500 },
    );

  it('counts the article read, under its site', async () => {
    await driver().readSeedPage();
    await countAfterReading().toBe('1 article remembered.');
    expect((await view())!.sites).toEqual([`${SITE} 1 article`]);
  });

  it('forgets a site', async () => {
    await driver().evaluate(clickButton, 'Forget this site');
    await expect.poll(async () => (await view())?.count, { timeout: 5_000 }).toBe('0 articles remembered.');
    expect((await view())!.status).toBe(`Gloss forgot what it read on ${SITE}.`);
  });

  it('pauses memory on a site: reading it again adds nothing until memory is resumed', async () => {
    await driver().evaluate(pauseSite, SITE);
    await expect.poll(async () => (await view())?.paused, { timeout: 5_000 }).toEqual([SITE]);
    await driver().readSeedPage();
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // as long as remembering took above, and more
    await driver().openOptions();
    // Poll past the page's "Counting…", then the count must be the settled one.
    await expect.poll(async () => (await view())?.count, { timeout: 5_000 }).not.toMatch(/^Counting/);
    expect((await view())!.count).toBe('0 articles remembered.');

    await driver().evaluate(clickButton, 'Resume');
    await expect.poll(async () => (await view())?.paused, { timeout: 5_000 }).toEqual([]);
    await driver().readSeedPage();
    await countAfterReading().toBe('1 article remembered.');
  });

  it('clears all memory after the confirmation', async () => {
    await driver().evaluate(clickButton, 'Clear all memory…');
    await driver().evaluate(clickButton, 'Forget everything');
    await expect.poll(async () => (await view())?.count, { timeout: 5_000 }).toBe('0 articles remembered.');
    expect((await view())!.status).toBe('Gloss forgot every article it read. Your notes are kept.');
  });
}
