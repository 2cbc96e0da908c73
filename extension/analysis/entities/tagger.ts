import {
  documentContext,
  pushContextFeatures,
  pushDocLabelFeatures,
  staticFeatures,
  transitionFeatures,
  wordFeatures,
  type DocumentContext,
} from './features';
import type { Sentence } from '../types';

/**
 * BIO tagging with a structured averaged perceptron (Collins 2002): each sentence is decoded by
 * Viterbi over label transitions, in training as at inference, and training moves the weights
 * from the predicted label sequence towards the gold one. Written by hand: the npm NER packages
 * are either English rule sets (compromise, wink) or need a neural runtime and weights far larger
 * than this extension should carry.
 */

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;

/** The "previous label" of a sentence's first word, after the real labels. */
const START = LABEL_COUNT;
const PREVIOUS = [...LABELS, '<s>'];
/** Transition scores of one word: row `previous` (0..START), column label. */
const TRANSITIONS = (LABEL_COUNT + 1) * LABEL_COUNT;

/** Anything that scores a feature set: the trainable table or the compact shipped model. */
export interface Weights {
  /** Adds the weight of each feature for each label to `scores[offset .. offset + LABEL_COUNT)`. */
  addScores(features: number[], scores: Float64Array, offset?: number): void;
}

/** What training needs of the weights being trained. */
export interface Learner {
  /** Adds `delta` to the weight of each feature for `label`. */
  add(features: number[], label: number, delta: number): void;
  /** Counts one training token (the clock of the averaging). */
  tick(): void;
}

/** The gold labels of a document (one array per sentence) and the weights to train on them. */
export interface Training {
  gold: number[][];
  learner: Learner;
}

/** I-X may only follow B-X or I-X: ALLOWED[previous * LABEL_COUNT + label], previous up to START. */
const ALLOWED = Uint8Array.from({ length: TRANSITIONS }, (_, k) => {
  const name = LABELS[k % LABEL_COUNT]!;
  const prev = PREVIOUS[Math.floor(k / LABEL_COUNT)]!;
  return !name.startsWith('I-') || (prev !== 'O' && prev.slice(2) === name.slice(2)) ? 1 : 0;
});
const TYPES = LABELS.map(label => label.slice(2));
/**
 * The labels that may precede each label (so the decoder's inner loop needs no check), ascending,
 * flat in a typed array: those of label k at ALLOWED_BEFORE[ALLOWED_FROM[k] .. ALLOWED_FROM[k + 1]).
 */
const { ALLOWED_BEFORE, ALLOWED_FROM } = (() => {
  const before: number[] = [];
  const from = [0];
  for (let label = 0; label < LABEL_COUNT; label++) {
    for (let prev = 0; prev < LABEL_COUNT; prev++) if (ALLOWED[prev * LABEL_COUNT + label]) before.push(prev);
    from.push(before.length);
  }
  return { ALLOWED_BEFORE: Uint8Array.from(before), ALLOWED_FROM: Uint8Array.from(from) };
})();

/** The scores of a sentence's words: of each label, and of each label after each previous label. */
export interface SentenceScores {
  /** Word i's score of label k at i * LABEL_COUNT + k. */
  emissions: Float64Array;
  /** Word i's score of label k after label `previous` (0..START) at [i][previous * LABEL_COUNT + k]. */
  transitions: Float64Array[];
}

/** The features behind a word's scores, kept while training to update their weights. */
interface WordFeatures {
  emission: number[];
  /** By previous label; only those the decoder can use (START for the first word, else the labels). */
  transitions: number[][];
}

/**
 * Tags every token of a document (label indexes, one array per sentence). With `training` it
 * also learns from each sentence after decoding it. Sentences are decoded in order, and a word's
 * "last tagged as" feature uses the labels chosen in earlier sentences, as at inference.
 */
