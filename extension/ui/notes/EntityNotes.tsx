/** The entity popover's notes section: the reader's notes on this entity and "Add note". */
import type { Note } from '../../notes/types';

export interface EntityNotesProps {
  /** The notes whose `entity` is this one, in text order. */
  notes: readonly Note[];
  /** Opens the note editor on the entity's first mention. */
  onAddNote(): void;
  /** Scrolls to a note on the page and opens it. */
  onShowNote(id: string): void;
}

export function EntityNotes({ notes, onAddNote, onShowNote }: EntityNotesProps) {
  return (
    <section class="entity-notes" aria-label="Your notes">
      {notes.length > 0 && (
        <>
          <h3>Your notes</h3>
          <ul>
            {notes.map((note) => (
              <li key={note.id}>
                <button type="button" class={`note-link note-${note.colour}`} onClick={() => onShowNote(note.id)}>
                  {note.body || note.quote.exact}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="add-note" onClick={onAddNote}>
        Add note
      </button>
    </section>
  );
}
