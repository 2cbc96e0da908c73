/**
 * `npm run eval`: analyses the seed page and the dev pages that have gold annotations, exactly
 * as `npm run analyze` does (page HTML in, analysis document out), and scores each with the
 * evaluation's own scorer (../shared/tools/analysis-score.mjs). Reads ../shared/data; stops
 * cleanly when it is absent. Writes the analyses to test-output/eval/ for inspection.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseHtml } from './analyze-input';
import { repoRoot, requireSharedDir } from './shared-data';

interface Scorer {
  score(gold: unknown, pred: unknown): Score;
  total(scores: Score[]): Score;
  summary(score: Score): string;
}
interface Rate { right: number; of: number; rate: number }
interface Prf { p: number; r: number; f1: number }
interface Score {
  entities: Prf;
  roles: { gold: number; right: number };
  figures: Prf & { about: Rate; source: Rate };
  quotes: Prf & { speaker: Rate };
  sources: Prf;
}

interface GoldPage { slug: string; html: string; gold: string; url: string | null }

function goldPages(shared: string): GoldPage[] {
  const data = join(shared, 'data');
  const pages: GoldPage[] = [{ slug: 'seed', html: join(data, 'seed/page.html'), gold: join(data, 'seed/gold.json'), url: null }];
  const dev = join(data, 'pages/dev');
  const index = JSON.parse(readFileSync(join(dev, 'index.json'), 'utf8')) as { pages: { slug: string; url: string | null }[] };
  const urls = new Map(index.pages.map((p) => [p.slug, p.url]));
  for (const slug of readdirSync(dev).sort()) {
    const gold = join(dev, slug, 'gold.json');
    if (existsSync(gold)) pages.push({ slug, html: join(dev, slug, 'source.html'), gold, url: urls.get(slug) ?? null });
  }
  return pages;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function row(name: string, s: Score): string {
  return [
    name.padEnd(40),
    pct(s.entities.f1),
    `${s.roles.right}/${s.roles.gold}`.padStart(6),
    pct(s.figures.f1),
    pct(s.figures.about.rate),
    pct(s.figures.source.rate),
    pct(s.quotes.r),
    pct(s.quotes.speaker.rate),
    pct(s.sources.f1),
  ].join('  ');
}

async function main(): Promise<void> {
  const shared = requireSharedDir('eval');
  const scorer = (await import(pathToFileURL(join(shared, 'tools/analysis-score.mjs')).href)) as Scorer;
  const outDir = resolve(repoRoot, 'test-output/eval');
  mkdirSync(outDir, { recursive: true });
  const scores: Score[] = [];
  console.log(['page'.padEnd(40), 'entF1', ' roles', 'figF1', 'about', 'sourc', 'quotR', 'speak', 'srcF1'].join('  '));
  for (const page of goldPages(shared)) {
    const analysis = analyseHtml(readFileSync(page.html, 'utf8'), page.url);
    writeFileSync(join(outDir, `${page.slug}.json`), JSON.stringify(analysis, null, 1));
    const s = scorer.score(JSON.parse(readFileSync(page.gold, 'utf8')), analysis);
    scores.push(s);
    console.log(row(page.slug, s));
  }
  const total = scorer.total(scores);
  console.log(row(`TOTAL (${scores.length} articles)`, total));
  console.log(`\n${scorer.summary(total)}`);
  console.log(`analyses written to ${outDir}`);
}

void main();
