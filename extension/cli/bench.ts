/**
 * `npm run bench`: Gloss's costs, each beside a baseline measured in the same run.
 *   (a) analysis time per article over the dev pages, beside compromise's people/places/organisations;
 *   (b) gzipped size of what a page load pulls in (the built content script and its CSS), beside the 40 KB goal;
 *   (c) in headless Chromium over the dev pages: DOMContentLoaded to marked names, and the longest
 *       main-thread task, with and without Gloss.
 * (a) and (c) read the team's dev pages in ../shared/data (never the eval pages); without them only
 * (b) runs. (b) and (c) need `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import { analyse } from '../analysis/analyse';
import type { ArticleText } from '../analysis/types';
import { findArticle } from '../article/find-article';
import { parseHtml } from '../article/parse-html';
import { blockRemoteRequests, CHROME_BUILD, launchChromium } from '../../tests/support/browsers';
import { startStaticServer } from '../../tests/support/static-server';
import { repoRoot, sharedDir } from './shared-data';

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

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
const median = (values: number[]): number => quantile(values, 0.5);
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
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
  const chars = articles.map(({ article }) => article.text.length);
  printRows(`(a) Analysis time per article: ${articles.length} English dev articles (median ${median(chars)} chars), median of ${TIMED_RUNS} runs each`, [
    ['', 'median', 'p95'],
    ['Gloss analyse()', ms(median(gloss)), ms(quantile(gloss, 0.95))],
    ['compromise people/places/organizations', ms(median(compromise)), ms(quantile(compromise, 0.95))],
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
      await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
      if (withGloss) await page.waitForFunction('window.__glossBench.readyAt !== null', null, { timeout: SETTLE_MS }).catch(() => undefined);
      await page.waitForTimeout(QUIET_MS);
      costs.push((await page.evaluate(READ_PROBE)) as PageCost);
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

async function main(): Promise<void> {
  const shared = sharedDir();
  console.log(`Gloss bench (repository ${repoRoot})`);
  if (!shared) console.log('(a) and (c) need the dev pages in ../shared/data (or $GLOSS_SHARED); absent here, so only (b) runs.');
  const pages = shared ? devPages(shared) : [];
  if (shared) benchAnalysis(pages);
  benchSize();
  if (shared) await benchPageCost(shared, pages);
}

await main();
