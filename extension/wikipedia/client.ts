/**
 * Wikipedia's REST search and page summary, asked politely (issue 7): every request names Gloss
 * in `Api-User-Agent`, at most `maxConcurrent` are in flight, each has a timeout, a 429's
 * `Retry-After` is honoured before any further request, and only the entity's name (or the
 * chosen title) and the language are sent, never the page's address or text.
 */
import type { LookupResult, SearchCandidate, WikiSummary } from './types';

/**
 * Where Gloss's requests say they come from (Wikimedia's User-Agent policy asks for a name, a
 * version and a contact address). Browsers do not let an extension set `User-Agent`, but they
 * do let it set `Api-User-Agent`, which Wikimedia reads instead.
 */
export const PROJECT_URL = 'https://github.com/gloss-extension/gloss';

export interface WikipediaClientOptions {
  /** The base URL of the wiki in a language; default `https://${lang}.wikipedia.org`. Tests point it at 127.0.0.1. */
  endpoint?(lang: string): string;
  /** Gloss's version for `Api-User-Agent` (the extension passes its manifest's). */
  version?: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch (Retry-After may be a date). */
  now?(): number;
  /** How long one request may take before it counts as failed; default 5 s. */
  timeoutMs?: number;
  /** Requests in flight at once; default 3, Wikimedia's guidance for clients. */
  maxConcurrent?: number;
  /** How many times a 429 is retried after waiting; default 2. */
  maxRetries?: number;
  /** The longest wait a 429 may ask for before Gloss gives up instead; default 10 s (a reader is hovering). */
  maxRetryAfterMs?: number;
}

/** Candidates from a search, or why there are none. */
export type SearchResult = { status: 'found'; candidates: SearchCandidate[] } | Extract<LookupResult, { status: 'failed' }>;

/** A page's summary, none (missing page, disambiguation page), or why it failed. */
export type SummaryResult = { status: 'found'; summary: WikiSummary } | Extract<LookupResult, { status: 'none' | 'failed' }>;

export interface WikipediaClient {
  /** REST search (`/w/rest.php/v1/search/page?q=…&limit=…`) for a name in a language. */
  search(name: string, lang: string, limit: number): Promise<SearchResult>;
  /** REST summary (`/api/rest_v1/page/summary/{title}`), following redirects. */
  summary(title: string, lang: string): Promise<SummaryResult>;
}

/** The Wikipedia in the reader's language. */
export function defaultEndpoint(lang: string): string {
  return `https://${lang}.wikipedia.org`;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;
/** When a 429 gives no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** A client for Wikipedia's REST endpoints with the etiquette above; one per background. */
export function createWikipediaClient(options: WikipediaClientOptions = {}): WikipediaClient {
  const endpoint = options.endpoint ?? defaultEndpoint;
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const headers = { 'Api-User-Agent': `Gloss/${options.version ?? '0'} (browser extension; ${PROJECT_URL})`, Accept: 'application/json' };
  const slots = limiter(options.maxConcurrent ?? 3);
  /** No request leaves before this time: a 429's Retry-After holds back every request, not only its own. */
  let pausedUntil = 0;

  type Answer = { ok: true; response: Response } | { ok: false; error: string };

  /** One GET, through the queue, retried after a 429 as told. The response body is read inside the slot. */
  async function get<T>(url: string, read: (response: Response) => Promise<T>): Promise<T | { ok: false; error: string }> {
    for (let attempt = 0; ; attempt++) {
      const wait = pausedUntil - now();
      if (wait > maxRetryAfterMs) return { ok: false, error: slowDown(wait) };
      if (wait > 0) await sleep(wait);
      const answer = await slots(async (): Promise<Answer | { ok: true; value: T }> => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
          const response = await fetchFn(url, { headers, signal: controller.signal, redirect: 'follow', credentials: 'omit', referrerPolicy: 'no-referrer' });
          if (response.status === 429) return { ok: true, response };
          return { ok: true, value: await read(response) };
        } catch (error) {
          return { ok: false, error: controller.signal.aborted ? `Wikipedia did not answer within ${seconds(timeoutMs)}.` : `Wikipedia could not be reached (${message(error)}).` };
        } finally {
          clearTimeout(timer);
        }
      });
      if (!answer.ok) return answer;
      if ('value' in answer) return answer.value;
      const retryAfter = retryAfterMs(answer.response.headers.get('Retry-After'), now());
      if (attempt >= maxRetries || retryAfter > maxRetryAfterMs) {
        pausedUntil = Math.max(pausedUntil, now() + retryAfter);
        return { ok: false, error: slowDown(retryAfter) };
      }
      pausedUntil = Math.max(pausedUntil, now() + retryAfter);
    }
  }

  return {
    async search(name, lang, limit) {
      const url = `${endpoint(lang)}/w/rest.php/v1/search/page?${new URLSearchParams({ q: name, limit: String(limit) })}`;
      const result = await get(url, async (response): Promise<SearchResult> => {
        if (!response.ok) return { status: 'failed', error: httpError(response) };
        return { status: 'found', candidates: readCandidates(await response.json()) };
      });
      return 'status' in result ? result : { status: 'failed', error: result.error };
    },

    async summary(title, lang) {
      const url = `${endpoint(lang)}/api/rest_v1/page/summary/${encodeURIComponent(title.replace(/ /g, '_'))}`;
      const result = await get(url, async (response): Promise<SummaryResult> => {
        if (response.status === 404) return { status: 'none', reason: `Wikipedia has no page "${title}".` };
        if (!response.ok) return { status: 'failed', error: httpError(response) };
        return readSummary(await response.json(), lang, title);
      });
      return 'status' in result ? result : { status: 'failed', error: result.error };
    },
  };
}

