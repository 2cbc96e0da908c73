/**
 * The Wikipedia background's bench (issue 7): the time from a look-up request reaching the
 * background handler to its result, for the seed article's entities, uncached (search and
 * summary from the local stand-in server on 127.0.0.1) and cached (IndexedDB through
 * fake-indexeddb in Node), in the same run. The goal: cached well under 100 ms, so the popover's
 * background appears with it after the hover delay.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { startWikipediaServer } from '../../tests/support/wikipedia-server';
import { createWikipediaBackground, type WikipediaBackground } from '../background/wikipedia';
import { defaultSettings } from '../settings/settings';
import { openWikipediaCache } from '../wikipedia/cache';
import { LOOKUP_MESSAGE } from '../wikipedia/messages';
import type { EntityContext } from '../wikipedia/types';
import { median, ms, quantile } from './stats';

const ROUNDS = 5;
const PAGE_URL = 'https://news.example.org/2022/03/20/mariupol';
const NEARBY = ['Ukraine', 'Russia', 'Mariupol', 'Kyiv', 'Moscow', 'Kharkiv'];

/** The seed article's entities that the stand-in knows, as the popover would send them. */
const ENTITIES: EntityContext[] = [
  { name: 'Mariupol', type: 'LOC', role: 'strategic port city on the Sea of Azov', aliases: [], nearby: NEARBY, lang: 'en' },
  { name: 'Volodymyr Zelensky', type: 'PER', role: 'Ukrainian President', aliases: ['Zelensky'], nearby: NEARBY, lang: 'en' },
  { name: 'Sergei Lavrov', type: 'PER', role: 'head of Russian diplomacy', aliases: ['Sergey Lavrov'], nearby: NEARBY, lang: 'en' },
  { name: 'Dmitry Peskov', type: 'PER', role: 'Kremlin spokesman', aliases: [], nearby: NEARBY, lang: 'en' },
  { name: 'Vadim Boïtchenko', type: 'PER', role: 'Mayor', aliases: [], nearby: NEARBY, lang: 'en' },
  { name: 'Amnesty International', type: 'ORG', role: 'NGO', aliases: [], nearby: NEARBY, lang: 'en' },
  { name: 'Kherson', type: 'LOC', role: null, aliases: [], nearby: NEARBY, lang: 'en' },
  { name: 'Kiev', type: 'LOC', role: null, aliases: ['Kyiv'], nearby: NEARBY, lang: 'en' },
];

/** Rows for bench.ts's table: uncached beside cached look-ups, and the cache right after a restart. */
export async function benchBackground(): Promise<string[][]> {
  const server = await startWikipediaServer();
  const databases: string[] = [];
  const handler = (): WikipediaBackground => {
    const name = databases.at(-1)!;
    return createWikipediaBackground({
      settings: async () => ({ ...defaultSettings(), lookups: true }),
      hasPermission: async () => true,
      endpointOverride: async () => server.origin,
      openCache: () => openWikipediaCache({ name }),
    });
  };
  const lookUp = async (wiki: WikipediaBackground, context: EntityContext) => {
    const started = performance.now();
    const result = await wiki.answer({ type: LOOKUP_MESSAGE, context, pageUrl: PAGE_URL });
    if (result.status !== 'found') throw new Error(`bench: ${context.name} gave ${JSON.stringify(result)}`);
    return performance.now() - started;
  };

  const uncached: number[] = [];
  const cached: number[] = [];
  const secondPage: number[] = [];
  const afterRestart: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      databases.push(`gloss-wikipedia-bench-${round}`);
      const wiki = handler();
      for (const entity of ENTITIES) uncached.push(await lookUp(wiki, entity));
      for (const entity of ENTITIES) cached.push(await lookUp(wiki, entity));
      // another article naming the same entities, with other names around them: the choice is made again, from the cache
      for (const entity of ENTITIES) secondPage.push(await lookUp(wiki, { ...entity, role: null, nearby: ['Brussels', 'Geneva'] }));
      // a stopped MV3 worker: a new handler opens the cache again on its first look-up
      const restarted = handler();
      for (const entity of ENTITIES) afterRestart.push(await lookUp(restarted, entity));
    }
  } finally {
    await server.close();
    for (const name of databases) indexedDB.deleteDatabase(name);
  }
  const requestsPerUncached = server.requests.length / uncached.length;
  const row = (label: string, times: number[]) => [label, ms(median(times), 2), ms(quantile(times, 0.9), 2), ms(Math.max(...times), 2)];
  return [
    [`Wikipedia background, ${ENTITIES.length} seed entities × ${ROUNDS} rounds, request → result in the background handler`, 'median', 'p90', 'max'],
    row(`uncached: search + summary from the stand-in on 127.0.0.1 (${requestsPerUncached.toFixed(1)} requests each)`, uncached),
    row('cached: the same hover again (IndexedDB, fake-indexeddb)', cached),
    row('cached: a second page, other context (choice made again, no request)', secondPage),
    row('cached: first look-ups after a worker restart (cache reopened)', afterRestart),
  ];
}
