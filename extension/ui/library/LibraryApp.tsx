/**
 * The reader's library (the side panel): every note, by article or by the name it is on, with
 * search, editing, delete with undo, export, import and "delete all".
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { KIND_LABEL } from '../entity-card';
import type { Note } from '../../notes/types';
import { libraryController, type NoteChanges } from './library-controller';
import {
  actions,
  createLibraryStore,
  libraryIsEmpty,
  notesByArticle,
  notesByName,
  type LibraryState,
  type LibraryStore,
  type LibraryView,
} from './library-store';
import { LibraryTools } from './LibraryTools';
import { NoteCard } from './NoteCard';
import type { NotesClient } from './notes-client';

/** How long typing must pause before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

export interface LibraryAppProps {
  /** The background, as typed calls. */
  client: NotesClient;
  /** The state; a fresh store unless given (tests pass one to look inside). */
  store?: LibraryStore;
  /** How long typing must pause before the search is sent. */
  debounceMs?: number;
}

function useLibraryState(store: LibraryStore): LibraryState {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    setState(store.getState()); // a change between the first render and now
    return store.subscribe(() => setState(store.getState()));
  }, [store]);
  return state;
}

export function LibraryApp({ client, store: given, debounceMs = SEARCH_DEBOUNCE_MS }: LibraryAppProps) {
  const store = useMemo(() => given ?? createLibraryStore(), [given]);
  const controller = useMemo(() => libraryController(client, store), [client, store]);
  const state = useLibraryState(store);
  const { dispatch } = store;

  useEffect(() => void controller.loadArticles(), [controller]);
  // Notes made on the page while the panel stayed open show up when the reader comes back to it.
  useEffect(() => {
    const refresh = (): void => void controller.loadNotes(store.getState().query.trim());
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [controller, store]);
  useEffect(() => {
    const query = state.query.trim();
    if (query === state.shownQuery) return;
    const timer = setTimeout(() => void controller.loadNotes(query), state.shownQuery === null ? 0 : debounceMs);
    return () => clearTimeout(timer);
  }, [controller, state.query, debounceMs]);

  const cardHandlers = {
    onOpen: (note: Note) => void controller.openNote(note),
    onEdit: (note: Note) => dispatch(actions.editStarted(note.id)),
    onSave: (note: Note, changes: NoteChanges) => void controller.saveNote(note, changes),
    onCancelEdit: () => dispatch(actions.editEnded()),
    onDelete: (note: Note) => void controller.deleteNote(note),
  };

  return (
    <main class="library">
      <header>
        <h1>Your notes</h1>
        <input
          type="search"
          class="search"
          aria-label="Search your notes"
          placeholder="Search notes, passages, tags, names…"
          value={state.query}
          onInput={(event) => dispatch(actions.queryChanged(event.currentTarget.value))}
        />
        <ViewToggle view={state.view} onView={(view) => dispatch(actions.viewChanged(view))} />
      </header>
      <StatusLine state={state} onUndo={() => void controller.undoDelete()} />
      {state.shownQuery === null ? (
        <p class="status">Loading your notes…</p>
      ) : libraryIsEmpty(state) ? (
        <EmptyLibrary />
      ) : state.notes.length === 0 ? (
        <p class="status">No note matches “{state.shownQuery}”.</p>
      ) : (
        <>
          {state.total > state.notes.length && (
            <p class="status">
              Showing the {state.notes.length} most recently changed of {state.total} notes.
            </p>
          )}
          {state.view === 'article'
            ? notesByArticle(state).map((group) => (
                <section class="group" key={group.url} aria-label={group.title}>
                  <h2 class="group-title">
                    <a href={group.url} target="_blank" rel="noopener noreferrer">
                      {group.title}
                    </a>
                  </h2>
                  <ArticleLine outlet={group.outlet} published={group.published} />
                  <ul class="notes">
                    {group.notes.map((note) => (
                      <NoteCard key={note.id} note={note} showArticle={false} showEntity editing={state.editing === note.id} {...cardHandlers} />
                    ))}
                  </ul>
                </section>
              ))
            : notesByName(state).map((group) => (
                <section class="group" key={group.key ?? ''} aria-label={group.name}>
                  <h2 class="group-title">
                    {group.name} {group.type && <span class="kind">{KIND_LABEL[group.type]}</span>}
                  </h2>
                  <ul class="notes">
                    {group.notes.map((note) => (
                      <NoteCard key={note.id} note={note} showArticle showEntity={false} editing={state.editing === note.id} {...cardHandlers} />
                    ))}
                  </ul>
                </section>
              ))}
        </>
      )}
      <LibraryTools
        total={state.total}
        confirmingClear={state.confirmingClear}
        onExport={(format) => void controller.exportNotes(format)}
        onImport={(file) => void controller.importFile(file)}
        onAskClear={() => dispatch(actions.clearAsked())}
        onConfirmClear={() => void controller.clearAll()}
        onCancelClear={() => dispatch(actions.clearCancelled())}
      />
    </main>
  );
}

/** The "By article / By name" switch. */
function ViewToggle({ view, onView }: { /** The grouping shown. */ view: LibraryView; /** Picks a grouping. */ onView(view: LibraryView): void }) {
  const choices: { value: LibraryView; label: string }[] = [
    { value: 'article', label: 'By article' },
    { value: 'entity', label: 'By name' },
  ];
  return (
    <div class="view-toggle" role="group" aria-label="Group notes">
      {choices.map(({ value, label }) => (
        <button key={value} type="button" aria-pressed={view === value} onClick={() => onView(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "The Daily Example · 3 Mar 2022", from what the page said; nothing when neither is known. */
function ArticleLine({ outlet, published }: { /** The outlet's name, if known. */ outlet: string | null; /** Published date (ISO), if known. */ published: string | null }) {
  const date = published && !Number.isNaN(Date.parse(published)) ? DATE_FORMAT.format(new Date(published)) : null;
  const parts = [outlet, date].filter(Boolean);
  return parts.length > 0 ? <p class="article-line">{parts.join(' · ')}</p> : null;
}

/** The line under the toolbar: what just happened or went wrong, and "Undo" after a delete. */
function StatusLine({ state, onUndo }: { /** The library's state (its message and last deleted note). */ state: LibraryState; /** Puts the deleted note back. */ onUndo(): void }) {
  return (
    <div class="library-message" role="status" aria-live="polite">
      {state.deleted && (
        <p class="undo">
          Note deleted.{' '}
          <button type="button" onClick={onUndo}>
            Undo
          </button>
        </p>
      )}
      {state.message && <p class={state.message.kind === 'error' ? 'error' : 'message'}>{state.message.text}</p>}
    </div>
  );
}

/** What the library says before the first note. */
function EmptyLibrary() {
  return (
    <div class="empty-library">
      <p>No notes yet.</p>
      <p>
        To add one, select a passage of an article and choose <strong>Add note</strong> beside the selection (or in the
        right-click menu), or open a name’s popover and choose <strong>Add note</strong>. Your notes stay on this device.
      </p>
    </div>
  );
}
