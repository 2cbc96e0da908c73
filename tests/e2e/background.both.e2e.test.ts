/**
 * The popover's background end to end, in Chromium and in Firefox ESR: Gloss built as shipped,
 * the seed article from a local server, and Wikipedia stood in for by the local server of
 * tests/support/wikipedia-server.ts (`gloss:wikipedia-endpoint` points Gloss at it).
 *
 * - Installing Gloss opens its first-run page.
 * - Look-ups are off until the reader turns them on: hovering "Mariupol" sends no request and the
 *   popover gives the offline default (the gazetteer's facts, the sentence of the first mention).
 * - Turned on in the options page (a real click), the popover shows the summary's text from the
 *   local server and "From Wikipedia"; the requests carry the name, never the page's address or
 *   text; a second hover on the page asks nothing.
 * - Turned off on the site, the popover is back to the offline default.
 *
 * The host permissions: Firefox grants them without a prompt under
 * `extensions.webextOptionalPermissionPrompts: false`, to real clicks (user gestures): the
 * options page's "Turn on look-ups" for https://*.wikipedia.org/*, and a button the test adds
 * to the options page for the stand-in's own origin (the background checks the permission of
 * the origin it is about to reach). Chromium's prompt is a native dialog headless Chromium
 * cannot answer: the test replaces `chrome.permissions.request` in the options page by one that
 * says yes (as sync.both.e2e.test.ts does) and `chrome.permissions.contains` in the service worker
 * by one that says yes for those two origins; the background reaches the stand-in through its
 * CORS headers.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page as ChromiumPage } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extensionWorkerUrl, FIREFOX_BUILD, FIREFOX_EXTENSION_UUID, launchChromium, launchFirefoxWithGloss, REPO_ROOT, TEST_OUTPUT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { chromiumPopover, firefoxPopover, GLOSS_HOST, glossOutcome, locateWord, type ShownPopover } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { allowOriginInWorker, grantPermissionRequests, lookupsView, setEndpoint, WIKIPEDIA_ENDPOINT_KEY as ENDPOINT_KEY, type PageApi } from '../support/wikipedia-lookups';
import { startWikipediaServer, type WikipediaServer } from '../support/wikipedia-server';

/** The stand-in's summary of Mariupol (tests/fixtures/wikipedia/en/summary/Mariupol.json). */
const MARIUPOL_EXTRACT = 'Mariupol is a city in Donetsk Oblast, Ukraine.';
/** The gazetteer's facts for Mariupol, as the offline default words them. */
const MARIUPOL_FACTS = /City in Ukraine, population [\d,]+/;

/** What one browser is asked to do: the same steps in both. */
interface Driver {
  name: string;
  /** Opens (or reloads) the seed article and waits for Gloss to be ready on it. */
  openArticle(): Promise<void>;
  /** Rests the pointer on "Mariupol" in the article. */
  hoverMariupol(): Promise<void>;
  /** Moves the pointer off every name. */
  pointerAway(): Promise<void>;
  popover(): Promise<ShownPopover | null>;
  /** Runs `fn` in Gloss's options page. */
  inOptions<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** A real click in the options page. */
  clickInOptions(selector: string): Promise<void>;
  /** Types into a field of the options page. */
  typeInOptions(selector: string, value: string): Promise<void>;
  /** Lets Gloss reach the stand-in's origin (see the module comment). */
  allowOrigin(originPattern: string): Promise<void>;
  /** The extension pages open in tabs. */
  extensionTabs(): Promise<string[]>;
  screenshot(name: string): Promise<void>;
}

async function waitForPopover(driver: Driver, has: string | RegExp): Promise<ShownPopover> {
  let shown: ShownPopover | null = null;
  await vi.waitFor(
    async () => {
      shown = await driver.popover();
      expect(shown?.text ?? '', `${driver.name}: the popover`).toMatch(has);
    },
    { timeout: 10_000, interval: 200 },
  );
  return shown!;
}

async function hoverFresh(driver: Driver): Promise<void> {
  await driver.pointerAway();
  await vi.waitFor(async () => expect(await driver.popover()).toBeNull(), { timeout: 5_000, interval: 100 });
  await driver.hoverMariupol();
}

/** Requests that reached the stand-in, as paths. */
const paths = (wiki: WikipediaServer) => wiki.requests.map((request) => decodeURIComponent(request.path));

