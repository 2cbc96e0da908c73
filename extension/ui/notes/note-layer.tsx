/**
 * Shows one piece of the notes UI at a time in Gloss's note layer (inside its closed shadow
 * root): the "Add note" button by a selection, the note editor (in a frame of Gloss's origin,
 * editor-frame.ts), a note's card, or "Undo" after a delete. Placed like the popover, with @floating-ui/dom against the passage's live Range and
 * kept in place on scroll and resize; "Undo" sits at the bottom left of the window.
 */
import { autoUpdate, computePosition, flip, offset, shift, type Placement, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossHost } from '../gloss-host';
import { AddNoteButton } from './AddNoteButton';
import { createEditorFrame, NOTE_EDITOR_PATH } from './editor-frame';
import { NoteCard, type NoteCardProps } from './NoteCard';
import type { NoteEditorProps } from './NoteEditor';
import { UndoDelete, type UndoDeleteProps } from './UndoDelete';

/** What the note layer is showing. */
export type NoteLayerContent = 'add-button' | 'editor' | 'card' | 'undo' | null;

export interface NoteLayer {
  showAddButton(range: Range, onAdd: () => void): void;
  showEditor(range: Range, props: NoteEditorProps): void;
  showCard(range: Range, props: NoteCardProps): void;
  showUndo(props: UndoDeleteProps): void;
  hide(): void;
  readonly showing: NoteLayerContent;
}

function virtualElementFor(range: Range): VirtualElement {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}

/** The editor's frame, made once as it mounts and detached as it unmounts (a fresh `key` for each editor opened). */
function EditorFrame(props: NoteEditorProps) {
  const holder = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const detached = new AbortController();
    const url = browser.runtime.getURL(NOTE_EDITOR_PATH);
    const origin = new URL(browser.runtime.getURL('/')).origin;
    const frame = createEditorFrame(holder.current!.ownerDocument, { ...props, url, origin, signal: detached.signal });
    holder.current!.append(frame);
    return () => {
      detached.abort();
      frame.remove();
    };
  }, []);
  return <div ref={holder} />;
}

export function createNoteLayer(host: GlossHost, signal: AbortSignal): NoteLayer {
  const layer = host.noteLayer;
  const win = layer.ownerDocument.defaultView!;
  let stopAutoUpdate: (() => void) | null = null;
  let showing: NoteLayerContent = null;
  /** A fresh key for each editor or card opened, so none keeps the state of the one before. */
  let opened = 0;

  function place(range: Range, placement: Placement): void {
    stopAutoUpdate?.();
    const reference = virtualElementFor(range);
    const update = () =>
      computePosition(reference, layer, { strategy: 'fixed', placement, middleware: [offset(6), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
        layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    stopAutoUpdate = autoUpdate(reference, layer, update);
  }

  function show(content: Exclude<NoteLayerContent, null>, node: preact.ComponentChild): void {
    showing = content;
    host.setAttribute('data-gloss-note-ui', content);
    render(node, layer);
  }

  const noteLayer: NoteLayer = {
    showAddButton(range, onAdd) {
      show('add-button', <AddNoteButton onAdd={onAdd} />);
      place(range, 'top-end');
    },
    showEditor(range, props) {
      show('editor', <EditorFrame key={++opened} {...props} />);
      place(range, 'bottom-start');
    },
    showCard(range, props) {
      show('card', <NoteCard key={++opened} {...props} />);
      place(range, 'bottom-start');
    },
    showUndo(props) {
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      show('undo', <UndoDelete {...props} />);
      layer.style.transform = `translate(16px, ${Math.max(8, win.innerHeight - 64)}px)`;
    },
    hide() {
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      if (showing === null) return;
      showing = null;
      host.setAttribute('data-gloss-note-ui', null);
      render(null, layer);
    },
    get showing() {
      return showing;
    },
  };
  signal.addEventListener('abort', () => noteLayer.hide());
  return noteLayer;
}
