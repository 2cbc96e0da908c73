/**
 * Sync end to end: one real Apache WebDAV folder on 127.0.0.1, Chromium and Firefox ESR each with
 * Gloss, connected through their options pages with the same passphrase. Notes are created,
 * edited and deleted in each browser while apart, then both sync (twice): both hold the same
 * notes. The server's files hold no note text, title or address, and a wrong passphrase in a
 * third browser profile is refused with its message, writing nothing.
 *
 * The permission prompt for the server's origin: Firefox grants it without a prompt under
 * `extensions.webextOptionalPermissionPrompts: false`, to a real click (a user gesture), so the
 * grant is real. Chromium's prompt is a native dialog that headless Chromium cannot answer: the
 * test answers it in the options page (`chrome.permissions.request` replaced by one that says yes)
 * and the background reaches Apache through its CORS headers.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page as ChromiumPage } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../extension/notes/types';
import { startWebDav, type WebDavServer } from '../support/apache-webdav';
import { extensionWorkerUrl, FIREFOX_BUILD, FIREFOX_EXTENSION_UUID, launchChromium, launchFirefoxWithGloss, type ChromiumSession } from '../support/browsers';
import { sendFromPage } from '../support/library';

const PASSPHRASE = 'plum orchard under winter rain';

const note = (id: string, body: string, fields: Partial<Note> = {}): Note => ({
  id: `urn:uuid:${id}`,
  url: `https://news.example/story-${id.slice(0, 8)}`,
  title: `Secret headline ${id.slice(0, 8)}`,
  quote: { type: 'TextQuoteSelector', exact: `quoted passage ${id.slice(0, 8)}`, prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start: 10, end: 30 },
  entity: null,
  body,
  tags: ['sync-test'],
  colour: 'yellow',
  created: '2026-04-01T10:00:00.000Z',
  modified: '2026-04-01T10:00:00.000Z',
  anchor: 'anchored',
  ...fields,
});

const A = note('0a000000-0000-4000-8000-000000000001', 'Alpha body written in Chromium');
const B = note('0b000000-0000-4000-8000-000000000002', 'Bravo body written in Chromium');
const C = note('0c000000-0000-4000-8000-000000000003', 'Charlie body written in Firefox');
const D = note('0d000000-0000-4000-8000-000000000004', 'Delta body, new in Chromium while apart');
const E = note('0e000000-0000-4000-8000-000000000005', 'Echo body, new in Firefox while apart');
const F = note('0f000000-0000-4000-8000-000000000006', 'Foxtrot body written in Firefox, deleted there while apart');
const edited = (original: Note, body: string): Note => ({ ...original, body, modified: '2026-04-02T10:00:00.000Z' });
const A2 = edited(A, 'Alpha body edited in Chromium while apart');
const C2 = edited(C, 'Charlie body edited in Firefox while apart');

/** What one browser's options page can be asked. */
interface Driver {
  name: string;
  evaluate<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** Types into a field of the options page, as the reader does. */
  fill(selector: string, value: string): Promise<void>;
  /** Clicks, as the reader does (a user gesture). */
  click(selector: string): Promise<void>;
}

/** In the page: what the Sync section shows. */
function syncView(): { connected: boolean; form: boolean; confirm: boolean; message: string; last: string; error: string } | null {
  const section = document.querySelector('section.sync');
  if (!section || section.textContent!.includes('Reading the state of sync')) return null;
  const text = (selector: string) => section.querySelector(selector)?.textContent?.trim() ?? '';
  return {
    connected: section.querySelector('.sync-status') !== null,
    form: section.querySelector('form.sync-connect') !== null,
    confirm: section.querySelector('#sync-passphrase-confirm') !== null,
    message: text('.sync-message'),
    last: text('.sync-last'),
    error: text('.sync-error'),
  };
}

async function view(driver: Driver) {
  return driver.evaluate(syncView, undefined);
}

async function fillConnectForm(driver: Driver, dav: WebDavServer, passphrase: string): Promise<void> {
  await vi.waitFor(async () => expect((await view(driver))?.form).toBe(true), { timeout: 10_000 });
  await driver.fill('#sync-url', dav.url);
  await driver.fill('#sync-user', dav.user);
  await driver.fill('#sync-app-password', dav.password);
  await driver.fill('#sync-passphrase', passphrase);
}

async function notesIn(driver: Driver): Promise<{ id: string; body: string }[]> {
  const reply = (await driver.evaluate(sendFromPage, { type: 'gloss:notes:library', query: '', limit: 1000 })) as { ok: boolean; notes?: Note[] };
  expect(reply, `${driver.name}'s notes`).toMatchObject({ ok: true });
  return reply.notes!.map(({ id, body }) => ({ id, body })).sort((a, b) => a.id.localeCompare(b.id));
}

const expectedNotes = (...notes: Note[]) => notes.map(({ id, body }) => ({ id, body })).sort((a, b) => a.id.localeCompare(b.id));

