/**
 * Messages about notes and memory between the content script, the library (side panel), the
 * options page and the background, which alone opens the store. Readers (validators) for
 * each request live beside them; every reply is `{ ok: false, error }` on failure, the error in
 * plain words.
 */
import { isRecord } from '../messages';
import { ENTITY_TYPES } from '../settings/settings';
import type { ImportResult, NotesPage } from '../store/types';
import { NOTE_COLOURS, type AnchorState, type ArticleRecord, type EntityMemory, type Note } from './types';

/** Content script → background: the notes on this article. Reply: `NotesForPageReply`. */
export interface NotesForPageRequest {
  type: 'gloss:notes:for-page';
  url: string;
}
/** `show`: a note the library asked to open this tab at, to scroll to once placed. */
export type NotesForPageReply = { ok: true; notes: Note[]; show: string | null } | Failure;

/** Page or library → background: create or update a note. Reply: `NoteReply`. */
export interface SaveNoteRequest {
  type: 'gloss:notes:save';
  note: Note;
}
/** Page or library → background: delete a note. Reply: `NoteReply` with the deleted note (for undo). */
export interface DeleteNoteRequest {
  type: 'gloss:notes:delete';
  id: string;
}
export type NoteReply = { ok: true; note: Note | null } | Failure;

/** Content script → background: where each note of the page could be placed. Reply: `DoneReply`. */
export interface AnchorStatesRequest {
  type: 'gloss:notes:anchor-states';
  states: { id: string; anchor: AnchorState }[];
}

/** Library → background: notes matching `query` ('' for all). Reply: `LibraryReply`. */
export interface LibraryRequest {
  type: 'gloss:notes:library';
  query: string;
  limit: number;
}
export type LibraryReply = ({ ok: true } & NotesPage) | Failure;

/** Library → background: open the article of a note in a tab, scrolled to it. Reply: `DoneReply`. */
export interface OpenNoteRequest {
  type: 'gloss:notes:open';
  id: string;
}

/** Library → background: delete every note ("Delete all notes", after the reader confirms). Reply: `DoneReply`. */
export interface ClearNotesRequest {
  type: 'gloss:notes:clear';
}

/** Library → background: every note as a file. Reply: `ExportReply`. */
export interface ExportRequest {
  type: 'gloss:notes:export';
  format: 'jsonld' | 'markdown';
}
export type ExportReply = { ok: true; filename: string; mime: string; text: string } | Failure;

/** Library → background: import a JSON-LD file's text, all or nothing. Reply: `ImportReply`. */
export interface ImportRequest {
  type: 'gloss:notes:import';
  text: string;
}
export type ImportReply = ({ ok: true } & ImportResult) | Failure;

/** Content script → background: what earlier articles said about these entities. Reply: `MemoryReply`. */
export interface MemoryRequest {
  type: 'gloss:memory:for';
  url: string;
  keys: string[];
}
export type MemoryReply = { ok: true; memory: EntityMemory[] } | Failure;

/** Options → background: the articles remembered (for the memory section). Reply: `ArticlesReply`. */
export interface ArticlesRequest {
  type: 'gloss:memory:articles';
}
export type ArticlesReply = { ok: true; articles: ArticleRecord[] } | Failure;

/** Options → background: forget one site's articles, or all of them (`site: null`). Reply: `DoneReply`. */
export interface ForgetRequest {
  type: 'gloss:memory:forget';
  site: string | null;
}

export type DoneReply = { ok: true } | Failure;
export type Failure = { ok: false; error: string };

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

