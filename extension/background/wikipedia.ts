/**
 * The background's half of Wikipedia look-ups: answers a validated `LookupRequest` with a
 * `LookupResult`, unless the reader turned look-ups off (everywhere or on the page's site) or
 * has not granted the host permission for the wiki, in which case nothing is sent. The
 * browser's settings, permissions and storage are passed in, so this module knows nothing of WXT.
 *
 * For tests, the wiki's address can be replaced through `storage.local` key
 * `gloss:wikipedia-endpoint` (`ENDPOINT_OVERRIDE_KEY`): a base URL such as
 * `http://127.0.0.1:41234`, where `{lang}` is replaced by the language. Only Gloss's own pages
 * and the browser's tools can write `storage.local`; a web page cannot.
 */
import { lookupsAllowed, siteKey, type Settings } from '../settings/settings';
import { openWikipediaCache, type WikipediaCache } from '../wikipedia/cache';
import { createWikipediaClient, defaultEndpoint, type WikipediaClientOptions } from '../wikipedia/client';
import { lookupBackground } from '../wikipedia/lookup';
import type { LookupRequest } from '../wikipedia/messages';
import type { LookupResult } from '../wikipedia/types';

/** The `storage.local` key of the wiki's address when it is not Wikipedia's (tests). */
export const ENDPOINT_OVERRIDE_KEY = 'gloss:wikipedia-endpoint';

export interface WikipediaBackgroundOptions {
  /** The reader's settings as stored now (read for each look-up, so turning off applies at once). */
  settings(): Promise<Settings>;
  /** Whether the host permission for this origin pattern (`https://en.wikipedia.org/*`) is granted. */
  hasPermission(originPattern: string): Promise<boolean>;
  /** The endpoint override stored under `ENDPOINT_OVERRIDE_KEY`, or null. */
  endpointOverride(): Promise<string | null>;
  /** Opens the cache; called once, on the first look-up. Default: `openWikipediaCache()`. */
  openCache?(): Promise<WikipediaCache>;
  /** Passed to the client (version for Api-User-Agent, fetch, timeouts…); `endpoint` is set here. */
  client?: Omit<WikipediaClientOptions, 'endpoint'>;
}

export interface WikipediaBackground {
  /** Answers a validated request; never rejects. */
  answer(request: LookupRequest): Promise<LookupResult>;
}

/** The look-up handler; one per background, so that its client's queue and its cache are shared by every tab. */
export function createWikipediaBackground(options: WikipediaBackgroundOptions): WikipediaBackground {
  let override: string | null = null;
  const endpoint = (lang: string) => (override ? override.replace(/\{lang\}/g, lang).replace(/\/+$/, '') : defaultEndpoint(lang));
  const client = createWikipediaClient({ ...options.client, endpoint });
  let cache: Promise<WikipediaCache> | null = null;
  /** A look-up already on its way for the same entity on the same site: hovering twice asks once. */
  const pending = new Map<string, Promise<LookupResult>>();

  async function lookUp(request: LookupRequest): Promise<LookupResult> {
    const settings = await options.settings();
    if (!settings.lookups) return { status: 'off', reason: 'Wikipedia look-ups are off.' };
    if (!lookupsAllowed(settings, request.pageUrl)) return { status: 'off', reason: 'Wikipedia look-ups are off on this site.' };
    override = await options.endpointOverride();
    const origin = `${new URL(endpoint(request.context.lang)).origin}/*`;
    if (!(await options.hasPermission(origin))) return { status: 'off', reason: `Gloss has not been allowed to reach ${origin.slice(0, -2)}.` };
    cache ??= (options.openCache ?? (() => openWikipediaCache()))().catch((error: unknown) => {
      cache = null; // try again on the next look-up
      throw error;
    });
    let opened: WikipediaCache;
    try {
      opened = await cache;
    } catch (error) {
      return { status: 'failed', error: `Gloss could not open its Wikipedia cache (${error instanceof Error ? error.message : String(error)}).` };
    }
    return lookupBackground(request.context, { client, cache: opened });
  }

  return {
    answer(request) {
      const key = JSON.stringify([request.context, siteKey(request.pageUrl)]);
      const known = pending.get(key);
      if (known) return known;
      const answer = lookUp(request)
        .catch((error: unknown): LookupResult => ({ status: 'failed', error: `The look-up failed (${error instanceof Error ? error.message : String(error)}).` }))
        .finally(() => pending.delete(key));
      pending.set(key, answer);
      return answer;
    },
  };
}
