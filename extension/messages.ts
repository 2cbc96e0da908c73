/**
 * The typed messages between Gloss's content script, its background and its toolbar popup.
 * Everything crossing `runtime.sendMessage`/`tabs.sendMessage` is plain data. The background
 * reads every request through a schema (valibot) before trusting it, after checking who sent it
 * (background/sender.ts): a stale content script from an older version may still send
 * yesterday's shapes. Each request's type is inferred from its schema, so the two cannot drift
 * apart; a shape defined elsewhere (ArticleText) is checked against its schema with
 * `satisfies`. The content script reads its few messages and replies by hand (see `isReplyOf`).
 */
import * as v from 'valibot';
import type { Analysis, ArticleText } from './analysis/types';
import type { AnchoredArticle } from './article/snapshot';

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- Reading messages through schemas ----------------------------------------------------
// Every schema's message is a phrase that follows the field's name ("is not a string"), so a
// failure reads "article.text is not a string", naming the field. The helpers that make
// schemas are marked free of side effects (as valibot's own are), so the bundler drops the
// schemas of a module that a bundle does not use: the content script imports these modules for
// their hand-written reply checks and must not carry the background's schemas.

/** A schema of some part of a message: anything in, `T` out. */
export type Schema<T> = v.GenericSchema<unknown, T>;

/** A string. */
export const text = /* @__NO_SIDE_EFFECTS__ */ () => v.string('is not a string');
/** A string of at most `max` characters. */
export const shortText = /* @__NO_SIDE_EFFECTS__ */ (max: number, tooLong = `is longer than ${max.toLocaleString('en')} characters`) => v.pipe(text(), v.maxLength(max, tooLong));
/** A string that is not empty. */
export const nonEmptyText = /* @__NO_SIDE_EFFECTS__ */ (max = Infinity) => v.pipe(v.string('is not a non-empty string'), v.nonEmpty('is not a non-empty string'), v.maxLength(max, 'is not a non-empty string'));
/** One of `options`. */
export const oneOf = /* @__NO_SIDE_EFFECTS__ */ <const T extends readonly string[]>(options: T) => v.picklist(options, `is not one of ${options.join(', ')}`);
/** A string or null. */
export const textOrNull = /* @__NO_SIDE_EFFECTS__ */ () => v.nullable(v.string('is not a string or null'));
/** A whole number from 0. */
export const count = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.number('is not a whole number'), v.safeInteger('is not a whole number'), v.minValue(0, 'is negative'));
/** A plain object of `entries`, keeping only those (whatever else a sender added is dropped). */
export const record = /* @__NO_SIDE_EFFECTS__ */ <E extends v.ObjectEntries>(entries: E) => v.object(entries, 'is not an object');
/** A list of at most `max` items of `item`. */
export const listOf = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(item: T, max = Infinity, phrase = `has more than ${max.toLocaleString('en')} items`) =>
  v.pipe(v.array(item, 'is not a list'), v.maxLength(max, phrase));

/** The reply that says a request failed, and why in plain words. */
export const failureSchema = v.object({ ok: v.literal(false), error: v.string() });
/** A reply schema: `{ ok: true, ...entries }` or a failure. */
export const replySchema = /* @__NO_SIDE_EFFECTS__ */ <E extends v.ObjectEntries>(entries: E) => v.union([v.object({ ok: v.literal(true), ...entries }), failureSchema]);
/** A reply saying what failed. */
export type Failure = v.InferOutput<typeof failureSchema>;

/**
 * The check of a reply the content script reads: a failure with its words, or `{ ok: true }`
 * with what `ok` accepts. These replies are checked by hand, not by schema: the schema library
 * would add some 4 KB gzipped to the script every page loads (its budget is 40 KB), and a reply
 * comes from Gloss's own background, which read what it answers with through its schemas on the
 * way in. So the page checks that it got the reply it asked for, and the fields it reads.
 */
export function isReplyOf(value: unknown, ok: (reply: Record<string, unknown>) => boolean): boolean {
  if (!isRecord(value)) return false;
  if (value.ok === false) return typeof value.error === 'string';
  return value.ok === true && ok(value);
}

function describe(issue: v.BaseIssue<unknown>, name: string | undefined): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const field = [name, ...keys].filter(Boolean).join('.');
  // A missing key is reported by the object around it, with the object's message.
  const missing = keys.length > 0 && issue.type.endsWith('object') && issue.input === undefined;
  return `${field} ${missing ? 'is missing' : issue.message}`.trim();
}

