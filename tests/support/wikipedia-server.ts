import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The fixtures beside the tests (see tests/fixtures/wikipedia/README.md). */
export const WIKIPEDIA_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'wikipedia');

/** How the stand-in answers from now on. */
export type WikipediaServerMode =
  | { kind: 'normal' }
  /** Every answer waits this long first. */
  | { kind: 'slow'; delayMs: number }
  /** The next `times` requests get 429 with this `Retry-After` (seconds or an HTTP date); then normal. */
  | { kind: 'rate-limited'; times: number; retryAfter: string }
  /** Every request gets this status (500, 503…). */
  | { kind: 'error'; status: number };

/** One request the stand-in received. */
export interface ReceivedRequest {
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface WikipediaServer {
  /** e.g. `http://127.0.0.1:41234`: the base URL for every language. */
  origin: string;
  /** Every request except CORS preflights, in order of arrival. */
  requests: ReceivedRequest[];
  /** The most requests that were being answered at once since the start or the last `reset`. */
  maxInFlight(): number;
  /** Forgets the requests received and the most in flight; the mode stays. */
  reset(): void;
  setMode(mode: WikipediaServerMode): void;
  close(): Promise<void>;
}

const SEARCH_PATH = /^\/w\/rest\.php\/v1\/search\/page$/;
const SUMMARY_PATH = /^\/api\/rest_v1\/page\/summary\/([^/]+)$/;

/**
 * A request's language and its path on that wiki: one server stands in for every wiki, the
 * language as the path's first segment (`/fr/w/rest.php/…`, an endpoint of `${origin}/fr`), or
 * English without one.
 */
function wikiOf(pathname: string): { lang: string; path: string } {
  const match = /^\/([a-z]{2,3})(\/(?:w|api)\/.*)$/.exec(pathname);
  return match ? { lang: match[1]!, path: match[2]! } : { lang: 'en', path: pathname };
}

/** "Vadim Boïtchenko" → "vadim_boitchenko", the search fixture's file name. */
function queryFile(query: string): string {
  return query.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/\s+/g, '_').replace(/[^\p{L}\p{N}_-]/gu, '');
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'Api-User-Agent, Accept',
  'access-control-expose-headers': 'Retry-After, Location',
};

/**
 * A stand-in for Wikipedia on 127.0.0.1, answering the REST search and page summary from
 * fixture files in their documented formats, with CORS as Wikipedia's REST API sends it.
 * Hand-written on node:http like static-server.ts: the tests need exactly these two routes and
 * a handle on timing, status and headers.
 */
export async function startWikipediaServer(fixtureDir = WIKIPEDIA_FIXTURES): Promise<WikipediaServer> {
  const requests: ReceivedRequest[] = [];
  let mode: WikipediaServerMode = { kind: 'normal' };
  let inFlight = 0;
  let maxInFlight = 0;

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...CORS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
  };
  const fixture = async (...parts: string[]): Promise<unknown> => {
    const text = await readFile(join(fixtureDir, ...parts), 'utf8').catch(() => null);
    return text === null ? undefined : JSON.parse(text);
  };

  const server = createServer(async (request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET' }).end();
      return;
    }
    requests.push({ path: request.url ?? '/', headers: request.headers, at: Date.now() });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => inFlight--); // answered, or given up by the client
    {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, (mode as { delayMs: number }).delayMs));
      if (mode.kind === 'rate-limited') {
        const { retryAfter } = mode;
        if (--mode.times <= 0) mode = { kind: 'normal' };
        json(response, 429, { httpCode: 429, httpReason: 'Too Many Requests' }, { 'retry-after': retryAfter });
        return;
      }
      if (mode.kind === 'error') {
        json(response, mode.status, { httpCode: mode.status, httpReason: 'Server error' });
        return;
      }
      const { lang, path } = wikiOf(url.pathname);
      if (SEARCH_PATH.test(path)) {
        const found = await fixture(lang, 'search', `${queryFile(url.searchParams.get('q') ?? '')}.json`);
        const limit = Number(url.searchParams.get('limit') ?? 10);
        const pages = (found as { pages?: unknown[] } | undefined)?.pages ?? [];
        json(response, 200, { pages: pages.slice(0, limit) });
        return;
      }
      const summary = SUMMARY_PATH.exec(path);
      if (summary) {
        const title = decodeURIComponent(summary[1]!).replace(/ /g, '_');
        const redirects = ((await fixture(lang, 'redirects.json')) ?? {}) as Record<string, string>;
        const target = redirects[title.replace(/_/g, ' ')];
        if (target) {
          // As the REST API: 302 to the target's summary, relative to this one, with the redirect's own summary as the body.
          json(response, 302, { type: 'standard', title, extract: '' }, { location: encodeURIComponent(target.replace(/ /g, '_')) });
          return;
        }
        const page = await fixture(lang, 'summary', `${title}.json`);
        if (page === undefined) {
          json(response, 404, { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', detail: 'Page or revision not found.', uri: url.pathname });
        } else json(response, 200, page);
        return;
      }
      json(response, 404, { httpCode: 404, httpReason: 'No route' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    reset() {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    setMode(next) {
      mode = { ...next };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
