import type { Span } from '../types';
import { TIME_UNITS } from './numbers';

/** The counted noun after a number ("people", "years in prison", "-day quarantine") and where the phrase ends. */
export interface Counted {
  words: string | null;
  end: number;
  /** The phrase is a point in time relative to another ("four years ago", "24 hours after"). */
  relativeTime: boolean;
}

// Words that end a counted-noun phrase: function words and the verbs that follow a subject count.
const STOP = new Set(
  (
    'the a an of to in on at by for from with and or but as is are was were be been being have has had will would ' +
    'could should can may might must do does did not no that which who whom whose this these those it its their his ' +
    'her our your my there here than then so such if when while after before since ago later earlier per each every ' +
    'more most less least into through during between among against up down out off again still also just only even ' +
    'very already now what where why how all both either neither any some other another them they he she we you i ' +
    'us him me according said says say told'
  ).split(' '),
);
const PLURAL_IRREGULAR = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'dead', 'feet', 'personnel', 'cattle', 'data', 'others', 'times', 'percent']);
const MEASURES = new Set(['km', 'kilometres', 'kilometers', 'miles', 'mph', 'kg', 'tons', 'tonnes', 'metres', 'meters', 'feet', 'acres', 'decibels', 'degrees', 'barrels']);
const RELATIVE_AFTER = new Set(['ago', 'after', 'later', 'earlier', 'before', 'since', 'from']);
const DETERMINER_AFTER_OF = new Set(['the', 'a', 'an', 'these', 'those', 'them', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'us', 'whom', 'which']);
const RATE = /^\s+(?:a|an|per|each)\s+(?:day|week|month|year|hour|minute)\b/i;
const CUSTODY = /^\s+(?:in prison|in jail|behind bars)\b/i;
const NEXT_WORD = /^\s+([\p{L}][\p{L}\p{M}'’]*(?:[-‐][\p{L}\p{N}]+)*)/u;
const COMPOUND = /^[-‐]([\p{L}]+(?:[-‐][\p{L}]+)*)/u;

/** Reads the counted noun that follows `phrase` in `text`. */
export function counted(text: string, phrase: Span & { numberEnd: number; groups: Record<string, string | undefined> }): Counted {
  let pos = phrase.end;
  const words: string[] = [];
  const compound = COMPOUND.exec(text.slice(pos, pos + 40));
  if (compound) {
    words.push(compound[1]!);
    pos += compound[0].length;
  }
  if (!phrase.groups.pct && !phrase.groups.wpct) pos = readNoun(text, pos, words, !compound, !!phrase.groups.vague);
  const head = words[words.length - 1]?.toLowerCase() ?? '';
  const timeUnit = isTimeUnit(head);
  const rest = text.slice(pos, pos + 30);
  const rate = RATE.exec(rest) ?? (timeUnit ? CUSTODY.exec(rest) : null);
  if (rate && words.length) {
    words.push(rate[0].trim());
    pos += rate[0].length;
  }
  const nextWord = NEXT_WORD.exec(text.slice(pos, pos + 20))?.[1]?.toLowerCase();
  return { words: words.length ? words.join(' ').replace(/^(\S+) of /, '$1 of ') : null, end: pos, relativeTime: timeUnit && !compound && !!nextWord && RELATIVE_AFTER.has(nextWord) };
}

/** Up to three noun-phrase words; a vague number or a time unit may go on with "of <noun>" ("tens of thousands of civilians"). */
function readNoun(text: string, pos: number, words: string[], mayStartCapital: boolean, vague: boolean): number {
  for (let n = 0; n < 3; n++) {
    const m = NEXT_WORD.exec(text.slice(pos, pos + 60));
    if (!m) break;
    const w = m[1]!;
    const lower = w.toLowerCase();
    if (lower === 'of' && (vague || isTimeUnit(words[words.length - 1]?.toLowerCase() ?? ''))) {
      const after = NEXT_WORD.exec(text.slice(pos + m[0].length, pos + 80))?.[1]?.toLowerCase();
      if (!after || DETERMINER_AFTER_OF.has(after) || STOP.has(after)) break;
      words.push('of');
      pos += m[0].length;
      vague = false;
      n = -1;
      continue;
    }
    if (STOP.has(lower)) break;
    if (/^\p{Lu}/u.test(w) && !(words.length === 0 && mayStartCapital && /s$|[-‐]/.test(w)) && words[words.length - 1] !== 'of') break;
    words.push(w);
    pos += m[0].length;
    if (isNounHead(lower)) break;
  }
  if (words[words.length - 1] === 'of') words.pop();
  return pos;
}

function isNounHead(w: string): boolean {
  return PLURAL_IRREGULAR.has(w) || MEASURES.has(w) || isTimeUnit(w) || (/s$/.test(w) && !/(ss|us|is)$/.test(w));
}

function isTimeUnit(w: string): boolean {
  return TIME_UNITS.some((u) => w === u || w === `${u}s` || w === 'centuries');
}
