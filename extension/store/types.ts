/**
 * What the rest of Gloss may ask of the reader's local store (IndexedDB, in the extension's
 * own origin, opened by the background only: pages and content scripts never see it).
 * Every write is one transaction: it happens whole or not at all.
 */
import type { AnchorState, ArticleRecord, EntityMemory, EntityMention, Note } from '../notes/types';

export interface NotesPage {
  /** The notes that match, newest change first (at most the limit asked for). */
  notes: Note[];
  /** How many notes match in all. */
  total: number;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

export interface GlossStore {
  /** Creates or replaces a note (by id). */
  saveNote(note: Note): Promise<Note>;
  getNote(id: string): Promise<Note | undefined>;
  /** Deletes a note and returns it (for undo), or null when there was none. */
  deleteNote(id: string): Promise<Note | null>;
  /** The notes on the article at this canonical URL, in text order. */
  notesFor(url: string): Promise<Note[]>;
  /** Records where the page could (or could not) place each note. */
  setAnchorStates(states: readonly { id: string; anchor: AnchorState }[]): Promise<void>;
  /** Full-text search over note bodies, quotes, tags, titles and entity names; '' lists all. */
  searchNotes(query: string, limit?: number): Promise<NotesPage>;
  allNotes(): Promise<Note[]>;
  /**
   * Imports notes in one transaction: a note with a known id is replaced when it differs
   * (kept when it is the same), so importing the same file twice changes nothing.
   */
  importNotes(notes: readonly Note[]): Promise<ImportResult>;
  /** Deletes every note (the library's "delete all notes"). */
  clearNotes(): Promise<void>;
  /** Records an analysed article and what it says about its entities (replacing an earlier visit's). */
  rememberArticle(article: ArticleRecord, mentions: readonly EntityMention[]): Promise<void>;
  /** For each key, the other articles (not `excludeUrl`) that mention it and their figures. */
  memoryFor(keys: readonly string[], excludeUrl: string): Promise<EntityMemory[]>;
  articles(): Promise<ArticleRecord[]>;
  /** Forgets every article (and its index entries) of a site (`siteKey`). Notes stay. */
  forgetSite(site: string): Promise<void>;
  /** Forgets every article and the whole entity index. Notes stay. */
  clearMemory(): Promise<void>;
  close(): void;
}

/** Why a store operation failed, in words a reader can act on (shown as is). */
export class StoreError extends Error {
  constructor(
    message: string,
    /** 'quota': the browser's storage is full; 'blocked': another Gloss window holds an old version open. */
    readonly kind: 'quota' | 'blocked' | 'failed',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
