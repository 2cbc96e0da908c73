import { listToArray } from './dom';
import type { FoundArticle } from './types';

/** Query parameters that only track where a click came from; they never select content. */
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|ref_src|ref_url|cmpid|ocid|ito|smid|sr_share)$/i;

/** `url` without tracking parameters and fragment, or null when it is not an http(s) URL. */
export function cleanUrl(url: string | null | undefined, base?: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // forEach, not [...keys()]: in a Firefox content script the iterator is not iterable.
  const tracking: string[] = [];
  parsed.searchParams.forEach((_value, name) => {
    if (TRACKING_PARAM.test(name)) tracking.push(name);
  });
  for (const name of tracking) parsed.searchParams.delete(name);
  parsed.hash = '';
  return parsed.href;
}

/** The URL relative links of the page resolve against: `<base href>` over the page's own URL. */
export function pageBaseUrl(doc: Document, url?: string): string | undefined {
  const pageUrl = url ?? (/^https?:/.test(doc.documentURI ?? '') ? doc.documentURI : undefined);
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  if (!base) return pageUrl;
  try {
    return new URL(base, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

/** What Readability read from the page's metadata. */
export interface ReadabilityMeta {
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

/** Canonical URL, published date, outlet and byline of the page. */
export function pageMeta(doc: Document, base: string | undefined, readability: ReadabilityMeta): FoundArticle['meta'] {
  const attr = (selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name)?.trim() || null;
  const jsonLd = jsonLdArticle(doc);
  return {
    url:
      cleanUrl(attr('link[rel~="canonical"][href]', 'href'), base) ??
      cleanUrl(attr('meta[property="og:url"]', 'content'), base) ??
      cleanUrl(base),
    published:
      [
        readability.publishedTime,
        stringField(jsonLd?.datePublished),
        attr('meta[itemprop="datePublished"]', 'content'),
        attr('[itemprop="datePublished"][datetime], time[datetime]', 'datetime'),
      ].find(isPlausibleDate)?.trim() ?? null,
    outlet: readability.siteName?.trim() || attr('meta[property="og:site_name"]', 'content') || stringField(nameOf(jsonLd?.publisher)),
    byline: readability.byline?.replace(/\s+/g, ' ').trim() || attr('meta[name="author"]', 'content'),
  };
}

/** Sites leave placeholders such as "0001-01-01T00:00:00Z" in their metadata. */
function isPlausibleDate(value: string | null | undefined): value is string {
  const time = value ? Date.parse(value.trim()) : NaN;
  return !Number.isNaN(time) && new Date(time).getUTCFullYear() >= 1990;
}

type JsonObject = Record<string, unknown>;

/** The first JSON-LD object on the page that has a publication date or a publisher. */
function jsonLdArticle(doc: Document): JsonObject | null {
  for (const script of listToArray(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = flattenJsonLd(data).find((item) => 'datePublished' in item || 'publisher' in item);
    if (found) return found;
  }
  return null;
}

function flattenJsonLd(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.flatMap(flattenJsonLd);
  if (!data || typeof data !== 'object') return [];
  const object = data as JsonObject;
  return [object, ...flattenJsonLd(object['@graph'])];
}

function nameOf(value: unknown): unknown {
  if (Array.isArray(value)) return nameOf(value[0]);
  return value && typeof value === 'object' ? (value as JsonObject).name : value;
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
