/**
 * The reader's notes on the page. Once the article is marked: fetch the notes on its canonical
 * URL, find each one's passage again in the article text (`reanchorAll`), paint them (one
 * mark name per note colour; gloss-page.ts gives an overlay painter, out of the page's sight), tell the background which attached, and scroll to the one the
 * library opened the page for. Selecting article text offers "Add note" (as do the context menu
 * and Alt+Shift+N); clicking a painted note shows it with Edit, Recolour and Delete (with Undo).
 * Then ask once what the reader's other articles said about the page's entities, for the popovers.
 */
import type { Analysis, Span } from '../analysis/types';
import type { TextNodeMap } from '../article/types';
import { reanchorAll } from '../notes/anchoring/reanchor';
import { entityKey } from '../notes/entity-key';
import { editedNote, newNote, DEFAULT_NOTE_COLOUR } from '../notes/new-note';
import { NOTE_COLOURS, type EntityMemory, type Note } from '../notes/types';
import type { GlossHost } from '../ui/gloss-host';
import { createNoteLayer, type NoteLayer } from '../ui/notes/note-layer';
import type { NoteDraft } from '../ui/notes/NoteEditor';
import type { PopoverNotes } from '../ui/Popover';
import { NOTE_HIGHLIGHT } from '../ui/styles';
import { caretAt, rangeContainsPoint } from './caret';
import { articleSelection } from './note-selection';
import type { NotesApi } from './notes-api';
import type { MarkPainter } from './painter';

export interface PageNotesOptions {
  win: Window & typeof globalThis;
  host: GlossHost;
  map: TextNodeMap;
  analysis: Analysis;
  /** The article's canonical URL: the notes' key. */
  url: string;
  /** Paints the notes: one drawing inside Gloss's shadow root, since a page reads `CSS.highlights`. */
  painter: MarkPainter;
  api: NotesApi;
  /** Scrolls to a span of the article and flashes it. */
  showSpan(span: Span): void;
  /** The entity's first marked mention, or null when none is marked. */
  firstMention(entityId: string): Span | null;
  /** Closes the entity popover (the note UI takes its place). */
  closePopover(): void;
  signal: AbortSignal;
}

export interface PageNotes {
  /** Resolves once the notes are painted and the memory is known (never rejects). */
  ready: Promise<void>;
  /** The popover's notes and memory for an entity. */
  forEntity(entityId: string): PopoverNotes;
  /** Opens the note editor on the reader's selection in the article; false when there is none. */
  addNoteHere(): boolean;
  /** Scrolls to a note on the page, flashes it and opens its card; false when it is not placed. */
  showNote(id: string): boolean;
}

/** How long "Undo" stays after a delete. */
const UNDO_MS = 6_000;
/** The selection settles (a drag or Shift+arrows ends) before the button shows. */
const SELECTION_SETTLE_MS = 150;

export function isAddNoteShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';
}

interface Placed {
  note: Note;
  /** Where the note attaches in the article text now, or null (orphaned). */
  span: Span | null;
  range: Range | null;
}

