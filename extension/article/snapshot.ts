/**
 * Finding the article off the page's main thread: the background reads a snapshot of the page
 * (its `outerHTML`), and the content script maps the result back with the anchors.
 */
import type { ArticleText } from '../analysis/types';
import { anchorsFor, type TextAnchor } from './anchors';
import { findArticle } from './find-article';
import { parseHtml } from './parse-html';
import type { FoundArticle } from './types';

/** The article found on a snapshot, with the anchors that map its text back to the live page. */
export interface AnchoredArticle {
  article: ArticleText;
  meta: FoundArticle['meta'];
  anchors: TextAnchor[];
}

/** `findArticle` on the parse of `html` (the page's `documentElement.outerHTML`), or null. */
export function findAnchoredArticle(html: string, url: string): AnchoredArticle | null {
  const doc = parseHtml(html, url);
  const found = findArticle(doc, { url });
  if (!found) return null;
  return { article: found.article, meta: found.meta, anchors: anchorsFor(found.map, doc.documentElement, found.article.text.length) };
}
