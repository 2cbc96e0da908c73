/**
 * What the library and the options page ask of the background about notes and memory, as typed
 * calls over one `send` function (the extension passes `browser.runtime.sendMessage`; tests pass
 * a fake background). Every call resolves to a reply, never throws: a background that cannot be
 * reached or answers nonsense becomes a `Failure` in plain words.
 */
import { isRecord } from '../../messages';
import type {
  ArticlesReply,
  DoneReply,
  ExportReply,
  ExportRequest,
  Failure,
  ImportReply,
  LibraryReply,
  NoteReply,
  NotesRequest,
} from '../../notes/messages';
import type { Note } from '../../notes/types';

/** Sends one request to the background and resolves to its reply. */
export type SendNotesMessage = (request: NotesRequest) => Promise<unknown>;

export interface NotesClient {
  /** Notes matching `query` ('' for all), newest change first, at most `limit`. */
  search(query: string, limit: number): Promise<LibraryReply>;
  /** Opens the note's article in a tab, scrolled to the note. */
  open(id: string): Promise<DoneReply>;
  /** Creates or replaces a note; the reply carries the note as stored. */
  save(note: Note): Promise<NoteReply>;
  /** Deletes a note; the reply carries the deleted note (for undo). */
  remove(id: string): Promise<NoteReply>;
  exportNotes(format: ExportRequest['format']): Promise<ExportReply>;
  /** Imports a JSON-LD file's text, all or nothing. */
  importNotes(text: string): Promise<ImportReply>;
  /** Deletes every note. */
  clearNotes(): Promise<DoneReply>;
  /** The articles Gloss remembers. */
  articles(): Promise<ArticlesReply>;
  /** Forgets one site's articles, or every article when `site` is null. */
  forget(site: string | null): Promise<DoneReply>;
}

const NO_ANSWER = 'Gloss’s background did not answer. Reload the extension and try again.';

/** A `NotesClient` over `send`. */
export function notesClient(send: SendNotesMessage): NotesClient {
  async function ask<Reply extends { ok: boolean }>(request: NotesRequest): Promise<Reply | Failure> {
    let reply: unknown;
    try {
      reply = await send(request);
    } catch (error) {
      return { ok: false, error: `Could not reach Gloss’s background (${errorText(error)}). Reload the extension and try again.` };
    }
    if (!isRecord(reply) || typeof reply.ok !== 'boolean') return { ok: false, error: NO_ANSWER };
    if (!reply.ok) return { ok: false, error: typeof reply.error === 'string' && reply.error ? reply.error : NO_ANSWER };
    return reply as unknown as Reply;
  }
  return {
    search: (query, limit) => ask({ type: 'gloss:notes:library', query, limit }),
    open: (id) => ask({ type: 'gloss:notes:open', id }),
    save: (note) => ask({ type: 'gloss:notes:save', note }),
    remove: (id) => ask({ type: 'gloss:notes:delete', id }),
    exportNotes: (format) => ask({ type: 'gloss:notes:export', format }),
    importNotes: (text) => ask({ type: 'gloss:notes:import', text }),
    clearNotes: () => ask({ type: 'gloss:notes:clear' }),
    articles: () => ask({ type: 'gloss:memory:articles' }),
    forget: (site) => ask({ type: 'gloss:memory:forget', site }),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
