/**
 * Times findArticle where it really runs: on a page's main thread in Chromium. Loads each dev
 * page (../shared/data/pages/dev, the team's shared data: exits quietly without it) with
 * scripts and network off, injects a bundle of findArticle, and times the first call (cold)
 * and the best of three; "readability" is Readability alone on a fresh clone, for comparison.
 * Usage: npx tsx extension/article/browser-timing.ts   (CHROMIUM=/path overrides the browser)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const DEV = join(import.meta.dirname, '../../../shared/data/pages/dev');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ENTRY = `
import { Readability } from '@mozilla/readability';
import { findArticle } from './find-article';
globalThis.glossReadabilityCold = () => {
  const t0 = performance.now();
  const clone = document.cloneNode(true);
  const t1 = performance.now();
  new Readability(clone).parse();
  return { clone: t1 - t0, readability: performance.now() - t1 };
};
globalThis.glossTiming = (url) => {
  const times = [];
  let length = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    length = findArticle(document, { url })?.article.text.length ?? 0;
    times.push(performance.now() - t0);
  }
  const t0 = performance.now();
  new Readability(document.cloneNode(true)).parse();
  return { cold: times[0], best: Math.min(...times), readability: performance.now() - t0, length };
};`;

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
  const rows: { slug: string; cold: number; best: number; readability: number; length: number }[] = [];
  for (const { slug, url } of index.pages) {
    const html = readFileSync(join(DEV, slug, 'source.html'), 'utf8');
    const coldPage = await context.newPage();
    await coldPage.setContent(html, { waitUntil: 'domcontentloaded' });
    await coldPage.evaluate(code);
    const cold = await coldPage.evaluate(() => (globalThis as unknown as { glossReadabilityCold: () => { clone: number; readability: number } }).glossReadabilityCold());
    await coldPage.close();
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    await page.evaluate(code);
    const row = await page.evaluate((u) => (globalThis as unknown as { glossTiming: (u?: string) => Omit<(typeof rows)[0], 'slug'> }).glossTiming(u), url ?? undefined);
    rows.push({ slug, ...row });
    console.log(`${slug.padEnd(40)} cold ${row.cold.toFixed(0).padStart(4)} ms  best ${row.best.toFixed(0).padStart(4)} ms  readability ${row.readability.toFixed(0).padStart(4)} ms (cold: clone ${cold.clone.toFixed(0)} + readability ${cold.readability.toFixed(0)} ms)  ${row.length} chars`);
    await page.close();
  }
  await browser.close();
  for (const key of ['cold', 'best', 'readability'] as const) {
    const sorted = rows.map((r) => r[key]).sort((a, b) => a - b);
    console.log(`${key}: median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`);
  }
}

await main();
