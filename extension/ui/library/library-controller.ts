/**
 * What the library's buttons do: each asks the background through the `NotesClient` and tells
 * the store what came of it, the failures as messages in plain words.
 */
import type { ExportRequest } from '../../notes/messages';
import type { Note, NoteColour } from '../../notes/types';
import { downloadText } from './download';
import { actions, type LibraryStore } from './library-store';
import type { NotesClient } from './notes-client';

/** How many notes one search shows at most (the newest changes first). */
export const LIBRARY_LIMIT = 500;

/** What the reader can change about a note in the library. */
export interface NoteChanges {
  body: string;
  tags: string[];
  colour: NoteColour;
}

export interface LibraryController {
  /** Asks for the notes matching `query` ('' for all); an answer to an older query is dropped. */
  loadNotes(query: string): Promise<void>;
  /** Asks for the articles Gloss remembers, for their outlet and date (quietly skipped if it fails). */
  loadArticles(): Promise<void>;
  openNote(note: Note): Promise<void>;
  saveNote(note: Note, changes: NoteChanges): Promise<void>;
  deleteNote(note: Note): Promise<void>;
  /** Puts back the last deleted note, with its id. */
  undoDelete(): Promise<void>;
  exportNotes(format: ExportRequest['format']): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Deletes every note (the reader has confirmed). */
  clearAll(): Promise<void>;
}

/** `doc`: where downloads are offered (the panel's document). */
export function libraryController(client: NotesClient, store: LibraryStore, doc?: Document): LibraryController {
  const { dispatch } = store;
  const reload = (): Promise<void> => controller.loadNotes(store.getState().query.trim());

  const controller: LibraryController = {
    async loadNotes(query) {
      const reply = await client.search(query, LIBRARY_LIMIT);
      if (reply.ok) dispatch(actions.notesLoaded(query, reply.notes, reply.total));
      else dispatch(actions.error(`Could not list your notes: ${reply.error}`));
    },

    async loadArticles() {
      const reply = await client.articles();
      if (reply.ok) dispatch(actions.articlesLoaded(reply.articles));
    },

    async openNote(note) {
      const reply = await client.open(note.id);
      if (!reply.ok) dispatch(actions.error(`Could not open “${note.title || note.url}”: ${reply.error}`));
    },

    async saveNote(note, changes) {
      const edited: Note = { ...note, ...changes, modified: new Date().toISOString() };
      const reply = await client.save(edited);
      if (!reply.ok) return dispatch(actions.error(`Could not save the note: ${reply.error}`));
      dispatch(actions.noteSaved(reply.note ?? edited));
      dispatch(actions.info('Note saved.'));
    },

    async deleteNote(note) {
      const reply = await client.remove(note.id);
      if (!reply.ok) return dispatch(actions.error(`Could not delete the note: ${reply.error}`));
      dispatch(actions.noteDeleted(reply.note ?? note));
      dispatch(actions.messageCleared());
    },

    async undoDelete() {
      const deleted = store.getState().deleted;
      if (!deleted) return;
      const reply = await client.save(deleted);
      if (!reply.ok) return dispatch(actions.error(`Could not put the note back: ${reply.error}`));
      dispatch(actions.noteSaved(reply.note ?? deleted));
      dispatch(actions.info('Note put back.'));
    },

    async exportNotes(format) {
      const reply = await client.exportNotes(format);
      if (!reply.ok) return dispatch(actions.error(`Could not export your notes: ${reply.error}`));
      downloadText(reply.filename, reply.mime, reply.text, doc);
      dispatch(actions.info(`Exported your notes to ${reply.filename}.`));
    },

    async importFile(file) {
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        return dispatch(actions.error(`Could not read “${file.name}”: ${error instanceof Error ? error.message : String(error)}`));
      }
      const reply = await client.importNotes(text);
      if (!reply.ok) return dispatch(actions.error(`Could not import “${file.name}”: ${reply.error}`));
      dispatch(actions.info(importSummary(reply.added + reply.updated, reply.unchanged)));
      await reload();
    },

    async clearAll() {
      const reply = await client.clearNotes();
      if (!reply.ok) {
        dispatch(actions.clearCancelled());
        return dispatch(actions.error(`Could not delete your notes: ${reply.error}`));
      }
      dispatch(actions.allCleared());
      dispatch(actions.info('All your notes are deleted.'));
      await reload();
    },
  };
  return controller;
}

/** "Imported 3 notes (1 already there)." */
export function importSummary(imported: number, alreadyThere: number): string {
  return `Imported ${imported} ${imported === 1 ? 'note' : 'notes'} (${alreadyThere} already there).`;
}
