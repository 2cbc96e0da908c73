/**
 * `npm run eval:ner [-- --model FILE] [--split dev|test]`: runs the recogniser over CoNLL-2003 dev
 * (../shared/data/ner, text only, as `npm run ner` does) and scores it with the shared scorer
 * (../shared/tools/ner-score.mjs), then times the recogniser beside compromise on the same texts
 * (CPU time of one process, after a warm-up run). Stops cleanly when the shared folder is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { lineBlocks, parseJsonl } from '../analysis/entities/corpus';
import { defaultWeights } from '../analysis/entities/default-model';
import { loadModel, type ModelFile } from '../analysis/entities/model';
import { recognizeMentions } from '../analysis/entities/recognize';
import { splitSentences } from '../analysis/text/tokenize';
import { repoRoot, requireSharedDir } from './shared-data';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** CPU milliseconds of `run`, after one untimed run to warm up. */
function cpuMs(run: () => void): number {
  run();
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function speed(goldFile: string, model: string | undefined): string {
  const weights = model ? loadModel(JSON.parse(readFileSync(model, 'utf8')) as ModelFile) : defaultWeights();
  const docs = parseJsonl<{ text: string }>(readFileSync(goldFile, 'utf8')).map(({ text }) => ({ text, sentences: splitSentences(text, lineBlocks(text)) }));
  const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
  const gloss = cpuMs(() => docs.forEach(d => recognizeMentions(d.text, d.sentences, weights)));
  const compromise = cpuMs(() =>
    docs.forEach(d => {
      const doc = nlp(d.text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }),
  );
  const rate = (ms: number) => `${Math.round((tokens / ms) * 1000).toLocaleString('en')} tokens/s`;
  return `speed on ${tokens} tokens (CPU time): Gloss ${rate(gloss)}, compromise ${rate(compromise)} (${(compromise / gloss).toFixed(1)}x)`;
}

function main(): void {
  const shared = requireSharedDir('eval:ner');
  const split = option('split') ?? 'dev';
  const gold = resolve(shared, `data/ner/conll2003-${split}.jsonl`);
  const model = option('model');
  const started = Date.now();
  const predictions = execFileSync(
    process.execPath,
    ['--import', 'tsx', resolve(repoRoot, 'extension/cli/ner.ts'), gold, ...(model ? ['--model', model] : [])],
    { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const elapsed = Date.now() - started;
  const predFile = join(mkdtempSync(join(tmpdir(), 'eval-ner-')), `conll2003-${split}.pred.jsonl`);
  writeFileSync(predFile, predictions);
  console.log(`eval:ner: CoNLL-2003 ${split}, ${elapsed} ms for tagging (incl. start-up); predictions in ${predFile}`);
  console.log(execFileSync(process.execPath, [resolve(shared, 'tools/ner-score.mjs'), gold, predFile], { encoding: 'utf8' }));
  if (!process.argv.includes('--no-speed')) console.log(speed(gold, model));
}

main();
