import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, REPO_ROOT, TEST_OUTPUT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { chromiumPopover, GLOSS_HOST, glossOutcome, locateWord, MARIUPOL_FIGURE, MARIUPOL_MAYOR,
  MARIUPOL_KIND, KEYS, openEntityByKeyboard } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';

describe(`Gloss in Chromium (${CHROME_BUILD})`, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let page: Page;
  let cdp: CDPSession;
  let extensionErrors: string[];

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchChromium();
    await blockRemoteRequests(browser.context);
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    extensionErrors = await watchExtensionErrors(cdp);
    await page.goto(`${server.origin}/seed/page.html`);
    await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks the names in the article', async () => {
    const outcome = await page.evaluate(glossOutcome, GLOSS_HOST);
    expect(outcome, 'Gloss ends ready (data-gloss-error says why not)').toMatchObject({ state: 'ready', error: null });
    expect(outcome?.marks, 'data-gloss-marks').toBeGreaterThan(0);
  });

  it('shows the figure about Mariupol and who states it when the pointer rests on the name', async () => {
    const word = await page.evaluate(locateWord, 'Mariupol');
    expect(word, '"Mariupol" is on the page').not.toBeNull();
    await page.mouse.move(word!.x - 20, word!.y);
    await page.mouse.move(word!.x, word!.y, { steps: 5 });

    await expect.poll(() => chromiumPopover(page, cdp), { timeout: 5_000 }).not.toBeNull();
    // Saved before the checks, so a failure can be seen.
    await mkdir(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: join(TEST_OUTPUT, 'e2e-chromium.png') });
    const popover = (await chromiumPopover(page, cdp))!;
    expect(popover.text).toContain(MARIUPOL_FIGURE);
    expect(popover.text).toMatch(MARIUPOL_MAYOR);
    expect(popover.text).toContain(MARIUPOL_KIND);
  });

  it('closes the popover on Escape', async () => {
    expect(await chromiumPopover(page, cdp), 'the popover from the previous test is open').not.toBeNull();
    await page.keyboard.press(KEYS.close);
    await expect.poll(() => chromiumPopover(page, cdp), { timeout: 3_000 }).toBeNull();
  });

  it('reaches another entity by keyboard and opens its popover', async () => {
    await page.mouse.move(5, 5);
    const driver = { press: (chord: string) => page.keyboard.press(chord), popover: () => chromiumPopover(page, cdp) };
    const popover = await openEntityByKeyboard(driver, 'Mariupol');
    expect(popover?.label, 'the popover of an entity other than Mariupol').toBeTruthy();
  });

  it('raises no error from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
