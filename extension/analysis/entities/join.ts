import type { EntityType, Mention, Sentence, Token } from '../types';
import { isDemonym } from './demonyms';
import { sentenceIndexOf } from './locate';
import { normalizeWord } from './normalize';

/**
 * Rules that put back together names the tagger cut in pieces, and type them by their head word
 * where news usage is settled: "Beit Hanoun" + "Hospital" is one place, "World Travel and Tourism
 * Council" one organisation, "Osama bin Laden" and "Deir al-Balah" one name each, "the Obama
 * administration" and "the Indonesian government" are organisations.
 */

/** A mention as a run of tokens [first, last] of sentence `s`. */
interface Run {
  s: number;
  first: number;
  last: number;
  type: EntityType;
}

// Lower-case particles inside Arabic, Dutch, German, French, Spanish... names.
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'dos', 'das', 'y']);
/** A particle joined to the next word: "al-Balah", "el-Sisi", "bin-Laden". */
const PARTICLE_JOINED = /^(al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)-\p{Lu}/u;
// Words that join two capitalised parts of one name when its head word says it is an institution or a place.
const CONNECTORS = new Set(['of', 'for', 'and', '&']);

/** Head words of buildings and sites, named as places. */
const FACILITY_HEADS = new Set(
  'hospital hospitals clinic museum church cathedral mosque synagogue temple airport crossing square bridge stadium palace prison camp station port harbour harbor'.split(' '),
);
/** Head words of organisations. */
const ORGANISATION_HEADS = new Set(
  (
    'council committee commission department ministry agency authority association organisation organization ' +
    'union institute university college school party group bank company corporation foundation fund ' +
    'magazine newspaper radio television network service services court parliament assembly senate army ' +
    'brotherhood movement front center centre'
  ).split(' '),
);
/** Head words of natural places: "Sea of Azov", "Black Sea", "Dnipro River". */
const NATURAL_PLACES = /^(sea|ocean|gulf|bay|lake|strait|straits|river|mount|mountains|cape|peninsula|desert|island|islands|oblast)$/;
/** Seats of government that stand for the government itself: "the Kremlin said". */
const GOVERNMENT_SEATS = new Set(['kremlin', 'white house', 'pentagon', 'elysee', 'downing street', 'blue house']);
const GOVERNMENT_WORDS = new Set(['government', 'administration', 'cabinet', 'regime', 'junta']);

const word = (t: Token | undefined): string => normalizeWord(t?.text ?? '').toLowerCase();
const isCapitalized = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);

/** Joins fragments and retypes by head word; returns mentions in text order. */
export function joinFragments(text: string, sentences: Sentence[], mentions: Mention[]): Mention[] {
  const runs = mentions.flatMap(m => toRun(sentences, m));
  const starts = new Set(runs.map(run => `${run.s}:${run.first}`));
  const ends = new Set(runs.map(run => `${run.s}:${run.last}`));
  for (const run of runs) {
    const tokens = sentences[run.s]!.tokens;
    if (!starts.has(`${run.s}:${run.last + 1}`)) extendOverHeadWord(tokens, run);
    if (!starts.has(`${run.s}:${run.last + 2}`)) extendOverComplement(tokens, run);
    extendBackToCapitals(tokens, run, k => ends.has(`${run.s}:${k}`));
  }
  const joined: Run[] = [];
  for (const run of runs) {
    const previous = joined[joined.length - 1];
    if (previous && previous.s === run.s && joinable(sentences[run.s]!.tokens, previous, run)) {
      previous.last = run.last;
      previous.type = run.type;
    } else joined.push({ s: run.s, first: run.first, last: run.last, type: run.type });
  }
  return joined.map(run => {
    const tokens = sentences[run.s]!.tokens;
    extendOverParticles(tokens, run);
    extendToGovernment(tokens, run);
    const start = tokens[run.first]!.start;
    const end = tokens[run.last]!.end;
    return { start, end, type: typeByHead(tokens.slice(run.first, run.last + 1), run.type), text: text.slice(start, end) };
  });
}

function toRun(sentences: Sentence[], m: Mention): Run[] {
  const s = sentenceIndexOf(sentences, m);
  if (s < 0) return [];
  const tokens = sentences[s]!.tokens;
  const first = tokens.findIndex(t => t.start === m.start);
  const last = tokens.findIndex(t => t.end === m.end);
  return first >= 0 && last >= first ? [{ s, first, last, type: m.type }] : [];
}

/**
 * Whether `b` continues `a`: right after it ("Beit Hanoun" "Hospital"), or after a name particle
 * ("Osama" bin "Laden"), or after "of/for/and" when the whole is headed by an institution or a
 * site ("Obstetrics" and "Gynecology Department").
 */
