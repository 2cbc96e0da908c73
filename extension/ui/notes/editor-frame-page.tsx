/**
 * The note editor page's side of editor-frame.ts: waits for the content script's port (with the
 * secret of its address's fragment), shows the editor it asks for, and reports the editor's
 * height, the draft saved or the cancel.
 */
import { render } from 'preact';
import type { EditorFrameHello, FromEditorFrame, ToEditorFrame } from './editor-frame';
import { NoteEditor } from './NoteEditor';

/** Serves the editor in `win` (the editor page's window); `root` is where it is drawn. */
export function serveNoteEditor(win: Window, root: HTMLElement): void {
  const secret = win.location.hash.slice(1);
  // The secret is not kept in the address, where the page's history or a copy of it might show it.
  win.history.replaceState(null, '', win.location.pathname);
  if (!secret) return;

  function onHello(event: MessageEvent<EditorFrameHello>): void {
    const port = event.ports[0];
    if (event.source !== win.parent || !port || event.data?.type !== 'gloss-note-editor' || event.data.secret !== secret) return;
    win.removeEventListener('message', onHello);
    connect(port);
  }
  win.addEventListener('message', onHello);

  function connect(port: MessagePort): void {
    const send = (message: FromEditorFrame) => port.postMessage(message);
    /** The save under way, settled by the content script's answer ("save-failed") or by the frame's removal. */
    let failSave: ((reason: Error) => void) | null = null;

    port.onmessage = (event: MessageEvent<ToEditorFrame>) => {
      const message = event.data;
      if (message.type === 'save-failed') {
        failSave?.(new Error(message.message));
        failSave = null;
      } else if (message.type === 'open') {
        win.document.title = message.title;
        render(
          <div class="note-layer">
            <NoteEditor
              title={message.title}
              quote={message.quote}
              initial={message.initial}
              onSave={(draft) =>
                new Promise<void>((_resolve, reject) => {
                  // Saved, the frame is removed; until then the editor shows "saving".
                  failSave = reject;
                  send({ type: 'save', draft });
                })
              }
              onCancel={() => send({ type: 'cancel' })}
            />
          </div>,
          root,
        );
        const editor = root.firstElementChild!;
        new ResizeObserver(() => send({ type: 'height', height: editor.getBoundingClientRect().height })).observe(editor);
      }
    };
  }
}
