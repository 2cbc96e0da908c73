import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { prepareHostilePages } from '../fixtures/hostile/pages';
import { FIREFOX_BUILD, launchFirefoxWithGloss } from '../support/browsers';
import { watchFirefoxExtensionErrors } from '../support/extension-errors';
import { HOSTILE_HEADERS, puppeteerHostile, type HostileBrowser } from '../support/hostile';
import { hostileSuite } from '../support/hostile-suite';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Gloss on hostile pages in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let driver: HostileBrowser;

  beforeAll(async () => {
    dir = await prepareHostilePages();
    server = await startStaticServer(dir, HOSTILE_HEADERS);
    // Gloss's own pages too: the popup's question is asked from one (puppeteerHostile's pageInfo).
    browser = await launchFirefoxWithGloss(undefined, { extensionPages: true });
    const page: Page = await browser.newPage();
    driver = puppeteerHostile(page, watchFirefoxExtensionErrors(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  hostileSuite(() => driver, () => server.origin);
});
