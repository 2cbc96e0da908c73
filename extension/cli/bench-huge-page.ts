/**
 * The huge pages in real Chromium, for `npm run bench` (issue 8: "on the huge page: the longest
 * main-thread task and the peak memory, beside the same page without Gloss, in the same run").
 * The pages are tests/fixtures/odd-pages/generate.ts's: a 2 MB article (cut to its first
 * 50,000 words) and a short article under a comment section of 50,000 elements, beside a small
 * page without an article, for what Gloss costs on any page. Each is opened
 * in a fresh tab of a browser without Gloss and of one with Gloss, `RUNS` times each, and per
 * load this records:
 *   - the longest main-thread task, and the longest one in which Gloss ran (busy time, from the
 *     trace and profile of gloss-task-trace.ts, as section (c));
 *   - the page's peak JS heap (CDP Performance.getMetrics, polled; the content script's isolated
 *     world shares the page's heap), and the peak memory of the whole browser: the sum of the
 *     proportional set sizes (PSS) of its processes, so Gloss's service worker and offscreen
 *     document count too;
 *   - Gloss's outcome on the page (its host's state) and the time from navigation to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { prepareOddPages } from '../../tests/fixtures/odd-pages/generate';
import { blockRemoteRequests, CHROME_BUILD, launchChromium } from '../../tests/support/browsers';
import { GLOSS_HOST, glossOutcome } from '../../tests/support/gloss-page';
import { startStaticServer } from '../../tests/support/static-server';
import { startGlossTaskTrace } from './gloss-task-trace';
import { median, ms } from './stats';

/** The pages measured, with what each stands for. */
const PAGES: { file: string; label: string }[] = [
  // First: what Gloss costs on any page (its service worker, its offscreen document, the
  // recogniser), before the huge pages leave memory behind in the same browser.
  { file: 'no-article.html', label: 'small page, no article (fixed cost)' },
  { file: 'huge-article.html', label: '2 MB article' },
  { file: 'many-elements.html', label: '50,000 elements' },
];
/** Loads of each page in each browser. */
const RUNS = 3;
/** How long Gloss may take to settle on a page. */
const SETTLE_MS = 60_000;
/** Quiet time after the load (without Gloss) or Gloss's outcome (with it), for late tasks. */
const QUIET_MS = 1_000;
const POLL_MS = 50;
const GOAL_MS = 50;

/** One load of one page. */
interface Load {
  longestTask: number;
  longestGlossTask: number;
  /** Peak JS heap of the page, MB. */
  heapMb: number;
  /** Peak PSS of the browser's processes, MB. */
  browserMb: number;
  /** Gloss's outcome (`ready`, `no-article`, `error`), `not settled`, or null without Gloss. */
  state: string | null;
  /** Navigation start to Gloss's outcome, ms. */
  settledMs: number | null;
}

/** The processes descended from this one (the browsers it launched), read from /proc. */
function descendantPids(): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let at = parentOf.get(pid); at !== undefined && at > 1; at = parentOf.get(at)) if (at === process.pid) return true;
    return false;
  };
  return [...parentOf.keys()].filter(isOurs);
}

/** The summed proportional set size of the browser's processes, MB. */
function browserPssMb(): number {
  let kb = 0;
  for (const pid of descendantPids()) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/** Samples the page's JS heap and the browser's memory every POLL_MS until stopped; the peaks. */
async function watchMemory(context: BrowserContext, page: Page): Promise<{ stop(): Promise<{ heapMb: number; browserMb: number }> }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let heapMb = 0;
  let browserMb = 0;
  let running = true;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    heapMb = Math.max(heapMb, heap / 1024 / 1024);
    browserMb = Math.max(browserMb, browserPssMb());
  };
  const loop = (async () => {
    while (running) {
      await sample().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await sample().catch(() => undefined);
      await cdp.detach().catch(() => undefined);
      return { heapMb, browserMb };
    },
  };
}

async function loadOnce(context: BrowserContext, url: string, withGloss: boolean): Promise<Load> {
  const page = await context.newPage();
  try {
    const trace = await startGlossTaskTrace(context, page);
    const memory = await watchMemory(context, page);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: SETTLE_MS });
    let settledMs: number | null = null;
    let state: string | null = null;
    if (withGloss) {
      const settled = await page.waitForFunction(glossOutcome, GLOSS_HOST, { timeout: SETTLE_MS }).catch(() => null);
      settledMs = settled ? Date.now() - started : null;
      state = settled ? ((await page.evaluate(glossOutcome, GLOSS_HOST))?.state ?? 'not settled') : 'not settled';
    }
    await page.waitForTimeout(QUIET_MS);
    const { heapMb, browserMb } = await memory.stop();
    const tasks = await trace.stop();
    return { ...tasks, heapMb, browserMb, state, settledMs };
  } finally {
    await page.close();
  }
}

async function measure(origin: string, withGloss: boolean): Promise<Map<string, Load[]>> {
  const session = await launchChromium({ extensionDir: withGloss ? CHROME_BUILD : null });
  const loads = new Map<string, Load[]>();
  try {
    await blockRemoteRequests(session.context);
    for (const { file } of PAGES) {
      const list: Load[] = [];
      for (let run = 0; run < RUNS; run += 1) list.push(await loadOnce(session.context, `${origin}/${file}`, withGloss));
      loads.set(file, list);
    }
  } finally {
    await session.close();
  }
  return loads;
}

const mb = (value: number): string => `${value.toFixed(0)} MB`;
const medianMax = (values: number[], format: (value: number) => string): string => `${format(median(values))} / ${format(Math.max(...values))}`;

/**
 * The benchmark's table, header first: per page, without and with Gloss, the longest main-thread
 * task, the longest Gloss task (beside the 50 ms goal), the peak page heap and browser memory,
 * and Gloss's outcome. A single row when there is no Chromium build.
 */
export async function benchHugePage(): Promise<string[][]> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) return [[`huge pages: no Chromium build in ${CHROME_BUILD}, run \`npm run build\` first`]];
  const dir = await prepareOddPages();
  const server = await startStaticServer(dir);
  let without: Map<string, Load[]>;
  let withGloss: Map<string, Load[]>;
  try {
    without = await measure(server.origin, false);
    withGloss = await measure(server.origin, true);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const rows = [[`page (${RUNS} loads each; median / max)`, 'Gloss', 'longest main-thread task', `longest Gloss task (goal ≤ ${GOAL_MS} ms)`, 'peak page JS heap', 'peak browser memory (PSS)', 'outcome', 'to outcome']];
  for (const { file, label } of PAGES) {
    for (const [name, loads] of [['without', without.get(file)!], ['with', withGloss.get(file)!]] as const) {
      const states = [...new Set(loads.map((load) => load.state))].join(', ');
      const settled = loads.flatMap((load) => (load.settledMs === null ? [] : [load.settledMs]));
      rows.push([
        name === 'without' ? label : '',
        name,
        medianMax(loads.map((load) => load.longestTask), ms),
        name === 'with' ? medianMax(loads.map((load) => load.longestGlossTask), ms) : '-',
        medianMax(loads.map((load) => load.heapMb), mb),
        medianMax(loads.map((load) => load.browserMb), mb),
        name === 'with' ? states : '-',
        settled.length > 0 ? medianMax(settled, (value) => ms(value, 0)) : '-',
      ]);
    }
  }
  return rows;
}
