/** One note on the page, shown when the reader clicks its highlight: its text, tags, Edit, Recolour, Delete. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, NoteColour } from '../../notes/types';
import { ColourPicker } from './ColourPicker';

export interface NoteCardProps {
  note: Note;
  onEdit(): void;
  /** Resolves once saved in the new colour. */
  onRecolour(colour: NoteColour): Promise<void>;
  onDelete(): void;
  onClose(): void;
  /** Move keyboard focus into the card when it opens. */
  focus?: boolean;
}

export function NoteCard({ note, onEdit, onRecolour, onDelete, onClose, focus = false }: NoteCardProps) {
  const [recolouring, setRecolouring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focus) card.current?.focus();
  }, [focus]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  async function recolour(colour: NoteColour) {
    setError(null);
    try {
      await onRecolour(colour);
      setRecolouring(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div ref={card} class={`note-card note-${note.colour}`} role="dialog" aria-label="Note" tabIndex={-1} onKeyDown={onKeyDown} data-note-id={note.id}>
      <blockquote class="quote">{note.quote.exact}</blockquote>
      {note.body ? <p class="body">{note.body}</p> : <p class="body empty">(no text)</p>}
      {note.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {recolouring && <ColourPicker name={`recolour-${note.id}`} value={note.colour} onChange={(colour) => void recolour(colour)} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="edit" onClick={onEdit}>
          Edit
        </button>
        <button type="button" class="recolour" aria-expanded={recolouring} onClick={() => setRecolouring(!recolouring)}>
          Recolour
        </button>
        <button type="button" class="delete" onClick={onDelete}>
          Delete
        </button>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}
