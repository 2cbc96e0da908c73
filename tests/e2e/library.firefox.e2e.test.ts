import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIREFOX_BUILD, FIREFOX_EXTENSION_UUID, launchFirefoxWithGloss, REPO_ROOT } from '../support/browsers';
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

const EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

/**
 * In the page: keeps the link a download would follow instead of following it (headless Firefox
 * over BiDi offers no download event), and the Blob behind each object URL, so the test can read
 * the file (the extension pages' CSP does not let `fetch` read a `blob:` URL).
 */
function keepDownloads(): void {
  const kept: { name: string; blob: Blob | undefined }[] = [];
  const blobs = new Map<string, Blob>();
  (window as unknown as { glossDownloads: typeof kept }).glossDownloads = kept;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) kept.push({ name: this.download, blob: blobs.get(this.href) });
  };
}

/** In the page: the last file kept by `keepDownloads`, read back from its Blob. */
async function lastDownload(): Promise<{ name: string; text: string } | null> {
  const kept = (window as unknown as { glossDownloads: { name: string; blob: Blob | undefined }[] }).glossDownloads.at(-1);
  return kept ? { name: kept.name, text: (await kept.blob?.text()) ?? '' } : null;
}

/**
 * Navigates `page` and waits until `ready` holds in the new document: `moz-extension://`
 * navigations may never report "loaded" over BiDi, so the navigation itself is not awaited.
 */
async function openExtensionPage(page: Page, navigate: () => Promise<unknown>, ready: () => Promise<boolean>): Promise<void> {
  const before = await page.evaluate(() => performance.timeOrigin);
  navigate().catch(() => undefined);
  await vi.waitFor(
    async () => {
      const fresh = await page.evaluate(() => performance.timeOrigin).catch(() => before);
      if (fresh === before || !(await ready().catch(() => false))) throw new Error(`${page.url()} is not ready yet`);
    },
    { timeout: 10_000, interval: 100 },
  );
}

const evaluateIn =
  (page: () => Page): LibraryDriver['evaluate'] =>
  <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) =>
    page().evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown) as Promise<Result>;

describe(`The library in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let article: Page;
  let options: Page;
  let files: string;
  const pageErrors: string[] = [];

  async function openLibrary(navigate: () => Promise<unknown>): Promise<void> {
    await openExtensionPage(page, navigate, async () => {
      await libraryLoaded(() => page.evaluate(libraryView));
      return true;
    });
    await page.evaluate(keepDownloads);
  }

  const driver: LibraryDriver = {
    evaluate: evaluateIn(() => page),
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

  const memoryDriver: MemoryDriver = {
    // Each page is brought to the front before use: Firefox slows the timers of background tabs.
    async readSeedPage() {
      await article.bringToFront();
      await article.goto(`${server.origin}/seed/page.html`);
      await article.waitForFunction(glossOutcome, { timeout: 20_000 }, GLOSS_HOST);
    },
    openOptions: async () => {
      await options.bringToFront();
      await openExtensionPage(
        options,
        () => options.goto(`${EXTENSION_ORIGIN}/options.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }),
        async () => (await options.evaluate(memoryView)) !== null,
      );
    },
    evaluate: evaluateIn(() => options),
  };

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'gloss-library-'));
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchFirefoxWithGloss(FIREFOX_BUILD, { extensionPages: true });
    [page, article, options] = [await browser.newPage(), await browser.newPage(), await browser.newPage()];
    for (const extensionPage of [page, options]) extensionPage.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.bringToFront();
    await openLibrary(() => page.goto(`${EXTENSION_ORIGIN}/sidepanel.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) await rm(files, { recursive: true, force: true });
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
