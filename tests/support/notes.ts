import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { callOnChromiumGlossRoot, firefoxGlossRoot } from './gloss-page';

/**
 * The notes' DOM contract the browser tests rely on (extension/marking/notes.ts): the host's
 * `data-gloss-notes` ("placed/total") once the page's notes are painted, and inside the closed
 * shadow root the "Add note" button (`.add-note`), the editor's frame (`iframe.note-editor-frame`,
 * sized once the editor is drawn; in it the editor page, `.note-editor`, text in
 * `textarea[name=body]`), a note's card (`.note-card`, text in `.body`), the notes' marks (boxes
 * `.overlay .box.gloss-note-<colour>`) and the popover's memory (`.memory`).
 */

/** The passage the tests note: the seed's last sentence, whose "Poutine" the changed copy spells "Putin". */
export const NOTED_PASSAGE = { from: 'And Vladimir Poutine on Friday', to: 'action abroad.' } as const;
/** A word inside the passage in both copies, to click on. */
export const WORD_IN_PASSAGE = 'promulgated';
export const NOTE_TEXT = 'Check: the law of 4 March 2022?';
export const SEED_TITLE = 'War in Ukraine – Russian-Ukrainian negotiations open in Istanbul';

/** The host's data-gloss-notes ("1/1"), or null while the notes are not painted (page function). */
export function notesPainted(hostSelector: string): string | null {
  return document.querySelector(hostSelector)?.getAttribute('data-gloss-notes') ?? null;
}

/**
 * Selects the text from `from` to the end of `to` (both in one text node of the article) as a
 * reader's drag would, and returns the selection's last line box, or null (page function).
 */
export function selectPassage({ from, to }: { from: string; to: string }): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const start = text.indexOf(from);
    const end = text.indexOf(to, Math.max(start, 0));
    if (start < 0 || end < 0) continue;
    (node.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end + to.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    return last ? { x: last.right, y: last.bottom } : null;
  }
  return null;
}

/**
 * The selection's bounding box in document coordinates, after which the selection is cleared;
 * null when nothing is selected (page function).
 */
export function selectionBox(): Box | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  selection.removeAllRanges();
  return { left: rect.left + scrollX, top: rect.top + scrollY, right: rect.right + scrollX, bottom: rect.bottom + scrollY };
}

/** The names of the notes' highlights registered in the page's `CSS.highlights` (page function): none, ever. */
export function noteHighlightNames(): string[] {
  return [...CSS.highlights.keys()].filter((name) => String(name).startsWith('gloss-note'));
}

/** A box in document coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the notes UI in Gloss's shadow root shows now. */
export interface NotesUi {
  /** Centre of the "Add note" button by the selection, when shown. */
  addButton: { x: number; y: number } | null;
  /** Whether the editor's frame is shown, sized to the editor drawn in it. */
  editor: boolean;
  /** The notes' marks: for each mark name painted (`gloss-note-yellow`…), the box around its boxes. */
  noteMarks: Record<string, Box>;
  /** The open note card's text. */
  card: string | null;
  /** The open popover's memory section's text. */
  memory: string | null;
}

/** Reads the notes UI inside the shadow root (runs in the browser, on the root). */
function readNotesUi(root: ShadowRoot): NotesUi {
  const button = root.querySelector('.note-layer .add-note');
  const rect = button?.getBoundingClientRect();
  const card = root.querySelector('.note-card .body');
  const memory = root.querySelector('.popover .memory') as HTMLElement | null;
  const frame = root.querySelector('.note-layer iframe.note-editor-frame');
  const noteMarks: Record<string, { left: number; top: number; right: number; bottom: number }> = {};
  for (const box of root.querySelectorAll<HTMLElement>('.overlay .box[class*="gloss-note-"]')) {
    const name = [...box.classList].find((one) => one.startsWith('gloss-note-'))!;
    const left = parseFloat(box.style.left);
    const top = parseFloat(box.style.top);
    const right = left + parseFloat(box.style.width);
    const bottom = top + parseFloat(box.style.height);
    const union = noteMarks[name];
    noteMarks[name] = union
      ? { left: Math.min(union.left, left), top: Math.min(union.top, top), right: Math.max(union.right, right), bottom: Math.max(union.bottom, bottom) }
      : { left, top, right, bottom };
  }
  return {
    addButton: rect && rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null,
    editor: frame !== null && frame.getBoundingClientRect().height > 0,
    noteMarks,
    card: card?.textContent ?? null,
    memory: memory?.checkVisibility() ? memory.innerText : null,
  };
}

/** Chromium: the notes UI, read inside Gloss's closed shadow root through CDP. */
export function chromiumNotesUi(cdp: CDPSession): Promise<NotesUi | null> {
  return callOnChromiumGlossRoot<NotesUi>(cdp, `function () { return (${readNotesUi.toString()})(this); }`);
}

/** Firefox: the notes UI, read through the closed root's BiDi reference. */
export async function firefoxNotesUi(page: PuppeteerPage): Promise<NotesUi | null> {
  const root = await firefoxGlossRoot(page);
  return root ? root.evaluate(readNotesUi as (node: Node) => NotesUi) : null;
}

/** The note editor in its frame, as the tests read it: the focused field's name, the text, the quote. */
export interface EditorLook {
  focused: string | null;
  body: string;
  quote: string;
}

/** Reads the note editor (runs in the browser, in the editor's frame); null before it is drawn. */
export function readEditor(): EditorLook | null {
  const body = document.querySelector<HTMLTextAreaElement>('.note-editor textarea[name=body]');
  if (!body) return null;
  return {
    focused: document.hasFocus() ? (document.activeElement?.getAttribute('name') ?? null) : null,
    body: body.value,
    quote: document.querySelector('.note-editor .quote')?.textContent ?? '',
  };
}

/** Whether a frame's address is the note editor's (Playwright's and Puppeteer's frames alike). */
export const isEditorFrame = (frame: { url(): string }): boolean => /^(chrome|moz)-extension:\/\/[^/]+\/note-editor\.html/.test(frame.url());

/** Chromium: the note editor in its frame, or null when none is shown. */
export async function chromiumEditor(page: PlaywrightPage): Promise<EditorLook | null> {
  const frame = page.frames().find(isEditorFrame);
  return frame ? frame.evaluate(readEditor).catch(() => null) : null;
}

/** Firefox: the note editor in its frame, or null when none is shown. */
export async function firefoxEditor(page: PuppeteerPage): Promise<EditorLook | null> {
  const frame = page.frames().find(isEditorFrame);
  return frame ? frame.evaluate(readEditor).catch(() => null) : null;
}