/** Why `value` does not fit `schema`, naming the field (`note.body is not a string`), or null when it fits. */
export function problemOf(schema: v.GenericSchema, value: unknown, name?: string): string | null {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? null : describe(result.issues[0], name);
}

/** Reads `value` through `schema`: its output (only the fields the schema knows), or why it does not fit. */
function readBy<T>(schema: Schema<T>, value: unknown): { value: T } | { error: string } {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? { value: result.output } : { error: describe(result.issues[0], undefined) };
}

/**
 * Reads a message by its `type` with the schema `schemas` has for it: the request (only the
 * fields its schema knows), an error naming the field that is wrong, or null when `schemas` has
 * no such type (not ours: leave it to the other listeners).
 */
export function readMessage<T>(schemas: MessageSchemas<T>, message: unknown): T | { error: string } | null {
  const type = typeIn(schemas, message);
  if (type === null) return null;
  const read = readBy(schemas[type]!, message);
  return 'value' in read ? read.value : { error: `${type}: ${read.error}` };
}

/** `readMessage` for a receiver that answers nothing to a malformed request: the request, or null. */
export function readMessageOrNull<T>(schemas: MessageSchemas<T>, message: unknown): T | null {
  const type = typeIn(schemas, message);
  const read = type === null ? null : readBy(schemas[type]!, message);
  return read && 'value' in read ? read.value : null;
}

/** One schema per message type, keyed by the type. */
export type MessageSchemas<T> = Readonly<Record<string, Schema<T>>>;

/** The `type` of `message` when `schemas` has a schema for it, else null. */
function typeIn(schemas: MessageSchemas<unknown>, message: unknown): string | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  return Object.hasOwn(schemas, message.type) ? message.type : null;
}

// ---- The article messages -----------------------------------------------------------------

/** The largest page snapshot Gloss reads, in characters of HTML. */
export const MAX_SNAPSHOT_CHARS = 10_000_000;

const megabytes = /* @__NO_SIDE_EFFECTS__ */ (chars: number) => `${(chars / 1_000_000).toFixed(1)} MB`;

/** Why a snapshot of `chars` characters is not read. */
export function pageTooLarge(chars: number): string {
  return `page too large: ${megabytes(chars)} of HTML, Gloss reads at most ${megabytes(MAX_SNAPSHOT_CHARS)}`;
}

const spanEntries = { start: count(), end: count() };
/** The check that a span does not end before it starts. */
export const ordered = /* @__NO_SIDE_EFFECTS__ */ <T extends { start: number; end: number }>() => v.check<T, string>((span) => span.end >= span.start, 'ends before it starts');
const span = v.pipe(record(spanEntries), ordered());
const link = v.pipe(record({ ...spanEntries, href: text(), text: text() }), ordered());

/** An article's text as the analysis reads it. */
export const articleTextSchema = record({
  text: text(),
  title: text(),
  lang: text(),
  blocks: listOf(span),
  links: listOf(link),
  /** Set on an article cut to its first words (analysis/word-limit.ts). */
  truncated: v.optional(record({ words: count() })),
}) satisfies Schema<ArticleText>;

/** Why `value` is not an ArticleText (`article.text is not a string`), or null when it is one. */
export function articleTextProblem(value: unknown): string | null {
  return problemOf(articleTextSchema, value, 'article');
}

const findArticleRequest = v.object({
  type: v.literal('gloss:find-article'),
  html: v.pipe(text(), v.maxLength(MAX_SNAPSHOT_CHARS, (issue) => `is ${megabytes(issue.input.length)}, more than the ${megabytes(MAX_SNAPSHOT_CHARS)} Gloss reads`)),
  url: text(),
});
/**
 * Content script → background: find the article on this snapshot of the page (its
 * `documentElement.outerHTML`, at most `MAX_SNAPSHOT_CHARS`). Reply: `FindArticleReply`.
 */
export type FindArticleRequest = v.InferOutput<typeof findArticleRequest>;

// ---- The page snapshot, in parts -----------------------------------------------------------
// One `sendMessage` of a 2 MB snapshot held the page's main thread 20–45 ms (up to 90 ms on a
// busy machine) while the browser serialised it. The content script opens a port named
// `SNAPSHOT_PORT` per snapshot instead and posts it in parts of at most `SNAPSHOT_PART_CHARS`,
// each in a task of its own, then `SnapshotEnd`; the background joins them (a port closed on the
// way, by a page that went away, drops them) and posts one `FindArticleReply` back.

/** The name of the port a content script sends one page snapshot through. */
export const SNAPSHOT_PORT = 'gloss:snapshot';

/** The most characters of a snapshot in one part message. */
export const SNAPSHOT_PART_CHARS = 256_000;

