/**
 * `npm run analyze -- <page.html | article.txt | http(s) URL> [--url URL] [--out FILE]`
 * prints the analysis document (gloss.analysis/1) of one page or article.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyseInput } from './analyze-input';

async function main(): Promise<void> {
  let values: { out?: string; url?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options: { out: { type: 'string' }, url: { type: 'string' } }, allowPositionals: true }));
  } catch (e) {
    fail((e as Error).message);
  }
  const input = positionals[0];
  if (!input || positionals.length > 1) fail('usage: npm run analyze -- <page.html | article.txt | URL> [--url URL] [--out FILE]');
  let json: string;
  try {
    const started = performance.now();
    const analysis = await analyseInput(input, values.url ?? null);
    json = JSON.stringify(analysis, null, 1);
    console.error(`analyze: ${input}: ${analysis.article ? `${analysis.entities.length} entities, ${analysis.figures.length} figures, ${analysis.quotes.length} quotes, ${analysis.sources.length} sources` : 'no article found'} (lang ${analysis.lang}, ${Math.round(performance.now() - started)} ms)`);
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.out) {
    try {
      await writeFile(values.out, json + '\n');
    } catch (e) {
      fail(`cannot write ${values.out}: ${(e as Error).message}`);
    }
  } else {
    process.stdout.write(json + '\n');
  }
}

function fail(message: string): never {
  console.error(`analyze: ${message}`);
  process.exit(1);
}

void main();
