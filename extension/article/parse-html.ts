import { DOMParser } from 'linkedom';

/**
 * Parses a page's HTML into a Document for `findArticle` off the page: in Node (the CLI, the eval
 * scripts) with linkedom, and in the extension's background, on the snapshot a content script
 * sends, with the browser's own DOMParser: the extension build aliases `linkedom` to
 * `browser-dom-parser.ts` (wxt.config.ts), since Firefox's background page and Chromium's
 * offscreen document, where this runs, both have one.
 *
 * linkedom, not happy-dom: on the 26 dev pages Readability finds the same article text in
 * both, and parse + clone + Readability take 1.7 s in all with linkedom against 7.7 s with
 * happy-dom. linkedom has no usable `Range` (so `TextNodeMap.rangeFor` is for browsers and
 * happy-dom) and no URL of its own: the page URL is set here, so that Readability and
 * `findArticle` resolve relative links. Without `url`, the page's own canonical URL is used.
 */
export function parseHtml(html: string, url?: string): Document {
  let doc = parse(html);
  // A browser always builds html, head and body; linkedom makes markup without `<html>` a tree
  // rooted at its first element (or no tree at all, for bare text), on which `doc.body` or
  // Readability (climbing from its candidate to a BODY it never meets) throws.
  if (doc.documentElement?.tagName !== 'HTML') doc = parse(`<html><body>${html}</body></html>`);
  const pageUrl = url ?? declaredUrl(doc);
  const base = resolve(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  for (const [name, value] of [
    ['documentURI', pageUrl ?? 'about:blank'],
    ['URL', pageUrl ?? 'about:blank'],
    ['baseURI', base ?? 'about:blank'],
  ] as const) {
    Object.defineProperty(doc, name, { value, configurable: true });
  }
  return doc;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The absolute URL the page says it lives at (canonical link or og:url), if any. */
function declaredUrl(doc: Document): string | undefined {
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  const ogUrl = doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content');
  return resolve(canonical) ?? resolve(ogUrl);
}

function resolve(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}
