import { findEntities } from './entities';
import { findFigures } from './figures';
import { findQuotes } from './quotes';
import { findSources } from './sources';
import { splitSentences } from './text/tokenize';
import type { Analysis, AnalysisContext, ArticleText } from './types';

export const ANALYSIS_SCHEMA = 'gloss.analysis/1';

/**
 * The whole analysis of one article: pure (text in, Analysis out), the same code in the
 * extension's background and in Node. Language analysis runs on English text only: on other
 * languages the document keeps the text and links but invents no entities, figures or quotes.
 */
export function analyse(article: ArticleText, url: string | null = null): Analysis {
  const { text, blocks, links, lang } = article;
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
