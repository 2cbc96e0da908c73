import type { EntityType, Mention, Sentence, Token } from '../types';
import { documentContext, type DocumentContext } from './features';
import { isDemonym } from './demonyms';
import { isGovernmentName } from './join';
import { sentenceIndexOf } from './locate';
import { TITLE_WORDS } from './names';
import { normalizeWord } from './normalize';

/**
 * Cheap rules over the recogniser's mentions, for what news pages need and CoNLL taught
 * otherwise: demonyms are not entities here ("Russian forces"), titles are not part of names,
 * and words of a Title-Case headline that the article writes in lower case are not names.
 */
export function refineMentions(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  doc: DocumentContext = documentContext(sentences),
): Mention[] {
  const isCommonWord = (word: string) => {
    const lower = normalizeWord(word).toLowerCase();
    return doc.lowercase.has(lower) && !doc.capitalizedMidSentence.has(lower);
  };
  return mentions.flatMap(m => {
    const s = sentenceIndexOf(sentences, m);
    if (s < 0) return [];
    const tokens = sentences[s]!.tokens.filter(t => t.start >= m.start && t.end <= m.end);
    if (isGovernmentName(tokens)) return [m];
    // In a Title-Case headline, words the body writes in lower case end a name: "Roof Guilty In S.C."
    const splitsAt = (t: Token) => SEPARATORS.test(t.text) || (doc.sentences[s]!.headline && isCommonWord(t.text));
    return segments(tokens, splitsAt).flatMap(segment => {
      let part = segment;
      let type = m.type;
      const personAt = personAfterTitle(part);
      if (personAt > 0) {
        part = part.slice(personAt);
        type = 'PER';
      }
      part = trimTokens(part, type === 'PER');
      if (!part.length || part.every(t => isDemonym(t.text) || GENERIC_PREFIXES.has(t.text) || !/^\p{Lu}/u.test(t.text))) return [];
      if (part.every(t => !/\p{L}/u.test(t.text) || isCommonWord(t.text))) return [];
      const start = part[0]!.start;
      const end = part[part.length - 1]!.end;
      return [{ start, end, type, text: text.slice(start, end) }];
    });
  });
}

/**
 * A name written the same way twice in an article is the same thing: mentions of one text take
 * the type most of them have (a clear majority only). The tagger types each occurrence on its
 * own, and the odd one out (a headline's "Obama" as a place) would otherwise start an entity of
 * its own that the other mentions then join.
 */
export function agreeOnTypes(mentions: Mention[]): Mention[] {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const byType = votes.get(m.text) ?? new Map<EntityType, number>();
    byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    votes.set(m.text, byType);
  }
  return mentions.map(m => {
    const [first, second] = [...votes.get(m.text)!].sort((a, b) => b[1] - a[1]);
    return first![0] !== m.type && first![1] > (second?.[1] ?? 0) ? { ...m, type: first![0] } : m;
  });
}

// Tokens that never sit inside a name: brackets and a possessive ("BBC's North America").
const SEPARATORS = /^([()\[\]]|['’][sS])$/;

/** The runs of tokens between the ones `splitsAt` picks. */
function segments(tokens: Token[], splitsAt: (t: Token) => boolean): Token[][] {
  const runs: Token[][] = [[]];
  for (const t of tokens) {
    if (splitsAt(t)) runs.push([]);
    else runs[runs.length - 1]!.push(t);
  }
  return runs.filter(run => run.length);
}

// Kinds written before an organisation's name: "NGO Amnesty International".
const GENERIC_PREFIXES = new Set(['NGO', 'NGOs']);
const TRAILING_DATES = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Drops leading person titles ("President", "Mr"), and trailing weekdays, possessives and lower-case words. */
function trimTokens(tokens: Token[], person: boolean): Token[] {
  let first = 0;
  let last = tokens.length - 1;
  while (first < last && (GENERIC_PREFIXES.has(tokens[first]!.text) || (person && TITLE_WORDS.has(tokens[first]!.text.replace(/\.$/, '').toLowerCase())))) first++;
  while (last > first && (TRAILING_DATES.test(tokens[last]!.text) || /^['’][sS]?$/.test(tokens[last]!.text) || /^\p{Ll}+$/u.test(tokens[last]!.text))) last--;
  return tokens.slice(first, last + 1);
}

/** Titles after which a capitalised run is a person: "National Security Adviser John Bolton". */
const PERSON_TITLES = new Set(
  (
    'president vice-president president-elect mayor minister premier chancellor senator governor secretary ' +
    'secretary-general adviser advisor spokesman spokeswoman ambassador commissioner chairman ceo director ' +
    'judge mr mrs ms dr prof sir king queen prince princess pope sheikh'
  ).split(' '),
);

/** Index of the person's name after the last title inside a mention, or -1. */
function personAfterTitle(tokens: Token[]): number {
  for (let k = tokens.length - 2; k >= 0; k--) {
    if (!PERSON_TITLES.has(normalizeWord(tokens[k]!.text).replace(/\.$/, '').toLowerCase())) continue;
    const name = tokens.slice(k + 1);
    const looksLikeName = name.length <= 3 && name.every(t => /^\p{Lu}(\p{Ll}|\.)/u.test(t.text) || /^\p{Lu}$/u.test(t.text));
    return looksLikeName ? k + 1 : -1;
  }
  return -1;
}
