import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, REPO_ROOT, stopExtensionWorkers, type ChromiumSession } from '../support/browsers';
import { GLOSS_HOST, glossOutcome } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';

/** The ids of the extension's offscreen documents, asked of its service worker. */
function offscreenDocuments(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    type Runtime = { getContexts(filter: { contextTypes: string[] }): Promise<{ documentId?: string }[]> };
    const { runtime } = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome;
    const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    return contexts.map((context) => context.documentId ?? '');
  });
}

// Chromium stops an idle MV3 service worker after 30 s; the recogniser's weights must not be
// decoded again on the next page, so the analysis lives in an offscreen document that outlives it.
describe(`Gloss's analysis in Chromium outlives the service worker (${CHROME_BUILD})`, () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps one offscreen document across a service-worker restart, and analyses with it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/page.html`);
    await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
    const worker = browser.context.serviceWorkers()[0]!;
    const before = await offscreenDocuments(worker);
    expect(before, 'one offscreen document after the first page').toHaveLength(1);
    // A mark on this instance of the worker: a restarted worker starts without it.
    await worker.evaluate(() => Object.assign(globalThis, { glossTestMark: true }));

    await stopExtensionWorkers(await browser.context.newCDPSession(page));

    await page.reload();
    await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
    expect(await page.evaluate(glossOutcome, GLOSS_HOST)).toMatchObject({ state: 'ready', error: null });
    const restarted = browser.context.serviceWorkers()[0]!;
    expect(await restarted.evaluate(() => 'glossTestMark' in globalThis), 'the worker was restarted').toBe(false);
    expect(await offscreenDocuments(restarted), 'the same offscreen document, not a new one').toEqual(before);
  });
});
