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
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (!shape.endsWith(c) || !'Xxd'.includes(c)) shape += c;
  }
  return shape;
}

export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
const isAllCaps = (word: string): boolean => /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
const isLowerWord = (word: string): boolean => /^\p{Ll}+$/u.test(word);

export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Per-sentence word forms, computed once per document. */
interface SentenceView {
  words: string[]; // normalised
  lower: string[];
  shapes: string[];
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

export function documentContext(sentences: Pick<Sentence, 'tokens'>[]): DocumentContext {
  const views = sentences.map(sentenceView);
  const capitalizedMidSentence = new Set<string>();
  const lowercase = new Set<string>();
  for (const view of views) {
    view.words.forEach((word, i) => {
      const lower = view.lower[i]!;
      if (isLowerWord(word)) lowercase.add(lower);
      else if (i > 0 && !view.headline && isCapitalized(word) && !isAllCaps(word) && !/^["'(]$/.test(view.words[i - 1]!)) {
        capitalizedMidSentence.add(lower);
      }
    });
  }
  return { sentences: views, capitalizedMidSentence, lowercase };
}

// British style drops the full stop of these titles; the training text (Reuters) writes it.
const DOTTED_TITLES = new Map([['Mr', 'Mr.'], ['Mrs', 'Mrs.'], ['Ms', 'Ms.'], ['Dr', 'Dr.'], ['St', 'St.']]);

function sentenceView(sentence: Pick<Sentence, 'tokens'>): SentenceView {
  const words = sentence.tokens.map(t => {
    const word = normalizeWord(t.text);
    return DOTTED_TITLES.get(word) ?? word;
  });
  const alphabetic = words.filter(w => /^\p{L}/u.test(w) && w.length > 3);
  const capitalized = alphabetic.filter(isCapitalized).length;
  return {
    words,
    lower: words.map(w => w.toLowerCase()),
    shapes: words.map(wordShape),
    headline: alphabetic.length >= 3 && capitalized / alphabetic.length > 0.75,
  };
}

const BOUNDARY = '<s>';

/** The features of token `i` that do not depend on the tags already chosen. */
export function staticFeatures(doc: DocumentContext, s: number, i: number): number[] {
  const v = doc.sentences[s]!;
  const word = v.words[i]!;
  const lower = v.lower[i]!;
  const shape = v.shapes[i]!;
  const at = (k: number, arr: string[]) => (k >= 0 && k < arr.length ? arr[k]! : BOUNDARY);
  const f: string[] = [
    'b',
    'w=' + word,
    'l=' + lower,
    'sh=' + shape,
    'p1=' + lower.slice(0, 1),
    'p2=' + lower.slice(0, 2),
    'p3=' + lower.slice(0, 3),
    's1=' + lower.slice(-1),
    's2=' + lower.slice(-2),
    's3=' + lower.slice(-3),
    's4=' + lower.slice(-4),
    'l-1=' + at(i - 1, v.lower),
    'l+1=' + at(i + 1, v.lower),
    'l-2=' + at(i - 2, v.lower),
    'l+2=' + at(i + 2, v.lower),
    'sh-1=' + at(i - 1, v.shapes),
    'sh+1=' + at(i + 1, v.shapes),
    'sh-1|sh|sh+1=' + at(i - 1, v.shapes) + '|' + shape + '|' + at(i + 1, v.shapes),
    'l-1|l=' + at(i - 1, v.lower) + '|' + lower,
    'l|l+1=' + lower + '|' + at(i + 1, v.lower),
    'len=' + Math.min(word.length, 8),
    'sh-2|sh-1=' + at(i - 2, v.shapes) + '|' + at(i - 1, v.shapes),
    'sh+1|sh+2=' + at(i + 1, v.shapes) + '|' + at(i + 2, v.shapes),
    'w+1=' + at(i + 1, v.words),
    'w-1=' + at(i - 1, v.words),
    'run=' + capitalizedRun(v.words, i),
  ];
  if (i === 0) f.push('first|sh=' + shape);
  if (v.headline) f.push('hl|sh=' + shape, 'hl|l=' + lower);
  const cap = isCapitalized(word);
  if (cap) {
    const seenMid = doc.capitalizedMidSentence.has(lower);
    const seenLower = doc.lowercase.has(lower);
    f.push('doc=' + (seenMid ? 'C' : '') + (seenLower ? 'l' : ''));
    f.push('doc|first=' + (seenMid ? 'C' : '') + (seenLower ? 'l' : '') + (i === 0 || v.headline ? '1' : '0'));
  }
  const gaz = inGazetteer(lower);
  if (gaz) f.push('gaz=' + gaz, 'gaz|sh=' + gaz + '|' + shape);
  return f.map(hashFeature);
}

/** Where the word sits in a run of capitalised words: "2/3" is the second of three (capped at 4). */
function capitalizedRun(words: string[], i: number): string {
  if (!isCapitalized(words[i]!)) return '-';
  let first = i;
  let last = i;
  while (first > 0 && isCapitalized(words[first - 1]!)) first--;
  while (last + 1 < words.length && isCapitalized(words[last + 1]!)) last++;
  return `${Math.min(i - first + 1, 4)}/${Math.min(last - first + 1, 4)}`;
}

/** The features of token `i` that depend on the tags chosen before it (greedy decoding). */
export function historyFeatures(lower: string, shape: string, prev: string, prev2: string, docLabel: string): number[] {
  return [
    hashFeature('t-1=' + prev),
    hashFeature('t-2|t-1=' + prev2 + '|' + prev),
    hashFeature('t-1|l=' + prev + '|' + lower),
    hashFeature('t-1|sh=' + prev + '|' + shape),
    hashFeature('dl=' + docLabel),
    hashFeature('dl|sh=' + docLabel + '|' + shape),
  ];
}
