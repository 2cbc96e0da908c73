/**
 * What a popover says about one entity, gathered from the Analysis: plain data, so the
 * component only renders and the gathering is tested on its own.
 */
import type { Analysis, Entity, EntityType, Figure, Source, Span } from '../analysis/types';
import { firstMentionSentence } from './background/first-mention';

export const KIND_LABEL: Record<EntityType, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  MISC: 'Other',
};

export interface FigureLine {
  text: string;
  /** Who states it: the source entity's name, the words naming the source, or "the article". */
  statedBy: string;
}

/** A figure the entity states about something else. */
export interface StatedFigure {
  text: string;
  /** The name of the entity the figure is about, when there is one. */
  about: string | null;
}

export interface EntityCard {
  id: string;
  name: string;
  kind: string;
  type: EntityType;
  role: string | null;
  aliases: string[];
  /** The sentence the article first mentions the entity in (trimmed), for the offline background. */
  firstSentence: string | null;
  figures: FigureLine[];
  quotes: string[];
  /** Figures this entity is the source of, about others (its quotes are listed above). */
  states: StatedFigure[];
  mentions: Span[];
  /** Links given for this entity as a cited source. */
  links: string[];
  /** Every source the article cites, with its links, for the short list at the end. */
  articleSources: Source[];
}

export const THE_ARTICLE = 'the article';

/** What a source says in the article: the figures it states and the openings of its quotes. */
export interface SourceStatements {
  figures: string[];
  quotes: string[];
}

/** Words of a quote shown where only a glimpse fits (the toolbar popup's source list). */
const QUOTE_GLIMPSE_WORDS = 12;

export function statementsOf(analysis: Analysis, entityId: string | null): SourceStatements {
  if (entityId === null) return { figures: [], quotes: [] };
  return {
    figures: analysis.figures.filter((figure) => figure.source === entityId).map((figure) => figure.text),
    quotes: analysis.quotes.filter((quote) => quote.speaker === entityId).map((quote) => glimpse(quote.text)),
  };
}

function glimpse(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= QUOTE_GLIMPSE_WORDS ? words.join(' ') : `${words.slice(0, QUOTE_GLIMPSE_WORDS).join(' ')}…`;
}

export function entityCard(analysis: Analysis, entityId: string): EntityCard | null {
  const entity = analysis.entities.find((candidate) => candidate.id === entityId);
  if (!entity) return null;
  const nameOf = entityNames(analysis.entities);
  return {
    id: entity.id,
    name: entity.name,
    kind: KIND_LABEL[entity.type],
    type: entity.type,
    role: entity.role,
    aliases: entity.aliases,
    firstSentence: firstMentionSentence(analysis, entity.id),
    figures: analysis.figures
      .filter((figure) => figure.about === entity.id)
      .map((figure) => ({ text: figure.text, statedBy: statedBy(figure, nameOf) })),
    quotes: analysis.quotes.filter((quote) => quote.speaker === entity.id).map((quote) => quote.text),
    states: figuresStatedBy(entity, analysis.figures, nameOf),
    mentions: [...entity.mentions].sort((a, b) => a.start - b.start),
    links: unique(analysis.sources.filter((source) => source.entity === entity.id).flatMap((source) => source.links)),
    articleSources: analysis.sources,
  };
}

/** Looks up entity names by id. */
export function entityNames(entities: Entity[]): (id: string | null) => string | null {
  const names = new Map(entities.map((entity) => [entity.id, entity.name]));
  return (id) => (id === null ? null : names.get(id) ?? null);
}

/** Who states a figure: the source entity's name, the words naming the source, or "the article". */
export function statedBy(figure: Figure, nameOf: (id: string | null) => string | null): string {
  return nameOf(figure.source) ?? figure.sourceText ?? THE_ARTICLE;
}

/** Figures the entity states about something else (those about itself are already listed). */
function figuresStatedBy(entity: Entity, figures: Figure[], nameOf: (id: string | null) => string | null): StatedFigure[] {
  return figures
    .filter((figure) => figure.source === entity.id && figure.about !== entity.id)
    .map((figure) => ({ text: figure.text, about: nameOf(figure.about) }));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
