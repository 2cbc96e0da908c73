/**
 * The library's bench (issue 5): a store holding 10,000 notes on 2,000 articles, in Node on
 * fake-indexeddb, through the real store code; opening the library and answering searches,
 * beside the simplest approach (read every note and look for the words in each) in the same run.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { EntityType } from '../analysis/types';
import { entityKey } from '../notes/entity-key';
import { NOTE_COLOURS, type ArticleRecord, type Note } from '../notes/types';
import { siteKey } from '../settings/settings';
import { openGlossDb } from '../store/db';
import { openStore } from '../store/store';
import type { GlossStore } from '../store/types';
import { median, ms } from './stats';

const NOTE_COUNT = 10_000;
const ARTICLE_COUNT = 2_000;
const PAGE = 50;
const RUNS = 5;
/** A misspelt word: found only by the typo-tolerant index, which the first such search builds. */
const TYPO = 'evacuaton';
/** What a reader types: an entity, a tag, a body word, two words, a prefix, a misspelt word. */
const QUERIES = ['Zelensky', 'refugees', 'ceasefire', 'grain exports', 'kharK', TYPO];

const PEOPLE = ['Volodymyr Zelensky', 'Vadim Boïtchenko', 'Olaf Scholz', 'Ursula von der Leyen', 'Antonio Guterres', 'Dmitry Peskov', 'Emmanuel Macron', 'Kaja Kallas'];
const ORGS = ['UNHCR', 'the Red Cross', 'Nato', 'the European Commission', 'the World Food Programme', 'Gazprom', 'the IMF'];
const PLACES = ['Mariupol', 'Kherson', 'Odesa', 'Kharkiv', 'Brussels', 'Geneva', 'the Black Sea', 'Zaporizhzhia'];
const TOPICS = ['ceasefire talks', 'grain exports', 'the evacuation corridor', 'refugee numbers', 'energy prices', 'the reconstruction fund', 'shelling overnight', 'the prisoner exchange', 'sanctions on oil', 'winter heating'];
const VERBS = ['says', 'disputes', 'confirms', 'doubts', 'revises', 'repeats'];
const REMARKS = ['Compare with the figure from last month.', 'Source? Check the original report.', 'Second time this number appears.', 'Worth following up.', 'Contradicts what the ministry said.', 'Quote this in the piece on Friday.'];
const TAGS = ['refugees', 'economy', 'war', 'energy', 'diplomacy', 'follow-up', 'figures', 'quotes'];
const OUTLETS = ['Example News', 'The Daily Record', 'Harbour Times', 'Continental Post', 'Field Report'];

/** The `n`th item of a list, stepping by a prime so neighbouring notes differ. */
function pick<T>(list: readonly T[], n: number, stride: number): T {
  return list[(n * stride) % list.length]!;
}

function isoDay(daysAfterStart: number, minute = 0): string {
  return new Date(Date.UTC(2024, 0, 1) + daysAfterStart * 86_400_000 + minute * 60_000).toISOString();
}

function benchArticle(n: number): ArticleRecord {
  const url = `https://${pick(['news.example', 'daily.example', 'harbour.example', 'post.example'], n, 1)}/2024/story-${n}`;
  return {
    url,
    title: `${pick(PLACES, n, 3)}: ${pick(PEOPLE, n, 5)} on ${pick(TOPICS, n, 7)}`,
    published: n % 4 === 0 ? null : isoDay(Math.floor(n / 3)),
    outlet: pick(OUTLETS, n, 1),
    seen: isoDay(Math.floor(n / 3), n % 60),
    site: siteKey(url),
  };
}

function benchNote(n: number, article: ArticleRecord): Note {
  const person = pick(PEOPLE, n, 3);
  const place = pick(PLACES, n, 5);
  const exact = `${pick(ORGS, n, 7)} ${pick(VERBS, n, 11)} ${pick(TOPICS, n, 13)} in ${place}`;
  const entity: [EntityType, string] | null = n % 5 < 2 ? ['PER', person] : n % 5 === 2 ? ['LOC', place] : null;
  const start = (n % 40) * 120;
  const created = isoDay(Math.floor(n / 15), n % 1440);
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    url: article.url,
    title: article.title,
    quote: { type: 'TextQuoteSelector', exact, prefix: `On ${pick(TOPICS, n, 17)}, `, suffix: ` according to ${person}.` },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    entity: entity && { key: entityKey(...entity), name: entity[1], type: entity[0] },
    body: `${pick(REMARKS, n, 5)} ${person} ${pick(VERBS, n, 7)} ${pick(TOPICS, n, 3)}.`,
    tags: [pick(TAGS, n, 3), ...(n % 3 === 0 ? [pick(TAGS, n, 5)] : [])],
    colour: pick(NOTE_COLOURS, n, 1),
    created,
    modified: n % 7 === 0 ? isoDay(Math.floor(n / 15) + 30) : created,
    anchor: 'anchored',
  };
}

