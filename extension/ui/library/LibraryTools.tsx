/** The library's footer: export, import, and "Delete all notes" with its confirmation. */
import type { ExportRequest } from '../../notes/messages';

export interface LibraryToolsProps {
  /** How many notes the reader has (shown in the confirmation). */
  total: number;
  /** "Delete all notes" was pressed: the confirmation shows instead of the button. */
  confirmingClear: boolean;
  onExport(format: ExportRequest['format']): void;
  /** A file the reader picked to import. */
  onImport(file: File): void;
  onAskClear(): void;
  onConfirmClear(): void;
  onCancelClear(): void;
}

export function LibraryTools({ total, confirmingClear, onExport, onImport, onAskClear, onConfirmClear, onCancelClear }: LibraryToolsProps) {
  return (
    <footer class="library-tools">
      <div class="row">
        <button type="button" onClick={() => onExport('jsonld')}>
          Export JSON-LD
        </button>
        <button type="button" onClick={() => onExport('markdown')}>
          Export Markdown
        </button>
      </div>
      <div class="row">
        <label for="import-file">Import JSON-LD</label>{' '}
        <input
          id="import-file"
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) onImport(file);
            input.value = ''; // so the same file can be picked again
          }}
        />
      </div>
      <div class="row">
        {confirmingClear ? (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-clear-text">
            <p id="confirm-clear-text">
              Delete all {total} {total === 1 ? 'note' : 'notes'}? This cannot be undone; export them first to keep a copy.
            </p>
            <button type="button" class="danger" onClick={onConfirmClear}>
              Delete them all
            </button>{' '}
            <button type="button" onClick={onCancelClear}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="danger" onClick={onAskClear}>
            Delete all notes…
          </button>
        )}
      </div>
    </footer>
  );
}
