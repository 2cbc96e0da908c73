import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { FIREFOX_BUILD, launchFirefoxWithGloss, REPO_ROOT } from '../support/browsers';
import { watchFirefoxExtensionErrors } from '../support/extension-errors';
import { HOSTILE_HEADERS, puppeteerHostile, type HostileBrowser } from '../support/hostile';
import { hostileSuite } from '../support/hostile-suite';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Gloss on hostile pages in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let server: StaticServer;
  let browser: Browser;
  let driver: HostileBrowser;

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'), HOSTILE_HEADERS);
    // Gloss's own pages too: the popup's question is asked from one (puppeteerHostile's pageInfo).
    browser = await launchFirefoxWithGloss(undefined, { extensionPages: true });
    const page: Page = await browser.newPage();
    driver = puppeteerHostile(page, watchFirefoxExtensionErrors(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  hostileSuite(() => driver, () => server.origin);
});
