import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWikipediaServer, type WikipediaServer } from '../../tests/support/wikipedia-server';
import { defaultSettings, type Settings } from '../settings/settings';
import { openWikipediaCache } from '../wikipedia/cache';
import { LOOKUP_MESSAGE, readLookupRequest, type LookupRequest } from '../wikipedia/messages';
import type { EntityContext } from '../wikipedia/types';
import { createWikipediaBackground } from './wikipedia';

let server: WikipediaServer;
let settings: Settings;
let granted: string[];
let asked: string[];
let dbCount = 0;

beforeAll(async () => {
  server = await startWikipediaServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  settings = { ...defaultSettings(), lookups: true };
  granted = [`${server.origin}/*`];
  asked = [];
});

function background(override: string | null = server.origin) {
  return createWikipediaBackground({
    settings: async () => settings,
    hasPermission: async (origin) => {
      asked.push(origin);
      return granted.includes(origin);
    },
    endpointOverride: async () => override,
    openCache: () => openWikipediaCache({ name: `wikipedia-background-${++dbCount}` }),
    client: { version: '1.2.3' },
  });
}

const peskov: EntityContext = { name: 'Dmitry Peskov', type: 'PER', role: 'Kremlin spokesman', aliases: ['Peskov'], nearby: ['Russia', 'Ukraine'], lang: 'en' };

function request(context: EntityContext = peskov, pageUrl = 'https://news.example.org/2022/03/20/ukraine'): LookupRequest {
  return { type: LOOKUP_MESSAGE, context, pageUrl };
}

describe('the background look-up handler', () => {
  it('answers with the summary from the endpoint set in storage', async () => {
    const result = await background().answer(request());
    expect(result).toMatchObject({ status: 'found', summary: { title: 'Dmitry Peskov', wikibaseItem: 'Q4156364' } });
    expect(asked).toEqual([`${server.origin}/*`]);
    expect(server.requests.map((r) => r.headers['api-user-agent'])).toEqual([expect.stringMatching(/^Gloss\/1\.2\.3 /), expect.stringMatching(/^Gloss\/1\.2\.3 /)]);
  });

  it('puts the language in an endpoint with {lang}', async () => {
    await background(`${server.origin}/{lang}/`).answer(request({ ...peskov, lang: 'fr' }));
    expect(server.requests[0]!.path).toMatch(/^\/fr\/w\/rest\.php\/v1\/search\/page\?/);
  });

  it('sends nothing when look-ups are off, off on the site, or not permitted', async () => {
    settings = { ...settings, lookups: false };
    expect(await background().answer(request())).toEqual({ status: 'off', reason: 'Wikipedia look-ups are off.' });
    settings = { ...settings, lookups: true, lookupsDisabledSites: ['example.org'] };
    expect(await background().answer(request())).toEqual({ status: 'off', reason: 'Wikipedia look-ups are off on this site.' });
    settings = { ...settings, lookupsDisabledSites: [] };
    granted = [];
    expect(await background().answer(request())).toMatchObject({ status: 'off' });
    expect(server.requests).toEqual([]);
  });

  it("asks for Wikipedia's own origin in the page's language when nothing overrides it", async () => {
    granted = [];
    expect(await background(null).answer(request({ ...peskov, lang: 'de' }))).toEqual({
      status: 'off',
      reason: 'Gloss has not been allowed to reach https://de.wikipedia.org.',
    });
    expect(asked).toEqual(['https://de.wikipedia.org/*']);
  });

  it('asks once for two hovers at the same time, and not at all for a third', async () => {
    const wiki = background();
    const [first, second] = await Promise.all([wiki.answer(request()), wiki.answer(request())]);
    expect(first).toEqual(second);
    expect(server.requests).toHaveLength(2); // one search, one summary
    expect(await wiki.answer(request())).toEqual(first);
    expect(server.requests).toHaveLength(2);
  });
});

describe('readLookupRequest', () => {
  it('reads a well-formed request and ignores other messages', () => {
    expect(readLookupRequest(request())).toEqual(request());
    expect(readLookupRequest({ type: 'gloss:analyse' })).toBeNull();
    expect(readLookupRequest('gloss:background:lookup')).toBeNull();
  });

  it('refuses a malformed one, naming the field', () => {
    const bad = (context: unknown, pageUrl: unknown = 'https://example.org/') => readLookupRequest({ type: LOOKUP_MESSAGE, context, pageUrl });
    const error = (problem: string) => ({ error: `${LOOKUP_MESSAGE}: ${problem}` });
    expect(bad(peskov, 42)).toEqual(error('pageUrl is not a string'));
    expect(bad(peskov, 'x'.repeat(10_001))).toEqual(error('pageUrl is longer than 10,000 characters'));
    expect(bad(null)).toEqual(error('context is not an object'));
    expect(bad({ ...peskov, name: '  ' })).toEqual(error('context.name is empty'));
    expect(bad({ ...peskov, name: 'x'.repeat(201) })).toEqual(error('context.name is longer than 200 characters'));
    expect(bad({ ...peskov, type: 'PERSON' })).toEqual(error('context.type is not one of PER, ORG, LOC, MISC'));
    expect(bad({ ...peskov, role: 3 })).toEqual(error('context.role is not a string or null'));
    expect(bad({ ...peskov, nearby: [1] })).toEqual(error('context.nearby.0 is not a string'));
    expect(bad({ ...peskov, lang: 'en/../../x' })).toEqual(error('context.lang is not a language code'));
  });
});
