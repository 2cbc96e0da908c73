import { rm } from 'node:fs/promises';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGlossTaskTrace } from '../../extension/cli/gloss-task-trace';
import { prepareOddPages } from '../fixtures/odd-pages/generate';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { GLOSS_HOST, glossOutcome } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { oddPageTests, type OddPageDriver } from './odd-pages.scenarios';

/** Huge pages take a while: Readability on 2 MB in the background, then 50,000 words analysed. */
const SETTLE_MS = 60_000;

/** The loaded frame of the iframe `selector`. */
async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(selector)).contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForFunction(() => document.readyState === 'complete' && document.body !== null);
  return frame;
}

describe(`Gloss on huge and odd pages in Chromium (${CHROME_BUILD})`, { timeout: 120_000 }, () => {
  let dir: string;
  let server: StaticServer;
  let other: StaticServer;
  let browser: ChromiumSession;
  let page: Page;
  let cdp: CDPSession;
  let extensionErrors: string[];
  let driver: OddPageDriver;

  beforeAll(async () => {
    dir = await prepareOddPages();
    server = await startStaticServer(dir);
    // A second port is a second origin: the cross-origin frame's.
    other = await startStaticServer(dir);
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    extensionErrors = await watchExtensionErrors(cdp);
    driver = {
      async open(path) {
        await page.goto(`${server.origin}${path}`, { timeout: SETTLE_MS });
        await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: SETTLE_MS });
      },
      evaluate: <Arg, Result>(fn: (arg: Arg) => Result, arg: Arg) => page.evaluate(fn as (arg: unknown) => Result, arg),
      evaluateInFrame: async (selector, fn) => (await frameOf(page, selector)).evaluate(fn),
      async type(selector, text) {
        await page.focus(selector);
        await page.keyboard.press('Control+End');
        await page.keyboard.type(text);
      },
      click: (selector) => page.click(selector),
      otherOrigin: other.origin,
    };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await other?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let measured: Page | null = null;
  oddPageTests(
    () => driver,
    {
      // A fresh tab, traced from before the navigation, as bench section (j) does.
      async longestGlossTask(path) {
        await measured?.close();
        measured = await browser.context.newPage();
        const trace = await startGlossTaskTrace(browser.context, measured);
        await measured.goto(`${server.origin}${path}`, { timeout: SETTLE_MS });
        await measured.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: SETTLE_MS });
        expect(await measured.evaluate(glossOutcome, GLOSS_HOST)).toMatchObject({ state: 'ready', error: null });
        await measured.waitForTimeout(1_000);
        return (await trace.stop()).longestGlossTask;
      },
      async pageHeapMb() {
        return measured!.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1024 / 1024);
      },
    },
    (line) => console.info(`[chromium] ${line}`),
  );

  it('raised no error from Gloss on any of these pages', () => {
    expect(extensionErrors).toEqual([]);
  });
});
