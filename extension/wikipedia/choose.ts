/**
 * Picks the Wikipedia article for an entity among a search's candidates, from what the page says
 * about it (issue 7): a pure, deterministic scorer whose every point has a reason
 * (`scoreCandidates` gives them). A wrong background is worse than none, so the choice is null
 * below `CONFIDENCE_THRESHOLD`.
 */
import { canonicalKey, initials, isAcronym, similarSpelling, TITLE_WORDS } from '../analysis/entities/names';
import type { EntityType } from '../analysis/types';
import type { Choice, EntityContext, SearchCandidate } from './types';

/** A choice scoring below this is no choice: the popover shows no background rather than a doubtful one. */
export const CONFIDENCE_THRESHOLD = 0.6;

/** One candidate's score and the reasons for it, best explained first. */
export interface ScoredCandidate {
  title: string;
  /** 0–1, before the ambiguity margin that `chooseArticle` applies to the best. */
  score: number;
  /** Why: "exact title", "kind PER agrees (born)", "role: spokes"… */
  reasons: string[];
}

// Weights of the parts of a score; the name dominates, the others confirm or refute it.
const NAME_WEIGHT = 0.6;
const KIND_AGREES = 0.2;
const KIND_UNKNOWN = 0.05;
/** An organisation named after its seat ("the Kremlin", "the White House") is often tagged as a place and the other way round. */
const KIND_NEAR_MISS = -0.05;
const KIND_WRONG = -0.5;
const WRONG_PLACE_LEVEL = -0.15;
const ROLE_MAX = 0.15;
const NEARBY_PER_HIT = 0.05;
const NEARBY_MAX = 0.1;
const RANK_MAX = 0.05;
/** When the runner-up is this close to the best, the best's confidence drops by twice the difference. */
const AMBIGUITY_MARGIN = 0.2;

/** Chooses the candidate that is this entity, or `title: null` when none is right enough. */
export function chooseArticle(context: EntityContext, candidates: readonly SearchCandidate[]): Choice {
  const scored = scoreCandidates(context, candidates);
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return { title: null, confidence: 0 };
  const runnerUp = ranked[1]?.score ?? 0;
  const confidence = round(Math.max(0, best.score - 2 * Math.max(0, AMBIGUITY_MARGIN - (best.score - runnerUp))));
  return { title: confidence >= CONFIDENCE_THRESHOLD ? best.title : null, confidence };
}

/** Every candidate's score with its reasons, in the search's order (for the linking evaluation and debugging). */
export function scoreCandidates(context: EntityContext, candidates: readonly SearchCandidate[]): ScoredCandidate[] {
  const wanted = entityWords(context);
  return candidates.map((candidate, rank) => scoreCandidate(context, wanted, candidate, rank, candidates.length));
}

function scoreCandidate(
  context: EntityContext,
  wanted: EntityWords,
  candidate: SearchCandidate,
  rank: number,
  count: number,
): ScoredCandidate {
  const reasons: string[] = [];
  const { base, qualifier } = splitTitle(candidate.title);
  const description = candidate.description ?? '';
  const excerpt = stripMarkup(candidate.excerpt ?? '');
  if (isListPage(candidate.title, description, excerpt)) {
    return { title: candidate.title, score: 0, reasons: ['disambiguation or list page'] };
  }

  const name = nameMatch(context, wanted, base);
  if (name.score === 0) return { title: candidate.title, score: 0, reasons: ['name does not match'] };
  let score = NAME_WEIGHT * name.score;
  reasons.push(name.reason);

  // The qualifier and the short description say what the page is about; the excerpt, a snippet
  // around the match, only when they are silent.
  const kind = kindOf(`${qualifier} ${description}`) ?? kindOf(excerpt);
  if (!kind || context.type === 'MISC') {
    score += KIND_UNKNOWN;
    reasons.push('kind unknown');
  } else if (kind.type === context.type) {
    score += KIND_AGREES;
    reasons.push(`kind ${kind.type} agrees (${kind.word})`);
  } else if (kind.type !== 'PER' && context.type !== 'PER') {
    score += KIND_NEAR_MISS;
    reasons.push(`kind ${kind.type} near ${context.type} (${kind.word})`);
  } else {
    score += KIND_WRONG;
    reasons.push(`kind ${kind.type} is not ${context.type} (${kind.word})`);
  }
  if (kind?.type === 'LOC' && context.type === 'LOC' && kind.level !== 'other' && kind.level !== wanted.placeLevel) {
    score += WRONG_PLACE_LEVEL;
    reasons.push(`a ${kind.level}, the page means a ${wanted.placeLevel}`);
  }

  const text = foldText(`${qualifier} ${description} ${excerpt}`);
  const role = roleOverlap(wanted.roleConcepts, text);
  if (role.shared.length > 0) {
    score += ROLE_MAX * role.fraction;
    reasons.push(`role: ${role.shared.join(', ')}`);
  }
  const nearby = wanted.nearby.filter(words => words.every(w => containsWord(text, w)));
  if (nearby.length > 0) {
    score += Math.min(NEARBY_MAX, NEARBY_PER_HIT * nearby.length);
    reasons.push(`nearby: ${nearby.map(words => words.join(' ')).join(', ')}`);
  }
  score += RANK_MAX * (1 - rank / Math.max(1, count));
  return { title: candidate.title, score: round(Math.min(1, Math.max(0, score))), reasons };
}