/** The simplest library: every note read, each field searched for every word, newest first. */
async function scanLibrary(name: string, query: string): Promise<{ notes: Note[]; total: number }> {
  const db = await openGlossDb(name);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (await db.getAll('notes')).filter((note) => {
    const text = [note.body, note.quote.exact, note.tags.join(' '), note.title, note.entity?.name ?? ''].join('\n').toLowerCase();
    return words.every((word) => text.includes(word));
  });
  db.close();
  matches.sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
  return { notes: matches.slice(0, PAGE), total: matches.length };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Rows (header first) for `npm run bench`: opening the library and answering a search with
 * 10,000 notes and 2,000 articles stored, Gloss's store beside a full scan. Each search is timed
 * cold (the first thing a store just opened does, as after the service worker restarted) and
 * warm (a store that has answered searches before).
 */
export async function benchLibrary(): Promise<string[][]> {
  const name = `gloss-bench-${Date.now()}`;
  const articles = Array.from({ length: ARTICLE_COUNT }, (_, n) => benchArticle(n));
  const notes = Array.from({ length: NOTE_COUNT }, (_, n) => benchNote(n, articles[n % ARTICLE_COUNT]!));
  const seeding = await openStore({ name });
  for (const article of articles) await seeding.rememberArticle(article, []);
  await seeding.importNotes(notes);
  seeding.close();
  (await openStore({ name })).close(); // the database's first open in this process, out of the timings

  const opening: number[] = [];
  const openAndSearch: number[] = [];
  const coldTyped: number[] = [];
  const coldTypo: number[] = [];
  const termIndex: number[] = [];
  const warmTyped: number[] = [];
  const warmTypo: number[] = [];
  const hits = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    for (const query of QUERIES) {
      // What the library does: open, list the newest notes, and the reader's search at once.
      let store!: GlossStore;
      opening.push(await time(async () => (store = await openStore({ name })).searchNotes('', PAGE)));
      const took = await time(() => store.searchNotes(query, PAGE));
      (query === TYPO ? coldTypo : coldTyped).push(took);
      if (query !== TYPO) openAndSearch.push(opening.at(-1)! + took);
      store.close();
    }
    // A store kept open without a typo index (as if it had not been built yet).
    const termsOnly = await openStore({ name });
    for (const query of QUERIES.filter((query) => query !== TYPO)) await termsOnly.searchNotes(query, PAGE);
    for (const query of QUERIES.filter((query) => query !== TYPO)) {
      termIndex.push(await time(() => termsOnly.searchNotes(query, PAGE)));
    }
    termsOnly.close();
    // A store kept open, with every query asked before (the misspelt one built the typo index).
    const warm = await openStore({ name });
    for (const query of QUERIES) await warm.searchNotes(query, PAGE);
    for (const query of QUERIES) {
      const took = await time(async () => hits.set(query, (await warm.searchNotes(query, PAGE)).total));
      (query === TYPO ? warmTypo : warmTyped).push(took);
    }
    warm.close();
  }
  const scanOpening: number[] = [];
  const scanSearches: number[] = [];
  const scanHits = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    scanOpening.push(await time(() => scanLibrary(name, '')));
    for (const query of QUERIES) {
      scanSearches.push(await time(async () => scanHits.set(query, (await scanLibrary(name, query)).total)));
    }
  }
  indexedDB.deleteDatabase(name);

  const found = (counts: Map<string, number>) => QUERIES.map((query) => `${query}: ${counts.get(query)}`).join(', ');
  const scan = ms(median(scanSearches));
  return [
    ['library, 10,000 notes on 2,000 articles (fake-indexeddb)', 'Gloss store', 'full scan', 'matches'],
    [`open the store + first page of 50, newest first (median of ${opening.length})`, ms(median(opening)), ms(median(scanOpening)), ''],
    [`then at once a search, words as typed (median of ${coldTyped.length}, max ${ms(Math.max(...coldTyped))}): term index`, ms(median(coldTyped)), scan, ''],
    [`open + first page + that search, words as typed (median of ${openAndSearch.length})`, ms(median(openAndSearch)), ms(median(scanOpening) + median(scanSearches)), ''],
    [`then at once a misspelt "${TYPO}" (median of ${coldTypo.length}): waits for the typo index`, ms(median(coldTypo)), scan, ''],
    [`search again, words as typed, typo index not built (median of ${termIndex.length}): term index`, ms(median(termIndex)), scan, ''],
    [`search again, words as typed (median of ${warmTyped.length}): typo index built`, ms(median(warmTyped)), scan, ''],
    [`search again, misspelt "${TYPO}" (median of ${warmTypo.length}): typo index built`, ms(median(warmTypo)), scan, `Gloss ${found(hits)}; scan ${found(scanHits)}`],
  ];
}