async function save(driver: Driver, made: Note): Promise<void> {
  expect(await driver.evaluate(sendFromPage, { type: 'gloss:notes:save', note: made }), `saving ${made.id} in ${driver.name}`).toMatchObject({ ok: true });
}

async function remove(driver: Driver, id: string): Promise<void> {
  expect(await driver.evaluate(sendFromPage, { type: 'gloss:notes:delete', id }), `deleting ${id} in ${driver.name}`).toMatchObject({ ok: true });
}

/** "Sync now" through the background; it answers once the sync has run. */
async function syncNow(driver: Driver): Promise<void> {
  const reply = (await driver.evaluate(sendFromPage, { type: 'gloss:sync:now' })) as { ok: boolean; status?: { lastError: string | null } };
  expect(reply, `sync now in ${driver.name}`).toMatchObject({ ok: true });
  expect(reply.status!.lastError, `the last error in ${driver.name}`).toBeNull();
}

/** Every file under `folder`, with its path and bytes. */
async function filesUnder(folder: string): Promise<{ path: string; bytes: Buffer }[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(files.map(async (entry) => ({ path: join(entry.parentPath, entry.name), bytes: await readFile(join(entry.parentPath, entry.name)) })));
}

async function fingerprint(folder: string): Promise<string[]> {
  return (await filesUnder(folder)).map(({ path, bytes }) => `${path} ${createHash('sha256').update(bytes).digest('hex')}`).sort();
}