/**
 * Why the summary Wikipedia gave for the chosen title is not this entity after all (a redirect
 * may land on another page than the search showed), or null when nothing contradicts it.
 */
export function summaryContradiction(context: EntityContext, summary: { title: string; description: string | null; extract: string }): string | null {
  const description = summary.description ?? '';
  if (isListPage(summary.title, description, summary.extract)) return `"${summary.title}" is a disambiguation or list page.`;
  if (context.type === 'MISC') return null;
  const kind = kindOf(`${splitTitle(summary.title).qualifier} ${description}`) ?? kindOf(summary.extract);
  if (kind && kind.type !== context.type && (kind.type === 'PER' || context.type === 'PER')) {
    return `"${summary.title}" is about a ${KIND_NAMES[kind.type]} (${kind.word}), not a ${KIND_NAMES[context.type]}.`;
  }
  return null;
}

const KIND_NAMES: Record<EntityType, string> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'thing' };

// ---- what the page says about the entity ------------------------------------------------------

type PlaceLevel = 'settlement' | 'region' | 'country';

interface EntityWords {
  /** The name and its aliases as canonical keys ("volodymyr zelensky", "zelensky"). */
  names: string[];
  /** Role words as concepts ("spokes", "kremlin"). */
  roleConcepts: string[];
  /** The nearby entities' words, each name's words to be found together; the entity's own left out. */
  nearby: string[][];
  /** For a place, the level the page's words name: a city unless they say oblast, region, country… */
  placeLevel: PlaceLevel;
}

/** How many nearby names are compared: the most mentioned carry the context. */
const NEARBY_COUNT = 12;

function entityWords(context: EntityContext): EntityWords {
  const names = unique([context.name, ...context.aliases].map(canonicalKey).filter(Boolean));
  const own = new Set(names.flatMap(n => n.split(' ')));
  const nearby = context.nearby
    .slice(0, NEARBY_COUNT)
    .map(n => canonicalKey(n).split(' ').filter(w => w.length > 2))
    .filter(words => words.length > 0 && !words.every(w => own.has(w)));
  const said = foldText(`${context.name} ${context.aliases.join(' ')} ${context.role ?? ''}`);
  const level = placeLevelOf(said);
  return {
    names,
    roleConcepts: unique(conceptsOf(foldText(context.role ?? ''))),
    nearby,
    placeLevel: level && level !== 'other' ? level : 'settlement',
  };
}

// ---- name --------------------------------------------------------------------------------------

interface NameMatch {
  score: number;
  reason: string;
}

/** How well a title (without its qualifier) names the entity: 1 for the same name, down to 0 for another. */
function nameMatch(context: EntityContext, wanted: EntityWords, base: string): NameMatch {
  const title = canonicalKey(base);
  const titleWords = title.split(' ');
  let best: NameMatch = { score: 0, reason: 'name does not match' };
  const consider = (score: number, reason: string) => {
    if (score > best.score) best = { score, reason };
  };
  for (const name of wanted.names) {
    const nameWords = name.split(' ');
    if (name === title) consider(1, 'exact title');
    else if (similarSpelling(name, title) || transliteration(name) === transliteration(title)) consider(0.95, `spelling of ${base}`);
    else if (context.type === 'PER') consider(personMatch(nameWords, titleWords), `person ${base}`);
    else if (withoutLevelWords(name) && withoutLevelWords(name) === withoutLevelWords(title)) {
      consider(0.8, `${base} names the place at another level`); // "Kherson region" / "Kherson Oblast"
    }
    else if (nameWords.every(w => titleWords.includes(w))) {
      // "Kremlin" → "Moscow Kremlin" (Moscow nearby) or "Kherson Oblast": words the page uses cost less
      const extra = titleWords.filter(w => !nameWords.includes(w));
      const explained = extra.filter(w => wanted.nearby.some(words => words.includes(w))).length;
      consider(Math.max(0.4, 0.9 - 0.05 * explained - 0.2 * (extra.length - explained)), `title contains ${name}`);
    } else {
      const shared = nameWords.filter(w => titleWords.includes(w)).length;
      if (shared > 0) consider((0.4 * shared) / Math.max(nameWords.length, titleWords.length), `shares words with ${base}`);
    }
  }
  // "UN" for "United Nations", "NATO" for "North Atlantic Treaty Organization"
  for (const form of [context.name, ...context.aliases]) {
    if (isAcronym(form) && initials(base) === form.replace(/\./g, '')) consider(0.85, `${form} is ${base}'s initials`);
  }
  return best;
}

