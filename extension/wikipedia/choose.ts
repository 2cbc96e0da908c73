/**
 * Picks the Wikipedia article for an entity among a search's candidates, from what the page says
 * about it (issue 7): a pure, deterministic scorer whose every point has a reason
 * (`scoreCandidates` gives them). A wrong background is worse than none, so the choice is null
 * below `CONFIDENCE_THRESHOLD` and when two candidates fit about as well.
 */
import { canonicalKey, initials, isAcronym, similarSpelling, TITLE_WORDS } from '../analysis/entities/names';
import { normalizeWord } from '../analysis/entities/normalize';
import type { EntityType } from '../analysis/types';
import type { Choice, EntityContext, SearchCandidate } from './types';

/** A choice scoring below this is no choice: the popover shows no background rather than a doubtful one. */
export const CONFIDENCE_THRESHOLD = 0.6;

/** One candidate's score and the reasons for it. */
export interface ScoredCandidate {
  title: string;
  /** 0–1, before the ambiguity margin that `chooseArticle` applies to the best. */
  score: number;
  /** Why: "exact title", "kind PER agrees (born)", "role: spokes"… */
  reasons: string[];
}

// Weights of the parts of a score; the name dominates, the others confirm or refute it.
const NAME_WEIGHT = 0.6;
/** A title with a qualifier ("Fiona Hill (political adviser)", "Charleston, South Carolina") is one of several of that name; the bare title is Wikipedia's primary topic. */
const QUALIFIED_TITLE = 0.9;
const KIND_AGREES = 0.2;
const KIND_UNKNOWN = 0.05;
/** A person's page nearly always says so (dates, "politician"…): silence is a hint it is not one. */
const PERSON_KIND_UNKNOWN = -0.1;
/** An organisation named after its seat ("the Kremlin", "the White House") is often tagged as a place and the other way round: half agreement. */
const KIND_NEAR_MISS = 0.1;
/** A film, a war, an idea: not a person, organisation or place. */
const KIND_OTHER = -0.3;
const KIND_WRONG = -0.5;
/** "A gulf is…": the page is about a common noun, not a named thing. */
const COMMON_NOUN = -0.3;
const WRONG_PLACE_LEVEL = -0.15;
/** A person whose page shares neither the role nor any name around them with the article: maybe a namesake. */
const UNCORROBORATED_PERSON = -0.2;
/** The same, when the article gives a role ("witness") and the page's words share none of it ("American singer"). */
const CONTRADICTED_PERSON = -0.3;
/** "National Security Council (United Kingdom)" on a page that never names the United Kingdom. */
const PLACE_NOT_ON_PAGE = -0.2;
/**
 * A page whose kind does not say it is this kind of thing (unknown, or a near miss such as a
 * building for an organisation) needs the page's other words behind it: a role word, or two
 * names from the page. A title alone is how "Three Amigos" (a film) or "House" (a building)
 * would be shown for a news article's nickname or common word.
 */
const UNSUPPORTED_KIND = -0.2;
/** Films, books, songs and the like: their titles are the names news reuses for other things. */
const CREATIVE_WORK = /\b(film|movie|album|song|single|novel|book|tv series|television series|sitcom|video game|band|musical|play)\b/;
const ROLE_MAX = 0.15;
const NEARBY_PER_HIT = 0.05;
const NEARBY_MAX = 0.1;
const RANK_MAX = 0.05;
/** When the runner-up is this close to the best, the best's confidence drops by twice the difference. */
const AMBIGUITY_MARGIN = 0.15;

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
  const read = candidates.map(candidate => readCandidate(context, wanted, candidate));
  // "Kherson" the city, not the oblast; "Washington, D.C.", not the state: a region loses to a
  // settlement named as well, unless the page's words say region.
  const bestSettlementName = Math.max(0, ...read.filter(r => r.kind?.level === 'settlement').map(r => r.name.score));
  return read.map((r, rank) => scoreCandidate(context, wanted, r, bestSettlementName, rank, candidates.length));
}

/** What a candidate says, before scoring. */
interface ReadCandidate {
  title: string;
  qualifier: string;
  excerpt: string;
  listPage: boolean;
  name: NameMatch;
  kind: Kind | null;
  /** The folded qualifier, description and excerpt, for role and nearby words. */
  text: string;
  /** A parenthetical qualifier that names a place rather than a kind ("United Kingdom"), folded, or ''. */
  placeQualifier: string;
}

