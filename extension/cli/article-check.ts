/**
 * Runs findArticle over the dev pages and compares the text with the annotators' article text.
 * Reads ../shared/data/pages/dev (the team's shared data; not in a user's clone: exits quietly
 * without it). Usage: npx tsx extension/cli/article-check.ts [--verbose]
 *
 * recall: share of gold-text.txt (or expected.txt) paragraphs found in our text;
 * precision: share of our blocks found in the gold text.
 * With --ranges the pages are parsed with happy-dom (which has live Ranges, linkedom has none)
 * and every block's `map.rangeFor(...)` text is compared with the block: "mapped" is the share
 * of blocks whose live range reads the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { findArticle } from '../article/find-article';
import { parseHtml } from '../article/parse-html';
import type { FoundArticle } from '../article/types';
import { sharedDir } from './shared-data';

const DEV = join(sharedDir() ?? '(no shared folder)', 'data/pages/dev');
const verbose = process.argv.includes('--verbose');
const checkRanges = process.argv.includes('--ranges');

function browserDocument(html: string, url: string | undefined): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Share of blocks whose live range reads as the block (whitespace collapsed). */
function mappedShare(found: FoundArticle): number {
  const { text, blocks } = found.article;
  let ok = 0;
  for (const b of blocks) {
    const live = normalise(found.map.rangeFor(b.start, b.end)?.toString() ?? '');
    if (live === normalise(text.slice(b.start, b.end))) ok++;
    else if (verbose) console.log(`   UNMAPPED ${JSON.stringify(text.slice(b.start, b.end).slice(0, 80))} reads ${JSON.stringify(live.slice(0, 80))}`);
  }
  return ok / blocks.length;
}

const normalise = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

function main(): void {
  if (!existsSync(DEV)) {
    console.log(`no dev pages at ${DEV}: nothing to check`);
    return;
  }
  const index = JSON.parse(readFileSync(join(DEV, 'index.json'), 'utf8')) as { pages: { slug: string; url: string | null; language: string }[] };
  const times: number[] = [];
  for (const page of index.pages) {
    const dir = join(DEV, page.slug);
    const html = readFileSync(join(dir, 'source.html'), 'utf8');
    const doc = checkRanges ? browserDocument(html, page.url ?? undefined) : parseHtml(html, page.url ?? undefined);
    // Best of three: the machine is shared, single runs are noisy.
    let ms = Infinity;
    let found: FoundArticle | null = null;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      found = findArticle(doc, { url: page.url ?? undefined });
      ms = Math.min(ms, performance.now() - t0);
    }
    times.push(ms);
    const text = found?.article.text ?? '';
    const goldFile = ['gold-text.txt', 'expected.txt'].map((f) => join(dir, f)).find(existsSync);
    let scores = checkRanges && found ? `mapped ${mappedShare(found).toFixed(2)} ` : '';
    if (goldFile && found) {
      const goldText = readFileSync(goldFile, 'utf8');
      const gold = goldText.split(/\n\s*\n/).map(normalise).filter(Boolean);
      const ours = normalise(text);
      const blocks = found.article.blocks.map((b) => normalise(text.slice(b.start, b.end)));
      const goldNorm = normalise(goldText);
      const missed = gold.filter((g) => !ours.includes(g));
      const extra = blocks.filter((b) => !goldNorm.includes(b));
      scores += `recall ${(1 - missed.length / gold.length).toFixed(2)} precision ${(1 - extra.length / blocks.length).toFixed(2)} (${goldFile.endsWith('gold-text.txt') ? 'gold' : 'expected'})`;
      if (verbose) {
        for (const m of missed) console.log('   MISSED', m.slice(0, 120));
        for (const e of extra) console.log('   EXTRA ', e.slice(0, 120));
      }
    }
    console.log(
      `${page.slug.padEnd(40)} ${ms.toFixed(0).padStart(4)} ms ${String(text.length).padStart(6)} chars lang ${found?.article.lang ?? '-'}/${page.language} links ${found?.article.links.length ?? 0} ${scores}`,
    );
    console.log(`   ${JSON.stringify(text.slice(0, 80))}`);
    if (verbose && found) console.log('   meta', JSON.stringify(found.meta));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`findArticle time (best of 3): median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms over ${times.length} pages`);
}

main();
