import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, REPO_ROOT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { HOSTILE_HEADERS, playwrightHostile, type HostileBrowser } from '../support/hostile';
import { hostileSuite } from '../support/hostile-suite';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Gloss on hostile pages in Chromium (${CHROME_BUILD})`, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let driver: HostileBrowser;

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'), HOSTILE_HEADERS);
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    const page: Page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    driver = playwrightHostile(page, cdp, await watchExtensionErrors(cdp));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  hostileSuite(() => driver, () => server.origin);
});
