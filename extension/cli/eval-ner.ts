/**
 * `npm run eval:ner [-- --model FILE] [--split dev|test]`: runs the recogniser over CoNLL-2003 dev
 * (../shared/data/ner, text only, as `npm run ner` does) and scores it with the shared scorer
 * (../shared/tools/ner-score.mjs). Stops cleanly when the shared folder is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, requireSharedDir } from './shared-data';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
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
}

main();
