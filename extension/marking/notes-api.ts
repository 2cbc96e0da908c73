/**
 * The page's side of the notes messages: each call sends one `NotesRequest` to the background
 * and checks the reply's shape before trusting it; a failure rejects with the background's
 * words. The sender is passed in (the content script passes `runtime.sendMessage`).
 */
import {
  isDoneReply,
  isMemoryReply,
  isNoteReply,
  isNotesForPageReply,
  type NotesRequest,
} from '../notes/messages';
import type { AnchorState, EntityMemory, Note } from '../notes/types';

/** What the page asks the background about notes and memory. */
export interface NotesApi {
  /** The notes on the article at this canonical URL, and the one to show (the library opened the page for it). */
  forPage(url: string): Promise<{ notes: Note[]; show: string | null }>;
  save(note: Note): Promise<Note>;
  /** Deletes a note; resolves to the deleted note (for undo), or null when it was already gone. */
  remove(id: string): Promise<Note | null>;
  anchorStates(states: { id: string; anchor: AnchorState }[]): Promise<void>;
  /** What the reader's other articles said about these entity keys. */
  memoryFor(url: string, keys: string[]): Promise<EntityMemory[]>;
}

export function notesApi(send: (request: NotesRequest) => Promise<unknown>): NotesApi {
  async function ask<T extends { ok: true } | { ok: false; error: string }>(request: NotesRequest, isReply: (value: unknown) => value is T): Promise<T & { ok: true }> {
    const reply = await send(request);
    if (!isReply(reply)) throw new Error(`Gloss's background gave no answer to ${request.type}.`);
    if (!reply.ok) throw new Error((reply as { error: string }).error);
    return reply as T & { ok: true };
  }
  return {
    async forPage(url) {
      const { notes, show } = await ask({ type: 'gloss:notes:for-page', url }, isNotesForPageReply);
      return { notes, show };
    },
    async save(note) {
      const { note: saved } = await ask({ type: 'gloss:notes:save', note }, isNoteReply);
      return saved ?? note;
    },
    async remove(id) {
      return (await ask({ type: 'gloss:notes:delete', id }, isNoteReply)).note;
    },
    async anchorStates(states) {
      await ask({ type: 'gloss:notes:anchor-states', states }, isDoneReply);
    },
    async memoryFor(url, keys) {
      return (await ask({ type: 'gloss:memory:for', url, keys }, isMemoryReply)).memory;
    },
  };
}