function joinable(tokens: Token[], a: Run, b: Run): boolean {
  // Different types join before a head word ("Beit Hanoun" "Hospital", "François-Xavier" "Bagnoud
  // Center"), not "US" "Congress", nor a demonym before an organisation ("Islamist" "Muslim Brotherhood").
  if (b.first === a.last + 1) {
    const head = headWord(tokens.slice(b.first, b.last + 1).map(word));
    // a demonym does start the name of a building ("Turkish" "Friendship Hospital")
    return a.type === b.type || isHeadWord(word(tokens[b.first])) || (isHeadWord(head) && (!isDemonym(tokens[a.last]!.text) || FACILITY_HEADS.has(head)));
  }
  if (b.first !== a.last + 2) return false;
  const between = word(tokens[a.last + 1]);
  if (a.type === 'PER' && b.type === 'PER' && /^\p{Lu}\.$/u.test(tokens[a.last + 1]!.text)) return true; // "Donald J. Trump"
  if (NAME_PARTICLES.has(between) && /^\p{Ll}/u.test(tokens[a.last + 1]!.text)) return a.type === 'PER' || b.type === 'PER' || a.type === b.type;
  if (!CONNECTORS.has(between) || a.type === 'PER') return false;
  return isHeadWord(word(tokens[b.last]));
}

const isHeadWord = (w: string): boolean => ORGANISATION_HEADS.has(w) || FACILITY_HEADS.has(w);

/** "Beit Hanoun" + an untagged "Hospital": takes in a capitalised head word right after the name. */
function extendOverHeadWord(tokens: Token[], run: Run): void {
  const next = tokens[run.last + 1];
  if (isCapitalized(next) && isHeadWord(word(next))) run.last++;
}

/** "Al-Karim Hospital" + untagged "for Children": an institution's name goes on over of/for and capitalised words. */
function extendOverComplement(tokens: Token[], run: Run): void {
  if (!isHeadWord(word(tokens[run.last])) || !CONNECTORS.has(word(tokens[run.last + 1])) || !isCapitalized(tokens[run.last + 2])) return;
  run.last += 2;
  while (isCapitalized(tokens[run.last + 1])) run.last++;
}

/**
 * Untagged capitalised words before an institution's head word are part of its name ("Methodist"
 * in "Methodist Episcopal Church"), but not a sentence's first word, nor the end of another name.
 */
function extendBackToCapitals(tokens: Token[], run: Run, endsName: (k: number) => boolean): void {
  if (!isHeadWord(word(tokens[run.last]))) return;
  while (run.first > 1 && isCapitalized(tokens[run.first - 1]) && !endsName(run.first - 1)) run.first--;
}

/** "Osama bin Laden", "Deir al-Balah": takes in lower-case particles and the name part after them. */
function extendOverParticles(tokens: Token[], run: Run): void {
  for (;;) {
    const next = tokens[run.last + 1];
    if (next && PARTICLE_JOINED.test(next.text)) run.last++;
    else if (next && NAME_PARTICLES.has(next.text) && isCapitalized(tokens[run.last + 2]) && run.type === 'PER') run.last += 2;
    else return;
  }
}

/** "the Obama administration" or "the Sudanese government": a government, whose last word is lower-case. */
export const isGovernmentName = (tokens: Token[]): boolean => tokens.length > 1 && GOVERNMENT_WORDS.has(tokens[tokens.length - 1]!.text);

/** "the Obama administration", "the Sudanese government", "Sudan's government": an organisation. */
function extendToGovernment(tokens: Token[], run: Run): void {
  let k = run.last + 1;
  if (/^['’]s$/.test(tokens[k]?.text ?? '') && run.type === 'LOC') k++;
  if (!GOVERNMENT_WORDS.has(tokens[k]?.text ?? '')) return;
  run.last = k;
  run.type = 'ORG';
}

/** The type a name's head word settles, else the tagger's. */
export function typeByHead(tokens: Token[], type: EntityType): EntityType {
  const words = tokens.map(word);
  const whole = words.join(' ');
  if (GOVERNMENT_SEATS.has(whole) || GOVERNMENT_WORDS.has(words[words.length - 1]!)) return 'ORG';
  const head = headWord(words);
  if (FACILITY_HEADS.has(head) || NATURAL_PLACES.test(head) || (NATURAL_PLACES.test(words[0]!) && words[1] === 'of')) return 'LOC';
  if (ORGANISATION_HEADS.has(head) && type !== 'ORG' && tokens.length > 1) return 'ORG';
  return type;
}

/** The head comes before an "of"/"for" complement: "Hospital for Children", "University of Gaza". */
function headWord(words: string[]): string {
  const complement = words.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for'));
  return words[complement > 0 ? complement - 1 : words.length - 1]!;
}
