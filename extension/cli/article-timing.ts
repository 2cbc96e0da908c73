/**
 * Times what finding the article costs a page's main thread, in Chromium, and checks the map
 * the page builds from the background's anchors. For each dev page (../shared/data/pages/dev,
 * the team's shared data: exits quietly without it), loaded with scripts and network off:
 *   snapshot   `documentElement.outerHTML`, the one call the content script makes to send the page
 *   anchoring  `anchoredMap` on the page (total, and its longest slice between yields)
 *   agree      share of the article characters findArticle on the live page maps that the anchored
 *              map maps to the same node and offset (the background's findArticle runs here in Node
 *              on linkedom, as in the extension)
 *   in-page    findArticle itself on the page's main thread, as the content script ran it before
 * Usage: npx tsx extension/cli/article-timing.ts   (CHROMIUM=/path overrides the browser)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { TextAnchor } from '../article/anchors';
import { findAnchoredArticle } from '../article/snapshot';
import { sharedDir } from './shared-data';

const DEV = join(sharedDir() ?? '(no shared folder)', 'data/pages/dev');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ENTRY = `
import { anchoredMap } from '../article/anchors';
import { findArticle } from '../article/find-article';
globalThis.glossSnapshot = () => {
  const t0 = performance.now();
  const html = document.documentElement.outerHTML;
  return { html, ms: performance.now() - t0 };
};
globalThis.glossAnchoring = async (url, text, anchors) => {
  let longest = 0;
  let sliceStart = performance.now();
  // Scripts are off on the page, so its timers don't run: a microtask stands in for the yield.
  const pause = () => Promise.resolve().then(() => {
    sliceStart = performance.now();
  });
  const t0 = performance.now();
  const timedPause = () => {
    longest = Math.max(longest, performance.now() - sliceStart);
    return pause();
  };
  const map = await anchoredMap(document.documentElement, text, anchors, { pause: timedPause, signal: new AbortController().signal });
  const total = performance.now() - t0;
  longest = Math.max(longest, performance.now() - sliceStart);
  const t1 = performance.now();
  const direct = findArticle(document, { url });
  const inPage = performance.now() - t1;
  const placeOf = (m) => {
    const places = new Map();
    for (const run of m.runs()) for (let i = run.start; i < run.end; i++) places.set(i, [run.node, run.offset + i - run.start]);
    return places;
  };
  const mine = placeOf(map);
  let mapped = 0, agree = 0;
  for (const [i, [node, offset]] of placeOf(direct.map)) {
    mapped++;
    const other = mine.get(i);
    if (other && other[0] === node && other[1] === offset) agree++;
  }
  return { total, longest, inPage, agree: mapped ? agree / mapped : 1, sameText: direct.article.text === text };
};`;

interface Row {
  slug: string;
  snapshot: number;
  total: number;
  longest: number;
  inPage: number;
  agree: number;
  sameText: boolean;
}

type PageGlobals = {
  glossSnapshot(): { html: string; ms: number };
  glossAnchoring(url: string, text: string, anchors: TextAnchor[]): Promise<Omit<Row, 'slug' | 'snapshot'>>;
};

async function main(): Promise<void> {
  if (!existsSync(DEV) || !existsSync(CHROMIUM)) {
    console.log(`needs ${DEV} and ${CHROMIUM}: nothing to time`);
    return;
  }
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  const code = bundle.outputFiles[0]!.text;
  const index = JSON.parse(readFileSync(join(DEV, 'index.json'), 'utf8')) as { pages: { slug: string; url: string | null }[] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  await context.route('**/*', (route) => route.abort());
  const rows: Row[] = [];
  for (const { slug, url } of index.pages) {
    const pageUrl = url ?? `https://${slug}.example/`;
    const page = await context.newPage();
    await page.setContent(readFileSync(join(DEV, slug, 'source.html'), 'utf8'), { waitUntil: 'domcontentloaded' });
    await page.evaluate(code);
    const snapshot = await page.evaluate(() => (globalThis as unknown as PageGlobals).glossSnapshot());
    const found = findAnchoredArticle(snapshot.html, pageUrl);
    if (!found) {
      console.log(`${slug.padEnd(40)} no article on the snapshot`);
      await page.close();
      continue;
    }
    const row = await page.evaluate(
      ([u, text, anchors]) => (globalThis as unknown as PageGlobals).glossAnchoring(u, text, anchors),
      [pageUrl, found.article.text, found.anchors] as const,
    );
    rows.push({ slug, snapshot: snapshot.ms, ...row });
    const t = (n: number) => `${n.toFixed(1).padStart(5)} ms`;
    console.log(
      `${slug.padEnd(40)} snapshot ${t(snapshot.ms)} (${(snapshot.html.length / 1e6).toFixed(1)} MB)  anchoring ${t(row.total)}, longest slice ${t(row.longest)}  agree ${(row.agree * 100).toFixed(1)}%${row.sameText ? '' : ' (text differs)'}  in-page findArticle ${t(row.inPage)}`,
    );
    await page.close();
  }
  await browser.close();
  for (const key of ['snapshot', 'total', 'longest', 'inPage'] as const) {
    const sorted = rows.map((r) => r[key]).sort((a, b) => a - b);
    console.log(`${key}: median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`);
  }
  const agree = rows.map((r) => r.agree).sort((a, b) => a - b);
  console.log(`agree: median ${(agree[agree.length >> 1]! * 100).toFixed(1)}%, min ${(agree[0]! * 100).toFixed(1)}%; same text on ${rows.filter((r) => r.sameText).length}/${rows.length} pages`);
}

await main();
