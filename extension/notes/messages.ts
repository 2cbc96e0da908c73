/**
 * Messages about notes and memory between the content script, the library (side panel), the
 * options page and the background, which alone opens the store. Each request is a schema
 * (valibot) and its type is inferred from it; each reply has a schema its guard checks. Every
 * reply is `{ ok: false, error }` on failure, the error in plain words. The note schema is also
 * the check of a Note wherever one comes from (an import, a synced journal): `noteProblem`.
 */
import * as v from 'valibot';
import { count, isRecord, isReplyOf, listOf, oneOf, nonEmptyText, ordered, problemOf, readMessage, record, replySchema, shortText, text, textOrNull, type Failure, type MessageSchemas, type Schema } from '../messages';
import { ENTITY_TYPES } from '../settings/settings';
import { MAX_CONFLICTS, NOTE_COLOURS, type AnchorState, type ArticleRecord, type EntityMemory, type Note } from './types';

export type { Failure };

/** The longest note body Gloss accepts, in characters (a note, not a document). */
export const MAX_NOTE_BODY = 20_000;
/** The most tags a note keeps, and the longest tag. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 60;
/** The longest search query and the most notes one library page lists. */
const MAX_QUERY = 500;
const MAX_LIMIT = 10_000;
/** The most entity keys one memory request asks about (an article rarely has 200 names). */
const MAX_MEMORY_KEYS = 2_000;
/** The largest import file read, in characters. */
export const MAX_IMPORT_CHARS = 50_000_000;

const ANCHOR_STATES: readonly AnchorState[] = ['anchored', 'orphaned', 'unknown'];

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An http or https address. */
const webAddress = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.string('is not a web address'), v.check(isWebUrl, 'is not a web address'));
/** An ISO 8601 date-time (anything `Date.parse` reads). */
const dateTime = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.string('is not a date-time'), v.check((value) => !Number.isNaN(Date.parse(value)), 'is not a date-time'));
const anchorState = /* @__NO_SIDE_EFFECTS__ */ () => v.picklist(ANCHOR_STATES, 'is not anchored, orphaned or unknown');
const body = /* @__NO_SIDE_EFFECTS__ */ () => shortText(MAX_NOTE_BODY);

const conflict = record({ body: body(), device: text(), modified: dateTime() });

/**
 * A Note, with only a Note's fields (nothing else a sender added is kept), its texts within
 * Gloss's limits. An empty list of conflicts is dropped (absent when none).
 */
export const noteSchema = v.pipe(
  record({
    id: nonEmptyText(),
    url: webAddress(),
    title: text(),
    quote: record({
      type: v.literal('TextQuoteSelector', 'is not TextQuoteSelector'),
      exact: v.pipe(text(), v.nonEmpty('is empty')),
      prefix: text(),
      suffix: text(),
    }),
    position: v.pipe(record({ type: v.literal('TextPositionSelector', 'is not TextPositionSelector'), start: count(), end: count() }), ordered()),
    entity: v.nullable(v.object({ key: text(), name: text(), type: oneOf(ENTITY_TYPES) }, 'is not an object or null')),
    body: body(),
    tags: listOf(shortText(MAX_TAG_LENGTH), MAX_TAGS, `has more than ${MAX_TAGS} tags`),
    colour: oneOf(NOTE_COLOURS),
    created: dateTime(),
    modified: dateTime(),
    anchor: anchorState(),
    // Kept through an edit on the page: the reader settles them in the library, never by accident.
    conflicts: v.optional(listOf(conflict, MAX_CONFLICTS, `has more than ${MAX_CONFLICTS} texts`)),
  }),
  v.transform(({ conflicts, ...note }): Note => (conflicts?.length ? { ...note, conflicts } : note)),
) satisfies Schema<Note>;

/** Why `value` is not a Note, naming the field (`note.body is not a string`), or null when it is one. */
export function noteProblem(value: unknown): string | null {
  return problemOf(noteSchema, value, 'note');
}

const forPageRequest = v.object({ type: v.literal('gloss:notes:for-page'), url: webAddress() });
/** Content script → background: the notes on this article. Reply: `NotesForPageReply`. */
export type NotesForPageRequest = v.InferOutput<typeof forPageRequest>;

const saveRequest = v.object({ type: v.literal('gloss:notes:save'), note: noteSchema });
/** Page or library → background: create or update a note. Reply: `NoteReply`. */
export type SaveNoteRequest = v.InferOutput<typeof saveRequest>;

