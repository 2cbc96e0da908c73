import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { prepareHostilePages } from '../fixtures/hostile/pages';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { HOSTILE_HEADERS, playwrightHostile, type HostileBrowser } from '../support/hostile';
import { hostileSuite } from '../support/hostile-suite';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Gloss on hostile pages in Chromium (${CHROME_BUILD})`, () => {
  let dir: string;
  let server: StaticServer;
  let browser: ChromiumSession;
  let driver: HostileBrowser;

  beforeAll(async () => {
    dir = await prepareHostilePages();
    server = await startStaticServer(dir, HOSTILE_HEADERS);
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    const page: Page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    driver = playwrightHostile(page, cdp, await watchExtensionErrors(cdp));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  hostileSuite(() => driver, () => server.origin);
});
