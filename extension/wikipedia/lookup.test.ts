import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWikipediaServer, type WikipediaServer } from '../../tests/support/wikipedia-server';
import { FOUND_TTL_MS, NONE_TTL_MS, openWikipediaCache, type WikipediaCache } from './cache';
import { createWikipediaClient, type WikipediaClientOptions } from './client';
import { lookupBackground } from './lookup';
import type { EntityContext, LookupResult } from './types';

let server: WikipediaServer;
let cache: WikipediaCache;
let clock = Date.parse('2022-03-20T12:00:00Z');
let dbCount = 0;

beforeAll(async () => {
  server = await startWikipediaServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.setMode({ kind: 'normal' });
  server.reset();
  cache?.close();
  cache = await openWikipediaCache({ name: `wikipedia-test-${++dbCount}`, now: () => clock });
});

function client(options: WikipediaClientOptions = {}) {
  return createWikipediaClient({ endpoint: () => server.origin, version: '9.9.9', ...options });
}

function context(name: string, type: EntityContext['type'], more: Partial<EntityContext> = {}): EntityContext {
  return { name, type, role: null, aliases: [], nearby: ['Ukraine', 'Russia', 'Mariupol', 'Kyiv'], lang: 'en', ...more };
}

function title(result: LookupResult): string | null {
  return result.status === 'found' ? result.summary.title : null;
}

