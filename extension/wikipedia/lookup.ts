/**
 * One entity's background from Wikipedia: the cache first, then the search, the choice of
 * article from what the page says about the entity, and that article's summary, each answer
 * kept in the cache. Only the name and the chosen title (with the language) are sent.
 */
import { chooseArticle, summaryContradiction } from './choose';
import type { WikipediaClient } from './client';
import type { WikipediaCache } from './cache';
import type { EntityContext, LookupResult, SearchCandidate } from './types';

/** How many search results the choice looks at. */
export const SEARCH_LIMIT = 10;

export interface LookupDependencies {
  client: WikipediaClient;
  cache: WikipediaCache;
}

/** The background for `context`, never rejecting: failures are `{ status: 'failed' }` in plain words. */
export async function lookupBackground(context: EntityContext, { client, cache }: LookupDependencies): Promise<LookupResult> {
  const { name, lang } = context;
  let candidates: SearchCandidate[] | undefined = await cache.getSearch(lang, name).catch(() => undefined);
  if (!candidates) {
    const searched = await client.search(name, lang, SEARCH_LIMIT);
    if (searched.status === 'failed') return searched;
    candidates = searched.candidates;
    await cache.putSearch(lang, name, candidates).catch(() => {}); // a full disk costs a request next time, nothing more
  }
  if (candidates.length === 0) return { status: 'none', reason: `Wikipedia has no page matching "${name}".` };

  const choice = chooseArticle(context, candidates);
  if (choice.title === null) return { status: 'none', reason: `No Wikipedia page is clearly about this "${name}".` };

  let summary = await cache.getSummary(lang, choice.title).catch(() => undefined);
  if (!summary) {
    const fetched = await client.summary(choice.title, lang);
    if (fetched.status === 'failed') return fetched;
    summary = fetched;
    await cache.putSummary(lang, choice.title, summary).catch(() => {});
  }
  if (summary.status === 'none') return summary;

  const contradiction = summaryContradiction(context, summary.summary);
  if (contradiction) return { status: 'none', reason: contradiction };
  return { status: 'found', summary: summary.summary, confidence: choice.confidence };
}
