/**
 * Gloss on pages that change after they load (tests/fixtures/dynamic/): a single-page site that
 * swaps the article and pushes a new address, infinite scroll, late paragraphs, and a page that
 * forges WXT's "content script started" event. The same scenarios run in Chromium and Firefox:
 * each browser's test file hands in a driver for its automation library.
 */
import { expect, it } from 'vitest';

/** What the scenarios need from a browser page. */
export interface DynamicDriver {
  /** Opens a path of the fixtures server, e.g. `/dynamic/spa.html`. */
  open(path: string): Promise<void>;
  /** Runs a self-contained function in the page with one argument. */
  evaluate<Arg, Result>(fn: (arg: Arg) => Result, arg: Arg): Promise<Result>;
  /** Clicks the element `selector` picks, as the reader would. */
  click(selector: string): Promise<void>;
  /**
   * The name of the DOM event WXT's ContentScriptContext listens for on `document` to stop an
   * older copy of the content script: `<extension id>:content:wxt:content-script-started`.
   */
  scriptStartedEvent: string;
}

/** Gloss as the page sees it: its state, its marks, and how many times it ran (probe.js). */
interface Seen {
  state: string | null;
  runs: number;
  /** The marked texts, from the page's CSS highlight registry. */
  marked: string[];
}

/** Page function: Gloss's host state, the run count kept by probe.js, and the texts Gloss marked. */
function seen(): Seen {
  const host = document.querySelector('gloss-host');
  const marked: string[] = [];
  for (const name of ['gloss-per', 'gloss-org', 'gloss-loc', 'gloss-misc']) {
    for (const range of (CSS.highlights.get(name) as Iterable<AbstractRange> | undefined) ?? []) {
      if (range instanceof Range) marked.push(range.toString());
    }
  }
  return { state: host?.getAttribute('data-gloss-state') ?? null, runs: (window as unknown as { glossRuns: number }).glossRuns, marked };
}

/** Page function: what a hostile page can do once it knows the event's name (it is no secret: it is built from the extension id). */
function forgeScriptStarted(eventName: string): void {
  document.dispatchEvent(new CustomEvent(eventName, { detail: { contentScriptName: 'content', messageId: 'forged-by-the-page' } }));
}

/** How long a settled page is watched for a second, unwanted run: well past the debounce. */
const NEVER_TWICE_MS = 2_500;
const READY_TIMEOUT_MS = 20_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until Gloss has run `runs` times in all and is ready with marks on every one of `names`; returns the ms it took. */
async function readyAfterRuns(driver: DynamicDriver, runs: number, names: readonly string[]): Promise<number> {
  const started = Date.now();
  await expect
    .poll(async () => {
      const now = await driver.evaluate(seen, undefined);
      return now.runs === runs && now.state === 'ready' && names.every((name) => now.marked.includes(name));
    }, { timeout: READY_TIMEOUT_MS, interval: 100 })
    .toBe(true);
  return Date.now() - started;
}

/** Checks that Gloss does not run again while the page stays as it is. */
async function staysAt(driver: DynamicDriver, runs: number): Promise<Seen> {
  await pause(NEVER_TWICE_MS);
  const now = await driver.evaluate(seen, undefined);
  expect(now.runs, 'Gloss ran once per change, never twice').toBe(runs);
  expect(now.state).toBe('ready');
  return now;
}

const ROTTERDAM_NAMES = ['Ahmed Aboutaleb', 'European Investment Bank'];
const GLACIER_NAMES = ['Matthias Huss', 'ETH Zurich'];

/** Registers the dynamic-page tests for one browser; `driver()` is read when the tests run. */
export function dynamicPageTests(driver: () => DynamicDriver, log: (line: string) => void): void {
  it('follows a single-page site to the next article (pushState) and back (popstate), once each', async () => {
    const page = driver();
    await page.open('/dynamic/spa.html');
    await readyAfterRuns(page, 1, ROTTERDAM_NAMES);

    await page.click('#next');
    const toNext = await readyAfterRuns(page, 2, GLACIER_NAMES);
    const next = await staysAt(page, 2);
    expect(next.marked, 'the first article\'s marks are gone').not.toContain('Ahmed Aboutaleb');
    expect(await page.evaluate(() => location.search, undefined)).toBe('?story=2');

    await page.evaluate(() => history.back(), undefined);
    const toBack = await readyAfterRuns(page, 3, ROTTERDAM_NAMES);
    const back = await staysAt(page, 3);
    expect(back.marked).not.toContain('Matthias Huss');
    log(`spa: next article marked ${toNext} ms after the click, first one ${toBack} ms after Back`);
  });

  it('marks the article that infinite scroll appends, with one more run', async () => {
    const page = driver();
    await page.open('/dynamic/infinite.html');
    await readyAfterRuns(page, 1, ['Carlos Moedas']);
    expect((await page.evaluate(seen, undefined)).marked).not.toContain('Rui Moreira');

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight), undefined);
    const took = await readyAfterRuns(page, 2, ['Carlos Moedas', 'Rui Moreira']);
    await staysAt(page, 2);
    log(`infinite: appended article marked ${took} ms after the scroll`);
  });

  it('marks paragraphs that arrive after the load event, with one more run', async () => {
    const page = driver();
    await page.open('/dynamic/late.html');
    const took = await readyAfterRuns(page, 2, ['Nicolai Tangen', 'Jonas Gahr Støre', 'University of Bergen']);
    await staysAt(page, 2);
    log(`late: late paragraphs marked ${took} ms after the page opened (they arrive 1.5 s after load)`);
  });

  it('is not stopped by a page that forges WXT\'s "content script started" event', async () => {
    const page = driver();
    await page.open('/dynamic/spa.html');
    await readyAfterRuns(page, 1, ROTTERDAM_NAMES);
    const before = await page.evaluate(seen, undefined);

    await page.evaluate(forgeScriptStarted, page.scriptStartedEvent);
    const after = await staysAt(page, 1);
    expect(after.marked, 'the marks are still on the page').toEqual(before.marked);

    // And Gloss still follows the page.
    await page.click('#next');
    await readyAfterRuns(page, 2, GLACIER_NAMES);
  });
}
