import type { Token } from '../types';
import { normalizeWord } from './normalize';

/**
 * The role or description an article gives next to a name, read from the tokens around it (no
 * parser): a title before it ("Kremlin spokesman Dmitry Peskov"), an apposition after it
 * ("Ganna Malyar, deputy defense minister,") or before it ("the head of Russian diplomacy,
 * Sergei Lavrov").
 */

/** Nouns that head a role or a description. */
const ROLE_NOUNS = new Set(
  (
    'president vice-president minister premier chancellor spokesman spokeswoman spokesperson secretary ' +
    'secretary-general mayor governor chief head director leader chairman chairwoman chair ceo founder ' +
    'co-founder adviser advisor ambassador envoy commander general official officer senator representative ' +
    'congressman congresswoman lawmaker judge prosecutor attorney lawyer analyst economist professor ' +
    'researcher scientist reporter correspondent editor journalist counterpart king queen prince princess ' +
    'pope coach manager player striker midfielder defender goalkeeper captain owner partner member ' +
    'deputy diplomat negotiator candidate nominee councillor councilor sheriff commissioner administrator ' +
    'agency group company firm organisation organization ngo newspaper broadcaster network party ' +
    'movement militia army ministry department institute university bank ' +
    'city port town village capital region province state country island district county neighbourhood ' +
    'neighborhood suburb area peninsula river sea son daughter wife husband brother sister father mother ' +
    'predecessor successor supervisor counsel whip doctor expert index body fellow witness defendant volunteer ' +
    'prophet neonatologist obstetrician gynecologist surgeon nurse activist'
  ).split(' '),
);

/** Words that may stand inside a role before its noun: "deputy", "foreign", "former"... */
const ROLE_MODIFIERS = new Set(
  (
    'deputy vice former acting interim senior top chief assistant associate executive managing general ' +
    'foreign defense defence interior finance health justice economy economic education energy trade ' +
    'security military police press news national regional local state federal prime first ' +
    'strategic major largest main key small southern northern eastern western central mercenary ' +
    'personal special longtime market research'
  ).split(' '),
);

const DETERMINERS = new Set(['the', 'a', 'an']);
/** Words that open a description before a name: "the head of ...", "One witness, ...", "another witness, ...". */
const OPENERS = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'its', 'their']);
/** Kinds of organisation written right after the name: "the Ennahda party", "The Post and Courier newspaper". */
const KINDS_AFTER = new Set(['party', 'newspaper', 'agency', 'group', 'movement', 'militia', 'company', 'firm', 'network', 'broadcaster']);
const RELATIVE = /^(who|which|that|where|whose)$/i;
const PHRASE_ENDS = new Set([',', '.', ';', ':', ')', '(', '"', '“', '”', '—', '–']);
const MAX_APPOSITION = 12;

const lower = (t: Token | undefined): string => normalizeWord(t?.text ?? '').toLowerCase();
const isRoleNoun = (t: Token | undefined): boolean => t !== undefined && lower(t).split('-').some(part => ROLE_NOUNS.has(part) || ROLE_NOUNS.has(lower(t)));
const isCapitalizedWord = (t: Token): boolean => /^\p{Lu}\p{Ll}/u.test(t.text);

/**
 * The role given around the mention at tokens [first, last] of the sentence, or null.
 * `inName(i)` says whether token i belongs to another entity mention ("Kremlin").
 */
export function findRole(text: string, tokens: Token[], first: number, last: number, inName: (i: number) => boolean): string | null {
  const span = titleBefore(tokens, first, inName) ?? appositionAfter(tokens, last) ?? appositionBefore(tokens, first) ?? kindAfter(tokens, last);
  return span ? text.slice(tokens[span[0]]!.start, tokens[span[1]]!.end) : null;
}

