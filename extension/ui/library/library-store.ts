/**
 * The library's state in one plain store, in the manner of hypothesis/client: a reducer over
 * typed actions, action creators, and selectors that derive what the panel shows (notes by
 * article, notes by name). The components only read selectors and dispatch actions; talking to
 * the background is `LibraryApp`'s job.
 */
import type { EntityType } from '../../analysis/types';
import type { ArticleRecord, Note } from '../../notes/types';

/** How the notes are grouped: under their article, or under the name they are on. */
export type LibraryView = 'article' | 'entity';

/** A line for the reader under the toolbar: what just happened, or what went wrong. */
export interface LibraryMessage {
  text: string;
  kind: 'info' | 'error';
}

export interface LibraryState {
  /** The search as typed ('' lists every note). */
  query: string;
  /** The query whose answer `notes` holds, or null before the first answer. */
  shownQuery: string | null;
  /** The notes the last search returned, newest change first. */
  notes: Note[];
  /** How many notes match in all (more than `notes.length` when the list is cut). */
  total: number;
  view: LibraryView;
  /** What Gloss remembers about each article, by URL (outlet and date, when known). */
  articles: Record<string, ArticleRecord>;
  /** The note being edited, if any. */
  editing: string | null;
  /** The last note deleted, kept so "Undo" can put it back. */
  deleted: Note | null;
  message: LibraryMessage | null;
  /** "Delete all notes" was pressed and waits for the reader to confirm. */
  confirmingClear: boolean;
}

export function initialLibraryState(): LibraryState {
  return {
    query: '',
    shownQuery: null,
    notes: [],
    total: 0,
    view: 'article',
    articles: {},
    editing: null,
    deleted: null,
    message: null,
    confirmingClear: false,
  };
}

export type LibraryAction =
  | { type: 'QUERY_CHANGED'; query: string }
  | { type: 'NOTES_LOADED'; query: string; notes: Note[]; total: number }
  | { type: 'ARTICLES_LOADED'; articles: ArticleRecord[] }
  | { type: 'VIEW_CHANGED'; view: LibraryView }
  | { type: 'EDIT_STARTED'; id: string }
  | { type: 'EDIT_ENDED' }
  | { type: 'NOTE_SAVED'; note: Note }
  | { type: 'NOTE_DELETED'; note: Note }
  | { type: 'MESSAGE_SHOWN'; message: LibraryMessage | null }
  | { type: 'CLEAR_ASKED' }
  | { type: 'CLEAR_CANCELLED' }
  | { type: 'ALL_CLEARED' };

/** Action creators: the only way components describe a change. */
export const actions = {
  queryChanged: (query: string): LibraryAction => ({ type: 'QUERY_CHANGED', query }),
  notesLoaded: (query: string, notes: Note[], total: number): LibraryAction => ({ type: 'NOTES_LOADED', query, notes, total }),
  articlesLoaded: (articles: ArticleRecord[]): LibraryAction => ({ type: 'ARTICLES_LOADED', articles }),
  viewChanged: (view: LibraryView): LibraryAction => ({ type: 'VIEW_CHANGED', view }),
  editStarted: (id: string): LibraryAction => ({ type: 'EDIT_STARTED', id }),
  editEnded: (): LibraryAction => ({ type: 'EDIT_ENDED' }),
  /** A note was saved (edited, or put back by undo). */
  noteSaved: (note: Note): LibraryAction => ({ type: 'NOTE_SAVED', note }),
  noteDeleted: (note: Note): LibraryAction => ({ type: 'NOTE_DELETED', note }),
  info: (text: string): LibraryAction => ({ type: 'MESSAGE_SHOWN', message: { text, kind: 'info' } }),
  error: (text: string): LibraryAction => ({ type: 'MESSAGE_SHOWN', message: { text, kind: 'error' } }),
  messageCleared: (): LibraryAction => ({ type: 'MESSAGE_SHOWN', message: null }),
  clearAsked: (): LibraryAction => ({ type: 'CLEAR_ASKED' }),
  clearCancelled: (): LibraryAction => ({ type: 'CLEAR_CANCELLED' }),
  allCleared: (): LibraryAction => ({ type: 'ALL_CLEARED' }),
};