describe('lookupBackground against a Wikipedia stand-in', () => {
  it("finds the seed article's entities", async () => {
    const wiki = { client: client(), cache };
    const cases: [EntityContext, string][] = [
      [context('Mariupol', 'LOC', { role: 'strategic port city on the Sea of Azov' }), 'Mariupol'],
      [context('Volodymyr Zelensky', 'PER', { role: 'Ukrainian President', aliases: ['Zelensky'] }), 'Volodymyr Zelenskyy'],
      [context('Sergei Lavrov', 'PER', { role: 'head of Russian diplomacy', aliases: ['Sergey Lavrov'] }), 'Sergey Lavrov'],
      [context('Dmitry Peskov', 'PER', { role: 'Kremlin spokesman' }), 'Dmitry Peskov'],
      [context('Vadim Boïtchenko', 'PER', { role: 'Mayor' }), 'Vadym Boychenko'],
      [context('Amnesty International', 'ORG', { role: 'NGO' }), 'Amnesty International'],
      [context('Kherson', 'LOC'), 'Kherson'],
      [context('Wagner group', 'ORG'), 'Wagner Group'],
    ];
    for (const [entity, expected] of cases) {
      const result = await lookupBackground(entity, wiki);
      expect(title(result), entity.name).toBe(expected);
    }
    const zelensky = await lookupBackground(cases[1]![0], wiki);
    expect(zelensky).toMatchObject({
      status: 'found',
      summary: { description: 'President of Ukraine since 2019', wikibaseItem: 'Q3874799', url: 'https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy', lang: 'en' },
    });
    expect((zelensky as { confidence: number }).confidence).toBeGreaterThan(0.6);
  });

  it('shows none for a disambiguation page, whether the search or the summary says so', async () => {
    const wiki = { client: client(), cache };
    expect(await lookupBackground(context('Tetyana Lomakina', 'PER'), wiki)).toMatchObject({ status: 'none', reason: expect.stringMatching(/disambiguation/) });
    server.requests.length = 0;
    expect(await lookupBackground(context('Agnès Callamard', 'PER'), wiki)).toMatchObject({ status: 'none' });
    expect(server.requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/w\/rest\.php\/v1\/search\/page\?/)]); // no summary asked
  });

  it('shows none for a name Wikipedia does not know and for a missing page', async () => {
    const wiki = { client: client(), cache };
    expect(await lookupBackground(context('Mala Rogan', 'LOC'), wiki)).toMatchObject({ status: 'none' });
    expect(await lookupBackground(context('Irpin', 'LOC'), wiki)).toEqual({ status: 'none', reason: 'Wikipedia has no page "Irpin".' });
  });

  it('follows a redirect to the page it names', async () => {
    const result = await lookupBackground(context('Kiev', 'LOC', { aliases: ['Kyiv'] }), { client: client(), cache });
    expect(result).toMatchObject({ status: 'found', summary: { title: 'Kyiv', wikibaseItem: 'Q1899', url: 'https://en.wikipedia.org/wiki/Kyiv' } });
    expect(server.requests.map((r) => r.path)).toContain('/api/rest_v1/page/summary/Kyiv');
  });

  it('waits as a 429 Retry-After says, then succeeds', async () => {
    server.setMode({ kind: 'rate-limited', times: 1, retryAfter: '1' });
    const started = Date.now();
    const result = await lookupBackground(context('Mariupol', 'LOC'), { client: client(), cache });
    expect(title(result)).toBe('Mariupol');
    const [limited, retried] = server.requests;
    expect(retried!.path).toBe(limited!.path);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up in plain words after the retries, or at once when asked to wait too long', async () => {
    server.setMode({ kind: 'rate-limited', times: 10, retryAfter: '0' });
    const result = await lookupBackground(context('Mariupol', 'LOC'), { client: client({ maxRetries: 2 }), cache });
    expect(result).toEqual({ status: 'failed', error: 'Wikipedia asked Gloss to slow down; try again in 1 second.' });
    expect(server.requests).toHaveLength(3);

    server.requests.length = 0;
    server.setMode({ kind: 'rate-limited', times: 1, retryAfter: '3600' });
    const patient = client({ maxRetryAfterMs: 10_000 });
    expect(await lookupBackground(context('Kherson', 'LOC'), { client: patient, cache })).toEqual({
      status: 'failed',
      error: 'Wikipedia asked Gloss to slow down; try again in 3600 seconds.',
    });
    expect(server.requests).toHaveLength(1);
    // and the same client sends nothing more until that time has passed
    expect(await lookupBackground(context('Mariupol', 'LOC'), { client: patient, cache })).toMatchObject({ status: 'failed' });
    expect(server.requests).toHaveLength(1);
  });

  it('fails, and keeps nothing, when Wikipedia is slow or broken', async () => {
    server.setMode({ kind: 'slow', delayMs: 1_000 });
    const hasty = client({ timeoutMs: 200 });
    expect(await lookupBackground(context('Mariupol', 'LOC'), { client: hasty, cache })).toEqual({ status: 'failed', error: 'Wikipedia did not answer within 1 second.' });
    server.setMode({ kind: 'error', status: 503 });
    expect(await lookupBackground(context('Mariupol', 'LOC'), { client: hasty, cache })).toEqual({
      status: 'failed',
      error: 'Wikipedia had a problem answering (HTTP 503); try again later.',
    });
    server.setMode({ kind: 'normal' });
    server.requests.length = 0;
    expect(title(await lookupBackground(context('Mariupol', 'LOC'), { client: hasty, cache }))).toBe('Mariupol');
    expect(server.requests).toHaveLength(2); // nothing was cached from the failures
  });

  it('never has more than 3 requests in flight', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50)); // the requests given up by earlier tests are closed
    server.reset();
    server.setMode({ kind: 'slow', delayMs: 100 });
    const wiki = { client: client(), cache };
    const names: [string, EntityContext['type']][] = [
      ['Mariupol', 'LOC'],
      ['Volodymyr Zelensky', 'PER'],
      ['Sergei Lavrov', 'PER'],
      ['Dmitry Peskov', 'PER'],
      ['Amnesty International', 'ORG'],
      ['Kherson', 'LOC'],
      ['Kremlin', 'ORG'],
      ['Irpin', 'LOC'],
    ];
    const results = await Promise.all(names.map(([name, type]) => lookupBackground(context(name, type), wiki)));
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(server.maxInFlight()).toBe(3);
  });

  it('sends Api-User-Agent and only the name and the language', async () => {
    await lookupBackground(context('Dmitry Peskov', 'PER', { role: 'Kremlin spokesman', nearby: ['Secret Nearby Name'] }), { client: client(), cache });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers['api-user-agent']).toMatch(/^Gloss\/9\.9\.9 \(browser extension; https:\/\/github\.com\/.+\)$/);
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
      expect(request.path).not.toMatch(/spokesman|Secret|Nearby/i);
    }
    const search = new URL(server.requests[0]!.path, server.origin);
    expect(search.pathname).toBe('/w/rest.php/v1/search/page');
    expect([...search.searchParams]).toEqual([
      ['q', 'Dmitry Peskov'],
      ['limit', '10'],
    ]);
    expect(server.requests[1]!.path).toBe('/api/rest_v1/page/summary/Dmitry_Peskov');
  });

  it('answers a second hover and a second page from the cache, then asks again once expired', async () => {
    const wiki = { client: client(), cache };
    const peskov = context('Dmitry Peskov', 'PER', { role: 'Kremlin spokesman' });
    expect(title(await lookupBackground(peskov, wiki))).toBe('Dmitry Peskov');
    expect(title(await lookupBackground(context('Irpin', 'LOC'), wiki))).toBeNull();
    const asked = server.requests.length;
    expect(title(await lookupBackground(peskov, wiki))).toBe('Dmitry Peskov');
    // another page: another context, the same name
    expect(title(await lookupBackground(context('Dmitry Peskov', 'PER', { role: null, nearby: ['Moscow'] }), wiki))).toBe('Dmitry Peskov');
    expect(await lookupBackground(context('Irpin', 'LOC'), wiki)).toMatchObject({ status: 'none' });
    expect(server.requests).toHaveLength(asked);

    clock += NONE_TTL_MS + 1; // the missing page is asked again, the found one not yet
    await lookupBackground(context('Irpin', 'LOC'), wiki);
    await lookupBackground(peskov, wiki);
    expect(server.requests.slice(asked).map((r) => r.path)).toEqual(['/api/rest_v1/page/summary/Irpin']);

    clock += FOUND_TTL_MS;
    await lookupBackground(peskov, wiki);
    expect(server.requests.length).toBe(asked + 3);
  });

  it('reaches another language through the endpoint', async () => {
    const french = createWikipediaClient({ endpoint: (lang) => `${server.origin}/${lang}` });
    expect(await lookupBackground(context('Marioupol', 'LOC', { lang: 'fr' }), { client: french, cache })).toMatchObject({ status: 'none' });
    expect(server.requests[0]!.path).toMatch(/^\/fr\/w\/rest\.php\/v1\/search\/page\?q=Marioupol/);
  });
});
