// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord, Note } from '../../notes/types';
import { LibraryApp } from './LibraryApp';
import { notesClient } from './notes-client';
import { testBackground, testNote, type TestBackground } from './test-background';

const MARIUPOL = 'https://news.example/mariupol';
const GENEVA = 'https://other.example/geneva-talks';

const NOTES: Note[] = [
  testNote({
    id: 'urn:uuid:1',
    body: 'Check the port figures',
    tags: ['war', 'ports'],
    entity: { key: 'LOC:mariupol', name: 'Mariupol', type: 'LOC' },
    modified: '2026-03-02T10:00:00.000Z',
    position: { type: 'TextPositionSelector', start: 40, end: 48 },
    quote: { type: 'TextQuoteSelector', exact: 'Mariupol', prefix: '', suffix: '' },
  }),
  testNote({ id: 'urn:uuid:2', body: 'Siege since March', colour: 'blue', anchor: 'orphaned', modified: '2026-03-01T10:00:00.000Z' }),
  testNote({
    id: 'urn:uuid:3',
    url: GENEVA,
    title: 'Talks in Geneva',
    body: 'Lavrov again',
    entity: { key: 'PER:sergei lavrov', name: 'Sergei Lavrov', type: 'PER' },
    quote: { type: 'TextQuoteSelector', exact: 'Sergei Lavrov', prefix: '', suffix: '' },
    modified: '2026-03-03T10:00:00.000Z',
  }),
];
const ARTICLES: ArticleRecord[] = [
  { url: MARIUPOL, title: 'Mariupol under siege', published: '2022-03-03T08:00:00Z', outlet: 'The Daily Example', seen: '2026-03-01T10:00:00Z', site: 'news.example' },
];