/**
 * A person's name against a person's title: the same surname with the same or a compatible given
 * name ("Sergei Lavrov" / "Sergey Lavrov" is caught earlier by spelling), or the surname alone
 * when the page gives only that.
 */
function personMatch(nameWords: string[], titleWords: string[]): number {
  const names = nameWords.filter(w => !TITLE_WORDS.has(w));
  const surname = names[names.length - 1];
  const titleSurname = titleWords[titleWords.length - 1];
  if (!surname || !titleSurname || !sameName(surname, titleSurname)) return 0;
  if (names.length === 1) return 0.75; // "Peskov": which Peskov is for the role and context to say
  const given = names[0]!;
  const titleGiven = titleWords[0]!;
  if (titleWords.length === 1) return 0.3; // a page on the surname itself
  if (sameName(given, titleGiven)) return 0.9; // a middle name differs
  if (given[0] === titleGiven[0] && (given.length <= 2 || titleGiven.startsWith(given) || given.startsWith(titleGiven))) return 0.8;
  return 0.25; // another person of that surname
}

function sameName(a: string, b: string): boolean {
  return a === b || similarSpelling(a, b) || transliteration(a) === transliteration(b);
}

/**
 * A key that the usual romanisations of one Cyrillic name share: "Boïtchenko" (French),
 * "Boychenko", "Zelenskyy", "Zelensky", "Vadym", "Vadim", "Kouleba", "Kuleba".
 */
