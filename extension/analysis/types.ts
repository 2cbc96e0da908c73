/**
 * The analysis document (`gloss.analysis/1`, see README "Analysis format") and the
 * intermediate shapes the pipeline stages pass to each other. Everything here is plain data:
 * it crosses the extension's message channel and is printed by `npm run analyze`.
 */

/** A half-open range of UTF-16 offsets into the article text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One word or punctuation mark. */
export interface Token extends Span {
  text: string;
}

/** One sentence: its span and its tokens, in order. */
export interface Sentence extends Span {
  tokens: Token[];
  /** Index of the block (paragraph, heading) the sentence belongs to. */
  block: number;
}

/** A hyperlink inside the article body. */
export interface Link extends Span {
  href: string;
  text: string;
}

/** One recognised surface mention of a named entity, before coreference. */
export interface Mention extends Span {
  type: EntityType;
  text: string;
}

/** One real-world entity after coreference. */
export interface Entity {
  id: string;
  /** The fullest form the article uses. */
  name: string;
  type: EntityType;
  /** The other surface forms found in the text. */
  aliases: string[];
  /** The role or description the article gives, or null. */
  role: string | null;
  mentions: Span[];
}

export interface Figure extends Span {
  /** The number phrase with its hedge and counted noun ("nearly 3.9 million Ukrainians"). */
  text: string;
  /** The number (lower bound of a range; scale words expanded; percentages as the percent number). */
  value: number;
  /** What is counted or measured ("people still stuck", "km"), or null. */
  unit: string | null;
  /** Id of the entity the figure is mainly about, or null. */
  about: string | null;
  /** Id of the entity that states it, or null when it is the outlet's own statement. */
  source: string | null;
  /** The words naming the source ("Mayor Vadim Boïtchenko", "the mayor"), or null. */
  sourceText: string | null;
}

export interface Quote extends Span {
  /** The quoted words, without the quotation marks. */
  text: string;
  speaker: string | null;
  speakerText: string | null;
}

export interface Source {
  /** Id of the entity cited, or null for a source the recogniser did not find as an entity. */
  entity: string | null;
  name: string;
  /** The hyperlinks the page gives in or next to the attribution. */
  links: string[];
}

/** The article text with its structure, as found on a page (or read from a text file). */
export interface ArticleText {
  /** Headline, then the body blocks, separated by blank lines. */
  text: string;
  title: string;
  /** BCP 47 primary language subtag ("en", "fr"). */
  lang: string;
  /** Block (headline, paragraph, list item, sub-heading) spans, in order. */
  blocks: Span[];
  links: Link[];
  /** Set when the article was longer than Gloss analyses: `text` holds its first `words` words (analysis/word-limit.ts). */
  truncated?: { words: number };
}

export interface Analysis {
  schema: 'gloss.analysis/1';
  url: string | null;
  title: string;
  lang: string;
  article: boolean;
  text: string;
  entities: Entity[];
  figures: Figure[];
  quotes: Quote[];
  sources: Source[];
  links: Link[];
  /** Set when the article was too long: `text` and everything found in it cover its first `words` words only. */
  truncated?: { words: number };
}

/** What the attribution stages (figures, quotes, sources) read: the text and what came before. */
export interface AnalysisContext {
  text: string;
  blocks: Span[];
  sentences: Sentence[];
  entities: Entity[];
  links: Link[];
}
