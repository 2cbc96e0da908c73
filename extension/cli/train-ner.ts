/**
 * `npm run train:ner [-- --data conll|open|all] [--epochs N] [--seed N] [--min-weight W] [--out FILE]`: trains the entity
 * recogniser (structured averaged perceptron, see extension/analysis/entities/tagger.ts) and writes the
 * compact model, by default to assets/ner/model.json. Reads ../shared/data/ner (CoNLL-2003 train,
 * research-only text) and/or ../shared/data/ner-open (Re-DocRED dev+test, MIT; UNER EWT+PUD,
 * CC BY-SA); stops cleanly when that folder is absent. Deterministic: fixed document order,
 * shuffled each epoch by a seeded generator (`--seed`, to
 * tell a change from the noise of one training order).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { documentSentences, goldLabels, parseJsonl, type NerDocument } from '../analysis/entities/corpus';
import { documentContext } from '../analysis/entities/features';
import { compactModel } from '../analysis/entities/model';
import { tagDocument, TrainableWeights } from '../analysis/entities/tagger';
import { repoRoot, requireSharedDir } from './shared-data';

const TRAINING_SETS = {
  conll: ['ner/conll2003-train.jsonl'],
  open: ['ner-open/redocred-dev.jsonl', 'ner-open/redocred-test.jsonl', 'ner-open/uner-en-ewt-dev.jsonl', 'ner-open/uner-en-ewt-test.jsonl', 'ner-open/uner-en-pud-test.jsonl'],
} as const;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** A small seeded generator (mulberry32), so every run shuffles the same way. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const shared = requireSharedDir('train:ner');
  const data = option('data', 'conll');
  const epochs = Number(option('epochs', '8'));
  const out = resolve(option('out', resolve(repoRoot, 'assets/ner/model.json')));
  const files = data === 'all' ? [...TRAINING_SETS.conll, ...TRAINING_SETS.open] : TRAINING_SETS[data as keyof typeof TRAINING_SETS];
  if (!files) throw new Error(`--data must be conll, open or all, not ${data}`);

  const started = Date.now();
  const examples = files.flatMap(f => parseJsonl<NerDocument>(readFileSync(resolve(shared, 'data', f), 'utf8'))).map(doc => {
    const sentences = documentSentences(doc);
    return { sentences, gold: goldLabels(doc, sentences), context: documentContext(sentences) };
  });
  console.error(`train:ner: ${examples.length} documents from ${files.join(', ')} (${Date.now() - started} ms to read)`);

  const weights = new TrainableWeights();
  const random = seededRandom(Number(option('seed', '2003')));
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let tokens = 0;
    let errors = 0;
    for (const index of order) {
      const { sentences, gold, context } = examples[index]!;
      const tags = tagDocument(sentences, weights, { gold, learner: weights }, context);
      tags.forEach((sentence, s) =>
        sentence.forEach((tag, i) => {
          tokens++;
          if (tag !== gold[s]![i]) errors++;
        }),
      );
    }
    console.error(`epoch ${epoch}: ${((100 * errors) / tokens).toFixed(2)}% token errors (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const model = compactModel(weights, `${files.join(', ')}; ${epochs} epochs`, Number(option('min-weight', '1')));
  writeFileSync(out, JSON.stringify(model));
  console.error(`train:ner: wrote ${out} (${(JSON.stringify(model).length / 1e6).toFixed(2)} MB, ${Math.round(model.weights.length * 0.75 / 9)} features) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main();