describe('LibraryApp', () => {
  let root: HTMLElement;
  let background: TestBackground;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    background = testBackground(NOTES, ARTICLES);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });

  const shown = <T,>(find: () => T | null | undefined | false): Promise<T> =>
    vi.waitFor(() => {
      const found = find();
      if (!found) throw new Error('not shown yet');
      return found;
    });
  const text = (selector: string): string[] => [...root.querySelectorAll(selector)].map((element) => element.textContent!.trim());
  const button = (label: string, within: ParentNode = root): HTMLButtonElement => {
    const found = [...within.querySelectorAll('button')].find((element) => element.textContent!.trim() === label);
    if (!found) throw new Error(`no button "${label}"`);
    return found;
  };
  const card = (id: string): HTMLElement => root.querySelector<HTMLElement>(`[data-note-id="${id}"]`)!;
  const message = (): string => root.querySelector('.library-message')!.textContent!.trim();
  const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string): void => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  async function show(debounceMs = 20): Promise<void> {
    render(<LibraryApp client={notesClient(background.send)} debounceMs={debounceMs} />, root);
    await shown(() => !root.textContent!.includes('Loading your notes'));
  }

  it('lists the notes by article, the latest changed article first, with outlet and date', async () => {
    await show();
    await shown(() => root.querySelector('.article-line'));
    expect(text('.group-title')).toEqual(['Talks in Geneva', 'Mariupol under siege']);
    expect(text('.article-line')).toEqual(['The Daily Example · 3 Mar 2022']);
    const mariupol = root.querySelectorAll('.group')[1]!;
    // In text order within the article.
    expect([...mariupol.querySelectorAll('.note')].map((note) => note.getAttribute('data-note-id'))).toEqual(['urn:uuid:2', 'urn:uuid:1']);
    expect(card('urn:uuid:1').querySelector('.note-entity')!.textContent).toBe('Mariupol Place');
    expect(text(`[data-note-id="urn:uuid:1"] .tags li`)).toEqual(['war', 'ports']);
    expect(card('urn:uuid:1').querySelector('.body')!.textContent).toBe('Check the port figures');
    expect(card('urn:uuid:2').querySelector('.swatch')!.getAttribute('aria-label')).toBe('Colour: blue');
  });

  it('lists the notes by name, passages last, each with its article', async () => {
    await show();
    button('By name').click();
    await shown(() => button('By name').getAttribute('aria-pressed') === 'true');
    expect(text('.group-title')).toEqual(['Mariupol Place', 'Sergei Lavrov Person', 'Passages']);
    expect(card('urn:uuid:3').querySelector('.note-article')!.textContent).toBe('Talks in Geneva');
  });

  it('marks a note that could not be placed on the page as orphaned, and keeps it', async () => {
    await show();
    expect(card('urn:uuid:2').querySelector('.badge.orphaned')!.textContent).toBe('Orphaned — could not be placed on the page');
    expect(card('urn:uuid:1').querySelector('.badge')).toBeNull();
  });

  it('sends one search when the typing pauses, and shows what matches', async () => {
    await show(60);
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    for (const typed of ['l', 'la', 'lav', 'lavrov']) type(search, typed);
    await shown(() => root.querySelectorAll('.note').length === 1);
    const searches = background.requests.filter((request) => request.type === 'gloss:notes:library');
    expect(searches).toEqual([
      { type: 'gloss:notes:library', query: '', limit: 500 },
      { type: 'gloss:notes:library', query: 'lavrov', limit: 500 },
    ]);
    expect(card('urn:uuid:3')).not.toBeNull();

    type(search, 'nothing like it');
    await shown(() => root.textContent!.includes('No note matches “nothing like it”.'));
  });

  it('lists again when the reader comes back to the panel, with notes made on the page meanwhile', async () => {
    await show();
    background.notes.set('urn:uuid:9', testNote({ id: 'urn:uuid:9', body: 'Made on the page', modified: '2026-03-04T10:00:00.000Z' }));
    window.dispatchEvent(new Event('focus'));
    await shown(() => card('urn:uuid:9'));
  });

  it('opens the article at a note when the note is clicked, and says so when it cannot', async () => {
    await show();
    card('urn:uuid:1').querySelector<HTMLButtonElement>('.quote')!.click();
    await shown(() => background.requests.some((request) => request.type === 'gloss:notes:open'));
    expect(background.requests.at(-1)).toEqual({ type: 'gloss:notes:open', id: 'urn:uuid:1' });

    background.failNext('gloss:notes:open', 'The tab could not be opened.');
    card('urn:uuid:1').querySelector<HTMLButtonElement>('.quote')!.click();
    await shown(() => message() === 'Could not open “Mariupol under siege”: The tab could not be opened.');
  });

  it('edits a note’s text, tags and colour', async () => {
    await show();
    button('Edit', card('urn:uuid:1')).click();
    const form = await shown(() => card('urn:uuid:1').querySelector('form'));
    type(form.querySelector('textarea')!, 'Port figures checked');
    type(form.querySelector<HTMLInputElement>('input[name="tags"]')!, 'war, sea,  war ,');
    form.querySelector<HTMLInputElement>('input[value="green"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 10)); // Preact re-renders with the typed values
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

    await shown(() => card('urn:uuid:1').querySelector('.body')?.textContent === 'Port figures checked');
    const saved = background.notes.get('urn:uuid:1')!;
    expect(saved).toMatchObject({ body: 'Port figures checked', tags: ['war', 'sea'], colour: 'green', created: NOTES[0]!.created });
    expect(saved.modified > NOTES[0]!.modified).toBe(true);
    expect(card('urn:uuid:1').className).toContain('colour-green');
  });

  it('deletes a note and puts it back, with the same id, on undo', async () => {
    await show();
    button('Delete', card('urn:uuid:2')).click();
    await shown(() => !card('urn:uuid:2'));
    expect(background.notes.has('urn:uuid:2')).toBe(false);
    expect(message()).toContain('Note deleted.');

    button('Undo').click();
    await shown(() => card('urn:uuid:2'));
    expect(background.notes.get('urn:uuid:2')).toEqual(NOTES[1]);
    expect(message()).toBe('Note put back.');
  });

  it('downloads the JSON-LD export as a file', async () => {
    await show();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:gloss-export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.download, inDocument: this.isConnected });
    });

    button('Export JSON-LD').click();
    await shown(() => clicked.length === 1);
    expect(clicked).toEqual([{ href: 'blob:gloss-export', download: 'gloss-notes.jsonld', inDocument: true }]);
    expect(blobs[0]!.type).toBe('application/ld+json');
    expect(JSON.parse(await blobs[0]!.text())).toHaveLength(3);
    expect(background.requests.at(-1)).toEqual({ type: 'gloss:notes:export', format: 'jsonld' });
    expect(message()).toBe('Exported your notes to gloss-notes.jsonld.');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  async function pick(file: File): Promise<void> {
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('imports a file and says how many notes came in', async () => {
    await show();
    const fresh = testNote({ id: 'urn:uuid:4', body: 'From the other browser' });
    await pick(new File([JSON.stringify([NOTES[0], fresh])], 'notes.jsonld', { type: 'application/ld+json' }));
    await shown(() => message() === 'Imported 1 note (1 already there).');
    expect(background.requests.find((request) => request.type === 'gloss:notes:import')).toEqual({
      type: 'gloss:notes:import',
      text: JSON.stringify([NOTES[0], fresh]),
    });
    await shown(() => card('urn:uuid:4'));
  });

  it('names what is wrong with a file it cannot import, and imports nothing', async () => {
    await show();
    await pick(new File(['[{"id": "urn'], 'broken.jsonld'));
    await shown(() => message() === 'Could not import “broken.jsonld”: Nothing was imported: the file is not JSON (it ends too early at character 12).');
    expect(root.querySelector('.library-message .error')).not.toBeNull();
    expect([...background.notes.keys()]).toEqual(['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3']);
  });

  it('deletes all notes only after the reader confirms', async () => {
    await show();
    button('Delete all notes…').click();
    await shown(() => root.querySelector('[role="alertdialog"]'));
    expect(root.querySelector('[role="alertdialog"] p')!.textContent).toBe('Delete all 3 notes? This cannot be undone; export them first to keep a copy.');
    button('Cancel').click();
    await shown(() => !root.querySelector('[role="alertdialog"]'));
    expect(background.notes.size).toBe(3);

    button('Delete all notes…').click();
    button('Delete them all', await shown(() => root.querySelector('[role="alertdialog"]'))).click();
    await shown(() => root.querySelector('.empty-library'));
    expect(background.requests.some((request) => request.type === 'gloss:notes:clear')).toBe(true);
    expect(background.notes.size).toBe(0);
    expect(message()).toBe('All your notes are deleted.');
  });

  it('explains how to add a note when there is none', async () => {
    background = testBackground([], []);
    await show();
    expect(root.querySelector('.empty-library')!.textContent).toContain('select a passage of an article and choose Add note');
  });

  it('says in plain words when the background cannot be reached', async () => {
    render(<LibraryApp client={notesClient(() => Promise.reject(new Error('Receiving end does not exist.')))} />, root);
    await shown(() => message().startsWith('Could not list your notes'));
    expect(message()).toBe(
      'Could not list your notes: Could not reach Gloss’s background (Receiving end does not exist.). Reload the extension and try again.',
    );
  });
});
