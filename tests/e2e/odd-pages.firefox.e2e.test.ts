import { rm } from 'node:fs/promises';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { prepareOddPages } from '../fixtures/odd-pages/generate';
import { FIREFOX_BUILD, launchFirefoxWithGloss } from '../support/browsers';
import { GLOSS_HOST, glossOutcome } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { oddPageTests, type OddPageDriver } from './odd-pages.scenarios';

/** Huge pages take a while: Readability on 2 MB in the background, then 50,000 words analysed. */
const SETTLE_MS = 60_000;

/** The loaded frame of the iframe `selector`. */
async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(selector))!.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForFunction(() => document.readyState === 'complete' && document.body !== null);
  return frame;
}

/**
 * Firefox has no trace of the page's tasks that tells Gloss's from the page's (and no long-task
 * observer), nor `performance.memory`: the heap check runs in Chromium only (bench (j) measures
 * the tasks, in Chromium).
 */
describe(`Gloss on huge and odd pages in Firefox ESR (${FIREFOX_BUILD})`, { timeout: 120_000 }, () => {
  let dir: string;
  let server: StaticServer;
  let other: StaticServer;
  let browser: Browser;
  let page: Page;
  let driver: OddPageDriver;

  beforeAll(async () => {
    dir = await prepareOddPages();
    server = await startStaticServer(dir);
    other = await startStaticServer(dir);
    browser = await launchFirefoxWithGloss();
    page = await browser.newPage();
    driver = {
      async open(path) {
        await page.goto(`${server.origin}${path}`, { timeout: SETTLE_MS });
        await page.waitForFunction(glossOutcome, { timeout: SETTLE_MS }, GLOSS_HOST);
      },
      // Puppeteer types the argument as its handle-flattened form; the scenarios pass plain values.
      evaluate: async <Arg, Result>(fn: (arg: Arg) => Result, arg: Arg) => (await page.evaluate(fn as (arg: unknown) => unknown, arg)) as Result,
      evaluateInFrame: async <Result>(selector: string, fn: () => Result) => (await (await frameOf(page, selector)).evaluate(fn as () => unknown)) as Result,
      async type(selector, text) {
        await page.focus(selector);
        await page.keyboard.down('Control');
        await page.keyboard.press('End');
        await page.keyboard.up('Control');
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

  oddPageTests(() => driver, undefined, (line) => console.info(`[firefox] ${line}`));
});
