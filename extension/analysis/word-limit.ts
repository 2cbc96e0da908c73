/**
 * The longest article Gloss analyses. On a 2 MB article (333,000 words) `analyse()` took 4.3 s
 * and its result was 4.7 MB of JSON to send to the page; the first 50,000 words took 0.6 s
 * (Node, one core of the 2-core dev machine). Past the limit the article is cut after its
 * 50,000th word and says so (`truncated`), so the reader sees "too long: analysed the first
 * 50,000 words" rather than a page that waits for seconds.
 */
import type { ArticleText } from './types';

/** The most words of one article Gloss analyses. */
export const MAX_ANALYSED_WORDS = 50_000;

const WORD = /\S+/g;

/**
 * The article's first `max` words: the text cut after the last of them, its blocks and links cut
 * there too, and `truncated` set. An article within the limit (or cut already) is returned as is.
 */
export function firstWords(article: ArticleText, max = MAX_ANALYSED_WORDS): ArticleText {
  if (article.truncated) return article;
  const end = endOfWord(article.text, max);
  if (end === null) return article;
  const text = article.text.slice(0, end);
  const cut = <S extends { start: number; end: number }>(spans: S[]): S[] => spans.flatMap((span) => (span.start < end ? [{ ...span, end: Math.min(span.end, end) }] : []));
  return {
    ...article,
    text,
    blocks: cut(article.blocks),
    links: cut(article.links).map((link) => ({ ...link, text: text.slice(link.start, link.end) })),
    truncated: { words: max },
  };
}

/** Where the `max`th word of `text` ends, or null when `text` has no more than `max` words. */
function endOfWord(text: string, max: number): number | null {
  WORD.lastIndex = 0;
  let end = 0;
  for (let words = 0; WORD.exec(text); words++) {
    if (words === max) return end;
    end = WORD.lastIndex;
  }
  return null;
}
