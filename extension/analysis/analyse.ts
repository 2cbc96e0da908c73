import { findEntities } from './entities';
import { findFigures } from './figures';
import { findQuotes } from './quotes';
import { findSources } from './sources';
import { splitSentences } from './text/tokenize';
import type { Analysis, AnalysisContext, ArticleText } from './types';
import { firstWords } from './word-limit';

export const ANALYSIS_SCHEMA = 'gloss.analysis/1';

/**
 * The whole analysis of one article: pure (text in, Analysis out), the same code in the
 * extension's background and in Node. Language analysis runs on English text only: on other
 * languages the document keeps the text and links but invents no entities, figures or quotes.
 * An article longer than `MAX_ANALYSED_WORDS` is analysed on its first words, and says so.
 */
export function analyse(whole: ArticleText, url: string | null = null): Analysis {
  const article = firstWords(whole);
  const { text, blocks, links, lang, truncated } = article;
  const base: Analysis = {
    schema: ANALYSIS_SCHEMA,
    url,
    title: article.title,
    lang,
    article: true,
    text,
    entities: [],
    figures: [],
    quotes: [],
    sources: [],
    links,
    ...(truncated && { truncated }),
  };
  if (lang !== 'en') return base;
  const sentences = splitSentences(text, blocks);
  const ctx: AnalysisContext = { text, blocks, sentences, entities: findEntities(text, sentences), links };
  const figures = findFigures(ctx);
  const quotes = findQuotes(ctx);
  return { ...base, entities: ctx.entities, figures, quotes, sources: findSources(ctx, figures, quotes) };
}

/** The document for a page on which no article was found. */
export function noArticle(url: string | null, title: string, lang: string): Analysis {
  return { schema: ANALYSIS_SCHEMA, url, title, lang, article: false, text: '', entities: [], figures: [], quotes: [], sources: [], links: [] };
}
