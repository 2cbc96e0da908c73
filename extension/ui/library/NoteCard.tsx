/** One note in the library: its passage, the reader's text, tags and colour, and what can be done with it. */
import { useState } from 'preact/hooks';
import { NOTE_COLOURS, type Note, type NoteColour } from '../../notes/types';
import { KIND_LABEL } from '../entity-card';
import type { NoteChanges } from './library-controller';

export interface NoteCardProps {
  note: Note;
  /** Shows the note's article title (when the notes are grouped by name, not by article). */
  showArticle: boolean;
  /** Shows the name the note is on (when the notes are grouped by article). */
  showEntity: boolean;
  /** The editor is open on this note. */
  editing: boolean;
  /** Opens the note's article, scrolled to it. */
  onOpen(note: Note): void;
  onEdit(note: Note): void;
  onSave(note: Note, changes: NoteChanges): void;
  onCancelEdit(): void;
  onDelete(note: Note): void;
}

export function NoteCard({ note, showArticle, showEntity, editing, onOpen, onEdit, onSave, onCancelEdit, onDelete }: NoteCardProps) {
  return (
    <li class={`note colour-${note.colour}`} data-note-id={note.id}>
      {note.anchor === 'orphaned' && (
        <p class="badge orphaned" title="The passage changed or is gone from the page; the note is kept.">
          Orphaned — could not be placed on the page
        </p>
      )}
      {showArticle && <p class="note-article">{note.title || note.url}</p>}
      {showEntity && note.entity && (
        <p class="note-entity">
          {note.entity.name} <span class="kind">{KIND_LABEL[note.entity.type]}</span>
        </p>
      )}
      <button type="button" class="quote" title="Open the article at this passage" onClick={() => onOpen(note)}>
        <span class={`swatch colour-${note.colour}`} role="img" aria-label={`Colour: ${note.colour}`} />
        <q>{note.quote.exact}</q>
      </button>
      {editing ? (
        <NoteEditor note={note} onSave={(changes) => onSave(note, changes)} onCancel={onCancelEdit} />
      ) : (
        <>
          {note.body && <p class="body">{note.body}</p>}
          {note.conflicts && note.conflicts.length > 0 && <Conflicts note={note} onKeep={(body) => onSave(withoutConflicts(note), { body, tags: note.tags, colour: note.colour })} />}
          {note.tags.length > 0 && (
            <ul class="tags" aria-label="Tags">
              {note.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
          <div class="note-actions">
            <button type="button" onClick={() => onEdit(note)}>
              Edit
            </button>
            <button type="button" onClick={() => onDelete(note)}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** The note with its conflicting texts let go (the reader chose one). */
function withoutConflicts({ conflicts: _conflicts, ...note }: Note): Note {
  return note;
}

interface ConflictsProps {
  note: Note;
  /** Keeps `body` as the note's text; the other texts are let go. */
  onKeep(body: string): void;
}

/** The texts another browser gave this note at the same time, that sync could not merge: the reader picks one. */
function Conflicts({ note, onKeep }: ConflictsProps) {
  return (
    <div class="conflicts" role="group" aria-label="Texts from another browser">
      <ul>
        {note.conflicts!.map((conflict, i) => (
          <li key={i} class="conflict">
            <p>
              Also written on {conflict.device} at {new Date(conflict.modified).toLocaleString()}: <span class="conflict-body">{conflict.body}</span>
            </p>
            <button type="button" onClick={() => onKeep(conflict.body)}>
              Keep this text
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onKeep(note.body)}>
        Keep the text above
      </button>
    </div>
  );
}

export interface NoteEditorProps {
  /** The note as it is now (the form starts from it). */
  note: Note;
  onSave(changes: NoteChanges): void;
  onCancel(): void;
}

/** Tags as typed, "war, refugees": trimmed, without blanks or repeats. */
export function parseTags(typed: string): string[] {
  return [...new Set(typed.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** The form that edits a note's text, tags and colour. */
export function NoteEditor({ note, onSave, onCancel }: NoteEditorProps) {
  const [body, setBody] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [colour, setColour] = useState<NoteColour>(note.colour);
  const id = `edit-${note.id}`;
  return (
    <form
      class="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ body, tags: parseTags(tags), colour });
      }}
    >
      <label for={`${id}-body`}>Note</label>
      <textarea id={`${id}-body`} name="body" rows={3} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
      <label for={`${id}-tags`}>Tags (separated by commas)</label>
      <input id={`${id}-tags`} name="tags" type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
      <fieldset class="colours">
        <legend>Colour</legend>
        {NOTE_COLOURS.map((choice) => (
          <label key={choice} class={`colour-choice colour-${choice}`}>
            <input type="radio" name={`${id}-colour`} value={choice} checked={colour === choice} onChange={() => setColour(choice)} />
            {choice}
          </label>
        ))}
      </fieldset>
      <div class="note-actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
