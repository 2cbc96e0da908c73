// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../analysis/types';
import { findArticle } from '../article/find-article';
import type { FoundArticle } from '../article/types';
import { describeSpan } from '../notes/anchoring/describe';
import type { EntityMemory, Note } from '../notes/types';
import { makeNote } from '../store/test-notes';
import { createGlossHost, type GlossHost } from '../ui/gloss-host';
import type { FromEditorFrame, ToEditorFrame } from '../ui/notes/editor-frame';
import { articleSelection } from './note-selection';
import { initPageNotes } from './notes';
import type { NotesApi } from './notes-api';
import type { MarkPainter } from './painter';

const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/article/news-page.html'), 'utf8');
const URL_ = 'https://news.example/2024/05/02/harbour-bridge-reopens';

let found: FoundArticle;
let controller: AbortController;
let host: GlossHost;

beforeEach(() => {
  document.open();
  document.write(html);
  document.close();
  found = findArticle(document, { url: URL_ })!;
  controller = new AbortController();
  host = createGlossHost(document, controller.signal);
});
afterEach(() => controller.abort());

/** Selects `words` inside the element matching `selector`, as a reader would. */
function select(selector: string, words: string): void {
  const element = document.querySelector(selector)!;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return;
  }
  throw new Error(`"${words}" is not in ${selector}`);
}

/**
 * The note editor's frame in Gloss's note layer, "loaded" (happy-dom loads no extension page):
 * the port the content script hands it, and what it is first asked to show.
 */
async function loadEditorFrame(): Promise<{ port: MessagePort; open: ToEditorFrame }> {
  const frame = host.noteLayer.querySelector('iframe');
  expect(frame, 'the editor is open').not.toBeNull();
  const postMessage = vi.fn();
  Object.defineProperty(frame, 'contentWindow', { value: { postMessage } });
  frame!.dispatchEvent(new Event('load'));
  const port = (postMessage.mock.calls[0]![2] as MessagePort[])[0]!;
  const received: ToEditorFrame[] = [];
  port.onmessage = (event: MessageEvent<ToEditorFrame>) => received.push(event.data);
  await vi.waitFor(() => expect(received).not.toEqual([]));
  return { port, open: received[0]! };
}

describe('articleSelection', () => {
  it('gives the article span of a selection inside the article', () => {
    select('article', 'About 40,000 vehicles a day');
    const span = articleSelection(document.getSelection(), found.map)!;
    expect(found.article.text.slice(span.start, span.end)).toBe('About 40,000 vehicles a day');
  });

  it('gives nothing for a selection outside the article, in a form field or an editable region, or an empty one', () => {
    select('nav', 'World');
    expect(articleSelection(document.getSelection(), found.map)).toBeNull();
    const paragraph = document.querySelector('article p:nth-of-type(3)')!;
    paragraph.setAttribute('contenteditable', 'true');
    select('article p:nth-of-type(3)', 'vehicles');
    expect(articleSelection(document.getSelection(), found.map)).toBeNull();
    paragraph.removeAttribute('contenteditable');
    document.getSelection()!.collapse(paragraph, 0);
    expect(articleSelection(document.getSelection(), found.map)).toBeNull();
  });
});

/** An API over notes kept in memory, recording what the page asked. */
function fakeApi(notes: Note[], memory: EntityMemory[] = []) {
  const saved: Note[] = [];
  const states: { id: string; anchor: string }[][] = [];
  const api: NotesApi = {
    forPage: async () => ({ notes, show: null }),
    save: async (note) => {
      saved.push(note);
      return note;
    },
    remove: async (id) => notes.find((note) => note.id === id) ?? null,
    anchorStates: async (list) => void states.push(list),
    memoryFor: async () => memory,
  };
  return { api, saved, states };
}

function recordingPainter() {
  const painted = new Map<string, readonly Range[]>();
  const painter: MarkPainter = { paint: (name, ranges) => void painted.set(name, ranges), clear: () => painted.clear() };
  return { painter, painted };
}

function analysisOf(found: FoundArticle): Analysis {
  const { text, title, lang, links } = found.article;
  const at = text.indexOf('Jane');
  return {
    schema: 'gloss.analysis/1',
    url: URL_,
    title,
    lang,
    article: true,
    text,
    entities: [{ id: 'e1', name: 'Jane Doe', type: 'PER', aliases: ['Doe'], role: 'Mayor', mentions: [{ start: at, end: at + 'Jane Doe'.length }] }],
    figures: [],
    quotes: [],
    sources: [],
    links,
  };
}

function noteOn(text: string, words: string, overrides: Partial<Note> & { id: string }): Note {
  const start = text.indexOf(words);
  return makeNote({ ...describeSpan(text, start, start + words.length), url: URL_, ...overrides });
}

