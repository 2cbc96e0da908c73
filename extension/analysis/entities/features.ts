import type { Sentence } from '../types';
import { inGazetteer } from './gazetteer';
import { normalizeWord } from './normalize';

/**
 * Features of the entity recogniser. Every feature is a string ("w=Kyiv") hashed to 32 bits
 * (FNV-1a), so the model is a table keyed by numbers and no feature strings are stored.
 */

/** Word shape with runs collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d". */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last || !'Xxd'.includes(c)) shape += c;
    last = c;
  }
  return shape;
}

/** "X" upper-case letter, "x" other letter, "d" digit, else the character; ASCII without regular expressions. */
function charClass(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'X';
    if (code >= 97 && code <= 122) return 'x';
    if (code >= 48 && code <= 57) return 'd';
    return ch;
  }
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
}

export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
const isAllCaps = (word: string): boolean => /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
const isLowerWord = (word: string): boolean => /^\p{Ll}+$/u.test(word);

export function hashFeature(feature: string): number {
  return hashOn(FNV_OFFSET, feature) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a carried on from state `h` over characters [from, to) of `text`. Hashing a feature's
 * parts one after another gives the hash of the concatenated string without building it, which
 * keeps the tagger's inner loop free of string allocation.
 */
function hashOn(h: number, text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The hash state after a feature's name and "=", to carry on over its value. */
const prefix = (name: string): number => hashOn(FNV_OFFSET, name + '=');
const PIPE = '|';
const value = (h: number, text: string): number => hashOn(h, text) >>> 0;
const pair = (h: number, a: string, b: string): number => hashOn(hashOn(hashOn(h, a), PIPE), b) >>> 0;
const triple = (h: number, a: string, b: string, c: string): number => hashOn(hashOn(hashOn(hashOn(hashOn(h, a), PIPE), b), PIPE), c) >>> 0;

/** Per-sentence word forms, computed once per document. */
interface SentenceView {
  words: string[]; // normalised
  lower: string[];
  shapes: string[];
  capitalized: boolean[];
  /** Each word's place in its run of capitalised words (see `capitalizedRun`). */
  runs: string[];
  /** Most words capitalised: a title-case or ALL-CAPS headline, where case says little. */
  headline: boolean;
}

/**
 * How each lower-cased word is written elsewhere in the document. In "PUTIN MEETS ZELENSKY" the
 * case says nothing; that "Zelensky" is written capitalised mid-sentence in the body does.
 */
export interface DocumentContext {
  sentences: SentenceView[];
  capitalizedMidSentence: Set<string>;
  lowercase: Set<string>;
}

/** What the features need of a token's text, the same wherever it stands. */
interface WordForm {
  word: string; // normalised
  lower: string;
  shape: string;
  capitalized: boolean;
  allCaps: boolean;
  lowerWord: boolean;
  /** Starts with a letter and is longer than 3: counts towards a headline. */
  headlineWord: boolean;
}

export function documentContext(sentences: Pick<Sentence, 'tokens'>[]): DocumentContext {
  // Most tokens repeat within an article: their forms (several Unicode regular expressions each) are worked out once.
  const forms = new Map<string, WordForm>();
  const formOf = (text: string): WordForm => {
    let form = forms.get(text);
    if (!form) forms.set(text, (form = wordForm(text)));
    return form;
  };
  const capitalizedMidSentence = new Set<string>();
  const lowercase = new Set<string>();
  const views = sentences.map(sentence => {
    const tokenForms = sentence.tokens.map(t => formOf(t.text));
    const view = sentenceView(tokenForms);
    tokenForms.forEach((form, i) => {
      if (form.lowerWord) lowercase.add(form.lower);
      else if (i > 0 && !view.headline && form.capitalized && !form.allCaps && !/^["'(]$/.test(view.words[i - 1]!)) {
        capitalizedMidSentence.add(form.lower);
      }
    });
    return view;
  });
  return { sentences: views, capitalizedMidSentence, lowercase };
}

// British style drops the full stop of these titles; the training text (Reuters) writes it.
const DOTTED_TITLES = new Map([['Mr', 'Mr.'], ['Mrs', 'Mrs.'], ['Ms', 'Ms.'], ['Dr', 'Dr.'], ['St', 'St.']]);

function wordForm(text: string): WordForm {
  const normalized = normalizeWord(text);
  const word = DOTTED_TITLES.get(normalized) ?? normalized;
  return {
    word,
    lower: word.toLowerCase(),
    shape: wordShape(word),
    capitalized: isCapitalized(word),
    allCaps: isAllCaps(word),
    lowerWord: isLowerWord(word),
    headlineWord: /^\p{L}/u.test(word) && word.length > 3,
  };
}

function sentenceView(forms: WordForm[]): SentenceView {
  const alphabetic = forms.filter(f => f.headlineWord);
  const capitalized = alphabetic.filter(f => f.capitalized).length;
  const capitals = forms.map(f => f.capitalized);
  return {
    words: forms.map(f => f.word),
    lower: forms.map(f => f.lower),
    shapes: forms.map(f => f.shape),
    capitalized: capitals,
    runs: capitalizedRuns(capitals),
    headline: alphabetic.length >= 3 && capitalized / alphabetic.length > 0.75,
  };
}

const BOUNDARY = '<s>';

const F = {
  bias: hashFeature('b'),
  w: prefix('w'),
  l: prefix('l'),
  sh: prefix('sh'),
  p: [prefix('p1'), prefix('p2'), prefix('p3')],
  s: [prefix('s1'), prefix('s2'), prefix('s3'), prefix('s4')],
  lm1: prefix('l-1'),
  lp1: prefix('l+1'),
  lm2: prefix('l-2'),
  lp2: prefix('l+2'),
  shm1: prefix('sh-1'),
  shp1: prefix('sh+1'),
  shTri: prefix('sh-1|sh|sh+1'),
  lm1l: prefix('l-1|l'),
  llp1: prefix('l|l+1'),
  len: prefix('len'),
  shm2shm1: prefix('sh-2|sh-1'),
  shp1shp2: prefix('sh+1|sh+2'),
  wp1: prefix('w+1'),
  wm1: prefix('w-1'),
  run: prefix('run'),
  firstSh: prefix('first|sh'),
  hlSh: prefix('hl|sh'),
  hlL: prefix('hl|l'),
  doc: prefix('doc'),
  docFirst: prefix('doc|first'),
  gaz: prefix('gaz'),
  gazSh: prefix('gaz|sh'),
};

/**
 * The features of token `i` that do not depend on the tags already chosen, as hashes of strings
 * such as "w=Kyiv", "l-1|l=in|kyiv" (see `hashFeature`): those of the word itself, then those of
 * its place in the sentence.
 */
export function staticFeatures(doc: DocumentContext, s: number, i: number): number[] {
  const f = wordFeatures(doc, s, i);
  pushContextFeatures(f, doc, s, i);
  return f;
}

/**
 * The features that depend only on the word's form and on the document, the same wherever in
 * the document the word stands; the tagger scores them once per distinct word.
 */
export function wordFeatures(doc: DocumentContext, s: number, i: number): number[] {
  const v = doc.sentences[s]!;
  const word = v.words[i]!;
  const lower = v.lower[i]!;
  const shape = v.shapes[i]!;
  const n = lower.length;
  const f: number[] = [
    value(F.w, word),
    value(F.l, lower),
    value(F.sh, shape),
    hashOn(F.p[0]!, lower, 0, Math.min(1, n)) >>> 0,
    hashOn(F.p[1]!, lower, 0, Math.min(2, n)) >>> 0,
    hashOn(F.p[2]!, lower, 0, Math.min(3, n)) >>> 0,
    hashOn(F.s[0]!, lower, Math.max(0, n - 1)) >>> 0,
    hashOn(F.s[1]!, lower, Math.max(0, n - 2)) >>> 0,
    hashOn(F.s[2]!, lower, Math.max(0, n - 3)) >>> 0,
    hashOn(F.s[3]!, lower, Math.max(0, n - 4)) >>> 0,
    value(F.len, LENGTHS[Math.min(word.length, 8)]!),
  ];
  if (v.capitalized[i]) f.push(value(F.doc, seenElsewhere(doc, lower)));
  const gaz = inGazetteer(lower);
  if (gaz) f.push(value(F.gaz, gaz), pair(F.gazSh, gaz, shape));
  return f;
}

/** Item k of a sentence's array, or the sentence boundary. */
function at(k: number, arr: string[]): string {
  return k >= 0 && k < arr.length ? arr[k]! : BOUNDARY;
}

/** Adds to `f` the features of the word's neighbours and place in the sentence. */
export function pushContextFeatures(f: number[], doc: DocumentContext, s: number, i: number): void {
  const v = doc.sentences[s]!;
  const lower = v.lower[i]!;
  const shape = v.shapes[i]!;
  const lm1 = at(i - 1, v.lower);
  const lp1 = at(i + 1, v.lower);
  const shm1 = at(i - 1, v.shapes);
  const shp1 = at(i + 1, v.shapes);
  f.push(
    F.bias,
    value(F.lm1, lm1),
    value(F.lp1, lp1),
    value(F.lm2, at(i - 2, v.lower)),
    value(F.lp2, at(i + 2, v.lower)),
    value(F.shm1, shm1),
    value(F.shp1, shp1),
    triple(F.shTri, shm1, shape, shp1),
    pair(F.lm1l, lm1, lower),
    pair(F.llp1, lower, lp1),
    pair(F.shm2shm1, at(i - 2, v.shapes), shm1),
    pair(F.shp1shp2, shp1, at(i + 2, v.shapes)),
    value(F.wp1, at(i + 1, v.words)),
    value(F.wm1, at(i - 1, v.words)),
    value(F.run, v.runs[i]!),
  );
  if (i === 0) f.push(value(F.firstSh, shape));
  if (v.headline) f.push(value(F.hlSh, shape), value(F.hlL, lower));
  if (v.capitalized[i]) f.push(hashOn(hashOn(F.docFirst, seenElsewhere(doc, lower)), i === 0 || v.headline ? '1' : '0') >>> 0);
}

const SEEN = ['', 'l', 'C', 'Cl'];

/** "C" if the document writes the word capitalised mid-sentence, "l" if in lower case, both or neither. */
function seenElsewhere(doc: DocumentContext, lower: string): string {
  return SEEN[(doc.capitalizedMidSentence.has(lower) ? 2 : 0) + (doc.lowercase.has(lower) ? 1 : 0)]!;
}

const LENGTHS = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];

/** "p/n" for p, n in 1..4: the names of places in a run, built once. */
const RUN_PLACES = [1, 2, 3, 4].map(p => [1, 2, 3, 4].map(n => `${p}/${n}`));

/**
 * Where each word sits in a run of capitalised words: "2/3" is the second of three (both capped
 * at 4), "-" for a word not capitalised. One pass over the sentence.
 */
function capitalizedRuns(capitalized: boolean[]): string[] {
  const runs = new Array<string>(capitalized.length);
  for (let first = 0; first < capitalized.length; ) {
    if (!capitalized[first]) {
      runs[first++] = '-';
      continue;
    }
    let end = first;
    while (end < capitalized.length && capitalized[end]) end++;
    const length = Math.min(end - first, 4);
    for (let i = first; i < end; i++) runs[i] = RUN_PLACES[Math.min(i - first + 1, 4) - 1]![length - 1]!;
    first = end;
  }
  return runs;
}

const H = {
  tm1: prefix('t-1'),
  tm1sh: prefix('t-1|sh'),
  dl: prefix('dl'),
  dlSh: prefix('dl|sh'),
};

/**
 * The features of the step from label `prev` ("<s>" at a sentence start) to a word of shape
 * `shape`: their weights score each label of the word after `prev` (the transition scores of
 * Viterbi decoding). The word itself is left out: with it, transitions learnt CoNLL's
 * multi-word names by heart and cut news names worse (page typed recall 82.6 -> 83.9).
 */
export function transitionFeatures(prev: string, shape: string): number[] {
  return [value(H.tm1, prev), pair(H.tm1sh, prev, shape)];
}

/** Adds to `f` the type the word was last tagged with earlier in the document ("-" if none). */
export function pushDocLabelFeatures(f: number[], shape: string, docLabel: string): void {
  f.push(value(H.dl, docLabel), pair(H.dlSh, docLabel, shape));
}
