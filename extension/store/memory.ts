/**
 * Memory across articles: what each analysed article says about its entities (the entity
 * index), and what earlier articles said about the entities of the one being read. The
 * functions that touch the database work inside a transaction the store opens, so each
 * change is whole or nothing.
 */
import type { Analysis, Entity, Figure } from '../analysis/types';
import { entityKey } from '../notes/entity-key';
import type { ArticleRecord, EntityMemory, EntityMention, RememberedFigure } from '../notes/types';
import type { GlossDbSchema } from './db';
import type { IDBPTransaction } from 'idb';

/** How many articles the entity index keeps by default; the least recently seen go first. */
export const DEFAULT_MAX_ARTICLES = 2000;

/** A read-write transaction over the memory's two stores. */
export type MemoryTransaction = IDBPTransaction<GlossDbSchema, ('articles' | 'mentions')[], 'readwrite'>;
type MemoryReadTransaction = IDBPTransaction<GlossDbSchema, ('articles' | 'mentions')[], 'readonly'>;

/**
 * What an analysed article says about each of its entities: its role, the figures about it or
 * stated by it (with the stating entity's name as source, dated by the article's publication,
 * else the day it was seen), and the sources the article cites for it. Entities whose names
 * fold to the same key are merged.
 */
export function mentionsFromAnalysis(analysis: Analysis, article: ArticleRecord): EntityMention[] {
  const byId = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  const date = article.published ?? article.seen;
  const remembered = (figure: Figure): RememberedFigure => ({
    text: figure.text,
    value: figure.value,
    unit: figure.unit,
    source: figure.source === null ? null : (byId.get(figure.source)?.name ?? figure.sourceText),
    url: article.url,
    title: article.title,
    date,
  });
  const byKey = new Map<string, EntityMention>();
  for (const entity of analysis.entities) {
    const key = entityKey(entity.type, entity.name);
    const mention = byKey.get(key) ?? {
      key,
      name: entity.name,
      type: entity.type,
      url: article.url,
      role: null,
      figures: [],
      sources: [],
    };
    mention.role ??= entity.role;
    for (const figure of analysis.figures) {
      if (figure.about === entity.id || figure.source === entity.id) mention.figures.push(remembered(figure));
    }
    for (const source of citedFor(entity, analysis, byId)) {
      if (!mention.sources.includes(source)) mention.sources.push(source);
    }
    byKey.set(key, mention);
  }
  return [...byKey.values()];
}

/** Who the article cites about an entity: the stating sources of its figures, and the entity itself when cited. */
function citedFor(entity: Entity, analysis: Analysis, byId: ReadonlyMap<string, Entity>): string[] {
  const names: string[] = [];
  for (const figure of analysis.figures) {
    if (figure.about !== entity.id || figure.source === null || figure.source === entity.id) continue;
    const name = byId.get(figure.source)?.name ?? figure.sourceText;
    if (name) names.push(name);
  }
  for (const source of analysis.sources) if (source.entity === entity.id) names.push(source.name);
  return names;
}

/**
 * Records an article and its mentions, replacing what an earlier visit recorded, then evicts
 * the least recently seen articles (with their mentions) while more than `maxArticles` are kept.
 */
export async function putArticle(
  tx: MemoryTransaction,
  article: ArticleRecord,
  mentions: readonly EntityMention[],
  maxArticles: number,
): Promise<void> {
  const articles = tx.objectStore('articles');
  await deleteMentionsOf(tx, article.url);
  await articles.put(article);
  for (const mention of mentions) await tx.objectStore('mentions').put(mention);
  let excess = (await articles.count()) - maxArticles;
  for (let cursor = await articles.index('seen').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
    if (cursor.value.url === article.url) continue;
    await deleteMentionsOf(tx, cursor.value.url);
    await cursor.delete();
    excess--;
  }
}

/** Forgets every article of a site and its mentions. */
export async function deleteSite(tx: MemoryTransaction, site: string): Promise<void> {
  const articles = tx.objectStore('articles');
  for (const url of await articles.index('site').getAllKeys(site)) {
    await deleteMentionsOf(tx, url);
    await articles.delete(url);
  }
}

async function deleteMentionsOf(tx: MemoryTransaction, url: string): Promise<void> {
  const mentions = tx.objectStore('mentions');
  const keys = await mentions.index('url').getAllKeys(url);
  await Promise.all(keys.map((key) => mentions.delete(key)));
}

/**
 * For each key that other articles mention: those articles, newest first, and every figure
 * they give about the entity, newest first ("4.1 million" last week above "3.9 million" in
 * March). Keys no other article mentions are left out.
 */
export async function readMemory(
  tx: MemoryReadTransaction,
  keys: readonly string[],
  excludeUrl: string,
): Promise<EntityMemory[]> {
  const articleCache = new Map<string, Promise<ArticleRecord | undefined>>();
  const articleAt = (url: string) => {
    let found = articleCache.get(url);
    if (!found) articleCache.set(url, (found = tx.objectStore('articles').get(url)));
    return found;
  };
  const memories: EntityMemory[] = [];
  for (const key of new Set(keys)) {
    const mentions = (await tx.objectStore('mentions').index('key').getAll(key)).filter((m) => m.url !== excludeUrl);
    const seen = await Promise.all(mentions.map(async (mention) => ({ mention, article: await articleAt(mention.url) })));
    const found = seen.filter((entry): entry is { mention: EntityMention; article: ArticleRecord } => !!entry.article);
    if (found.length === 0) continue;
    found.sort((a, b) => compareDesc(dateOf(a.article), dateOf(b.article)));
    memories.push({
      key,
      articles: found.map(({ mention, article }) => ({
        url: article.url,
        title: article.title,
        published: article.published,
        outlet: article.outlet,
        role: mention.role,
      })),
      figures: found.flatMap(({ mention }) => mention.figures).sort((a, b) => compareDesc(a.date, b.date)),
    });
  }
  return memories;
}

function dateOf(article: ArticleRecord): string {
  return article.published ?? article.seen;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