export function initPageNotes(options: PageNotesOptions): PageNotes {
  const { win, host, map, analysis, url, painter, api, showSpan, signal } = options;
  const doc = win.document;
  const layer: NoteLayer = createNoteLayer(host, signal);
  const keyOf = new Map(analysis.entities.map((entity) => [entity.id, entityKey(entity.type, entity.name)]));
  let placed: Placed[] = [];
  let memory = new Map<string, EntityMemory>();
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  function placeAll(notes: readonly Note[]): Placed[] {
    const placements = reanchorAll(analysis.text, notes);
    return notes.map((note) => {
      const at = placements.get(note.id) ?? null;
      const range = at ? map.rangeFor(at.start, at.end) : null;
      return { note, span: at && range ? { start: at.start, end: at.end } : null, range };
    });
  }
  const place = (note: Note): Placed => placeAll([note])[0]!;

  function paint(): void {
    for (const colour of NOTE_COLOURS) {
      painter.paint(NOTE_HIGHLIGHT[colour], placed.flatMap(({ note, range }) => (range && note.colour === colour ? [range] : [])));
    }
    host.setAttribute('data-gloss-notes', `${placed.filter((entry) => entry.range).length}/${placed.length}`);
  }

  function upsert(entry: Placed): void {
    placed = [...placed.filter((other) => other.note.id !== entry.note.id), entry];
    paint();
  }

  async function load(): Promise<void> {
    const { notes, show } = await api.forPage(url);
    if (signal.aborted) return;
    placed = placeAll(notes);
    paint();
    if (notes.length > 0) {
      await api.anchorStates(placed.map(({ note, range }) => ({ id: note.id, anchor: range ? 'anchored' : 'orphaned' })));
    }
    if (show) controller.showNote(show);
  }

  async function loadMemory(): Promise<void> {
    const keys = [...new Set(keyOf.values())];
    if (keys.length === 0) return;
    const found = await api.memoryFor(url, keys);
    memory = new Map(found.map((entry) => [entry.key, entry]));
  }

  function openEditor(span: Span, range: Range, entityId: string | null): void {
    options.closePopover();
    const entity = entityId === null ? null : analysis.entities.find((candidate) => candidate.id === entityId);
    layer.showEditor(range, {
      title: 'Add note',
      quote: analysis.text.slice(span.start, span.end),
      initial: { body: '', tags: [], colour: DEFAULT_NOTE_COLOUR },
      onCancel: () => layer.hide(),
      onSave: async (draft: NoteDraft) => {
        const note = newNote({
          text: analysis.text,
          ...span,
          url,
          title: analysis.title,
          entity: entity ? { key: keyOf.get(entity.id)!, name: entity.name, type: entity.type } : null,
          ...draft,
        });
        if (!note) throw new Error('There is no text to note here.');
        const saved = await api.save(note);
        upsert(place(saved));
        layer.hide();
        host.announce('Note saved.');
        win.getSelection()?.removeAllRanges();
      },
    });
  }

  function openCard(entry: Placed, focus: boolean): void {
    if (!entry.range) return;
    const { note } = entry;
    const save = async (changed: Note) => {
      const saved = await api.save(changed);
      upsert({ ...entry, note: saved });
      return saved;
    };
    layer.showCard(entry.range, {
      note,
      focus,
      onClose: () => layer.hide(),
      onEdit: () =>
        layer.showEditor(entry.range!, {
          title: 'Edit note',
          quote: note.quote.exact,
          initial: { body: note.body, tags: note.tags, colour: note.colour },
          onCancel: () => openCard(entry, true),
          onSave: async (draft) => openCard({ ...entry, note: await save(editedNote(note, draft)) }, true),
        }),
      onRecolour: async (colour) => openCard({ ...entry, note: await save(editedNote(note, { colour })) }, true),
      onDelete: () => void remove(note),
    });
  }

  async function remove(note: Note): Promise<void> {
    try {
      const deleted = (await api.remove(note.id)) ?? note;
      placed = placed.filter((entry) => entry.note.id !== note.id);
      paint();
      host.announce('Note deleted. Undo is in the Gloss box at the bottom left.');
      clearTimeout(undoTimer);
      undoTimer = setTimeout(() => layer.showing === 'undo' && layer.hide(), UNDO_MS);
      layer.showUndo({
        onDismiss: () => layer.hide(),
        onUndo: () => {
          clearTimeout(undoTimer);
          layer.hide();
          void api.save(deleted).then((saved) => upsert(place(saved)), (error: unknown) => host.announce(messageOf(error)));
        },
      });
    } catch (error) {
      host.announce(messageOf(error));
    }
  }

  /** The placed note under a point of the viewport, or null. */
  function noteAtPoint(x: number, y: number): Placed | null {
    const caret = caretAt(doc, x, y);
    const offset = caret ? map.offsetOf(caret.node, caret.offset) : null;
    if (offset === null) return null;
    const under = placed.filter(({ span, range }) => span && range && span.start <= offset && offset <= span.end && rangeContainsPoint(range, x, y));
    // The shortest note wins where notes overlap: it is the one the reader is pointing at.
    return under.sort((a, b) => a.span!.end - a.span!.start - (b.span!.end - b.span!.start))[0] ?? null;
  }

  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerDown = false;

  function offerAddNote(): void {
    const selected = articleSelection(win.getSelection(), map);
    if (!selected) {
      if (layer.showing === 'add-button') layer.hide();
      return;
    }
    if (layer.showing === 'editor') return; // the reader is writing: leave the editor be
    const { range, start, end } = selected;
    const fixed = range.cloneRange();
    layer.showAddButton(fixed, () => openEditor({ start, end }, fixed, null));
  }

  doc.addEventListener(
    'selectionchange',
    () => {
      clearTimeout(settleTimer);
      if (!pointerDown) settleTimer = setTimeout(offerAddNote, SELECTION_SETTLE_MS);
    },
    { signal },
  );
  doc.addEventListener('pointerdown', (event) => {
    if (!host.owns(event.target)) pointerDown = true;
  }, { signal, capture: true });
  doc.addEventListener(
    'pointerup',
    (event) => {
      if (!pointerDown) return;
      pointerDown = false;
      clearTimeout(settleTimer);
      settleTimer = setTimeout(offerAddNote, SELECTION_SETTLE_MS);
      if (host.owns(event.target) || !win.getSelection()?.isCollapsed) return;
      const hit = noteAtPoint(event.clientX, event.clientY);
      if (hit) openCard(hit, false);
      else if (layer.showing === 'card') layer.hide();
    },
    { signal, capture: true },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (isAddNoteShortcut(event)) {
        if (controller.addNoteHere()) event.preventDefault();
      } else if (event.key === 'Escape' && (layer.showing === 'add-button' || layer.showing === 'card')) {
        layer.hide();
      }
    },
    { signal, capture: true },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(settleTimer);
    clearTimeout(undoTimer);
  });

  const controller: PageNotes = {
    ready: load()
      .then(loadMemory)
      .catch((error: unknown) => host.setAttribute('data-gloss-notes-error', messageOf(error))),
    forEntity(entityId) {
      const key = keyOf.get(entityId);
      return {
        notes: placed.filter(({ note }) => key !== undefined && note.entity?.key === key).map(({ note }) => note),
        memory: (key !== undefined && memory.get(key)) || null,
        onAddNote: () => {
          const span = options.firstMention(entityId);
          const range = span && map.rangeFor(span.start, span.end);
          if (span && range) openEditor(span, range, entityId);
        },
        onShowNote: (id) => {
          options.closePopover();
          controller.showNote(id);
        },
      };
    },
    addNoteHere() {
      const selected = articleSelection(win.getSelection(), map);
      if (!selected) {
        host.announce('Gloss: select some text of the article first, then add a note.');
        return false;
      }
      openEditor(selected, selected.range.cloneRange(), null);
      return true;
    },
    showNote(id) {
      const entry = placed.find(({ note }) => note.id === id);
      if (!entry?.span) return false;
      showSpan(entry.span);
      openCard(entry, true);
      return true;
    },
  };
  return controller;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
