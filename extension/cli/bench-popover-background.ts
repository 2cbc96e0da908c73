/**
 * The popover's background in real Chromium, for `npm run bench` (issue 7: "the popover's
 * background appears within 100 ms of the hover delay when cached"). Gloss as built, the seed
 * article from a local server, Wikipedia stood in for by tests/support/wikipedia-server.ts and
 * look-ups turned on as the background e2e test does. For several names, the time from the
 * popover opening to its background being shown, in three conditions:
 *   1. uncached: the first look-up ever, answered by the stand-in;
 *   2. the same page, a second hover: what the page kept;
 *   3. the page reloaded: the background's IndexedDB cache, no request to the stand-in.
 *
 * How it is timed: a MutationObserver in the page (an init script in the main world) records
 * `performance.now()` when the host's `data-gloss-popover` (the popover opened) and
 * `data-gloss-background` (what its background shows, set as it is drawn) change. The observer
 * runs at the end of the task that drew, so "shown" is the DOM being updated; the next
 * animation frame after it is recorded too. Chromium coarsens `performance.now()` to 0.1 ms on
 * pages that are not cross-origin isolated.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { blockRemoteRequests, CHROME_BUILD, extensionWorkerUrl, launchChromium, REPO_ROOT } from '../../tests/support/browsers';
import { GLOSS_HOST, glossOutcome, locateWord } from '../../tests/support/gloss-page';
import { startStaticServer } from '../../tests/support/static-server';
import { allowOriginInWorker, turnOnChromiumLookups } from '../../tests/support/wikipedia-lookups';
import { startWikipediaServer, type WikipediaServer } from '../../tests/support/wikipedia-server';
import type { BackgroundShown } from '../ui/background/BackgroundSection';
import { median, ms } from './stats';

/** Words of the seed article hovered, each a name the stand-in has an article for. */
const NAMES = ['Mariupol', 'Zelensky', 'Lavrov', 'Peskov', 'Kherson', 'Amnesty', 'Kiev', 'Boïtchenko'];
/** Fresh browsers (each gives one uncached hover per name). */
const BROWSER_RUNS = 2;
/** Reloads per browser (each gives one hover per name answered from IndexedDB). */
const RELOADS = 2;
const GOAL_MS = 100;
/** The hover delay (extension/marking/hover-intent.ts), for context. */
const HOVER_DELAY_MS = 300;
const PROBE_KEY = '__glossBackgroundProbe';

/** What the probe in the page records. */
interface ProbeEvent {
  /** The attribute that changed, or `frame`: the first animation frame after a settled background. */
  name: 'data-gloss-popover' | 'data-gloss-background' | 'frame';
  value: string | null;
  /** `performance.now()` in the page. */
  at: number;
}

interface Probe {
  events: ProbeEvent[];
  /** When the pointer last moved (`performance.now()`). */
  lastMove: number;
}

/** The init script: records the host's popover and background attributes as they change (runs in the page). */
function installProbe(key: string): void {
  const probe: Probe = { events: [], lastMove: 0 };
  (window as unknown as Record<string, Probe>)[key] = probe;
  document.addEventListener('pointermove', () => (probe.lastMove = performance.now()), { capture: true, passive: true });
  new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      const host = record.target as Element;
      if (host.localName !== 'gloss-host' || !record.attributeName) continue;
      const value = host.getAttribute(record.attributeName);
      probe.events.push({ name: record.attributeName as ProbeEvent['name'], value, at });
      if (record.attributeName === 'data-gloss-background' && value && !value.endsWith(' looking-up')) {
        requestAnimationFrame(() => probe.events.push({ name: 'frame', value, at: performance.now() }));
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-gloss-popover', 'data-gloss-background'] });
}

/** One hover, timed in the page. */
interface Sample {
  name: string;
  entityId: string;
  /** What the background settled on. */
  shown: BackgroundShown;
  /** Popover opened → background settled (DOM updated). */
  toShown: number;
  /** Popover opened → the next animation frame after it. */
  toFrame: number;
  /** Pointer at rest → popover opened (the hover delay). */
  restToOpen: number;
}

/** In the page: the hover that started at event `from`, once its background settled and a frame passed, else null. */
function settledHover([key, from]: [string, number]): { events: ProbeEvent[]; lastMove: number } | null {
  const probe = (window as unknown as Record<string, Probe>)[key]!;
  const events = probe.events.slice(from);
  const open = events.find((event) => event.name === 'data-gloss-popover' && event.value);
  if (!open) return null;
  const settled = events.find((event) => event.at >= open.at && event.name === 'data-gloss-background' && event.value?.startsWith(`${open.value} `) && !event.value.endsWith(' looking-up'));
  if (!settled || !events.some((event) => event.name === 'frame' && event.at >= settled.at)) return null;
  return { events, lastMove: probe.lastMove };
}

async function hover(page: Page, name: string): Promise<Sample> {
  await page.mouse.move(5, 5);
  await page.waitForFunction((selector) => !document.querySelector(selector)?.hasAttribute('data-gloss-popover'), GLOSS_HOST, { timeout: 5_000 });
  const from = await page.evaluate((key) => (window as unknown as Record<string, Probe>)[key]!.events.length, PROBE_KEY);
  const word = await page.evaluate(locateWord, name);
  if (!word) throw new Error(`"${name}" is not on the seed page`);
  await page.mouse.move(word.x - 20, word.y);
  await page.mouse.move(word.x, word.y, { steps: 5 });
  const handle = await page.waitForFunction(settledHover, [PROBE_KEY, from] as [string, number], { timeout: 10_000 }).catch(async (error: unknown) => {
    const seen = await page.evaluate(([key, start]) => (window as unknown as Record<string, Probe>)[key]!.events.slice(start), [PROBE_KEY, from] as [string, number]);
    throw new Error(`hovering "${name}": no popover with a settled background (${error instanceof Error ? error.message : String(error)}); seen: ${JSON.stringify(seen)}`);
  });
  const { events, lastMove } = (await handle.jsonValue())!;
  const open = events.find((event) => event.name === 'data-gloss-popover' && event.value)!;
  const settled = events.find((event) => event.at >= open.at && event.name === 'data-gloss-background' && event.value?.startsWith(`${open.value} `) && !event.value.endsWith(' looking-up'))!;
  const frame = events.find((event) => event.name === 'frame' && event.at >= settled.at)!;
  return {
    name,
    entityId: open.value!,
    shown: settled.value!.split(' ')[1] as BackgroundShown,
    toShown: settled.at - open.at,
    toFrame: frame.at - open.at,
    restToOpen: open.at - lastMove,
  };
}

async function openArticle(page: Page, url: string, reload: boolean): Promise<void> {
  if (reload) await page.reload();
  else await page.goto(url);
  await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: 20_000 });
  const outcome = await page.evaluate(glossOutcome, GLOSS_HOST);
  if (outcome?.state !== 'ready') throw new Error(`Gloss did not mark the seed page: ${JSON.stringify(outcome)}`);
}