function readCandidate(context: EntityContext, wanted: EntityWords, candidate: SearchCandidate): ReadCandidate {
  const { base, qualifier } = splitTitle(candidate.title);
  const description = candidate.description ?? '';
  const excerpt = stripMarkup(candidate.excerpt ?? '');
  return {
    title: candidate.title,
    qualifier,
    excerpt,
    listPage: isListPage(candidate.title, description, excerpt),
    name: nameMatch(context, wanted, base, qualifier, excerpt),
    // The qualifier and the short description say what the page is about; the excerpt, a snippet
    // around the match, only when they are silent.
    kind: kindOf(qualifier, true) ?? kindOf(description) ?? kindOf(excerpt),
    text: foldText(`${qualifier} ${description} ${excerpt}`),
    placeQualifier: /\)$/.test(candidate.title) && /^\p{Lu}/u.test(qualifier) && !kindOf(qualifier, true) ? contentWords(foldText(qualifier)).join(' ') : '',
  };
}

function scoreCandidate(
  context: EntityContext,
  wanted: EntityWords,
  candidate: ReadCandidate,
  bestSettlementName: number,
  rank: number,
  count: number,
): ScoredCandidate {
  const { title, name, kind } = candidate;
  if (candidate.listPage) return { title, score: 0, reasons: ['disambiguation or list page'] };
  if (name.score === 0) return { title, score: 0, reasons: ['name does not match'] };
  const reasons = [name.reason];
  let score = NAME_WEIGHT * name.score;

  if (context.type === 'MISC' || (!kind && context.type !== 'PER')) {
    score += KIND_UNKNOWN;
    reasons.push('kind unknown');
  } else if (!kind) {
    score += PERSON_KIND_UNKNOWN;
    reasons.push('nothing says a person');
  } else if (kind.type === context.type) {
    score += KIND_AGREES;
    reasons.push(`kind ${kind.type} agrees (${kind.word})`);
  } else if (kind.type === 'OTHER') {
    score += KIND_OTHER;
    reasons.push(`not ${KIND_NAMES[context.type]} (${kind.word})`);
  } else if (kind.type !== 'PER' && context.type !== 'PER') {
    score += KIND_NEAR_MISS;
    reasons.push(`kind ${kind.type} near ${context.type} (${kind.word})`);
  } else {
    score += KIND_WRONG;
    reasons.push(`kind ${kind.type} is not ${context.type} (${kind.word})`);
  }
  if (context.type === 'LOC' && kind?.type === 'LOC') {
    const rivalled = kind.level === 'region' && wanted.placeLevel !== 'region' && bestSettlementName >= name.score;
    const notRegion = kind.level === 'settlement' && wanted.placeLevel === 'region';
    if (rivalled || notRegion) {
      score += WRONG_PLACE_LEVEL;
      reasons.push(`a ${kind.level}, the page means a ${rivalled ? 'settlement' : 'region'}`);
    }
  }
  if (/^an? /i.test(candidate.excerpt.trim()) && !candidate.qualifier) {
    score += COMMON_NOUN;
    reasons.push('a common noun');
  }

  const role = roleOverlap(wanted.roleConcepts, candidate.text);
  if (role.shared.length > 0) {
    score += ROLE_MAX * role.fraction;
    reasons.push(`role: ${role.shared.join(', ')}`);
  }
  const nearby = wanted.nearby.filter(words => words.every(w => containsWord(candidate.text, w)));
  if (nearby.length > 0) {
    score += Math.min(NEARBY_MAX, NEARBY_PER_HIT * nearby.length);
    reasons.push(`nearby: ${nearby.map(words => words.join(' ')).join(', ')}`);
  }
  const nearMiss = context.type !== 'MISC' && kind !== null && kind.type !== context.type && kind.type !== 'OTHER';
  const creativeWork = context.type === 'MISC' && CREATIVE_WORK.test(candidate.text);
  if (context.type !== 'PER' && role.shared.length === 0 && ((nearMiss && nearby.length === 0) || (creativeWork && nearby.length < 2))) {
    score += UNSUPPORTED_KIND;
    reasons.push('only the name says so');
  }
  if (context.type === 'PER' && role.shared.length === 0 && nearby.length === 0) {
    // worse when the page says who they are and their Wikipedia page says something else
    score += wanted.roleConcepts.length > 0 ? CONTRADICTED_PERSON : UNCORROBORATED_PERSON;
    reasons.push('nothing else the page says matches');
  }
  if (candidate.placeQualifier && !wanted.nearby.some(words => words.every(w => containsWord(candidate.placeQualifier, w)))) {
    score += PLACE_NOT_ON_PAGE;
    reasons.push(`(${candidate.placeQualifier}) is not named on the page`);
  }
  score += RANK_MAX * (1 - rank / Math.max(1, count));
  return { title, score: round(Math.min(1, Math.max(0, score))), reasons };
}

