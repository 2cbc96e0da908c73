/**
 * The note editor: the passage noted, the reader's text, tags and colour, Save and Cancel.
 * Keyboard: focus starts in the text; Ctrl/⌘+Enter saves; Escape cancels.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '../../notes/new-note';
import { MAX_NOTE_BODY } from '../../notes/messages';
import type { NoteColour } from '../../notes/types';
import { ColourPicker } from './ColourPicker';

/** What the reader can change in a note. */
export interface NoteDraft {
  body: string;
  tags: string[];
  colour: NoteColour;
}

export interface NoteEditorProps {
  /** The words noted (shown above the text, so the reader sees what the note is on). */
  quote: string;
  /** The note's current text, tags and colour (a new note's defaults). */
  initial: NoteDraft;
  /** "Add note" or "Edit note": the dialog's name. */
  title: string;
  /** Resolves once saved; rejects with the reason, shown in the editor. */
  onSave(draft: NoteDraft): Promise<void>;
  onCancel(): void;
}

export function NoteEditor({ quote, initial, title, onSave, onCancel }: NoteEditorProps) {
  const [body, setBody] = useState(initial.body);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [colour, setColour] = useState(initial.colour);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);

  // Focused as the editor is drawn, not a frame later: a key pressed at once (Escape) must reach it.
  useLayoutEffect(() => text.current?.focus(), []);

  async function save(event?: Event) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await onSave({ body, tags: parseTags(tags), colour });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      void save(event);
    }
  }

  return (
    <form class="note-editor" role="dialog" aria-label={title} onSubmit={save} onKeyDown={onKeyDown}>
      <blockquote class="quote">{quote}</blockquote>
      <label>
        <span class="label">Note</span>
        <textarea ref={text} name="body" rows={4} maxLength={MAX_NOTE_BODY} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
      </label>
      <label>
        <span class="label">Tags</span>
        <input name="tags" type="text" placeholder="comma, separated" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
      </label>
      <ColourPicker name="note-colour" value={colour} onChange={setColour} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="save" disabled={saving}>
          Save
        </button>
        <button type="button" class="cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
