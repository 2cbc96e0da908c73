/**
 * A page posting look-alike messages gets nowhere, in Chromium and in Firefox ESR (issue 8,
 * item 5): Gloss built as shipped, the reader's notes seeded through Gloss's own options page,
 * then tests/fixtures/messages/page.html, whose script (lookalike.js) waits until Gloss has
 * marked it and then sends messages shaped like Gloss's (list, export, clear, save a forged note,
 * delete one, forget the memory, connect sync with its own passphrase) every way a page can:
 * `window.postMessage`, CustomEvents on the window, the document, the body and Gloss's host
 * element, and the extension messaging API where the page has one.
 *
 * Then: no answer reached the page, the page has no extension messaging API (there is no
 * `externally_connectable`), the reader's notes are exactly as seeded, sync is still not
 * connected, and the page is marked as any other.
 */
import { join } from 'node:path';
import type { Page as ChromiumPage } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../extension/notes/types';
import { extensionWorkerUrl, FIREFOX_BUILD, FIREFOX_EXTENSION_UUID, launchChromium, launchFirefoxWithGloss, REPO_ROOT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { GLOSS_HOST, glossOutcome } from '../support/gloss-page';
import { LIBRARY_NOTES, sendFromPage } from '../support/library';
import { startStaticServer, type StaticServer } from '../support/static-server';

/** What lookalike.js wrote to `window.__lookalike`. */
interface Lookalike {
  done: boolean;
  posted: number;
  dispatched: number;
  /** Window messages the page did not post itself. */
  received: string[];
  /** Events the page did not dispatch itself. */
  events: string[];
  /** "absent" (the page has no messaging API), "present", or "threw: …". */
  runtime: string;
  replies: unknown[];
}

/** The page's record of its attempts, once it is done (page function). */
function lookalikeResult(): Lookalike | null {
  const result = (window as unknown as { __lookalike?: Lookalike }).__lookalike;
  return result?.done ? JSON.parse(JSON.stringify(result)) : null;
}

/** What one browser is asked to do: the same steps in both. */
interface Driver {
  name: string;
  /** Gloss's extension id, for the page's `runtime.sendMessage(id, …)` where it has one. */
  extensionId: string;
  /** Sends `request` from Gloss's options page, as the library does, and returns the reply. */
  fromOptions(request: unknown): Promise<unknown>;
  /** Opens `url` in the article tab and waits until Gloss has settled on it: its outcome. */
  openPage(url: string): Promise<ReturnType<typeof glossOutcome>>;
  /** The article tab's record of its attempts, once done. */
  lookalike(): Promise<Lookalike | null>;
}

/** The notes as the background lists them to Gloss's own library. */
async function storedNotes(driver: Driver): Promise<Note[]> {
  const reply = (await driver.fromOptions({ type: 'gloss:notes:library', query: '', limit: 1000 })) as { ok: boolean; notes: Note[] };
  expect(reply, `${driver.name}: the library request from Gloss's own page`).toMatchObject({ ok: true });
  return [...reply.notes].sort((a, b) => a.id.localeCompare(b.id));
}

function lookalikeSteps(driver: () => Driver, site: () => StaticServer) {
  let seeded: Note[] = [];

  it('seeds the reader’s notes through Gloss’s own page', async () => {
    for (const note of LIBRARY_NOTES) expect(await driver().fromOptions({ type: 'gloss:notes:save', note })).toMatchObject({ ok: true });
    seeded = await storedNotes(driver());
    expect(seeded.map((note) => note.id)).toEqual(LIBRARY_NOTES.map((note) => note.id).sort());
    expect(await driver().fromOptions({ type: 'gloss:sync:status' })).toMatchObject({ ok: true, status: { remote: null } });
  });

  it('a page posting look-alike messages every way it can gets no answer, and the page is marked as usual', async () => {
    const outcome = await driver().openPage(`${site().origin}/messages/page.html?extension=${driver().extensionId}`);
    expect(outcome).toMatchObject({ state: 'ready', error: null });
    expect(outcome!.marks).toBeGreaterThan(3);

    let result: Lookalike | null = null;
    await vi.waitFor(
      async () => {
        result = await driver().lookalike();
        expect(result, `${driver().name}: the page finished its attempts`).not.toBeNull();
      },
      { timeout: 60_000, interval: 250 },
    );
    const { posted, dispatched, received, events, runtime, replies } = result!;
    expect(posted).toBeGreaterThan(20);
    expect(dispatched).toBeGreaterThan(100);
    expect(received, 'window messages the page did not post').toEqual([]);
    expect(events, 'events the page did not dispatch').toEqual([]);
    expect(runtime, 'the page has no extension messaging API (no externally_connectable)').toBe('absent');
    expect(replies).toEqual([]);
  });

  it('leaves the reader’s notes and sync as they were', async () => {
    expect(await storedNotes(driver())).toEqual(seeded);
    expect(await driver().fromOptions({ type: 'gloss:sync:status' })).toMatchObject({ ok: true, status: { remote: null } });
  });

  it('still marks the page after the attempts (the content script was not disturbed)', async () => {
    const outcome = await driver().openPage(`${site().origin}/messages/page.html?extension=${driver().extensionId}`);
    expect(outcome).toMatchObject({ state: 'ready', error: null });
    expect(outcome!.marks).toBeGreaterThan(3);
  });
}

describe('Look-alike messages, Chromium', () => {
  let site: StaticServer;
  let session: ChromiumSession;
  let article: ChromiumPage;
  let options: ChromiumPage;
  let extensionErrors: string[];
  let driver: Driver;

  beforeAll(async () => {
    site = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    session = await launchChromium();
    const id = new URL(await extensionWorkerUrl(session.context)).host;
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    article = await session.context.newPage();
    extensionErrors = await watchExtensionErrors(await session.context.newCDPSession(article));
    driver = {
      name: 'Chromium',
      extensionId: id,
      fromOptions: (request) => options.evaluate(sendFromPage, request),
      async openPage(url) {
        await article.bringToFront();
        await article.goto(url);
        await article.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
        return article.evaluate(glossOutcome, GLOSS_HOST);
      },
      lookalike: () => article.evaluate(lookalikeResult),
    };
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  lookalikeSteps(() => driver, () => site);

  it('raises no error from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});

describe('Look-alike messages, Firefox ESR', () => {
  let site: StaticServer;
  let firefox: Browser;
  let article: FirefoxPage;
  let options: FirefoxPage;
  let driver: Driver;

  beforeAll(async () => {
    site = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    firefox = await launchFirefoxWithGloss(FIREFOX_BUILD, { extensionPages: true });
    options = await firefox.newPage();
    await options.bringToFront();
    // moz-extension:// navigations may never report "loaded" over BiDi: wait for the page instead.
    options.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/options.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }).catch(() => undefined);
    await vi.waitFor(
      async () => expect(await options.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false)).toBe(true),
      { timeout: 15_000, interval: 200 },
    );
    article = await firefox.newPage();
    driver = {
      name: 'Firefox',
      extensionId: '', // a Firefox page has no messaging API to name it in
      fromOptions: (request) => options.evaluate(sendFromPage, request),
      async openPage(url) {
        await article.bringToFront();
        await article.goto(url);
        await article.waitForFunction(glossOutcome, { timeout: 20_000 }, GLOSS_HOST);
        return article.evaluate(glossOutcome, GLOSS_HOST);
      },
      lookalike: () => article.evaluate(lookalikeResult),
    };
  }, 90_000);

  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  lookalikeSteps(() => driver, () => site);
});
