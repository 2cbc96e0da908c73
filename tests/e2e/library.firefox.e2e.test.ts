import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, FIREFOX_EXTENSION_UUID, launchFirefoxWithGloss } from '../support/browsers';
import { clickButton, libraryLoaded, libraryRoundTrip, libraryView, type LibraryDriver } from '../support/library';

const LIBRARY_URL = `moz-extension://${FIREFOX_EXTENSION_UUID}/sidepanel.html`;

/**
 * In the page: keeps the link a download would follow instead of following it (headless Firefox
 * over BiDi offers no download event), so the test can read the file at its object URL.
 */
function keepDownloads(): void {
  const kept: { name: string; href: string }[] = [];
  (window as unknown as { glossDownloads: typeof kept }).glossDownloads = kept;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) kept.push({ name: this.download, href: this.href });
  };
}

/** In the page: the last file kept by `keepDownloads`, read back from its object URL. */
async function lastDownload(): Promise<{ name: string; text: string } | null> {
  const kept = (window as unknown as { glossDownloads: { name: string; href: string }[] }).glossDownloads.at(-1);
  return kept ? { name: kept.name, text: await (await fetch(kept.href)).text() } : null;
}

describe(`The library in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let browser: Browser;
  let page: Page;
  let files: string;
  const pageErrors: string[] = [];

  /**
   * Navigates and waits for the library to list the notes in the new document: `moz-extension://`
   * navigations may never report "loaded" over BiDi, so the navigation itself is not awaited.
   */
  async function openLibrary(navigate: () => Promise<unknown>): Promise<void> {
    const before = await page.evaluate(() => performance.timeOrigin);
    navigate().catch(() => undefined);
    await libraryLoaded(async () => {
      const fresh = await page.evaluate(() => performance.timeOrigin).catch(() => before);
      return fresh === before ? null : page.evaluate(libraryView).catch(() => null);
    });
    await page.evaluate(keepDownloads);
  }

  const driver: LibraryDriver = {
    evaluate: <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) =>
      page.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown) as Promise<Result>,
    reload: () => openLibrary(() => page.evaluate(() => location.reload())),
    async download(label) {
      await page.evaluate(clickButton, label);
      await expect.poll(() => page.evaluate(lastDownload), { timeout: 5_000 }).not.toBeNull();
      return (await page.evaluate(lastDownload))!;
    },
    async pickFile(name, text) {
      const path = join(files, name);
      await writeFile(path, text);
      const input = (await page.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
    },
  };

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'gloss-library-'));
    browser = await launchFirefoxWithGloss(FIREFOX_BUILD, { extensionPages: true });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await openLibrary(() => page.goto(LIBRARY_URL, { waitUntil: 'domcontentloaded', timeout: 10_000 }));
  });

  afterAll(async () => {
    await browser?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('starts empty, saying how to add a note', async () => {
    expect((await page.evaluate(libraryView)).empty).toBe(true);
  });

  libraryRoundTrip(() => driver);

  it('raises no error in the library page', () => {
    expect(pageErrors).toEqual([]);
  });
});