export function tagDocument(
  sentences: Pick<Sentence, 'tokens'>[],
  weights: Weights,
  training?: Training,
  doc: DocumentContext = documentContext(sentences),
): number[][] {
  const lastTypeOf = new Map<string, string>(); // lower-cased word -> type it was last tagged with
  const scoreWord = training ? scoreWithFeatures(weights) : cachedScorer(weights, doc);
  // One buffer for every sentence's emissions: allocating typed arrays is slow in V8.
  const emissions = new Float64Array(Math.max(0, ...doc.sentences.map(view => view.words.length)) * LABEL_COUNT);
  return doc.sentences.map((view, s) => {
    emissions.fill(0, 0, view.words.length * LABEL_COUNT);
    const scores: SentenceScores = { emissions, transitions: [] };
    const features: WordFeatures[] = [];
    for (let i = 0; i < view.words.length; i++) {
      const docLabel = lastTypeOf.get(view.lower[i]!) ?? '-';
      scoreWord(doc, s, i, docLabel, scores, features);
    }
    const tags = viterbi(scores);
    const gold = training?.gold[s];
    if (training && gold) learnSentence(training.learner, features, gold, tags);
    tags.forEach((tag, i) => {
      if (tag !== 0) lastTypeOf.set(view.lower[i]!, TYPES[tag]!);
    });
    return tags;
  });
}

/** Writes the scores of word i of sentence s into `scores` (and, while training, its features into `features`). */
type WordScorer = (doc: DocumentContext, s: number, i: number, docLabel: string, scores: SentenceScores, features: WordFeatures[]) => void;

/**
 * At inference: the features of the word's form are the same wherever the word stands, and its
 * transitions and "last tagged as" features depend on its shape (and that label) only, so they
 * are scored once per distinct word and shape; only the word's context is scored per token.
 * Adding cached sums instead of feature after feature gives the same scores to the last bit: each
 * weight is an int8 times a float32 scale of at least 1/127 (see model.ts), a multiple of 2^-30,
 * and sums of such numbers below 2^23 are exact in a float64.
 */
function cachedScorer(weights: Weights, doc: DocumentContext): WordScorer {
  // The scores of each distinct word at its offset in one buffer (at most one word per token).
  const wordScores = new Float64Array(doc.sentences.reduce((n, view) => n + view.words.length, 0) * LABEL_COUNT);
  const byWord = new Map<string, number>();
  const byShape = new Map<string, Float64Array>();
  const byShapeAndDocLabel = new Map<string, Map<string, Float64Array>>();
  const context: number[] = []; // reused: one array for every token
  const docLabelScores = (shape: string, docLabel: string): Float64Array => {
    let byDocLabel = byShapeAndDocLabel.get(shape);
    if (!byDocLabel) byShapeAndDocLabel.set(shape, (byDocLabel = new Map()));
    let scores = byDocLabel.get(docLabel);
    if (!scores) {
      const features: number[] = [];
      pushDocLabelFeatures(features, shape, docLabel);
      weights.addScores(features, (scores = new Float64Array(LABEL_COUNT)));
      byDocLabel.set(docLabel, scores);
    }
    return scores;
  };
  return (doc, s, i, docLabel, scores) => {
    const view = doc.sentences[s]!;
    const word = view.words[i]!;
    const shape = view.shapes[i]!;
    let wordOffset = byWord.get(word);
    if (wordOffset === undefined) {
      wordOffset = byWord.size * LABEL_COUNT;
      weights.addScores(wordFeatures(doc, s, i), wordScores, wordOffset);
      byWord.set(word, wordOffset);
    }
    let transitions = byShape.get(shape);
    if (!transitions) {
      transitions = new Float64Array(TRANSITIONS);
      for (let prev = 0; prev <= START; prev++) weights.addScores(transitionFeatures(PREVIOUS[prev]!, shape), transitions, prev * LABEL_COUNT);
      byShape.set(shape, transitions);
    }
    const offset = i * LABEL_COUNT;
    const docLabelScore = docLabelScores(shape, docLabel);
    for (let k = 0; k < LABEL_COUNT; k++) scores.emissions[offset + k] = wordScores[wordOffset + k]! + docLabelScore[k]!;
    context.length = 0;
    pushContextFeatures(context, doc, s, i);
    weights.addScores(context, scores.emissions, offset);
    scores.transitions.push(transitions);
  };
}