function backgroundSteps(driver: () => Driver, servers: () => { wiki: WikipediaServer; site: StaticServer }) {
  it('opens the first-run page on install', async () => {
    await vi.waitFor(async () => expect((await driver().extensionTabs()).some((url) => url.endsWith('/welcome.html'))).toBe(true), { timeout: 10_000 });
  });

  it('with look-ups off (the default) sends nothing and shows the offline default', async () => {
    const { wiki } = servers();
    await driver().openArticle();
    await driver().hoverMariupol();
    const popover = await waitForPopover(driver(), MARIUPOL_FACTS);
    expect(popover.text).toMatch(/In this article: .*Mariupol/);
    expect(popover.text).not.toContain('From Wikipedia');
    expect(popover.text).not.toContain('Looking up');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(paths(wiki), 'requests to the stand-in').toEqual([]);
  });

  it('turned on in the options page, shows the summary from the stand-in and "From Wikipedia"', async () => {
    const { wiki, site } = servers();
    await vi.waitFor(async () => expect((await driver().inOptions(lookupsView, undefined))?.off).toBe(true), { timeout: 10_000 });
    await driver().clickInOptions('section.lookups .lookups-on');
    await vi.waitFor(async () => expect(await driver().inOptions(lookupsView, undefined), driver().name).toMatchObject({ on: true }), { timeout: 10_000 });
    await driver().allowOrigin(`${wiki.origin}/*`);

    await driver().openArticle();
    await driver().hoverMariupol();
    const popover = await waitForPopover(driver(), MARIUPOL_EXTRACT);
    expect(popover.text).toContain('From Wikipedia');
    expect(popover.text).not.toMatch(MARIUPOL_FACTS); // the summary replaces the offline default
    await driver().screenshot('background-wikipedia');

    const asked = paths(wiki);
    expect(asked.some((path) => path.startsWith('/w/rest.php/v1/search/page?') && path.includes('q=Mariupol'))).toBe(true);
    expect(asked).toContain('/api/rest_v1/page/summary/Mariupol');
    // Only the name (and the language, in the address) leave: not the page's address nor its text.
    for (const request of wiki.requests) {
      const sent = `${decodeURIComponent(request.path)} ${JSON.stringify(request.headers)}`;
      expect(sent).not.toContain(String(new URL(site.origin).port));
      expect(sent).not.toContain('seed');
      expect(sent).not.toContain('Zelensky');
    }
  });

  it('a second hover on the page is answered without a request', async () => {
    const { wiki } = servers();
    const before = wiki.requests.length;
    await hoverFresh(driver());
    await waitForPopover(driver(), MARIUPOL_EXTRACT);
    expect(wiki.requests.length).toBe(before);
  });

  it('turned off on the site, the popover is back to the offline default', async () => {
    const { wiki } = servers();
    await driver().typeInOptions('#lookups-site', '127.0.0.1');
    await driver().clickInOptions('form.lookups-site-form button[type="submit"]');
    await vi.waitFor(async () => expect((await driver().inOptions(lookupsView, undefined))?.message).toBe('Look-ups are off on 127.0.0.1.'), { timeout: 10_000 });
    const before = wiki.requests.length;
    await driver().openArticle();
    await driver().hoverMariupol();
    const popover = await waitForPopover(driver(), MARIUPOL_FACTS);
    expect(popover.text).not.toContain('From Wikipedia');
    expect(wiki.requests.length).toBe(before);
  });
}