function transliteration(key: string): string {
  return key
    .replace(/tch/g, 'ch')
    .replace(/ou/g, 'u')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** Words that say a place's level, not its name: "Kherson region" and "Kherson Oblast" are one name. */
const LEVEL_WORDS = /\b(oblast|region|province|district|raion|governorate|city|town|municipality|krai)\b/g;

function withoutLevelWords(key: string): string {
  return key.replace(LEVEL_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

// ---- kind --------------------------------------------------------------------------------------

interface Kind {
  type: EntityType;
  /** For a place, settlement or region or country; 'other' for rivers, seas, buildings… */
  level: PlaceLevel | 'other' | null;
  /** The word that said it. */
  word: string;
}

const KIND_WORDS: [RegExp, EntityType, PlaceLevel | 'other' | null][] = [
  [/\b(city|town|village|capital|port|municipality|settlement|commune|suburb|hamlet|metropolis)\b/, 'LOC', 'settlement'],
  [/\b(oblast|region|province|district|raion|county|state of|governorate|prefecture|canton|krai|territory)\b/, 'LOC', 'region'],
  [/\b(country|nation|republic|kingdom|sovereign state)\b/, 'LOC', 'country'],
  [/\b(river|sea|lake|ocean|mountain|island|peninsula|bay|strait|desert|valley|fortress|fortified complex|square|street|building|palace|neighbourhood|neighborhood)\b/, 'LOC', 'other'],
  [/\b(company|corporation|organi[sz]ation|agency|party|ministry|government|council|committee|army|military|newspaper|news agency|broadcaster|group|ngo|non-governmental|union|alliance|federation|association|institute|university|bank|office|movement|court|parliament|club|team|force|forces|brigade|regiment|battalion|service|foundation|charity|website|network)\b/, 'ORG', null],
  [/\b(born|politician|spokes(?:person|man|woman)|press secretary|president|prime minister|minister|secretary|mayor|governor|diplomat|businessman|businesswoman|journalist|actor|actress|singer|composer|writer|author|poet|painter|footballer|player|athlete|lawyer|judge|general|officer|commander|soldier|activist|economist|scientist|historian|philosopher|monarch|king|queen|emperor|pope|bishop|priest|official|leader|founder|chairman|entrepreneur|businessperson|rapper|musician|director|oligarch|journalist|presenter|human)\b/, 'PER', null],
];

/** A person's dates: "(born 1978)", "(1813–1883)". */
const LIFE_DATES = /\(\s*(born |b\. )?\d{3,4}(\s*[–-]\s*\d{3,4})?\s*\)|\bborn \d{3,4}\b/;

/**
 * What a page is about from its words: the earliest kind word wins, since a short description
 * leads with its head ("city in Donetsk Oblast, Ukraine"; "German composer (1813–1883)"), and a
 * person's dates say person wherever they are.
 */
function kindOf(words: string): Kind | null {
  const text = canonicalKey(words);
  if (LIFE_DATES.test(text)) return { type: 'PER', level: null, word: LIFE_DATES.exec(text)![0] };
  let best: (Kind & { at: number }) | null = null;
  for (const [pattern, type, level] of KIND_WORDS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.at)) best = { type, level, word: match[0], at: match.index };
  }
  return best && { type: best.type, level: best.level, word: best.word };
}

function placeLevelOf(text: string): PlaceLevel | 'other' | null {
  const kind = kindOf(text);
  return kind?.type === 'LOC' ? kind.level : null;
}

// ---- role --------------------------------------------------------------------------------------

/** Words for one thing, mapped to one concept so that "Kremlin spokesman" meets "Press Secretary of the President of Russia". */
const CONCEPTS: [RegExp, string][] = [
  [/\bspokes(person|man|woman)\b|\bpress secretary\b|\bpress officer\b/g, 'spokes'],
  [/\bforeign (minister|affairs|ministry)\b|\bminister of foreign affairs\b|\bdiploma(cy|t|tic)\b/g, 'foreign'],
  [/\bdefen[cs]e\b/g, 'defence'],
  [/\bkremlin\b|\bpresident of russia\b|\brussian president\b/g, 'kremlin'],
  [/\bhead\b|\bleader\b|\bchief\b/g, 'head'],
];

const STOP_WORDS = new Set('the a an of in on at for to and or its his her their former new top who which with by from as'.split(' '));

/** The role's content words, with synonyms replaced by their concept. */
function conceptsOf(text: string): string[] {
  let rest = text;
  const concepts: string[] = [];
  for (const [pattern, concept] of CONCEPTS) {
    rest = rest.replace(pattern, () => {
      concepts.push(concept);
      return ' ';
    });
  }
  const words = rest.split(' ').filter(w => w.length > 2 && !STOP_WORDS.has(w));
  return [...concepts, ...words.map(stem)];
}

function roleOverlap(roleConcepts: string[], text: string): { shared: string[]; fraction: number } {
  if (roleConcepts.length === 0) return { shared: [], fraction: 0 };
  const candidate = new Set(conceptsOf(text));
  const shared = roleConcepts.filter(c => candidate.has(c) || [...candidate].some(w => sameStem(w, c)));
  return { shared, fraction: shared.length / roleConcepts.length };
}

function stem(word: string): string {
  return word.replace(/(ies|es|s)$/, m => (m === 'ies' ? 'y' : ''));
}

/** "russian" and "russia", "ukrainian" and "ukraine": a demonym shares its place's stem. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const root = (w: string) => w.replace(/[aeiouy]+$/, '');
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const r = root(shorter);
  return r.length >= 4 && longer.startsWith(r) && longer.length - r.length <= 4;
}

/** Whether the folded text has this word or its demonym ("ukraine" in "city in southern ukraine", "russia" in "russian"). */
function containsWord(text: string, word: string): boolean {
  return text.split(' ').some(w => sameStem(w, word));
}

// ---- text --------------------------------------------------------------------------------------

/** "Kherson (city)" → base "Kherson", qualifier "city". */
function splitTitle(title: string): { base: string; qualifier: string } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(title);
  return match ? { base: match[1]!, qualifier: match[2]! } : { base: title, qualifier: '' };
}

/** Disambiguation pages, surname and given-name pages and lists: never the entity itself. */
function isListPage(title: string, description: string, excerpt: string): boolean {
  return (
    /disambiguation|topics referred to by the same term|^(surname|family name|given name|first name)\b|^(list|index) of /i.test(description) ||
    /\((disambiguation|surname|name|given name)\)$|^(list|index) of /i.test(title) ||
    /\bmay (also )?refer to\b/i.test(excerpt)
  );
}

/** The search's excerpt marks matches with `<span class="searchmatch">` and escapes entities. */
function stripMarkup(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Lower case, accents and punctuation folded to single spaces, variant spellings canonical. */
function foldText(text: string): string {
  return canonicalKey(text.replace(/[^\p{L}\p{N}-]+/gu, ' ')).replace(/\s+/g, ' ').trim();
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