/**
 * Why the summary Wikipedia gave for the chosen title is not this entity after all (a redirect
 * may land on another page than the search showed), or null when nothing contradicts it.
 */
export function summaryContradiction(context: EntityContext, summary: { title: string; description: string | null; extract: string }): string | null {
  const description = summary.description ?? '';
  if (isListPage(summary.title, description, summary.extract)) return `"${summary.title}" is a disambiguation or list page.`;
  if (context.type === 'MISC') return null;
  const kind = kindOf(splitTitle(summary.title).qualifier) ?? kindOf(description) ?? kindOf(summary.extract);
  if (kind && kind.type !== context.type && (kind.type === 'PER' || context.type === 'PER')) {
    return `"${summary.title}" is about ${KIND_NAMES[kind.type]} (${kind.word}), not ${KIND_NAMES[context.type]}.`;
  }
  return null;
}

const KIND_NAMES: Record<EntityType | 'OTHER', string> = { PER: 'a person', ORG: 'an organisation', LOC: 'a place', MISC: 'a thing', OTHER: 'a work, event or idea' };

// ---- what the page says about the entity ------------------------------------------------------

type PlaceLevel = 'settlement' | 'region' | 'country';

interface EntityWords {
  /** The name and its aliases as canonical keys ("volodymyr zelensky", "zelensky"). */
  names: string[];
  /** The given name of the fullest name, when it has one ("volodymyr"). */
  givenName: string | null;
  /** Role words as concepts ("spokes", "kremlin"). */
  roleConcepts: string[];
  /** The role's plain content words. */
  roleWords: string[];
  /** The nearby entities' words, each name's words to be found together; the entity's own left out. */
  nearby: string[][];
  /** For a place, the level the page's words name, if they name one ("Kherson region"). */
  placeLevel: PlaceLevel | null;
}

/** How many nearby names are compared: the most mentioned carry the context. */
const NEARBY_COUNT = 12;

function entityWords(context: EntityContext): EntityWords {
  const names = unique([context.name, ...context.aliases].map(canonicalKey).filter(Boolean));
  const own = new Set(names.flatMap(n => n.split(' ')));
  const nearby = context.nearby
    .slice(0, NEARBY_COUNT)
    .map(n => contentWords(canonicalKey(n)).filter(w => w.length > 2))
    .filter(words => words.length > 0 && !words.every(w => own.has(w)));
  const fullest = canonicalKey(context.name).split(' ').filter(w => !TITLE_WORDS.has(w));
  const said = foldText(`${context.name} ${context.aliases.join(' ')} ${context.role ?? ''}`);
  const level = kindOf(said);
  const role = foldText(context.role ?? '');
  return {
    names,
    givenName: context.type === 'PER' && fullest.length > 1 ? fullest[0]! : null,
    roleConcepts: unique(conceptsOf(role)),
    roleWords: contentWords(role),
    nearby,
    placeLevel: level?.type === 'LOC' && level.level !== 'other' ? level.level : null,
  };
}

// ---- name --------------------------------------------------------------------------------------

interface NameMatch {
  score: number;
  reason: string;
}

