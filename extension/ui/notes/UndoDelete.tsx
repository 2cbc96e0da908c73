/** "Note deleted. Undo": shown for a few seconds after a delete; Undo saves the note again. */
export interface UndoDeleteProps {
  onUndo(): void;
  onDismiss(): void;
}

export function UndoDelete({ onUndo, onDismiss }: UndoDeleteProps) {
  return (
    <div class="undo-delete" role="status">
      <span>Note deleted.</span>
      <button type="button" class="undo" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