const deleteRequest = v.object({ type: v.literal('gloss:notes:delete'), id: nonEmptyText() });
/** Page or library → background: delete a note. Reply: `NoteReply` with the deleted note (for undo). */
export type DeleteNoteRequest = v.InferOutput<typeof deleteRequest>;

const anchorStatesRequest = v.object({ type: v.literal('gloss:notes:anchor-states'), states: listOf(record({ id: text(), anchor: anchorState() })) });
/** Content script → background: where each note of the page could be placed. Reply: `DoneReply`. */
export type AnchorStatesRequest = v.InferOutput<typeof anchorStatesRequest>;

const LIMIT = `is not a whole number from 1 to ${MAX_LIMIT}`;
const libraryRequest = v.object({
  type: v.literal('gloss:notes:library'),
  query: shortText(MAX_QUERY),
  limit: v.pipe(v.number(LIMIT), v.integer(LIMIT), v.minValue(1, LIMIT), v.maxValue(MAX_LIMIT, LIMIT)),
});
/** Library → background: notes matching `query` ('' for all). Reply: `LibraryReply`. */
export type LibraryRequest = v.InferOutput<typeof libraryRequest>;

const openRequest = v.object({ type: v.literal('gloss:notes:open'), id: nonEmptyText() });
/** Library → background: open the article of a note in a tab, scrolled to it. Reply: `DoneReply`. */
export type OpenNoteRequest = v.InferOutput<typeof openRequest>;

const clearRequest = v.object({ type: v.literal('gloss:notes:clear') });
/** Library → background: delete every note ("Delete all notes", after the reader confirms). Reply: `DoneReply`. */
export type ClearNotesRequest = v.InferOutput<typeof clearRequest>;

const exportRequest = v.object({ type: v.literal('gloss:notes:export'), format: v.picklist(['jsonld', 'markdown'], 'is not jsonld or markdown') });
/** Library → background: every note as a file. Reply: `ExportReply`. */
export type ExportRequest = v.InferOutput<typeof exportRequest>;

const importRequest = v.object({ type: v.literal('gloss:notes:import'), text: shortText(MAX_IMPORT_CHARS, `is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB`) });
/** Library → background: import a JSON-LD file's text, all or nothing. Reply: `ImportReply`. */
export type ImportRequest = v.InferOutput<typeof importRequest>;

const memoryRequest = v.object({
  type: v.literal('gloss:memory:for'),
  url: webAddress(),
  keys: listOf(text(), MAX_MEMORY_KEYS),
});
/** Content script → background: what earlier articles said about these entities. Reply: `MemoryReply`. */
export type MemoryRequest = v.InferOutput<typeof memoryRequest>;

const articlesRequest = v.object({ type: v.literal('gloss:memory:articles') });
/** Options → background: the articles remembered (for the memory section). Reply: `ArticlesReply`. */
export type ArticlesRequest = v.InferOutput<typeof articlesRequest>;

const forgetRequest = v.object({
  type: v.literal('gloss:memory:forget'),
  site: v.nullable(v.pipe(v.string('is not a non-empty string or null'), v.nonEmpty('is empty'))),
});
/** Options → background: forget one site's articles, or all of them (`site: null`). Reply: `DoneReply`. */
export type ForgetRequest = v.InferOutput<typeof forgetRequest>;

export type NotesRequest =
  | NotesForPageRequest
  | SaveNoteRequest
  | DeleteNoteRequest
  | AnchorStatesRequest
  | LibraryRequest
  | OpenNoteRequest
  | ExportRequest
  | ImportRequest
  | ClearNotesRequest
  | MemoryRequest
  | ArticlesRequest
  | ForgetRequest;

/** The background's notes and memory requests, by type. */
const NOTES_REQUESTS: MessageSchemas<NotesRequest> = {
  'gloss:notes:for-page': forPageRequest,
  'gloss:notes:save': saveRequest,
  'gloss:notes:delete': deleteRequest,
  'gloss:notes:anchor-states': anchorStatesRequest,
  'gloss:notes:library': libraryRequest,
  'gloss:notes:open': openRequest,
  'gloss:notes:clear': clearRequest,
  'gloss:notes:export': exportRequest,
  'gloss:notes:import': importRequest,
  'gloss:memory:for': memoryRequest,
  'gloss:memory:articles': articlesRequest,
  'gloss:memory:forget': forgetRequest,
};

