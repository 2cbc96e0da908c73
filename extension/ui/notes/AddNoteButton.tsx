/** The small "Add note" button shown by the reader's selection in the article. */
export interface AddNoteButtonProps {
  onAdd(): void;
}

export function AddNoteButton({ onAdd }: AddNoteButtonProps) {
  return (
    <button
      type="button"
      class="add-note"
      title="Add a note on the selected text (Alt+Shift+N)"
      // Keep the page's selection: a press on the button must not collapse it before the click.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onAdd}
    >
      Add note
    </button>
  );
}
