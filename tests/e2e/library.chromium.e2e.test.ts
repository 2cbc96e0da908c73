import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, extensionWorkerUrl, launchChromium, type ChromiumSession } from '../support/browsers';
import { clickButton, libraryLoaded, libraryRoundTrip, libraryView, type LibraryDriver } from '../support/library';

describe(`The library in Chromium (${CHROME_BUILD})`, () => {
  let browser: ChromiumSession;
  let page: Page;
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

  beforeAll(async () => {
    browser = await launchChromium();
    const extensionId = new URL(await extensionWorkerUrl(browser.context)).host;
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The side panel's page, opened as a tab: the same page Chrome shows in its side panel.
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await libraryLoaded(() => page.evaluate(libraryView));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts empty, saying how to add a note', async () => {
    expect((await page.evaluate(libraryView)).empty).toBe(true);
  });

  libraryRoundTrip(() => driver);

  it('raises no error in the library page', () => {
    expect(pageErrors).toEqual([]);
  });
});
