import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRemoteRequests, launchChromium, REPO_ROOT, type ChromiumSession } from '../support/browsers';
import { watchExtensionErrors } from '../support/extension-errors';
import { chromiumPopover, GLOSS_HOST, glossOutcome, openEntityByKeyboard } from '../support/gloss-page';
import { startStaticServer, type StaticServer } from '../support/static-server';

// The team's real news pages, next to the repository (a user's clone has none: then this skips).
// Results are pass/fail only: page contents are never printed.
const CORPUS = join(REPO_ROOT, '..', 'shared', 'data', 'pages');
const SPLITS = ['dev', 'eval'];
/** Pages' own scripts keep changing their text for a moment after load: both reads wait this long. */
const QUIET_MS = 500;

function corpusPages(): string[] {
  return SPLITS.flatMap((split) => {
    const dir = join(CORPUS, split);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((slug) => existsSync(join(dir, slug, 'source.html')))
      .map((slug) => `${split}/${slug}`);
  });
}

const pages = existsSync(CORPUS) ? corpusPages() : [];

/** Where two texts first differ (positions only: the text itself is not for the log). */
function firstDifference(a: string, b: string): number {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at += 1;
  return at;
}

describe.skipIf(pages.length === 0)('Gloss in Chromium over the real pages in ../shared/data/pages', () => {
  let server: StaticServer;
  let withGloss: ChromiumSession;
  let withoutGloss: ChromiumSession;
  let page: Page;
  let baseline: Page;
  let cdp: CDPSession;
  let extensionErrors: string[];

  beforeAll(async () => {
    server = await startStaticServer(CORPUS);
    [withGloss, withoutGloss] = await Promise.all([launchChromium(), launchChromium({ extensionDir: null })]);
    await Promise.all([blockRemoteRequests(withGloss.context), blockRemoteRequests(withoutGloss.context)]);
    [page, baseline] = await Promise.all([withGloss.context.newPage(), withoutGloss.context.newPage()]);
    cdp = await withGloss.context.newCDPSession(page);
    extensionErrors = await watchExtensionErrors(cdp);
  });

  afterAll(async () => {
    await Promise.all([withGloss?.close(), withoutGloss?.close()]);
    await server?.close();
  });

  it.each(pages)('%s: no error, text unchanged, a popover on the first entity', async (path) => {
    const url = `${server.origin}/${path}/source.html`;
    extensionErrors.length = 0;
    // The two browsers load the page side by side; each reads the text once the page is quiet.
    const readWithout = async (): Promise<string> => {
      await baseline.goto(url, { waitUntil: 'load' });
      await baseline.waitForTimeout(QUIET_MS);
      return baseline.evaluate(() => document.body.innerText);
    };
    const readWithGloss = async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
      const outcome = (await page.evaluate(glossOutcome, GLOSS_HOST))!;
      await page.waitForTimeout(QUIET_MS);
      return { outcome, text: await page.evaluate(() => document.body.innerText) };
    };
    const [textWithout, { outcome, text: textWith }] = await Promise.all([readWithout(), readWithGloss()]);

    expect(extensionErrors, 'errors from the extension').toEqual([]);
    expect(outcome.state, 'Gloss state').not.toBe('error');
    expect(
      { length: textWith.length, firstDifference: firstDifference(textWith, textWithout) },
      'document.body.innerText with Gloss vs without',
    ).toEqual({ length: textWithout.length, firstDifference: textWithout.length });

    if (outcome.marks > 0) {
      const driver = { press: (chord: string) => page.keyboard.press(chord), popover: () => chromiumPopover(page, cdp) };
      expect(await openEntityByKeyboard(driver, null, 1), 'a popover opened by keyboard on the first name').not.toBeNull();
    }
  });
});

if (pages.length === 0) it.skip(`corpus pages: ${CORPUS} is absent (only the team's machines have it)`, () => {});
