/**
 * `npm run bench`: Gloss's costs, each beside a baseline measured in the same run.
 *   (a) analysis time per article over the dev pages, beside compromise's people/places/organisations;
 *   (b) gzipped size of what a page load pulls in (the built content script and its CSS), beside the 40 KB goal;
 *   (c) in headless Chromium over the dev pages: DOMContentLoaded to marked names, and the longest
 *       main-thread task, with and without Gloss;
 *   (d) in Chromium on the bundled seed page: time to marks on a session's first page, after the
 *       service worker was stopped, and warm;
 *   (e) the notes library (open, first and later searches) and (f) re-attaching notes, each
 *       beside the simplest approach (a full scan);
 *   (g) sync: the first sync of 1,000 notes and the sync of one changed note (time, bytes sent),
 *       beside a whole-database upload;
 *   (h) a name's Wikipedia background, cached and not, from request to answer, and (i) in
 *       Chromium, from the popover opening to its background shown;
 *   (j) in Chromium on a 2 MB article and a page of 50,000 elements: the longest main-thread
 *       task and the peak memory, with and without Gloss.
 * (a) and (c) read the team's dev pages in ../shared/data (never the eval pages); without them only
 * (b) runs. (b) and (c) need `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import { analyse } from '../analysis/analyse';
import { findEntities } from '../analysis/entities';
import { splitSentences } from '../analysis/text/tokenize';
import type { ArticleText } from '../analysis/types';
import { findArticle } from '../article/find-article';
import { parseHtml } from '../article/parse-html';
import type { Page } from 'playwright-core';
import { blockRemoteRequests, CHROME_BUILD, launchChromium, stopExtensionWorkers } from '../../tests/support/browsers';
import { startStaticServer } from '../../tests/support/static-server';
import { benchAnchoring } from './bench-anchoring';
import { benchBackground } from './bench-background';
import { benchHugePage } from './bench-huge-page';
import { benchPopoverBackground } from './bench-popover-background';
import { startGlossTaskTrace } from './gloss-task-trace';
import { benchLibrary } from './bench-store';
import { benchSync } from './bench-sync';
import { repoRoot, sharedDir } from './shared-data';
import { median, ms, quantile } from './stats';

const SIZE_GOAL_KB = 40;
const TIMED_RUNS = 3;

interface DevPage {
  slug: string;
  /** Path of source.html relative to the pages folder, as served. */
  path: string;
  html: string;
}

function devPages(shared: string): DevPage[] {
  const dir = join(shared, 'data', 'pages', 'dev');
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'source.html')))
    .map((slug) => ({ slug, path: `dev/${slug}/source.html`, html: readFileSync(join(dir, slug, 'source.html'), 'utf8') }));
}

// ---- small statistics and formatting ----

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function printRows(title: string, rows: string[][]): void {
  console.log(`\n${title}`);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log('  ' + row.map((cell, column) => cell.padEnd(widths[column]!)).join('   '));
}