/** The search's `pages`, with anything malformed left out. */
function readCandidates(body: unknown): SearchCandidate[] {
  const pages = isRecord(body) && Array.isArray(body.pages) ? body.pages : [];
  return pages.filter(isRecord).flatMap((page) =>
    typeof page.key === 'string' && typeof page.title === 'string'
      ? [{ key: page.key, title: page.title, description: stringOrNull(page.description), excerpt: stringOrNull(page.excerpt) }]
      : [],
  );
}

/** Only an article's summary is a background: a disambiguation page or the main page is none. */
function readSummary(body: unknown, lang: string, asked: string): SummaryResult {
  if (!isRecord(body) || typeof body.title !== 'string') return { status: 'failed', error: 'Wikipedia answered in a form Gloss does not know.' };
  if (body.type === 'disambiguation') return { status: 'none', reason: `"${body.title}" is a disambiguation page.` };
  if (body.type !== 'standard' && body.type !== 'no-extract') return { status: 'none', reason: `"${body.title}" is not an article (${String(body.type)}).` };
  const urls = isRecord(body.content_urls) && isRecord(body.content_urls.desktop) ? body.content_urls.desktop : {};
  const title = isRecord(body.titles) && typeof body.titles.normalized === 'string' ? body.titles.normalized : body.title;
  return {
    status: 'found',
    summary: {
      title,
      description: stringOrNull(body.description),
      extract: typeof body.extract === 'string' ? body.extract : '',
      wikibaseItem: stringOrNull(body.wikibase_item),
      url: typeof urls.page === 'string' ? urls.page : `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(asked.replace(/ /g, '_'))}`,
      lang: typeof body.lang === 'string' ? body.lang : lang,
    },
  };
}

/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(header: string | null, nowMs: number): number {
  if (header === null) return DEFAULT_RETRY_AFTER_MS;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - nowMs);
}

function httpError(response: Response): string {
  return response.status >= 500
    ? `Wikipedia had a problem answering (HTTP ${response.status}); try again later.`
    : `Wikipedia refused the request (HTTP ${response.status}).`;
}

/**
 * At most `max` tasks at once, the others waiting in order. Hand-written rather than p-limit:
 * fifteen lines, and the background's bundle gains no dependency for them.
 */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing task hands its slot over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function slowDown(waitMs: number): string {
  return `Wikipedia asked Gloss to slow down; try again in ${seconds(waitMs)}.`;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
