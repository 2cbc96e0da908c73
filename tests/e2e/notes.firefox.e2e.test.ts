import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, launchFirefoxWithGloss, REPO_ROOT } from '../support/browsers';
import { GLOSS_HOST, glossOutcome, locateWord } from '../support/gloss-page';
import { firefoxEditor, firefoxNotesUi, NOTE_TEXT, NOTED_PASSAGE, noteHighlightNames, notesPainted, SEED_TITLE, selectionBox, selectPassage, WORD_IN_PASSAGE } from '../support/notes';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Notes and memory in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  /** Waits until Gloss is ready and the page's notes are painted; returns data-gloss-notes. */
  async function settled(): Promise<string> {
    await page.waitForFunction(glossOutcome, { timeout: 20_000 }, GLOSS_HOST);
    expect(await page.evaluate(glossOutcome, GLOSS_HOST)).toMatchObject({ state: 'ready', error: null });
    await page.waitForFunction(notesPainted, { timeout: 10_000 }, GLOSS_HOST);
    return (await page.evaluate(notesPainted, GLOSS_HOST))!;
  }

  async function open(path: string): Promise<string> {
    await page.goto(`${server.origin}${path}`);
    return settled();
  }

  /** Clicks a word of the noted passage and returns the note card's text. */
  async function noteCardOn(word: string): Promise<string | null> {
    const at = await page.evaluate(locateWord, word);
    expect(at, `"${word}" is on the page`).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(async () => (await firefoxNotesUi(page))?.card, { timeout: 3_000 }).not.toBeNull();
    const card = (await firefoxNotesUi(page))!.card;
    await page.keyboard.press('Escape');
    return card;
  }

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchFirefoxWithGloss();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a note on a selected passage with the button by the selection', async () => {
    expect(await open('/seed/page.html'), 'no notes yet').toBe('0/0');
    expect(await page.evaluate(selectPassage, NOTED_PASSAGE), 'the passage is on the page').not.toBeNull();
    await expect.poll(async () => (await firefoxNotesUi(page))?.addButton, { timeout: 3_000 }).not.toBeNull();
    const button = (await firefoxNotesUi(page))!.addButton!;
    await page.mouse.click(button.x, button.y);
    await expect.poll(async () => (await firefoxNotesUi(page))?.editor, { timeout: 3_000 }).toBe(true);
    // The editor is a page of Gloss's own in a frame, focused in its text once drawn.
    await expect.poll(() => firefoxEditor(page), { timeout: 3_000 }).toMatchObject({ focused: 'body', body: '' });
    expect((await firefoxEditor(page))!.quote).toMatch(/^And Vladimir Poutine on Friday.*action abroad\.$/);
    await page.keyboard.type(NOTE_TEXT);
    expect((await firefoxEditor(page))!.body, 'typed in the frame').toBe(NOTE_TEXT);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await expect.poll(() => page.evaluate(notesPainted, GLOSS_HOST), { timeout: 5_000 }).toBe('1/1');
  });

  it('highlights the note again after a reload', async () => {
    await page.reload();
    expect(await settled()).toBe('1/1');
    // Painted inside Gloss's shadow root, where the page cannot see which passage the reader noted.
    expect(await page.evaluate(noteHighlightNames), "notes in the page's CSS.highlights").toEqual([]);
    expect(await page.evaluate(selectPassage, NOTED_PASSAGE)).not.toBeNull();
    const passage = (await page.evaluate(selectionBox))!;
    // Boxes are drawn in the next animation frame.
    await expect.poll(async () => Object.keys((await firefoxNotesUi(page))?.noteMarks ?? {}), { timeout: 3_000, message: 'the passage is painted as a yellow note' }).toEqual(['gloss-note-yellow']);
    const painted = (await firefoxNotesUi(page))!.noteMarks['gloss-note-yellow']!;
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(painted[side] - passage[side]), `the mark's ${side} edge`).toBeLessThan(2);
    expect(await noteCardOn(WORD_IN_PASSAGE)).toBe(NOTE_TEXT);
  });

  it('attaches the note on a changed copy of the article (a paragraph inserted, a typo fixed)', async () => {
    expect(await open('/notes/changed.html')).toBe('1/1');
    expect(await noteCardOn(WORD_IN_PASSAGE)).toBe(NOTE_TEXT);
  });

  it('opens the editor on the selection with Alt+Shift+N, Escape cancelling', async () => {
    const editorOpen = async () => (await firefoxNotesUi(page))?.editor;
    expect(await page.evaluate(selectPassage, { from: 'Not far away', to: 'Crimean peninsula' })).not.toBeNull();
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await expect.poll(editorOpen, { timeout: 3_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(editorOpen, { timeout: 3_000 }).toBe(false);
    expect(await page.evaluate(notesPainted, GLOSS_HOST), 'nothing saved').toBe('1/1');
  });

  it('says in the popover of a name that another article the reader read mentions it', async () => {
    expect(await open('/notes/second.html')).toBe('0/0');
    const word = await page.evaluate(locateWord, 'Mariupol');
    await page.mouse.move(word!.x - 20, word!.y);
    await page.mouse.move(word!.x, word!.y, { steps: 5 });
    await expect.poll(async () => (await firefoxNotesUi(page))?.memory, { timeout: 5_000 }).not.toBeNull();
    const memory = (await firefoxNotesUi(page))!.memory!;
    expect(memory).toContain('In 1 other article you read');
    expect(memory).toContain(SEED_TITLE);
    expect(memory, "the seed's figure about Mariupol, with its date").toMatch(/160,000[\s\S]*29 Mar 2022/);
  });
});
