import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, launchFirefoxWithGloss, REPO_ROOT, TEST_OUTPUT } from '../support/browsers';
import { firefoxPopover, GLOSS_HOST, glossOutcome, locateWord, MARIUPOL_FIGURE, MARIUPOL_MAYOR,
  MARIUPOL_KIND, KEYS, openEntityByKeyboard } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';

/** Puppeteer presses keys one at a time: "Alt+Shift+KeyG" is held modifiers around the key. */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as Parameters<Page['keyboard']['press']>[0][];
  const key = keys.pop()!;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

describe(`Gloss in Firefox ESR (${FIREFOX_BUILD})`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    browser = await launchFirefoxWithGloss();
    page = await browser.newPage();
    await page.goto(`${server.origin}/seed/page.html`);
    await page.waitForFunction(glossOutcome, { timeout: 20_000 }, GLOSS_HOST);
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

    await expect.poll(() => firefoxPopover(page), { timeout: 5_000 }).not.toBeNull();
    // Saved before the checks, so a failure can be seen.
    await mkdir(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: join(TEST_OUTPUT, 'e2e-firefox.png') });
    const popover = (await firefoxPopover(page))!;
    expect(popover.text).toContain(MARIUPOL_FIGURE);
    expect(popover.text).toMatch(MARIUPOL_MAYOR);
    expect(popover.text).toContain(MARIUPOL_KIND);
  });

  it('closes the popover on Escape', async () => {
    expect(await firefoxPopover(page), 'the popover from the previous test is open').not.toBeNull();
    await page.keyboard.press(KEYS.close);
    await expect.poll(() => firefoxPopover(page), { timeout: 3_000 }).toBeNull();
  });

  it('reaches another entity by keyboard and opens its popover', async () => {
    await page.mouse.move(5, 5);
    const driver = { press: (chord: string) => pressChord(page, chord), popover: () => firefoxPopover(page) };
    const popover = await openEntityByKeyboard(driver, 'Mariupol');
    expect(popover?.label, 'the popover of an entity other than Mariupol').toBeTruthy();
  });
});
