import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRemoteRequests, CHROME_BUILD, extensionWorkerUrl, launchChromium, REPO_ROOT, type ChromiumSession } from '../support/browsers';
import { GLOSS_HOST, glossOutcome } from '../support/gloss-page';
import {
  clickButton,
  libraryLoaded,
  libraryRoundTrip,
  libraryView,
  memoryControls,
  memoryView,
  type LibraryDriver,
  type MemoryDriver,
} from '../support/library';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`The library in Chromium (${CHROME_BUILD})`, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let extensionId: string;
  let page: Page;
  let article: Page;
  let options: Page;
  const pageErrors: string[] = [];

  const driver: LibraryDriver = {
    evaluate: <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) => page.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown),
    async reload() {
      await page.reload();
      await libraryLoaded(() => page.evaluate(libraryView));
    },
    async download(label) {
      // A real download: the file the browser saves.
      const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(clickButton, label)]);
      return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
    },
    async pickFile(name, text) {
      await page.setInputFiles('input[type="file"]', { name, mimeType: 'application/ld+json', buffer: Buffer.from(text) });
    },
  };

  const memoryDriver: MemoryDriver = {
    async readSeedPage() {
      await article.goto(`${server.origin}/seed/page.html`);
      await article.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
    },
    async openOptions() {
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.waitForFunction(memoryView);
    },
    evaluate: <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) => options.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown),
  };

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    extensionId = new URL(await extensionWorkerUrl(browser.context)).host;
    [page, article, options] = [await browser.context.newPage(), await browser.context.newPage(), await browser.context.newPage()];
    for (const extensionPage of [page, options]) extensionPage.on('pageerror', (error) => pageErrors.push(error.message));
    // The side panel's page, opened as a tab: the same page Chrome shows in its side panel.
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await libraryLoaded(() => page.evaluate(libraryView));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts empty, saying how to add a note', async () => {
    expect((await page.evaluate(libraryView)).empty).toBe(true);
  });

  libraryRoundTrip(() => driver);
  memoryControls(() => memoryDriver);

  it('raises no error in the library and options pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
