/**
 * The typed messages between Gloss's content script, its background and its toolbar popup.
 * Everything crossing `runtime.sendMessage`/`tabs.sendMessage` is plain data, and every
 * receiver checks the shape of what it got before trusting it (a page can't send to us, but a
 * stale content script from an older version can).
 */
import type { Analysis, ArticleText, Link, Span } from './analysis/types';
import type { TextAnchor } from './article/anchors';
import type { AnchoredArticle } from './article/snapshot';

/** The largest page snapshot Gloss reads, in characters of HTML. */
export const MAX_SNAPSHOT_CHARS = 10_000_000;

/**
 * Content script → background: find the article on this snapshot of the page (its
 * `documentElement.outerHTML`, at most `MAX_SNAPSHOT_CHARS`). Reply: `FindArticleReply`.
 */
export interface FindArticleRequest {
  type: 'gloss:find-article';
  html: string;
  url: string;
}

/** Content script → background: analyse this article. Reply: `AnalyseReply`. */
export interface AnalyseRequest {
  type: 'gloss:analyse';
  article: ArticleText;
  url: string | null;
  /** The page's published date and outlet, for the reader's memory of the article (absent: unknown). */
  published?: string | null;
  outlet?: string | null;
}

/** Popup → background: the last analysis of this tab. Reply: `AnalysisReply`. */
export interface LastAnalysisRequest {
  type: 'gloss:last-analysis';
  tabId: number;
}

/** Popup → content script: scroll the page to an entity's first mention. Reply: `ShowReply`. */
export interface ShowEntityRequest {
  type: 'gloss:show-entity';
  entityId: string;
}

/** Popup → content script: which page this is and how far Gloss got. Reply: `PageInfo`. */
export interface PageInfoRequest {
  type: 'gloss:page-info';
}

export type BackgroundRequest = FindArticleRequest | AnalyseRequest | LastAnalysisRequest;
export type ContentRequest = ShowEntityRequest | PageInfoRequest;

/** `found` is null when the page has no article. */
export type FindArticleReply = { ok: true; found: AnchoredArticle | null } | { ok: false; error: string };
export type AnalysisReply = { ok: true; analysis: Analysis | null } | { ok: false; error: string };
export type AnalyseReply = { ok: true; analysis: Analysis } | { ok: false; error: string };
export type ShowReply = { ok: boolean };
/** `state` is the host's `data-gloss-state` ("off" when Gloss does not run on this site). */
export type PageInfo = { url: string; state: string };

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSpan(value: unknown): value is Span {
  return (
    isRecord(value) &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    (value.start as number) >= 0 &&
    (value.end as number) >= (value.start as number)
  );
}

/** Why `value` is not an ArticleText, or null when it is one. */
export function articleTextProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'article is not an object';
  if (typeof value.text !== 'string') return 'article.text is not a string';
  if (typeof value.title !== 'string') return 'article.title is not a string';
  if (typeof value.lang !== 'string') return 'article.lang is not a string';
  if (!Array.isArray(value.blocks) || !value.blocks.every(isSpan)) return 'article.blocks is not a list of spans';
  const linksOk =
    Array.isArray(value.links) &&
    value.links.every((link: unknown) => isSpan(link) && typeof (link as Link).href === 'string' && typeof (link as Link).text === 'string');
  if (!linksOk) return 'article.links is not a list of links';
  return null;
}

/**
 * Reads an incoming background message: the request when its shape is right, otherwise an
 * error saying what is wrong, or null when the message is not one of Gloss's (leave it alone).
 */
export function readBackgroundRequest(message: unknown): BackgroundRequest | { error: string } | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  switch (message.type) {
    case 'gloss:find-article':
      if (typeof message.html !== 'string') return { error: 'gloss:find-article: html is not a string' };
      if (message.html.length > MAX_SNAPSHOT_CHARS) return { error: `gloss:find-article: ${pageTooLarge(message.html.length)}` };
      if (typeof message.url !== 'string') return { error: 'gloss:find-article: url is not a string' };
      return { type: 'gloss:find-article', html: message.html, url: message.url };
    case 'gloss:analyse': {
      const problem = articleTextProblem(message.article);
      if (problem) return { error: `gloss:analyse: ${problem}` };
      if (message.url !== null && typeof message.url !== 'string') return { error: 'gloss:analyse: url is not a string or null' };
      const { published, outlet } = message;
      if (published !== undefined && !isNullableString(published)) return { error: 'gloss:analyse: published is not a string or null' };
      if (outlet !== undefined && !isNullableString(outlet)) return { error: 'gloss:analyse: outlet is not a string or null' };
      const meta = { ...(published !== undefined && { published }), ...(outlet !== undefined && { outlet }) };
      return { type: 'gloss:analyse', article: message.article as ArticleText, url: message.url, ...meta };
    }
    case 'gloss:last-analysis':
      if (!Number.isInteger(message.tabId)) return { error: 'gloss:last-analysis: tabId is not an integer' };
      return { type: 'gloss:last-analysis', tabId: message.tabId as number };
    default:
      return null;
  }
}

/** Reads an incoming content-script message, or null when it is not a valid Gloss one. */
export function readContentRequest(message: unknown): ContentRequest | null {
  if (!isRecord(message)) return null;
  if (message.type === 'gloss:show-entity' && typeof message.entityId === 'string') {
    return { type: 'gloss:show-entity', entityId: message.entityId };
  }
  if (message.type === 'gloss:page-info') return { type: 'gloss:page-info' };
  return null;
}

/** Why a snapshot of `chars` characters is not read. */
export function pageTooLarge(chars: number): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return `page too large: ${mb(chars)} of HTML, Gloss reads at most ${mb(MAX_SNAPSHOT_CHARS)}`;
}

function isAnchor(value: unknown): value is TextAnchor {
  if (!isSpan(value) || value.end <= value.start) return false;
  const { node, offset } = value as Partial<Record<'node' | 'offset', unknown>>;
  return Number.isInteger(node) && Number.isInteger(offset) && (node as number) >= 0 && (offset as number) >= 0;
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** Why `value` is not an AnchoredArticle, or null when it is one. */
function anchoredArticleProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'found is not an object';
  const problem = articleTextProblem(value.article);
  if (problem) return problem;
  const meta = value.meta;
  if (!isRecord(meta) || !['url', 'published', 'outlet', 'byline'].every((field) => isNullableString(meta[field]))) return 'found.meta is not page metadata';
  if (!Array.isArray(value.anchors) || !value.anchors.every(isAnchor)) return 'found.anchors is not a list of anchors';
  return null;
}

/** Whether a background reply to `gloss:find-article` has the shape we expect. */
export function isFindArticleReply(value: unknown): value is FindArticleReply {
  if (!isRecord(value)) return false;
  if (value.ok === true) return value.found === null || anchoredArticleProblem(value.found) === null;
  return value.ok === false && typeof value.error === 'string';
}

/** Whether a background reply to `gloss:analyse` has the shape we expect. */
export function isAnalyseReply(value: unknown): value is AnalyseReply {
  if (!isRecord(value)) return false;
  if (value.ok === true) return isRecord(value.analysis) && value.analysis.schema === 'gloss.analysis/1';
  return value.ok === false && typeof value.error === 'string';
}
