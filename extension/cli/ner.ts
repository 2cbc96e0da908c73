/**
 * `npm run ner -- IN.jsonl [--model FILE]`: reads `{"id","text"}` per line and prints
 * `{"id","entities":[{"start","end","type"}]}` per line (the format of shared/data/ner/README.md),
 * the recogniser's mentions before coreference. Each line of a text is a block, as a paragraph is.
 */
import { readFileSync } from 'node:fs';
import { lineBlocks, parseJsonl } from '../analysis/entities/corpus';
import { defaultWeights } from '../analysis/entities/default-model';
import { loadModel, type ModelFile } from '../analysis/entities/model';
import { recognizeMentions } from '../analysis/entities/recognize';
import { splitSentences } from '../analysis/text/tokenize';

function main(): void {
  const input = process.argv[2];
  if (!input || input.startsWith('--')) {
    console.error('usage: npm run ner -- IN.jsonl [--model FILE]   (one {"id","text"} per line)');
    process.exit(2);
  }
  const modelAt = process.argv.indexOf('--model');
  const weights = modelAt > 0 ? loadModel(JSON.parse(readFileSync(process.argv[modelAt + 1]!, 'utf8')) as ModelFile) : defaultWeights();
  for (const doc of parseJsonl<{ id: string; text: string }>(readFileSync(input, 'utf8'))) {
    const sentences = splitSentences(doc.text, lineBlocks(doc.text));
    const entities = recognizeMentions(doc.text, sentences, weights).map(({ start, end, type }) => ({ start, end, type }));
    process.stdout.write(JSON.stringify({ id: doc.id, entities }) + '\n');
  }
}

main();