describe('Background in the popover, Chromium', () => {
  let site: StaticServer;
  let wiki: WikipediaServer;
  let session: ChromiumSession;
  let article: ChromiumPage;
  let options: ChromiumPage;
  let cdp: CDPSession;
  let extensionErrors: string[];
  let driver: Driver;

  /** The stand-in answers, nothing else off the machine does (Gloss's own pages pass). */
  async function onlyLocal(context: BrowserContext): Promise<void> {
    await context.route('**', (route) => {
      const url = new URL(route.request().url());
      const local = url.hostname === '127.0.0.1' || !url.protocol.startsWith('http');
      return local ? route.continue() : route.abort('blockedbyclient');
    });
  }

  beforeAll(async () => {
    site = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    wiki = await startWikipediaServer();
    session = await launchChromium();
    await onlyLocal(session.context);
    const id = new URL(await extensionWorkerUrl(session.context)).host;
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await grantPermissionRequests(options);
    await options.evaluate(setEndpoint, [ENDPOINT_KEY, wiki.origin] as [string, string]);
    article = await session.context.newPage();
    cdp = await session.context.newCDPSession(article);
    extensionErrors = await watchExtensionErrors(cdp);
    let word: { x: number; y: number } | null = null;
    driver = {
      name: 'Chromium',
      async openArticle() {
        await article.goto(`${site.origin}/seed/page.html`);
        await article.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
        expect(await article.evaluate(glossOutcome, GLOSS_HOST)).toMatchObject({ state: 'ready' });
      },
      async hoverMariupol() {
        await article.bringToFront();
        word = await article.evaluate(locateWord, 'Mariupol');
        expect(word, '"Mariupol" is on the page').not.toBeNull();
        await article.mouse.move(word!.x - 20, word!.y);
        await article.mouse.move(word!.x, word!.y, { steps: 5 });
      },
      pointerAway: () => article.mouse.move(5, 5),
      popover: () => chromiumPopover(article, cdp),
      inOptions: (fn, arg) => options.evaluate(fn as (arg: unknown) => never, arg as unknown),
      clickInOptions: (selector) => options.click(selector),
      typeInOptions: (selector, value) => options.fill(selector, value),
      allowOrigin: (originPattern) => allowOriginInWorker(session.context, originPattern),
      extensionTabs: async () => session.context.pages().map((page) => page.url()).filter((url) => url.startsWith('chrome-extension://')),
      async screenshot(name) {
        await mkdir(TEST_OUTPUT, { recursive: true });
        await article.screenshot({ path: join(TEST_OUTPUT, `${name}-chromium.png`) });
      },
    };
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await wiki?.close();
    await site?.close();
  });

  backgroundSteps(() => driver, () => ({ wiki, site }));

  it('raises no error from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});

describe('Background in the popover, Firefox ESR', () => {
  let site: StaticServer;
  let wiki: WikipediaServer;
  let firefox: Browser;
  let article: FirefoxPage;
  let options: FirefoxPage;
  let driver: Driver;

  beforeAll(async () => {
    site = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    wiki = await startWikipediaServer();
    firefox = await launchFirefoxWithGloss(FIREFOX_BUILD, { extensionPages: true, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    options = await firefox.newPage();
    await options.bringToFront();
    // moz-extension:// navigations may never report "loaded" over BiDi: wait for the page instead.
    options.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/options.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }).catch(() => undefined);
    await vi.waitFor(async () => expect(await options.evaluate(lookupsView).catch(() => null)).not.toBeNull(), { timeout: 15_000, interval: 200 });
    await options.evaluate(setEndpoint, [ENDPOINT_KEY, wiki.origin] as [string, string]);
    article = await firefox.newPage();
    driver = {
      name: 'Firefox',
      async openArticle() {
        await article.bringToFront();
        await article.goto(`${site.origin}/seed/page.html`);
        await article.waitForFunction(glossOutcome, { timeout: 20_000 }, GLOSS_HOST);
        expect(await article.evaluate(glossOutcome, GLOSS_HOST)).toMatchObject({ state: 'ready' });
      },
      async hoverMariupol() {
        await article.bringToFront();
        const word = await article.evaluate(locateWord, 'Mariupol');
        expect(word, '"Mariupol" is on the page').not.toBeNull();
        await article.mouse.move(word!.x - 20, word!.y);
        await article.mouse.move(word!.x, word!.y, { steps: 5 });
      },
      pointerAway: () => article.mouse.move(5, 5),
      popover: () => firefoxPopover(article),
      inOptions: (fn, arg) => options.evaluate(fn as (arg: unknown) => never, arg as unknown) as Promise<never>,
      async clickInOptions(selector) {
        await options.bringToFront();
        await options.click(selector);
      },
      async typeInOptions(selector, value) {
        await options.bringToFront();
        await options.click(selector, { count: 3 });
        await options.type(selector, value);
      },
      async allowOrigin(originPattern) {
        // A button of the test's own, clicked for real: the grant needs a user gesture.
        await options.evaluate((origin: string) => {
          const api = (globalThis as unknown as { browser: PageApi }).browser;
          const button = document.createElement('button');
          button.id = 'test-allow-origin';
          button.textContent = 'Allow the stand-in';
          button.addEventListener('click', () => void api.permissions.request({ origins: [origin] }).then((granted) => (button.dataset.granted = String(granted))));
          document.body.append(button);
        }, originPattern);
        await options.bringToFront();
        await options.click('#test-allow-origin');
        await vi.waitFor(async () => expect(await options.evaluate(() => document.querySelector<HTMLElement>('#test-allow-origin')?.dataset.granted)).toBe('true'), { timeout: 10_000 });
        const granted = await options.evaluate(
          (origins: string[]) => (globalThis as unknown as { browser: PageApi }).browser.permissions.contains({ origins }),
          ['https://*.wikipedia.org/*', originPattern],
        );
        expect(granted, 'Wikipedia and the stand-in granted for real').toBe(true);
      },
      // WebDriver BiDi reports moz-extension:// tabs as about:blank: ask the extension for its pages in tabs.
      extensionTabs: () =>
        options.evaluate(() =>
          (globalThis as unknown as { browser: { extension: { getViews(filter: { type: 'tab' }): Window[] } } }).browser.extension.getViews({ type: 'tab' }).map((view) => view.location.href),
        ),
      async screenshot(name) {
        await mkdir(TEST_OUTPUT, { recursive: true });
        await article.screenshot({ path: join(TEST_OUTPUT, `${name}-firefox.png`) });
      },
    };
  }, 90_000);

  afterAll(async () => {
    await firefox?.close();
    await wiki?.close();
    await site?.close();
  });

  backgroundSteps(() => driver, () => ({ wiki, site }));
});
