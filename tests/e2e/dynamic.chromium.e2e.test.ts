import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRemoteRequests, CHROME_BUILD, extensionWorkerUrl, launchChromium, REPO_ROOT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { dynamicPageTests, type DynamicDriver } from './dynamic.scenarios';

describe(`Gloss on dynamic pages in Chromium (${CHROME_BUILD})`, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let page: Page;
  let cdp: CDPSession;
  let extensionErrors: string[];
  let driver: DynamicDriver;

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    const extensionId = new URL(await extensionWorkerUrl(browser.context)).host;
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    extensionErrors = await watchExtensionErrors(cdp);
    driver = {
      open: async (path) => void (await page.goto(`${server.origin}${path}`)),
      // Playwright's argument type is its own serialisable form; the scenarios pass plain values.
      evaluate: <Arg, Result>(fn: (arg: Arg) => Result, arg: Arg) => page.evaluate(fn as (arg: unknown) => Result, arg),
      click: (selector) => page.click(selector),
      scriptStartedEvent: `${extensionId}:content:wxt:content-script-started`,
    };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  dynamicPageTests(() => driver, (line) => console.info(`[chromium] ${line}`));

  it('raises no error from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