function isOffset(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why `value` is not a Note, in words (`note.body is not a string`), or null when it is one. */
export function noteProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'note is not an object';
  if (typeof value.id !== 'string' || value.id === '') return 'note.id is not a non-empty string';
  if (!isWebUrl(value.url)) return 'note.url is not a web address';
  if (typeof value.title !== 'string') return 'note.title is not a string';
  const quote = value.quote;
  if (!isRecord(quote) || quote.type !== 'TextQuoteSelector' || !['exact', 'prefix', 'suffix'].every((field) => typeof quote[field] === 'string')) {
    return 'note.quote is not a TextQuoteSelector';
  }
  if ((quote.exact as string) === '') return 'note.quote.exact is empty';
  const position = value.position;
  if (!isRecord(position) || position.type !== 'TextPositionSelector' || !isOffset(position.start) || !isOffset(position.end) || position.end < position.start) {
    return 'note.position is not a TextPositionSelector';
  }
  const entity = value.entity;
  if (entity !== null && !(isRecord(entity) && typeof entity.key === 'string' && typeof entity.name === 'string' && (ENTITY_TYPES as readonly unknown[]).includes(entity.type))) {
    return 'note.entity is not an entity or null';
  }
  if (typeof value.body !== 'string') return 'note.body is not a string';
  if (value.body.length > MAX_NOTE_BODY) return `note.body is longer than ${MAX_NOTE_BODY.toLocaleString('en')} characters`;
  const tags = value.tags;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && tag.length <= MAX_TAG_LENGTH)) return 'note.tags is not a list of short strings';
  if (tags.length > MAX_TAGS) return `note.tags has more than ${MAX_TAGS} tags`;
  if (!(NOTE_COLOURS as readonly unknown[]).includes(value.colour)) return `note.colour is not one of ${NOTE_COLOURS.join(', ')}`;
  if (!isDateTime(value.created)) return 'note.created is not a date-time';
  if (!isDateTime(value.modified)) return 'note.modified is not a date-time';
  if (!ANCHOR_STATES.includes(value.anchor as AnchorState)) return 'note.anchor is not anchored, orphaned or unknown';
  const conflicts = value.conflicts;
  const isConflict = (conflict: unknown) =>
    isRecord(conflict) && typeof conflict.body === 'string' && conflict.body.length <= MAX_NOTE_BODY && typeof conflict.device === 'string' && isDateTime(conflict.modified);
  if (conflicts !== undefined && !(Array.isArray(conflicts) && conflicts.length <= MAX_CONFLICTS && conflicts.every(isConflict))) {
    return 'note.conflicts is not a list of conflicting texts';
  }
  return null;
}

/** More texts than this kept beside a note would be a runaway sync, not readers' edits. */
const MAX_CONFLICTS = 20;

/** The fields of a Note only, so nothing else a sender added is stored. */
function noteOf(value: Record<string, unknown>): Note {
  const note = value as unknown as Note;
  return {
    id: note.id,
    url: note.url,
    title: note.title,
    quote: { type: 'TextQuoteSelector', exact: note.quote.exact, prefix: note.quote.prefix, suffix: note.quote.suffix },
    position: { type: 'TextPositionSelector', start: note.position.start, end: note.position.end },
    entity: note.entity ? { key: note.entity.key, name: note.entity.name, type: note.entity.type } : null,
    body: note.body,
    tags: [...note.tags],
    colour: note.colour,
    created: note.created,
    modified: note.modified,
    anchor: note.anchor,
    // Kept through an edit on the page: the reader settles them in the library, never by accident.
    ...(note.conflicts?.length ? { conflicts: note.conflicts.map(({ body, device, modified }) => ({ body, device, modified })) } : {}),
  };
}

function stringList(value: unknown, max: number): value is string[] {
  return Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string');
}

/**
 * Reads an incoming notes or memory message: the request when its shape is right, otherwise
 * an error saying what is wrong, or null when the message is not a notes message (leave it to
 * the other listeners).
 */
export function readNotesRequest(message: unknown): NotesRequest | { error: string } | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  const { type } = message;
  const fail = (problem: string) => ({ error: `${type}: ${problem}` });
  switch (type) {
    case 'gloss:notes:for-page':
      return isWebUrl(message.url) ? { type, url: message.url } : fail('url is not a web address');
    case 'gloss:notes:save': {
      const problem = noteProblem(message.note);
      return problem ? fail(problem) : { type, note: noteOf(message.note as Record<string, unknown>) };
    }
    case 'gloss:notes:delete':
    case 'gloss:notes:open':
      return typeof message.id === 'string' && message.id !== '' ? { type, id: message.id } : fail('id is not a non-empty string');
    case 'gloss:notes:anchor-states': {
      const { states } = message;
      const valid =
        Array.isArray(states) &&
        states.every((state: unknown) => isRecord(state) && typeof state.id === 'string' && ANCHOR_STATES.includes(state.anchor as AnchorState));
      if (!valid) return fail('states is not a list of { id, anchor }');
      return { type, states: (states as { id: string; anchor: AnchorState }[]).map(({ id, anchor }) => ({ id, anchor })) };
    }
    case 'gloss:notes:library':
      if (typeof message.query !== 'string' || message.query.length > MAX_QUERY) return fail(`query is not a string of at most ${MAX_QUERY} characters`);
      if (!Number.isInteger(message.limit) || (message.limit as number) < 1 || (message.limit as number) > MAX_LIMIT) {
        return fail(`limit is not a whole number from 1 to ${MAX_LIMIT}`);
      }
      return { type, query: message.query, limit: message.limit as number };
    case 'gloss:notes:clear':
      return { type };
    case 'gloss:notes:export':
      return message.format === 'jsonld' || message.format === 'markdown' ? { type, format: message.format } : fail('format is not jsonld or markdown');
    case 'gloss:notes:import':
      if (typeof message.text !== 'string') return fail('text is not a string');
      if (message.text.length > MAX_IMPORT_CHARS) return fail(`the file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB`);
      return { type, text: message.text };
    case 'gloss:memory:for':
      if (!isWebUrl(message.url)) return fail('url is not a web address');
      if (!stringList(message.keys, MAX_MEMORY_KEYS)) return fail(`keys is not a list of at most ${MAX_MEMORY_KEYS} strings`);
      return { type, url: message.url, keys: [...message.keys] };
    case 'gloss:memory:articles':
      return { type };
    case 'gloss:memory:forget':
      return message.site === null || (typeof message.site === 'string' && message.site !== '')
        ? { type, site: message.site }
        : fail('site is not a non-empty string or null');
    default:
      return null;
  }
}

