/**
 * Messages about notes and memory between the content script, the library (side panel), the
 * options page and the background, which alone opens the store. Readers (validators) for
 * each request live beside them; every reply is `{ ok: false, error }` on failure, the error in
 * plain words.
 */
import type { ImportResult, NotesPage } from '../store/types';
import type { AnchorState, ArticleRecord, EntityMemory, Note } from './types';

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