const snapshotPart = v.object({
  type: v.literal('gloss:snapshot:part'),
  /** The part's place, from 0: parts come in order. */
  index: count(),
  html: shortText(SNAPSHOT_PART_CHARS),
});
/** Content script → background, on a `SNAPSHOT_PORT` port: the next part of the snapshot. */
export type SnapshotPart = v.InferOutput<typeof snapshotPart>;

const snapshotEnd = v.object({
  type: v.literal('gloss:snapshot:end'),
  url: text(),
  /** How many parts were sent, and their characters in all: the background checks it got them all. */
  parts: count(),
  chars: count(),
});
/**
 * Content script → background, on a `SNAPSHOT_PORT` port, after the last part: find the article
 * on the snapshot of `url`. The background posts back a `FindArticleReply`.
 */
export type SnapshotEnd = v.InferOutput<typeof snapshotEnd>;

export type SnapshotMessage = SnapshotPart | SnapshotEnd;

const SNAPSHOT_MESSAGES: MessageSchemas<SnapshotMessage> = {
  'gloss:snapshot:part': snapshotPart,
  'gloss:snapshot:end': snapshotEnd,
};

/** Reads a message posted on a `SNAPSHOT_PORT` port: the message, an error naming the wrong field, or null when it is neither kind. */
export function readSnapshotMessage(message: unknown): SnapshotMessage | { error: string } | null {
  return readMessage(SNAPSHOT_MESSAGES, message);
}

const analyseRequest = v.object({
  type: v.literal('gloss:analyse'),
  article: articleTextSchema,
  url: textOrNull(),
  published: v.optional(textOrNull()),
  outlet: v.optional(textOrNull()),
});
/**
 * Content script → background: analyse this article. `published` and `outlet`: the page's
 * published date and outlet, for the reader's memory of the article (absent: unknown).
 * Reply: `AnalyseReply`.
 */
export type AnalyseRequest = v.InferOutput<typeof analyseRequest>;

const lastAnalysisRequest = v.object({ type: v.literal('gloss:last-analysis'), tabId: count() });
/** Popup → background: the last analysis of this tab. Reply: `AnalysisReply`. */
export type LastAnalysisRequest = v.InferOutput<typeof lastAnalysisRequest>;

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

/** The background's article requests, by type. */
const BACKGROUND_REQUESTS: MessageSchemas<BackgroundRequest> = {
  'gloss:find-article': findArticleRequest,
  'gloss:analyse': analyseRequest,
  'gloss:last-analysis': lastAnalysisRequest,
};

/**
 * Reads an incoming background message: the request when its shape is right, otherwise an
 * error naming the field that is wrong, or null when the message is not one of Gloss's (leave it alone).
 */
export function readBackgroundRequest(message: unknown): BackgroundRequest | { error: string } | null {
  return readMessage(BACKGROUND_REQUESTS, message);
}

/**
 * Reads an incoming content-script message, or null when it is not a valid Gloss one. Read by
 * hand, like the replies the content script reads (see `isReplyOf`): two tiny shapes, in the
 * page's bundle.
 */
export function readContentRequest(message: unknown): ContentRequest | null {
  if (!isRecord(message)) return null;
  if (message.type === 'gloss:show-entity' && typeof message.entityId === 'string') return { type: 'gloss:show-entity', entityId: message.entityId };
  if (message.type === 'gloss:page-info') return { type: 'gloss:page-info' };
  return null;
}

/** `found` is null when the page has no article. */
export type FindArticleReply = { ok: true; found: AnchoredArticle | null } | Failure;
export type AnalysisReply = { ok: true; analysis: Analysis | null } | Failure;
export type AnalyseReply = { ok: true; analysis: Analysis } | Failure;
export type ShowReply = { ok: boolean };
/** `state` is Gloss's own state on the page, as its host's `data-gloss-state` shows it ("off" when Gloss does not run there). */
export type PageInfo = { url: string; state: string };

/** Whether a background reply to `gloss:find-article` is one (the article's text, its metadata and anchors, or none). */
export function isFindArticleReply(value: unknown): value is FindArticleReply {
  return isReplyOf(value, ({ found }) => found === null || (isRecord(found) && isRecord(found.article) && typeof found.article.text === 'string' && isRecord(found.meta) && Array.isArray(found.anchors)));
}

/** Whether a background reply to `gloss:analyse` is one (an analysis, by its schema tag). */
export function isAnalyseReply(value: unknown): value is AnalyseReply {
  return isReplyOf(value, ({ analysis }) => isRecord(analysis) && analysis.schema === 'gloss.analysis/1');
}