/** "Kremlin spokesman", "Ukrainian President", "NGO", "his Russian counterpart" -> token range. */
function titleBefore(tokens: Token[], first: number, inName: (i: number) => boolean): [number, number] | null {
  const end = first - 1;
  if (tokens[end]?.text === 'year-old' && /^\d+$/.test(tokens[end - 2]?.text ?? '')) return [end - 2, end]; // "25-year-old Nesma Hajjaj" (tokens 25 - year-old)
  if (!isRoleNoun(tokens[end])) return null;
  let start = end;
  while (start - 1 >= 0) {
    const t = tokens[start - 1]!;
    const word = lower(t);
    const fits =
      ROLE_NOUNS.has(word) ||
      ROLE_MODIFIERS.has(word) ||
      inName(start - 1) ||
      /^['’]s$/.test(t.text) || // "Trump's personal lawyer"
      /^(\p{Lu}\.?){2,4}$/u.test(t.text) || // "US President", "U.S. Ambassador"
      (isCapitalizedWord(t) && /(an|ese|ish|i)$/.test(word));
    if (!fits) break;
    start--;
  }
  while (start < end && /^['’]s$/.test(tokens[start]!.text)) start++; // "the company's chief" keeps "chief"
  return [start, end];
}

/** "Ganna Malyar, deputy defense minister," / "Mariupol, a strategic port city on the Sea of Azov". */
function appositionAfter(tokens: Token[], last: number): [number, number] | null {
  if (tokens[last + 1]?.text !== ',') return null;
  let start = last + 2;
  // "Alexander Vindman, who is the White House ... expert"
  if (/^who$/i.test(tokens[start]?.text ?? '') && /^(is|was)$/.test(tokens[start + 1]?.text ?? '')) start += 2;
  const opening = tokens[start];
  if (!opening || /^(who|which|where|whose|that|said|says|told|and|but)$/i.test(opening.text)) return null;
  if (DETERMINERS.has(lower(opening))) start++;
  return phraseFrom(tokens, start);
}

/** "the head of Russian diplomacy, Sergei Lavrov" -> the phrase between the start (or a comma) and the name. */
function appositionBefore(tokens: Token[], first: number): [number, number] | null {
  if (tokens[first - 1]?.text !== ',') return null;
  const end = first - 2;
  // "... against Sudan's president, Omar al-Bashir": a possessive role right before the comma
  if (isRoleNoun(tokens[end]) && /^['’]s$/.test(tokens[end - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[end - 2]?.text ?? '')) return [end - 2, end];
  let start = end;
  while (start - 1 >= 0 && !PHRASE_ENDS.has(tokens[start - 1]!.text) && end - start < MAX_APPOSITION) start--;
  if (start > 0 && !PHRASE_ENDS.has(tokens[start - 1]!.text)) return null;
  // "Sudan's president, Omar al-Bashir": a possessive name opens the phrase and stays in the role
  const possessive = /^\p{Lu}/u.test(tokens[start]?.text ?? '') && /^['’]s$/.test(tokens[start + 1]?.text ?? '');
  if (!possessive && !OPENERS.has(lower(tokens[start]))) return null;
  const phrase = phraseFrom(tokens, possessive ? start + 2 : start + 1);
  if (!phrase || phrase[1] !== end) return null;
  return possessive ? [start, end] : phrase;
}

/** "the Ennahda party", "The Post and Courier newspaper": the kind written right after the name. */
function kindAfter(tokens: Token[], last: number): [number, number] | null {
  return KINDS_AFTER.has(lower(tokens[last + 1])) ? [last + 1, last + 1] : null;
}

/**
 * A description from token `start` to the next punctuation or relative clause, if it names a role
 * or a kind of place. A longer one is cut before its last complement within reach: "senior fellow
 * at the Bagnoud Center for Health and Human Rights at Harvard University" keeps its first part.
 */
function phraseFrom(tokens: Token[], start: number): [number, number] | null {
  const ends = (i: number) => i >= tokens.length || PHRASE_ENDS.has(tokens[i]!.text) || RELATIVE.test(tokens[i]!.text);
  let end = start;
  while (!ends(end + 1) && end + 1 - start < MAX_APPOSITION) end++;
  if (!ends(end + 1)) {
    const lastComplement = tokens.slice(start + 1, end + 1).findLastIndex(t => /^(in|at|for|with|near|from)$/.test(t.text));
    if (lastComplement < 0) return null; // too long to be an apposition
    end = start + lastComplement;
  }
  const phrase = tokens.slice(start, end + 1);
  if (!phrase.length) return null;
  // the role noun comes before any "of"/"on" complement: "head of Russian diplomacy", "port city on the Sea of Azov"
  const complement = phrase.findIndex(t => /^(of|on|in|at|for|to|near|from|with)$/.test(t.text));
  const core = complement > 0 ? phrase.slice(0, complement) : phrase;
  if (!core.some(isRoleNoun)) return null;
  return [start, end];
}

/** Head nouns of a description that make its subject a place ("a strategic port city on the Sea of Azov"). */
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'port', 'country', 'capital', 'region', 'province', 'district', 'island', 'enclave', 'territory', 'suburb', 'municipality', 'oblast']);
/** Words that end a description's head noun phrase: a complement, a measure or a clause starts. */
const COMPLEMENT_START = new Set(['of', 'on', 'in', 'at', 'near', 'by', 'for', 'with', 'from', 'that', 'which', 'where', 'who', 'and', 'about', 'some', 'around', 'nearly', 'located', 'situated', 'north', 'south', 'east', 'west']);

/**
 * Whether a role describes its subject as a place: the description's head noun (its last word
 * before any complement) is a place noun. "strategic port city on the Sea of Azov" does;
 * "head of the city council" does not (its head is "head").
 */
export function describesPlace(role: string): boolean {
  const words = role.toLowerCase().split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && (COMPLEMENT_START.has(w) || /^\d/.test(w)));
  const head = words[(end > 0 ? end : words.length) - 1]?.replace(/[^\p{L}]/gu, '');
  return head !== undefined && PLACE_NOUNS.has(head);
}
