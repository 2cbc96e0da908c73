import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, REPO_ROOT, TEST_OUTPUT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { GLOSS_HOST, glossOutcome, locateWord, pressThenRelease } from '../support/gloss-page';
import { chromiumEditor, chromiumNotesUi, NOTE_TEXT, NOTED_PASSAGE, noteHighlightNames, notesPainted, SEED_TITLE, selectionBox, selectPassage, WORD_IN_PASSAGE } from '../support/notes';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Notes and memory in Chromium (${CHROME_BUILD})`, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let page: Page;
  let cdp: CDPSession;
  let extensionErrors: string[];

  /** Opens a fixture page and waits until Gloss is ready and the page's notes are painted. */
  async function open(path: string): Promise<string> {
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
    expect(await page.evaluate(glossOutcome, GLOSS_HOST)).toMatchObject({ state: 'ready', error: null });
    await page.waitForFunction(notesPainted, GLOSS_HOST, { timeout: 10_000 });
    // Gloss opens its first-run page on install; typing must reach this tab, not that one.
    await page.bringToFront();
    return (await page.evaluate(notesPainted, GLOSS_HOST))!;
  }

  /** Clicks a word of the noted passage and returns the note card's text. */
  async function noteCardOn(word: string): Promise<string | null> {
    const at = await page.evaluate(locateWord, word);
    expect(at, `"${word}" is on the page`).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(async () => (await chromiumNotesUi(cdp))?.card, { timeout: 3_000 }).not.toBeNull();
    const card = (await chromiumNotesUi(cdp))!.card;
    await page.keyboard.press('Escape');
    return card;
  }

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    extensionErrors = await watchExtensionErrors(cdp);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a note on a selected passage with the button by the selection', async () => {
    expect(await open('/seed/page.html'), 'no notes yet').toBe('0/0');
    const end = await page.evaluate(selectPassage, NOTED_PASSAGE);
    expect(end, 'the passage is on the page').not.toBeNull();
    await expect.poll(async () => (await chromiumNotesUi(cdp))?.addButton, { timeout: 3_000 }).not.toBeNull();
    const button = (await chromiumNotesUi(cdp))!.addButton!;
    await page.mouse.click(button.x, button.y);
    await expect.poll(async () => (await chromiumNotesUi(cdp))?.editor, { timeout: 3_000 }).toBe(true);
    // The editor is a page of Gloss's own in a frame, focused in its text once drawn.
    await expect.poll(() => chromiumEditor(page), { timeout: 3_000 }).toMatchObject({ focused: 'body', body: '' });
    expect((await chromiumEditor(page))!.quote).toMatch(/^And Vladimir Poutine on Friday.*action abroad\.$/);
    await page.keyboard.type(NOTE_TEXT);
    expect((await chromiumEditor(page))!.body, 'typed in the frame').toBe(NOTE_TEXT);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(notesPainted, GLOSS_HOST), { timeout: 5_000 }).toBe('1/1');
  });

  it('highlights the note again after a reload', async () => {
    await page.reload();
    await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
    await page.waitForFunction((host) => document.querySelector(host)?.getAttribute('data-gloss-notes') === '1/1', GLOSS_HOST, { timeout: 10_000 });
    // Painted inside Gloss's shadow root, where the page cannot see which passage the reader noted.
    expect(await page.evaluate(noteHighlightNames), "notes in the page's CSS.highlights").toEqual([]);
    expect(await page.evaluate(selectPassage, NOTED_PASSAGE)).not.toBeNull();
    const passage = (await page.evaluate(selectionBox))!;
    // Boxes are drawn in the next animation frame.
    await expect.poll(async () => Object.keys((await chromiumNotesUi(cdp))?.noteMarks ?? {}), { timeout: 3_000, message: 'the passage is painted as a yellow note' }).toEqual(['gloss-note-yellow']);
    const painted = (await chromiumNotesUi(cdp))!.noteMarks['gloss-note-yellow']!;
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(painted[side] - passage[side]), `the mark's ${side} edge`).toBeLessThan(2);
    await mkdir(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: join(TEST_OUTPUT, 'e2e-notes-chromium.png') });
    expect(await noteCardOn(WORD_IN_PASSAGE)).toBe(NOTE_TEXT);
  });

  it('attaches the note on a changed copy of the article (a paragraph inserted, a typo fixed)', async () => {
    expect(await open('/notes/changed.html')).toBe('1/1');
    expect(await noteCardOn(WORD_IN_PASSAGE)).toBe(NOTE_TEXT);
  });

  it('opens the editor on the selection with Alt+Shift+N and from the context menu item, Escape cancelling', async () => {
    const editorOpen = async () => (await chromiumNotesUi(cdp))?.editor;
    expect(await page.evaluate(selectPassage, { from: 'Not far away', to: 'Crimean peninsula' })).not.toBeNull();
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(editorOpen, { timeout: 3_000 }).toBe(true);
    await pressThenRelease(page, 'Escape');
    await expect.poll(editorOpen, { timeout: 3_000 }).toBe(false);

    // The context menu item's click handler sends this to the tab (extension/background/notes-browser.ts).
    const worker = browser.context.serviceWorkers()[0]!;
    await page.evaluate(selectPassage, { from: 'Not far away', to: 'Crimean peninsula' });
    await worker.evaluate(async () => {
      type Tabs = { query(filter: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      // Gloss has no "tabs" permission, so tabs' addresses are hidden: tell every tab, as the only page is ours.
      for (const tab of await tabs.query({})) await tabs.sendMessage(tab.id!, { type: 'gloss:notes:add-here' }).catch(() => {});
    });
    await expect.poll(editorOpen, { timeout: 3_000 }).toBe(true);
    await pressThenRelease(page, 'Escape');
    await expect.poll(editorOpen, { timeout: 3_000 }).toBe(false);
    expect(await page.evaluate(notesPainted, GLOSS_HOST), 'nothing saved').toBe('1/1');
  });

  it('says in the popover of a name that another article the reader read mentions it', async () => {
    expect(await open('/notes/second.html')).toBe('0/0');
    const word = await page.evaluate(locateWord, 'Mariupol');
    await page.mouse.move(word!.x - 20, word!.y);
    await page.mouse.move(word!.x, word!.y, { steps: 5 });
    await expect.poll(async () => (await chromiumNotesUi(cdp))?.memory, { timeout: 5_000 }).not.toBeNull();
    const memory = (await chromiumNotesUi(cdp))!.memory!;
    expect(memory).toContain('In 1 other article you read');
    expect(memory).toContain(SEED_TITLE);
    expect(memory, "the seed's figure about Mariupol, with its date").toMatch(/160,000[\s\S]*29 Mar 2022/);
  });

  it('raises no error from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
