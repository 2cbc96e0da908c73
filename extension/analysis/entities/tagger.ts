import { documentContext, pushContextFeatures, pushHistoryFeatures, staticFeatures, wordFeatures, type DocumentContext } from './features';
import type { Sentence } from '../types';

/**
 * Greedy left-to-right BIO tagging with an averaged perceptron (Collins 2002). Written by hand:
 * the npm NER packages are either English rule sets (compromise, wink) or need a neural runtime
 * and weights far larger than this extension should carry.
 */

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;

/** Anything that scores a feature set: the trainable table or the compact shipped model. */
export interface Weights {
  /** Adds the weight of each feature for each label to `scores` (length LABEL_COUNT). */
  addScores(features: number[], scores: Float64Array): void;
}

/** Called for each token while training, with its features, gold label and prediction. */
export type Learner = (features: number[], gold: number, predicted: number) => void;

/** I-X may only follow B-X or I-X: ALLOWED[previous * LABEL_COUNT + label]. */
const ALLOWED = Uint8Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, k) => {
  const name = LABELS[k % LABEL_COUNT]!;
  const prev = LABELS[Math.floor(k / LABEL_COUNT)]!;
  return !name.startsWith('I-') || (prev !== 'O' && prev.slice(2) === name.slice(2)) ? 1 : 0;
});
const TYPES = LABELS.map(label => label.slice(2));

/**
 * Tags every token of a document (label indexes, one array per sentence). With `gold` and `learn`
 * it also trains: `learn` sees every token, with the gold label and the prediction.
 * The history features use the model's own previous predictions, as at inference.
 */
export function tagDocument(
  sentences: Pick<Sentence, 'tokens'>[],
  weights: Weights,
  gold?: number[][],
  learn?: Learner,
  doc: DocumentContext = documentContext(sentences),
): number[][] {
  const lastTypeOf = new Map<string, string>(); // lower-cased word -> type it was last tagged with
  // While tagging (not training) the word's own features are scored once per distinct word.
  const wordScores = new Map<string, Float64Array>();
  const scoresOfWord = (s: number, i: number): Float64Array => {
    const word = doc.sentences[s]!.words[i]!;
    let cached = wordScores.get(word);
    if (!cached) {
      cached = new Float64Array(LABEL_COUNT);
      weights.addScores(wordFeatures(doc, s, i), cached);
      wordScores.set(word, cached);
    }
    return cached;
  };
  const scores = new Float64Array(LABEL_COUNT);
  return doc.sentences.map((view, s) => {
    const tags: number[] = [];
    for (let i = 0; i < view.words.length; i++) {
      const prev = i > 0 ? LABELS[tags[i - 1]!]! : '<s>';
      const prev2 = i > 1 ? LABELS[tags[i - 2]!]! : '<s>';
      const lower = view.lower[i]!;
      const features = learn ? staticFeatures(doc, s, i) : [];
      if (!learn) {
        scores.set(scoresOfWord(s, i));
        pushContextFeatures(features, doc, s, i);
      } else scores.fill(0);
      pushHistoryFeatures(features, lower, view.shapes[i]!, prev, prev2, lastTypeOf.get(lower) ?? '-');
      weights.addScores(features, scores);
      const allowedAfter = (i > 0 ? tags[i - 1]! : 0) * LABEL_COUNT;
      let best = 0;
      for (let k = 1; k < LABEL_COUNT; k++) if (ALLOWED[allowedAfter + k] && scores[k]! > scores[best]!) best = k;
      const goldLabel = gold?.[s]?.[i];
      if (learn && goldLabel !== undefined) learn(features, goldLabel, best);
      tags.push(best);
      if (best !== 0) lastTypeOf.set(lower, TYPES[best]!);
    }
    return tags;
  });
}

/**
 * The weights being trained: a growable table with Daumé's averaging trick (keep the sum of
 * c * update, subtract it divided by the step count at the end) so averaging costs nothing per step.
 */
export class TrainableWeights implements Weights {
  private rows = new Map<number, number>();
  private w = new Float64Array(1 << 16);
  private u = new Float64Array(1 << 16);
  private step = 1;

  addScores(features: number[], scores: Float64Array): void {
    for (const f of features) {
      const row = this.rows.get(f);
      if (row === undefined) continue;
      const base = row * LABEL_COUNT;
      for (let k = 0; k < LABEL_COUNT; k++) scores[k]! += this.w[base + k]!;
    }
  }

  update(features: number[], gold: number, predicted: number): void {
    for (const f of features) {
      const base = this.rowOf(f) * LABEL_COUNT;
      this.w[base + gold]! += 1;
      this.w[base + predicted]! -= 1;
      this.u[base + gold]! += this.step;
      this.u[base + predicted]! -= this.step;
    }
  }

  /** Counts one training token (the clock of the averaging). */
  tick(): void {
    this.step++;
  }

  /** The averaged weights, row by row: [feature hash, weights per label]. */
  *averaged(): Generator<[number, Float64Array]> {
    for (const [hash, row] of this.rows) {
      const avg = new Float64Array(LABEL_COUNT);
      for (let k = 0; k < LABEL_COUNT; k++) {
        const i = row * LABEL_COUNT + k;
        avg[k] = this.w[i]! - this.u[i]! / this.step;
      }
      yield [hash, avg];
    }
  }

  private rowOf(feature: number): number {
    let row = this.rows.get(feature);
    if (row === undefined) {
      row = this.rows.size;
      this.rows.set(feature, row);
      if ((row + 1) * LABEL_COUNT > this.w.length) {
        this.w = grow(this.w);
        this.u = grow(this.u);
      }
    }
    return row;
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
