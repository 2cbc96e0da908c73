import type { ArticleText } from '../analysis/types';

/**
 * Maps article-text offsets back to the live page: which text node (and offset inside it)
 * each character of `ArticleText.text` came from. Separators the extractor inserted between
 * blocks map to nothing.
 */
export interface TextNodeMap {
  /** A live DOM Range covering `text.slice(start, end)`, or null when the span is not on the page. */
  rangeFor(start: number, end: number): Range | null;
  /** The article-text offset of a point in the live DOM, or null when it is outside the article. */
  offsetOf(node: Node, offset: number): number | null;
  /** The map as stretches of text, each read from consecutive characters of one node. */
  runs(): TextRun[];
}

/**
 * `text.slice(start, end)` was read from `node`'s characters from `offset` on, one for one
 * (a whitespace character of the node may stand for a collapsed run of them).
 */
export interface TextRun {
  start: number;
  end: number;
  node: Node;
  offset: number;
}

/** What `findArticle` finds on a page. */
export interface FoundArticle {
  article: ArticleText;
  map: TextNodeMap;
  /** Page metadata: canonical URL (tracking parameters removed), published date, outlet. */
  meta: { url: string | null; published: string | null; outlet: string | null; byline: string | null };
}