export function libraryReducer(state: LibraryState, action: LibraryAction): LibraryState {
  switch (action.type) {
    case 'QUERY_CHANGED':
      return { ...state, query: action.query };
    case 'NOTES_LOADED':
      // An answer to a query the reader has typed past is dropped: only the latest one shows.
      if (action.query !== state.query.trim()) return state;
      return { ...state, shownQuery: action.query, notes: action.notes, total: action.total };
    case 'ARTICLES_LOADED':
      return { ...state, articles: Object.fromEntries(action.articles.map((article) => [article.url, article])) };
    case 'VIEW_CHANGED':
      return { ...state, view: action.view };
    case 'EDIT_STARTED':
      return { ...state, editing: action.id };
    case 'EDIT_ENDED':
      return { ...state, editing: null };
    case 'NOTE_SAVED': {
      const known = state.notes.some((note) => note.id === action.note.id);
      const others = state.notes.filter((note) => note.id !== action.note.id);
      return {
        ...state,
        notes: [action.note, ...others],
        total: known ? state.total : state.total + 1,
        editing: state.editing === action.note.id ? null : state.editing,
        deleted: state.deleted?.id === action.note.id ? null : state.deleted,
      };
    }
    case 'NOTE_DELETED':
      return {
        ...state,
        notes: state.notes.filter((note) => note.id !== action.note.id),
        total: Math.max(0, state.total - 1),
        deleted: action.note,
        editing: state.editing === action.note.id ? null : state.editing,
      };
    case 'MESSAGE_SHOWN':
      return { ...state, message: action.message };
    case 'CLEAR_ASKED':
      return { ...state, confirmingClear: true };
    case 'CLEAR_CANCELLED':
      return { ...state, confirmingClear: false };
    case 'ALL_CLEARED':
      return { ...state, notes: [], total: 0, deleted: null, editing: null, confirmingClear: false };
  }
}

/** A minimal store: the state, a way to change it, and a way to hear about changes. */
export interface LibraryStore {
  getState(): LibraryState;
  dispatch(action: LibraryAction): void;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

export function createLibraryStore(initial: LibraryState = initialLibraryState()): LibraryStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = libraryReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The notes of one article, in the order they come in its text. */
export interface ArticleGroup {
  url: string;
  title: string;
  outlet: string | null;
  /** Published date (ISO), when the page gave one. */
  published: string | null;
  notes: Note[];
}

/** The notes on one name; `key` null gathers the notes on a passage rather than a name. */
export interface NameGroup {
  key: string | null;
  name: string;
  type: EntityType | null;
  notes: Note[];
}

const byTextOrder = (a: Note, b: Note): number => a.position.start - b.position.start;

/** Notes grouped by article, the article changed most recently first, notes in text order. */
export function notesByArticle(state: LibraryState): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const note of state.notes) {
    let group = groups.get(note.url);
    if (!group) {
      const article = state.articles[note.url];
      group = { url: note.url, title: article?.title || note.title || note.url, outlet: article?.outlet ?? null, published: article?.published ?? null, notes: [] };
      groups.set(note.url, group);
    }
    group.notes.push(note);
  }
  for (const group of groups.values()) group.notes.sort(byTextOrder);
  return [...groups.values()];
}

/** Notes grouped by the name they are on, names in alphabetical order, passages last. */
export function notesByName(state: LibraryState): NameGroup[] {
  const groups = new Map<string | null, NameGroup>();
  for (const note of state.notes) {
    const key = note.entity?.key ?? null;
    let group = groups.get(key);
    if (!group) {
      group = note.entity ? { key, name: note.entity.name, type: note.entity.type, notes: [] } : { key: null, name: 'Passages', type: null, notes: [] };
      groups.set(key, group);
    }
    group.notes.push(note);
  }
  const named = [...groups.values()].filter((group) => group.key !== null).sort((a, b) => a.name.localeCompare(b.name));
  const passages = groups.get(null);
  return passages ? [...named, passages] : named;
}

/** Whether the reader has no notes at all (not merely none matching a search). */
export function libraryIsEmpty(state: LibraryState): boolean {
  return state.shownQuery === '' && state.total === 0;
}