describe('initPageNotes', () => {
  function start(api: NotesApi) {
    const { painter, painted } = recordingPainter();
    const analysis = analysisOf(found);
    const notes = initPageNotes({
      win: window as unknown as Window & typeof globalThis,
      host,
      map: found.map,
      analysis,
      url: URL_,
      painter,
      api,
      showSpan: vi.fn(),
      firstMention: (entityId) => (entityId === 'e1' ? analysis.entities[0]!.mentions[0]! : null),
      closePopover: vi.fn(),
      signal: controller.signal,
    });
    return { notes, painted, analysis };
  }

  it('paints the notes that attach in their colours, reports which attached, and says so on the host', async () => {
    const { text } = found.article;
    const placed = noteOn(text, 'the detour through the old town', { id: 'a', colour: 'green' });
    const gone = makeNote({ id: 'b', url: URL_, quote: { type: 'TextQuoteSelector', exact: 'a passage this page never had', prefix: '', suffix: '' } });
    const { api, states } = fakeApi([placed, gone]);
    const { notes, painted } = start(api);
    await notes.ready;
    expect(painted.get('gloss-note-green')!.map((range) => range.toString())).toEqual(['the detour through the old town']);
    expect(painted.get('gloss-note-yellow')).toEqual([]);
    expect(states).toEqual([[{ id: 'a', anchor: 'anchored' }, { id: 'b', anchor: 'orphaned' }]]);
    expect(host.element.getAttribute('data-gloss-notes')).toBe('1/2');
  });

  it('makes a note from the selection with the editor, and an entity note from the popover', async () => {
    const { api, saved } = fakeApi([]);
    const { notes, painted } = start(api);
    await notes.ready;
    select('article', 'nearly twice the first estimate');
    expect(notes.addNoteHere()).toBe(true);
    const editor = await loadEditorFrame();
    expect(editor.open).toMatchObject({ type: 'open', title: 'Add note', quote: 'nearly twice the first estimate', initial: { body: '', tags: [], colour: 'yellow' } });
    editor.port.postMessage({ type: 'save', draft: { body: 'Ask for the audit', tags: [], colour: 'yellow' } } satisfies FromEditorFrame);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ url: URL_, body: 'Ask for the audit', quote: { exact: 'nearly twice the first estimate' }, entity: null });
    expect(painted.get('gloss-note-yellow')!.map(String)).toEqual(['nearly twice the first estimate']);
    expect(host.element.getAttribute('data-gloss-notes')).toBe('1/1');
    expect(host.noteLayer.querySelector('iframe'), 'the editor closes once saved').toBeNull();
    editor.port.close();

    act(() => notes.forEntity('e1').onAddNote());
    const entityEditor = await loadEditorFrame();
    entityEditor.port.postMessage({ type: 'save', draft: { body: '', tags: [], colour: 'blue' } } satisfies FromEditorFrame);
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    entityEditor.port.close();
    expect(saved[1]).toMatchObject({ quote: { exact: 'Jane Doe' }, entity: { key: 'PER:jane doe', name: 'Jane Doe', type: 'PER' } });
    expect(notes.forEntity('e1').notes.map((note) => note.id)).toEqual([saved[1]!.id]);
  });

  it('says there is nothing to note without a selection in the article', async () => {
    const { notes } = start(fakeApi([]).api);
    document.getSelection()!.removeAllRanges();
    expect(notes.addNoteHere()).toBe(false);
  });

  it('gives the popover what other articles said about the entity', async () => {
    const memory: EntityMemory = { key: 'PER:jane doe', articles: [{ url: 'https://a.example/', title: 'Earlier', published: null, outlet: null, role: 'Mayor' }], figures: [] };
    const { notes } = start(fakeApi([], [memory]).api);
    await notes.ready;
    expect(notes.forEntity('e1').memory).toEqual(memory);
    expect(notes.forEntity('e2').memory).toBeNull();
  });

  it('deletes a note from its card and brings it back with Undo', async () => {
    const note = noteOn(found.article.text, 'the detour through the old town', { id: 'a' });
    const { api, saved } = fakeApi([note]);
    const { notes } = start(api);
    await notes.ready;
    expect(notes.showNote('a')).toBe(true);
    expect(host.noteLayer.querySelector('.note-card .body')!.textContent).toBe(note.body);
    await act(async () => host.noteLayer.querySelector<HTMLButtonElement>('button.delete')!.click());
    await vi.waitFor(() => expect(host.noteLayer.querySelector('button.undo')).not.toBeNull());
    expect(host.element.getAttribute('data-gloss-notes')).toBe('0/0');
    await act(async () => host.noteLayer.querySelector<HTMLButtonElement>('button.undo')!.click());
    await vi.waitFor(() => expect(host.element.getAttribute('data-gloss-notes')).toBe('1/1'));
    expect(saved).toEqual([note]);
  });
});