/** How well a title names the entity: 1 for the same name as the primary topic, down to 0 for another. */
function nameMatch(context: EntityContext, wanted: EntityWords, base: string, qualifier: string, excerpt: string): NameMatch {
  const title = canonicalKey(base);
  const primary = qualifier ? QUALIFIED_TITLE : 1;
  let best: NameMatch = { score: 0, reason: 'name does not match' };
  const consider = (score: number, reason: string) => {
    if (score > best.score) best = { score: round(score), reason };
  };
  for (const name of wanted.names) {
    if (name === title) consider(primary, qualifier ? `title, qualified (${qualifier})` : 'exact title');
    else if (sameName(name, title)) consider(0.95 * primary, `spelling of ${base}`);
    else if (context.type === 'PER') consider(personMatch(name, title, wanted.givenName) * primary, `person ${base}`);
    else if (withoutLevelWords(name) && withoutLevelWords(name) === withoutLevelWords(title)) {
      consider(0.75, `${base} names the place at another level`); // "Kherson region" / "Kherson Oblast"
    } else consider(wordsMatch(name, `${title} ${canonicalKey(qualifier)}`, wanted), `title words: ${base}`);
    // "The Moscow Kremlin, or simply the Kremlin", "Agence France-Presse (AFP)"
    if (context.type !== 'PER' && calledSo(excerpt, name)) consider(0.9, `the page calls it "${name}"`);
  }
  // "UN" for "United Nations", "NATO" for "North Atlantic Treaty Organization"
  for (const form of [context.name, ...context.aliases]) {
    if (isAcronym(form) && initials(base) === form.replace(/\./g, '')) consider(0.85, `${form} is ${base}'s initials`);
  }
  return best;
}

/**
 * A non-person's name against a title's words, order aside: "US Congress" is "United States
 * Congress", "Indonesian government" is "Government of Indonesia". Every word of the name must be
 * there; each further word of the title costs, less when the page uses it (Moscow for "Moscow
 * Kremlin", group for "Wagner Group").
 */
function wordsMatch(name: string, title: string, wanted: EntityWords): number {
  const nameWords = contentWords(name);
  const titleWords = contentWords(title);
  if (nameWords.length === 0 || titleWords.length === 0) return 0;
  const matched = new Set<string>();
  let missing = 0;
  for (const word of nameWords) {
    const found = titleWords.find(t => sameStem(t, word) || sameName(t, word));
    if (found) matched.add(found);
    else if (!GENERIC_NAME_WORDS.has(word)) missing++;
  }
  if (missing > 0) return (0.4 * matched.size) / Math.max(nameWords.length, titleWords.length);
  const extra = titleWords.filter(t => !matched.has(t));
  const explained = extra.filter(
    t => GENERIC_NAME_WORDS.has(t) || wanted.roleWords.some(w => sameStem(w, t)) || wanted.nearby.some(words => words.some(w => sameStem(w, t))),
  ).length;
  if (extra.length === 0) return 0.95;
  return Math.max(0.3, 0.85 - 0.05 * explained - 0.3 * (extra.length - explained));
}

/** Words that say what kind of thing a name is rather than which: present or absent, the name is the same. */
const GENERIC_NAME_WORDS = new Set('group index party company inc ltd federal national official composite'.split(' '));

/** Country names and adjectives the news shortens, to the words of their titles. */
const COUNTRY_FORMS: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  america: 'united states',
  american: 'united states',
  americans: 'united states',
  uk: 'united kingdom',
  britain: 'united kingdom',
  british: 'united kingdom',
  un: 'united nations',
  eu: 'european union',
};

/** British and American spellings of the same word, to one. */
const SPELLINGS: Record<string, string> = { defence: 'defense', organisation: 'organization', centre: 'center', labour: 'labor', programme: 'program' };

/** A key's words that name: stop words and the Arabic article dropped, hyphens split, country forms and spellings made one. */
function contentWords(key: string): string[] {
  return key
    .replace(/\./g, '')
    .split(/[\s-]+/)
    .flatMap(w => (COUNTRY_FORMS[w] ?? SPELLINGS[w] ?? w).split(' '))
    .filter(w => w && !STOP_WORDS.has(w) && w !== 'al' && w !== 'el');
}