/**
 * Reads an incoming notes or memory message: the request when its shape is right, otherwise
 * an error naming the field that is wrong, or null when the message is not a notes message
 * (leave it to the other listeners).
 */
export function readNotesRequest(message: unknown): NotesRequest | { error: string } | null {
  return readMessage(NOTES_REQUESTS, message);
}

// ---- Replies ----
// Those the content script reads are checked by hand (see `isReplyOf`), keeping the schema
// library out of the page's bundle; the others by schema.

/** `show`: a note the library asked to open this tab at, to scroll to once placed. */
export type NotesForPageReply = { ok: true; notes: Note[]; show: string | null } | Failure;
export type NoteReply = { ok: true; note: Note | null } | Failure;
export type DoneReply = { ok: true } | Failure;
export type MemoryReply = { ok: true; memory: EntityMemory[] } | Failure;

/** Whether a reply to `gloss:notes:for-page` is one (a list of notes, and the note to show or null). */
export function isNotesForPageReply(value: unknown): value is NotesForPageReply {
  return isReplyOf(value, ({ notes, show }) => Array.isArray(notes) && notes.every(isRecord) && (show === null || typeof show === 'string'));
}

/** Whether a reply to `gloss:notes:save` or `gloss:notes:delete` is one (a note or null). */
export function isNoteReply(value: unknown): value is NoteReply {
  return isReplyOf(value, ({ note }) => note === null || isRecord(note));
}

/** Whether a `DoneReply` is one. */
export function isDoneReply(value: unknown): value is DoneReply {
  return isReplyOf(value, () => true);
}

/** Whether a reply to `gloss:memory:for` is one (a list of each entity's memory). */
export function isMemoryReply(value: unknown): value is MemoryReply {
  const isMemory = (memory: unknown) => isRecord(memory) && typeof memory.key === 'string' && Array.isArray(memory.articles) && Array.isArray(memory.figures);
  return isReplyOf(value, ({ memory }) => Array.isArray(memory) && memory.every(isMemory));
}

const libraryReply = replySchema({ notes: v.array(noteSchema), total: count() });
export type LibraryReply = v.InferOutput<typeof libraryReply>;

const exportReply = replySchema({ filename: v.string(), mime: v.string(), text: v.string() });
export type ExportReply = v.InferOutput<typeof exportReply>;

const importReply = replySchema({ added: count(), updated: count(), unchanged: count() });
export type ImportReply = v.InferOutput<typeof importReply>;

const articleRecord = v.object({
  url: v.string(),
  title: v.string(),
  published: textOrNull(),
  outlet: textOrNull(),
  seen: v.string(),
  site: v.string(),
}) satisfies Schema<ArticleRecord>;
const articlesReply = replySchema({ articles: v.array(articleRecord) });
export type ArticlesReply = v.InferOutput<typeof articlesReply>;

/** Whether a reply to `gloss:notes:library` has the shape we expect. */
export function isLibraryReply(value: unknown): value is LibraryReply {
  return v.is(libraryReply, value);
}

/** Whether a reply to `gloss:notes:export` has the shape we expect. */
export function isExportReply(value: unknown): value is ExportReply {
  return v.is(exportReply, value);
}

/** Whether a reply to `gloss:notes:import` has the shape we expect. */
export function isImportReply(value: unknown): value is ImportReply {
  return v.is(importReply, value);
}

/** Whether a reply to `gloss:memory:articles` has the shape we expect. */
export function isArticlesReply(value: unknown): value is ArticlesReply {
  return v.is(articlesReply, value);
}

// ---- Background → content script ----

/** Background → content script: open the note editor on the reader's selection (context menu, shortcut). Reply: `DoneReply`. */
export interface AddNoteHereRequest {
  type: 'gloss:notes:add-here';
}
/** Background → content script: scroll to a note of this page and flash it (the library opened it). Reply: `DoneReply`. */
export interface ShowNoteRequest {
  type: 'gloss:notes:show';
  id: string;
}
export type NotesContentRequest = AddNoteHereRequest | ShowNoteRequest;

/** Reads a message to the content script about notes, or null when it is not a valid one (by hand: it is in the page's bundle). */
export function readNotesContentRequest(message: unknown): NotesContentRequest | null {
  if (!isRecord(message)) return null;
  if (message.type === 'gloss:notes:add-here') return { type: 'gloss:notes:add-here' };
  if (message.type === 'gloss:notes:show' && typeof message.id === 'string') return { type: 'gloss:notes:show', id: message.id };
  return null;
}