/** Median over `TIMED_RUNS` runs of `run`, after one warm-up run. */
function timeRuns(run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

// ---- (a) analysis time ----

function articleTexts(pages: DevPage[]): { slug: string; article: ArticleText }[] {
  return pages.flatMap(({ slug, html }) => {
    const found = findArticle(parseHtml(html));
    return found && found.article.lang === 'en' ? [{ slug, article: found.article }] : [];
  });
}

function benchAnalysis(pages: DevPage[]): void {
  const articles = articleTexts(pages);
  const gloss = articles.map(({ article }) => timeRuns(() => analyse(article)));
  const compromise = articles.map(({ article }) =>
    timeRuns(() => {
      const doc = nlp(article.text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }),
  );
  const finding = pages.map(({ html }) => timeRuns(() => findArticle(parseHtml(html))));
  const chars = articles.map(({ article }) => article.text.length);
  printRows(`(a) Analysis time per article: ${articles.length} English dev articles (median ${median(chars)} chars), median of ${TIMED_RUNS} runs each`, [
    ['', 'median', 'p95'],
    ['Gloss analyse()', ms(median(gloss)), ms(quantile(gloss, 0.95))],
    ['compromise people/places/organizations', ms(median(compromise)), ms(quantile(compromise, 0.95))],
    [`Gloss finding the article in the background (parseHtml + findArticle, ${pages.length} pages)`, ms(median(finding)), ms(quantile(finding, 0.95))],
  ]);
  benchRecogniser(articles.map(({ article }) => article), compromise);
}

/** Tokens a second of the entity recogniser (with coreference and roles) beside compromise's on the same texts. */
function benchRecogniser(articles: ArticleText[], compromiseTimes: number[]): void {
  const sentences = articles.map((article) => splitSentences(article.text, article.blocks));
  const tokens = sentences.reduce((sum, list) => sum + list.reduce((n, sentence) => n + sentence.tokens.length, 0), 0);
  const gloss = articles.map((article, i) => timeRuns(() => findEntities(article.text, sentences[i]!)));
  const rate = (times: number[]): number => tokens / (times.reduce((a, b) => a + b, 0) / 1000);
  const glossRate = rate(gloss);
  const compromiseRate = rate(compromiseTimes);
  printRows(`(a') Entity recogniser throughput on the same ${articles.length} articles (${tokens} tokens), one core`, [
    ['', 'tokens/s'],
    ['Gloss findEntities (tagging, coreference, roles)', Math.round(glossRate).toLocaleString('en')],
    ['compromise people/places/organizations', Math.round(compromiseRate).toLocaleString('en')],
    ['ratio', `${(glossRate / compromiseRate).toFixed(1)}x`],
  ]);
}

// ---- (b) size ----

interface ContentScriptEntry {
  js?: string[];
  css?: string[];
}

function benchSize(): void {
  const manifestPath = join(CHROME_BUILD, 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.log(`\n(b) Size: no build at ${CHROME_BUILD}; run \`npm run build\` first.`);
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: ContentScriptEntry[] };
  const files = (manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]);
  const gzipped = (file: string): number => gzipSync(readFileSync(join(CHROME_BUILD, file)), { level: 9 }).length;
  const rows = files.map((file) => [file, kb(gzipped(file))]);
  const total = files.reduce((sum, file) => sum + gzipped(file), 0);
  printRows(`(b) Gzipped size of what every page load pulls in (content scripts in ${CHROME_BUILD}/manifest.json)`, [
    ['file', 'gzipped'],
    ...rows,
    ['all of it', kb(total)],
    ['goal', `${SIZE_GOAL_KB} KB (${total <= SIZE_GOAL_KB * 1024 ? 'met' : 'NOT met'})`],
  ]);
}

// ---- (c) page cost in Chromium ----

/**
 * Installed before any page script: records the longest main-thread task (buffered, so tasks
 * before the observer count too) and when Gloss's host reaches `ready`. A string, not a function:
 * tsx's name-keeping helpers would not exist in the page.
 */
const PAGE_PROBE = `
  window.__glossBench = { longestTask: 0, readyAt: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__glossBench.longestTask = Math.max(window.__glossBench.longestTask, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const host = document.querySelector('gloss-host');
    if (window.__glossBench.readyAt === null && host && ['ready', 'no-article', 'error'].includes(host.getAttribute('data-gloss-state'))) {
      window.__glossBench.readyAt = performance.now();
      window.__glossBench.state = host.getAttribute('data-gloss-state');
      window.__glossBench.marks = Number(host.getAttribute('data-gloss-marks') ?? 0);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-gloss-state'] });
`;

const READ_PROBE = `({
  ...window.__glossBench,
  domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? null,
})`;

interface PageCost {
  longestTask: number;
  /** Longest main-thread task in which Gloss's own code ran (with Gloss only). */
  longestGlossTask?: number;
  readyAt: number | null;
  state?: string;
  marks?: number;
  domContentLoaded: number | null;
}

const SETTLE_MS = 15_000;
const QUIET_MS = 500;

async function measurePages(origin: string, pages: DevPage[], withGloss: boolean): Promise<PageCost[]> {
  const browser = await launchChromium({ extensionDir: withGloss ? CHROME_BUILD : null });
  try {
    await blockRemoteRequests(browser.context);
    await browser.context.addInitScript(PAGE_PROBE);
    const costs: PageCost[] = [];
    for (const { path } of pages) {
      const page = await browser.context.newPage();
      const trace = withGloss ? await startGlossTaskTrace(browser.context, page) : null;
      await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
      if (withGloss) await page.waitForFunction('window.__glossBench.readyAt !== null', null, { timeout: SETTLE_MS }).catch(() => undefined);
      await page.waitForTimeout(QUIET_MS);
      const cost = (await page.evaluate(READ_PROBE)) as PageCost;
      if (trace) cost.longestGlossTask = (await trace.stop()).longestGlossTask;
      costs.push(cost);
      await page.close();
    }
    return costs;
  } finally {
    await browser.close();
  }
}

async function benchPageCost(shared: string, pages: DevPage[]): Promise<void> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    console.log('\n(c) Page cost: no build; run `npm run build` first.');
    return;
  }
  const server = await startStaticServer(join(shared, 'data', 'pages'));
  try {
    const without = await measurePages(server.origin, pages, false);
    const withGloss = await measurePages(server.origin, pages, true);
    const toReady = withGloss.flatMap((cost) =>
      cost.state === 'ready' && cost.readyAt !== null && cost.domContentLoaded !== null ? [cost.readyAt - cost.domContentLoaded] : [],
    );
    const states = withGloss.map((cost) => cost.state ?? 'not settled');
    const count = (state: string): number => states.filter((s) => s === state).length;
    printRows(`(c) Headless Chromium, ${pages.length} dev pages served on 127.0.0.1 (remote requests blocked)`, [
      ['', 'median', 'p95', 'max'],
      [`DOMContentLoaded to marked (${toReady.length} pages ready)`, ms(median(toReady)), ms(quantile(toReady, 0.95)), ms(Math.max(...toReady))],
      ['longest main-thread task, with Gloss', ...longest(withGloss)],
      ['longest main-thread task, without Gloss', ...longest(without)],
      ['longest task running Gloss code (busy time, profiled; goal ≤ 50 ms)', ...longest(withGloss.map((cost) => ({ ...cost, longestTask: cost.longestGlossTask ?? NaN })))],
    ]);
    const marks = withGloss.map((cost) => cost.marks ?? 0);
    console.log(`  Gloss states: ${count('ready')} ready, ${count('no-article')} no-article, ${count('error')} error, ${count('not settled')} not settled within ${SETTLE_MS / 1000} s; names marked per page: median ${median(marks)}, ${marks.filter((n) => n === 0).length} pages with none`);
  } finally {
    await server.close();
  }
}