/** Whether the excerpt gives `name` as what the page's subject is called: "or simply the Kremlin", "(AFP)". */
function calledSo(excerpt: string, name: string): boolean {
  const text = foldText(excerpt.replace(/[(),]/g, ' | '));
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:also (?:known as|called|referred to as)|commonly (?:called|known as)|known as|simply|or|\\|) (?:the )?${escaped}(?= \\||$| is\\b| was\\b)`).test(text);
}

/**
 * A person's name against a person's title: the same surname with the same or a compatible given
 * name, or the surname alone when the page gives only that; a different given name than the
 * page's fullest name is another person even when the page later says only the surname.
 */
function personMatch(name: string, title: string, givenName: string | null): number {
  const names = name.split(' ').filter(w => !TITLE_WORDS.has(w));
  const titleWords = title.split(' ');
  const surname = names[names.length - 1];
  const titleSurname = titleWords[titleWords.length - 1];
  if (!surname || !titleSurname || !sameName(surname, titleSurname)) return 0;
  if (titleWords.length === 1) return 0.3; // a page on the surname itself
  const given = names.length > 1 ? names[0]! : givenName;
  if (!given) return 0.75; // "Peskov": which Peskov is for the role and context to say
  const titleGiven = titleWords[0]!;
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
    .replace(/-/g, ' ')
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
  /** OTHER: a work, an event, an idea: never a person, an organisation or a place. */
  type: EntityType | 'OTHER';
  /** For a place, settlement or region or country; 'other' for rivers, seas, buildings… */
  level: PlaceLevel | 'other' | null;
  /** The word that said it. */
  word: string;
}

const KIND_WORDS: [RegExp, Kind['type'], PlaceLevel | 'other' | null][] = [
  [/\b(city|town|village|capital|port|municipality|settlement|commune|suburb|hamlet|metropolis)\b/g, 'LOC', 'settlement'],
  [/\b(oblast|region|province|district|raion|county|u ?s state|federal state|state of|governorate|prefecture|canton|krai|territory|colony)\b/g, 'LOC', 'region'],
  [/\b(country|nation|republic|kingdom|sovereign state)\b/g, 'LOC', 'country'],
  [/\b(continent|river|sea|lake|ocean|gulf|mountain|island|peninsula|bay|strait|desert|valley|fortress|fortified (central )?complex|square|street|building|residence|palace|hospital|museum|mosque|church|cathedral|airport|stadium|arena|neighbou?rhood)\b/g, 'LOC', 'other'],
  [/\b(company|corporation|organi[sz]ation|agency|party|ministry|department|government|legislature|congress|senate|council|committee|army|military|militia|newspaper|publication|magazine|news agency|channel|broadcaster|group|ngo|non-governmental|union|alliance|federation|association|institute|university|bank|office|movement|court|parliament|lower house|upper house|club|team|force|forces|brigade|regiment|battalion|service|foundation|charity|website|network|exchange|coalition)\b/g, 'ORG', null],
  [/\b(born|politician|spokes(?:person|man|woman)|press secretary|president|prime minister|minister|secretary|mayor|governor|diplomat|businessman|businesswoman|journalist|actor|actress|singer|composer|novelist|writer|author|poet|painter|footballer|player|athlete|lawyer|attorney|judge|general|officer|commander|soldier|activist|economist|scientist|historian|philosopher|monarch|king|queen|emperor|prince|princess|pope|bishop|priest|prophet|official|leader|founder|chairman|entrepreneur|businessperson|rapper|musician|director|oligarch|presenter|adviser|advisor|specialist|first lady)\b/g, 'PER', null],
  [/\b(film|movie|series|band|album|song|novel|book|dance|video game|war|battle|siege|shooting|attack|scandal|mutiny|rebellion|protest|election|impeachment|ideology|philosophy|direction|protein|currency|notation|relationship|relations|study|meeting)\b/g, 'OTHER', null],
];

/** A person's dates: "(born 1978)", "(1813–1883)". */
const LIFE_DATES = /\(\s*(born |b\. |c\. )?\d{3,4}(\s*[–-]\s*\d{3,4})?\s*\)|\bborn \d{3,4}\b/;

/** Where a short description's head noun phrase ends: "city | in Donetsk Oblast", "Press Secretary | of the President". */
const HEAD_END = /\s(?:in|of|for|from|at|on|since|within|by|to|with|and|that|who|which|used|focused|popular|found|located|based)\s|[,;:(]/;

/**
 * What a page is about from some of its words. A person's dates say person wherever they are.
 * Otherwise the head of the first noun phrase decides, its last kind word ("German composer",
 * "American government official", "city in Donetsk Oblast"); failing that, the earliest kind
 * word anywhere.
 */
function kindOf(words: string, qualifier = false): Kind | null {
  const text = canonicalKey(words);
  if (!text) return null;
  const dates = LIFE_DATES.exec(text);
  if (dates) return { type: 'PER', level: null, word: dates[0] };
  const headEnd = HEAD_END.exec(text);
  const head = headEnd ? text.slice(0, headEnd.index) : text;
  const kind = lastKindWord(head) ?? earliestKindWord(text);
  // A title's qualifier is a kind ("city", "TV series") or a place that tells same-named pages apart ("United Kingdom")
  if (qualifier && kind && !new RegExp(`\\b${kind.word}\\b`).test(normalizeWord(words))) return null;
  return kind;
}

function lastKindWord(text: string): Kind | null {
  let best: (Kind & { end: number; length: number }) | null = null;
  for (const [pattern, type, level] of KIND_WORDS) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (!best || end > best.end || (end === best.end && match[0].length > best.length)) best = { type, level, word: match[0], end, length: match[0].length };
    }
  }
  return best && { type: best.type, level: best.level, word: best.word };
}

function earliestKindWord(text: string): Kind | null {
  let best: (Kind & { at: number }) | null = null;
  for (const [pattern, type, level] of KIND_WORDS) {
    for (const match of text.matchAll(pattern)) {
      if (!best || match.index < best.at) best = { type, level, word: match[0], at: match.index };
      break;
    }
  }
  return best && { type: best.type, level: best.level, word: best.word };
}

// ---- role --------------------------------------------------------------------------------------

/** Words for one thing, mapped to one concept so that "Kremlin spokesman" meets "Press Secretary of the President of Russia". */
const CONCEPTS: [RegExp, string][] = [
  [/\bspokes(person|man|woman)\b|\bpress secretary\b|\bpress officer\b/g, 'spokes'],
  [/\bforeign (minister|affairs|ministry)\b|\bminister of foreign affairs\b|\bdiploma(cy|t|tic)\b/g, 'foreign'],
  [/\bdefen[cs]e\b/g, 'defence'],
  [/\bkremlin\b|\bpresident of russia\b|\brussian president\b/g, 'kremlin'],
  [/\bhead\b|\bleader\b|\bchief\b/g, 'head'],
  [/\b(lawyer|attorney|counsel|barrister|solicitor)s?\b/g, 'lawyer'],
  [/\b(reporter|correspondent|journalist)s?\b/g, 'journalist'],
  [/\b(adviser|advisor|aide|counsellor|counselor)s?\b/g, 'adviser'],
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
  const words = rest.split(/[\s-]+/).filter(w => w.length > 2 && !STOP_WORDS.has(w));
  return [...concepts, ...words.map(stem)];
}

function roleOverlap(roleConcepts: string[], text: string): { shared: string[]; fraction: number } {
  if (roleConcepts.length === 0) return { shared: [], fraction: 0 };
  const candidate = conceptsOf(text);
  const shared = roleConcepts.filter(c => candidate.some(w => sameStem(w, c)));
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
  return contentWords(text).some(w => sameStem(w, word));
}

// ---- text --------------------------------------------------------------------------------------

/** "Kherson (city)" → base "Kherson", qualifier "city"; "Charleston, South Carolina" → "Charleston", "South Carolina". */
function splitTitle(title: string): { base: string; qualifier: string } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(title) ?? /^([^,]+),\s+(?!(?:Inc|Ltd|LLC|Jr|Sr)\.?$)(.+)$/.exec(title);
  return match ? { base: match[1]!, qualifier: match[2]! } : { base: title, qualifier: '' };
}

/** Disambiguation pages, surname and given-name pages and lists: never the entity itself. */
function isListPage(title: string, description: string, excerpt: string): boolean {
  return (
    /disambiguation|topics referred to by the same term|^(surname|family name|given name|first name)\b|(given|family) name$|^(list|index) of /i.test(description) ||
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
  return canonicalKey(text.replace(/[^\p{L}\p{N}|-]+/gu, ' ')).replace(/\s+/g, ' ').trim();
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