describe('Sync between Chromium and Firefox ESR through a WebDAV server', () => {
  let dav: WebDavServer;
  let chromium: ChromiumSession;
  let firefox: Browser;
  let chromiumPage: ChromiumPage;
  let firefoxPage: FirefoxPage;
  const pageErrors: string[] = [];

  const inChromium = (page: () => ChromiumPage, name = 'Chromium'): Driver => ({
    name,
    evaluate: <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) => page().evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown),
    fill: (selector, value) => page().fill(selector, value),
    click: (selector) => page().click(selector),
  });
  const chromiumDriver = inChromium(() => chromiumPage);
  const firefoxDriver: Driver = {
    name: 'Firefox',
    evaluate: <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) =>
      firefoxPage.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown) as Promise<Result>,
    async fill(selector, value) {
      await firefoxPage.click(selector, { count: 3 }); // select what is there, typing replaces it
      await firefoxPage.type(selector, value);
    },
    click: (selector) => firefoxPage.click(selector),
  };

  /** Opens Gloss's options page in Chromium, its permission prompt answered yes (see the module comment). */
  async function chromiumOptions(session: ChromiumSession): Promise<ChromiumPage> {
    const id = new URL(await extensionWorkerUrl(session.context)).host;
    const page = await session.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { permissions: { request: unknown } } }).chrome.permissions;
      api.request = (_permissions: unknown, callback?: (granted: boolean) => void) => (callback ? callback(true) : Promise.resolve(true));
    });
    return page;
  }

  beforeAll(async () => {
    dav = await startWebDav();
    chromium = await launchChromium();
    firefox = await launchFirefoxWithGloss(FIREFOX_BUILD, { extensionPages: true, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    chromiumPage = await chromiumOptions(chromium);
    firefoxPage = await firefox.newPage();
    firefoxPage.on('pageerror', (error) => pageErrors.push(String(error)));
    await firefoxPage.bringToFront();
    // moz-extension:// navigations may never report "loaded" over BiDi: wait for the page instead.
    firefoxPage.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/options.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }).catch(() => undefined);
    await vi.waitFor(async () => expect(await firefoxPage.evaluate(syncView).catch(() => null)).not.toBeNull(), { timeout: 15_000, interval: 200 });
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
    await dav?.close();
  });

  it('Chromium connects through its options page; the new folder asks for the passphrase twice', async () => {
    await fillConnectForm(chromiumDriver, dav, PASSPHRASE);
    await chromiumDriver.click('form.sync-connect button[type="submit"]');
    await vi.waitFor(async () => expect((await view(chromiumDriver))?.confirm).toBe(true), { timeout: 20_000 });
    expect((await view(chromiumDriver))!.message).toMatch(/cannot be recovered/);
    expect(await fingerprint(dav.dataDir), 'nothing written before the confirmation').toEqual([]);
    await chromiumDriver.fill('#sync-passphrase-confirm', PASSPHRASE);
    await chromiumDriver.click('form.sync-connect button[type="submit"]');
    await vi.waitFor(async () => expect((await view(chromiumDriver))?.connected).toBe(true), { timeout: 30_000 });
    expect((await view(chromiumDriver))!.last).toMatch(/sent 0 changes, received 0 changes/);
  });

  it('Firefox connects to the same folder with the same passphrase, granting exactly its origin', async () => {
    await fillConnectForm(firefoxDriver, dav, PASSPHRASE);
    await firefoxDriver.click('form.sync-connect button[type="submit"]');
    await vi.waitFor(async () => expect((await view(firefoxDriver))?.connected, (await view(firefoxDriver))?.message).toBe(true), { timeout: 30_000 });
    const origin = new URL(dav.url).origin;
    const granted = await firefoxDriver.evaluate(
      (origins: string[]) => (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins: string[] }> } } }).browser.permissions.getAll().then((all) => all.origins.filter((o) => origins.includes(o))),
      [`${origin}/*`],
    );
    expect(granted).toEqual([`${origin}/*`]);
  });

  it('notes created, edited and deleted in each browser while apart end the same in both', async () => {
    await save(chromiumDriver, A);
    await save(chromiumDriver, B);
    await save(firefoxDriver, C);
    await save(firefoxDriver, F);
    for (let round = 0; round < 2; round++) for (const driver of [chromiumDriver, firefoxDriver]) await syncNow(driver);
    for (const driver of [chromiumDriver, firefoxDriver]) expect(await notesIn(driver), driver.name).toEqual(expectedNotes(A, B, C, F));

    // Apart: each changes its own notes, neither syncs.
    await save(chromiumDriver, A2);
    await remove(chromiumDriver, B.id);
    await save(chromiumDriver, D);
    await save(firefoxDriver, C2);
    await save(firefoxDriver, E);
    await remove(firefoxDriver, F.id);

    for (let round = 0; round < 2; round++) for (const driver of [chromiumDriver, firefoxDriver]) await syncNow(driver);
    for (const driver of [chromiumDriver, firefoxDriver]) expect(await notesIn(driver), driver.name).toEqual(expectedNotes(A2, C2, D, E));
  });

  it('shows concurrent edits that do not merge as a conflict in the library; "Keep this text" settles it in both', async () => {
    await save(chromiumDriver, edited(A2, 'Alpha says the port fell on Monday'));
    await save(firefoxDriver, edited(A2, 'Alpha says the port held until Friday'));
    for (let round = 0; round < 2; round++) for (const driver of [chromiumDriver, firefoxDriver]) await syncNow(driver);
    const conflicted = async (driver: Driver) => {
      const reply = (await driver.evaluate(sendFromPage, { type: 'gloss:notes:library', query: '', limit: 1000 })) as { notes: Note[] };
      const found = reply.notes.find((n) => n.id === A.id)!;
      return [found.body, ...(found.conflicts ?? []).map((conflict) => conflict.body)].sort();
    };
    const both = ['Alpha says the port fell on Monday', 'Alpha says the port held until Friday'];
    for (const driver of [chromiumDriver, firefoxDriver]) expect(await conflicted(driver), driver.name).toEqual(both);

    // The library (the side panel's page, as a tab) shows the other text and keeps it on request.
    const library = await chromium.context.newPage();
    library.on('pageerror', (error) => pageErrors.push(error.message));
    await library.goto(chromiumPage.url().replace('options.html', 'sidepanel.html'));
    const card = library.locator(`[data-note-id="${A.id}"]`);
    await card.locator('.conflict').waitFor({ timeout: 10_000 });
    const other = (await card.locator('.conflict-body').textContent())!;
    expect(both).toContain(other);
    expect(await card.locator('.conflict p').textContent()).toMatch(/^Also written on [\w-]+ at .+: /);
    await card.getByRole('button', { name: 'Keep this text' }).click();
    await card.locator('.conflicts').waitFor({ state: 'detached', timeout: 10_000 });
    await library.close();

    for (let round = 0; round < 2; round++) for (const driver of [chromiumDriver, firefoxDriver]) await syncNow(driver);
    for (const driver of [chromiumDriver, firefoxDriver]) expect(await conflicted(driver), driver.name).toEqual([other]);
  });

  it("leaves no note text, title, quote or address in the server's files", async () => {
    const files = await filesUnder(dav.dataDir);
    expect(files.length).toBeGreaterThan(2); // the format document, the key check and journals
    const secrets = [A, B, C, D, E, F, A2, C2].flatMap((n) => [n.body, n.title, n.url, n.quote.exact, 'news.example', 'sync-test', 'Alpha says']);
    for (const { path, bytes } of files) {
      const text = bytes.toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${path} holds "${secret}"`).toBe(false);
    }
  });

  it('refuses a wrong passphrase in a third profile with its message, writing nothing', async () => {
    const third = await launchChromium();
    try {
      const page = await chromiumOptions(third);
      const driver = inChromium(() => page, 'a third Chromium profile');
      const before = await fingerprint(dav.dataDir);
      await fillConnectForm(driver, dav, 'not the passphrase at all');
      await driver.click('form.sync-connect button[type="submit"]');
      await vi.waitFor(async () => expect((await view(driver))?.message).toMatch(/^The passphrase does not open/), { timeout: 30_000 });
      expect((await view(driver))!.connected).toBe(false);
      expect(await fingerprint(dav.dataDir)).toEqual(before);
      const stored = await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get());
      expect(Object.keys(stored).filter((key) => key.startsWith('gloss:sync'))).toEqual([]);
    } finally {
      await third.close();
    }
  });

  it('raises no error in the options pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
