import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { FIREFOX_BUILD, launchFirefoxWithGloss, REPO_ROOT } from '../support/browsers';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { dynamicPageTests, type DynamicDriver } from './dynamic.scenarios';

/** Gloss's add-on id (wxt.config.ts), which is also its `runtime.id` in Firefox. */
const GECKO_ID = 'gloss@gloss.example';

describe(`Gloss on dynamic pages in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let driver: DynamicDriver;

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchFirefoxWithGloss();
    page = await browser.newPage();
    driver = {
      open: async (path) => void (await page.goto(`${server.origin}${path}`)),
      // Puppeteer types the argument as its handle-flattened form; the scenarios pass plain values.
      evaluate: async <Arg, Result>(fn: (arg: Arg) => Result, arg: Arg) => (await page.evaluate(fn as (arg: unknown) => unknown, arg)) as Result,
      click: (selector) => page.click(selector),
      scriptStartedEvent: `${GECKO_ID}:content:wxt:content-script-started`,
    };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  dynamicPageTests(() => driver, (line) => console.info(`[firefox] ${line}`));
});