/** Median, p95 and max of the longest task per page (0 when a page had no task over 50 ms). */
function longest(costs: PageCost[]): string[] {
  const tasks = costs.map((cost) => cost.longestTask);
  return [ms(median(tasks)), ms(quantile(tasks, 0.95)), ms(Math.max(...tasks))];
}

// ---- (d) the recogniser across a service-worker restart (Chromium) ----

const RESTART_ROUNDS = 5;

/** DOMContentLoaded to marked on `url`, read from PAGE_PROBE. */
async function timeToMarked(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.__glossBench.readyAt !== null', null, { timeout: SETTLE_MS });
  const cost = (await page.evaluate(READ_PROBE)) as PageCost;
  return cost.readyAt! - cost.domContentLoaded!;
}

/**
 * The seed page (tests/fixtures) in Chromium: first page of a session (the offscreen document is
 * created and the weights decoded), after the service worker was stopped as Chromium does after
 * 30 s idle (the offscreen document, and its decoded weights, live on), and warm.
 */
async function benchWorkerRestart(): Promise<void> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) return;
  const server = await startStaticServer(join(repoRoot, 'tests', 'fixtures'));
  const first: number[] = [];
  const restarted: number[] = [];
  const warm: number[] = [];
  const restartedCold: number[] = [];
  try {
    for (let round = 0; round < RESTART_ROUNDS; round++) {
      const browser = await launchChromium();
      try {
        await blockRemoteRequests(browser.context);
        await browser.context.addInitScript(PAGE_PROBE);
        const page = await browser.context.newPage();
        const url = `${server.origin}/seed/page.html`;
        first.push(await timeToMarked(page, url));
        warm.push(await timeToMarked(page, url));
        const cdp = await browser.context.newCDPSession(page);
        await stopExtensionWorkers(cdp);
        restarted.push(await timeToMarked(page, url));
        // The baseline: analysis state that dies with the worker, as when it lived in the worker.
        await browser.context.serviceWorkers()[0]!.evaluate(() => (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument());
        await stopExtensionWorkers(cdp);
        restartedCold.push(await timeToMarked(page, url));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  printRows(`(d) Seed page in Chromium, DOMContentLoaded to marked, ${RESTART_ROUNDS} fresh browsers (weights decoded once per session, in the offscreen document)`, [
    ['', 'median', 'max'],
    ['first page of the session', ms(median(first)), ms(Math.max(...first))],
    ['after the service worker was stopped', ms(median(restarted)), ms(Math.max(...restarted))],
    ['baseline: the same stop, analysis document closed (reload + decode)', ms(median(restartedCold)), ms(Math.max(...restartedCold))],
    ['warm (worker running)', ms(median(warm)), ms(Math.max(...warm))],
  ]);
}

/**
 * `npm run bench` runs every section; `npm run bench -- c d` only those (letters as printed; "a"
 * includes a').
 */
async function main(): Promise<void> {
  const shared = sharedDir();
  const asked = new Set(process.argv.slice(2).map((arg) => arg.toLowerCase()));
  const run = (section: string): boolean => asked.size === 0 || asked.has(section);
  console.log(`Gloss bench (repository ${repoRoot})`);
  if (!shared) console.log('(a) and (c) need the dev pages in ../shared/data (or $GLOSS_SHARED); absent here, so they do not run.');
  const pages = shared ? devPages(shared) : [];
  if (shared && run('a')) benchAnalysis(pages);
  if (run('b')) benchSize();
  if (shared && run('c')) await benchPageCost(shared, pages);
  if (run('d')) await benchWorkerRestart();
  if (run('e')) printRows('(e) The library: 10,000 notes and 2,000 articles in the real store (Node, fake-indexeddb), beside a full scan', await benchLibrary());
  if (run('f')) printRows('(f) Re-attaching 50 notes on one edited 50,000-character article, beside fuzzy-searching each note over the whole text', benchAnchoring());
  if (run('g')) printRows('(g) Sync, 1,000 notes, encrypted, on an in-memory remote: first sync and one changed note, beside uploading the whole database', await benchSync());
  if (run('h')) printRows('(h) Background from Wikipedia for a name, from the look-up request to the answer (local stand-in server; cache in fake-indexeddb)', await benchBackground());
  if (run('i')) printRows("(i) The popover's Wikipedia background in Chromium, from the popover opening to the background shown (seed page, local stand-in)", await benchPopoverBackground());
  if (run('j')) printRows('(j) Huge pages in Chromium, with and without Gloss in the same run (tests/fixtures/odd-pages/generate.ts, served on 127.0.0.1)', await benchHugePage());
}

await main();