/** The hovers of one condition and how many requests reached the stand-in meanwhile. */
interface Condition {
  samples: Sample[];
  requests: number;
}

type ConditionName = 'uncached' | 'page' | 'reload';

/** One fresh browser: every name uncached, then again on the same page, then after each reload. */
async function runBrowser(siteOrigin: string, wiki: WikipediaServer, into: Record<ConditionName, Condition>): Promise<void> {
  const session = await launchChromium();
  try {
    await blockRemoteRequests(session.context);
    await session.context.addInitScript(installProbe, PROBE_KEY);
    const extensionId = new URL(await extensionWorkerUrl(session.context)).host;
    await turnOnChromiumLookups(session.context, extensionId, wiki.origin);
    const page = await session.context.newPage();
    await page.bringToFront();
    const url = `${siteOrigin}/seed/page.html`;

    const measure = async (condition: ConditionName) => {
      // The worker may have been restarted (idle) and forgotten the permission stand-in.
      await allowOriginInWorker(session.context, `${wiki.origin}/*`);
      const before = wiki.requests.length;
      for (const name of NAMES) into[condition].samples.push(await hover(page, name));
      into[condition].requests += wiki.requests.length - before;
    };
    await openArticle(page, url, false);
    await measure('uncached');
    await measure('page');
    for (let reload = 0; reload < RELOADS; reload += 1) {
      await openArticle(page, url, true);
      await measure('reload');
    }
  } finally {
    await session.close();
  }
}

/** How many hovers ended on each state, e.g. "16 found". */
function outcomes(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) counts.set(sample.shown, (counts.get(sample.shown) ?? 0) + 1);
  return [...counts].map(([shown, count]) => `${count} ${shown}`).join(', ');
}

/**
 * The benchmark's table, header first: per condition, the time from the popover opening to its
 * background being shown (median and max, and to the next frame), beside the 100 ms goal, what the
 * background showed and the requests that reached the stand-in; then the hover delay for context.
 * A single row when there is no Chromium build.
 */
export async function benchPopoverBackground(): Promise<string[][]> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) return [['popover background: no Chromium build in .output/chrome-mv3, run `npm run build` first']];
  const site = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
  const wiki = await startWikipediaServer();
  const conditions: Record<ConditionName, Condition> = { uncached: { samples: [], requests: 0 }, page: { samples: [], requests: 0 }, reload: { samples: [], requests: 0 } };
  try {
    for (let run = 0; run < BROWSER_RUNS; run += 1) await runBrowser(site.origin, wiki, conditions);
  } finally {
    await wiki.close();
    await site.close();
  }

  const labels: Record<ConditionName, string> = {
    uncached: '1. uncached (the stand-in answers)',
    page: '2. cached: same page, second hover',
    reload: '3. cached: page reloaded (IndexedDB)',
  };
  const rows = [[`popover opened → background shown, Chromium, ${NAMES.length} names × ${BROWSER_RUNS} browsers`, 'hovers', 'median', 'max', 'next frame (median/max)', 'goal', 'shown', 'requests to stand-in']];
  for (const condition of ['uncached', 'page', 'reload'] as const) {
    const { samples, requests } = conditions[condition];
    const toShown = samples.map((sample) => sample.toShown);
    const toFrame = samples.map((sample) => sample.toFrame);
    const goal = condition === 'uncached' ? '-' : `${GOAL_MS} ms`;
    rows.push([labels[condition], String(samples.length), ms(median(toShown)), ms(Math.max(...toShown)), `${ms(median(toFrame))} / ${ms(Math.max(...toFrame))}`, goal, outcomes(samples), String(requests)]);
  }
  const restToOpen = Object.values(conditions).flatMap(({ samples }) => samples.map((sample) => sample.restToOpen));
  rows.push([`context: last pointer move → popover opened (hover delay ${HOVER_DELAY_MS} ms)`, String(restToOpen.length), ms(median(restToOpen)), ms(Math.max(...restToOpen)), '', '', '', '']);
  rows.push(['timed in the page: MutationObserver on the host attributes, performance.now() (0.1 ms)', '', '', '', '', '', '', '']);
  return rows;
}