/** While training: every score afresh (the weights change), keeping the features for the update. */
function scoreWithFeatures(weights: Weights): WordScorer {
  return (doc, s, i, docLabel, scores, features) => {
    const view = doc.sentences[s]!;
    const emission = staticFeatures(doc, s, i);
    pushDocLabelFeatures(emission, view.shapes[i]!, docLabel);
    weights.addScores(emission, scores.emissions, i * LABEL_COUNT);
    const transitionScores = new Float64Array(TRANSITIONS);
    const transitions: number[][] = [];
    for (let prev = i === 0 ? START : 0; prev <= (i === 0 ? START : START - 1); prev++) {
      transitions[prev] = transitionFeatures(PREVIOUS[prev]!, view.shapes[i]!);
      weights.addScores(transitions[prev]!, transitionScores, prev * LABEL_COUNT);
    }
    scores.transitions.push(transitionScores);
    features.push({ emission, transitions });
  };
}

/** The best-scoring label sequence that keeps to ALLOWED (Viterbi; ties go to the lower label). */
export function viterbi({ emissions, transitions: transitionsOf }: SentenceScores): number[] {
  const n = transitionsOf.length;
  if (n === 0) return [];
  const { best, back } = viterbiScratch(n);
  const first = transitionsOf[0]!;
  for (let k = 0; k < LABEL_COUNT; k++) {
    best[k] = ALLOWED[START * LABEL_COUNT + k] ? emissions[k]! + first[START * LABEL_COUNT + k]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const transitions = transitionsOf[i]!;
    const before = (i - 1) * LABEL_COUNT;
    for (let k = 0; k < LABEL_COUNT; k++) {
      let top = -Infinity;
      let from = 0;
      for (let j = ALLOWED_FROM[k]!; j < ALLOWED_FROM[k + 1]!; j++) {
        const prev = ALLOWED_BEFORE[j]!;
        const score = best[before + prev]! + transitions[prev * LABEL_COUNT + k]!;
        if (score > top) {
          top = score;
          from = prev;
        }
      }
      best[i * LABEL_COUNT + k] = top + emissions[i * LABEL_COUNT + k]!;
      back[i * LABEL_COUNT + k] = from;
    }
  }
  const tags = new Array<number>(n);
  let last = 0;
  for (let k = 1; k < LABEL_COUNT; k++) if (best[(n - 1) * LABEL_COUNT + k]! > best[(n - 1) * LABEL_COUNT + last]!) last = k;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * LABEL_COUNT + last]!;
  }
  return tags;
}

/** Viterbi's tables, kept from one sentence to the next and grown as needed (allocating typed arrays is slow in V8). */
let scratch = { best: new Float64Array(64 * LABEL_COUNT), back: new Uint8Array(64 * LABEL_COUNT) };

function viterbiScratch(words: number): typeof scratch {
  if (scratch.best.length < words * LABEL_COUNT) {
    scratch = { best: new Float64Array(words * 2 * LABEL_COUNT), back: new Uint8Array(words * 2 * LABEL_COUNT) };
  }
  return scratch;
}

/** The structured perceptron update: towards the gold path, away from the predicted one where they differ. */
function learnSentence(learner: Learner, features: WordFeatures[], gold: number[], predicted: number[]): void {
  features.forEach(({ emission, transitions }, i) => {
    const g = gold[i]!;
    const p = predicted[i]!;
    const gPrev = i === 0 ? START : gold[i - 1]!;
    const pPrev = i === 0 ? START : predicted[i - 1]!;
    if (g !== p) {
      learner.add(emission, g, 1);
      learner.add(emission, p, -1);
    }
    if (g !== p || gPrev !== pPrev) {
      learner.add(transitions[gPrev]!, g, 1);
      learner.add(transitions[pPrev]!, p, -1);
    }
    learner.tick();
  });
}

/**
 * The weights being trained: a growable table with Daumé's averaging trick (keep the sum of
 * c * update, subtract it divided by the step count at the end) so averaging costs nothing per step.
 */
export class TrainableWeights implements Weights, Learner {
  private rows = new Map<number, number>();
  private w = new Float64Array(1 << 16);
  private u = new Float64Array(1 << 16);
  private step = 1;

  addScores(features: number[], scores: Float64Array, offset = 0): void {
    for (const f of features) {
      const row = this.rows.get(f);
      if (row === undefined) continue;
      const base = row * LABEL_COUNT;
      for (let k = 0; k < LABEL_COUNT; k++) scores[offset + k]! += this.w[base + k]!;
    }
  }

  add(features: number[], label: number, delta: number): void {
    for (const f of features) {
      const i = this.rowOf(f) * LABEL_COUNT + label;
      this.w[i]! += delta;
      this.u[i]! += delta * this.step;
    }
  }

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