function isFailure(value: Record<string, unknown>): boolean {
  return value.ok === false && typeof value.error === 'string';
}

function isReply(value: unknown, ok: (reply: Record<string, unknown>) => boolean): boolean {
  return isRecord(value) && (isFailure(value) || (value.ok === true && ok(value)));
}

const isNoteList = (value: unknown): value is Note[] => Array.isArray(value) && value.every((note) => noteProblem(note) === null);

/** Whether a reply to `gloss:notes:for-page` has the shape we expect. */
export function isNotesForPageReply(value: unknown): value is NotesForPageReply {
  return isReply(value, (reply) => isNoteList(reply.notes) && (reply.show === null || typeof reply.show === 'string'));
}

/** Whether a reply to `gloss:notes:save` or `gloss:notes:delete` has the shape we expect. */
export function isNoteReply(value: unknown): value is NoteReply {
  return isReply(value, (reply) => reply.note === null || noteProblem(reply.note) === null);
}

/** Whether a `DoneReply` has the shape we expect. */
export function isDoneReply(value: unknown): value is DoneReply {
  return isReply(value, () => true);
}

/** Whether a reply to `gloss:notes:library` has the shape we expect. */
export function isLibraryReply(value: unknown): value is LibraryReply {
  return isReply(value, (reply) => isNoteList(reply.notes) && isOffset(reply.total));
}

/** Whether a reply to `gloss:notes:export` has the shape we expect. */
export function isExportReply(value: unknown): value is ExportReply {
  return isReply(value, (reply) => ['filename', 'mime', 'text'].every((field) => typeof reply[field] === 'string'));
}

/** Whether a reply to `gloss:notes:import` has the shape we expect. */
export function isImportReply(value: unknown): value is ImportReply {
  return isReply(value, (reply) => ['added', 'updated', 'unchanged'].every((field) => isOffset(reply[field])));
}

function isEntityMemory(value: unknown): value is EntityMemory {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    Array.isArray(value.articles) &&
    value.articles.every((article: unknown) => isRecord(article) && typeof article.url === 'string' && typeof article.title === 'string') &&
    Array.isArray(value.figures) &&
    value.figures.every((figure: unknown) => isRecord(figure) && typeof figure.text === 'string' && typeof figure.url === 'string' && typeof figure.date === 'string')
  );
}

/** Whether a reply to `gloss:memory:for` has the shape we expect. */
export function isMemoryReply(value: unknown): value is MemoryReply {
  return isReply(value, (reply) => Array.isArray(reply.memory) && reply.memory.every(isEntityMemory));
}

/** Whether a reply to `gloss:memory:articles` has the shape we expect. */
export function isArticlesReply(value: unknown): value is ArticlesReply {
  return isReply(
    value,
    (reply) => Array.isArray(reply.articles) && reply.articles.every((article: unknown) => isRecord(article) && typeof article.url === 'string' && typeof article.site === 'string'),
  );
}

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

/** Reads a message to the content script about notes, or null when it is not a valid one. */
export function readNotesContentRequest(message: unknown): NotesContentRequest | null {
  if (!isRecord(message)) return null;
  if (message.type === 'gloss:notes:add-here') return { type: 'gloss:notes:add-here' };
  if (message.type === 'gloss:notes:show' && typeof message.id === 'string') return { type: 'gloss:notes:show', id: message.id };
  return null;
}
