/**
 * The note editor in a frame of Gloss's own origin (entrypoints/note-editor/), so that nothing the
 * reader writes reaches the page: key events and selections inside a cross-origin frame never
 * reach the page's listeners nor its `getSelection()`, as they would from any element of the
 * page's document, a closed shadow root included (its events are only retargeted).
 *
 * The frame is the editor's view only; the content script composes and saves the note, as it
 * did before. They talk over a MessageChannel of their own: once the frame has loaded, the
 * content script sends it one port with `postMessage(…, extensionOrigin, [port])`, so that only
 * a document of Gloss's origin gets it (a page that navigated the frame elsewhere gets nothing),
 * and nothing is ever posted to the page's window. A page that could reach the frame's window
 * could post it a port of its own first, and read the draft through it: the frame takes a port
 * only with the secret in its address's fragment, which the page never sees (the frame element
 * is in the closed shadow root; the document is of another origin).
 */
import type { NoteDraft } from './NoteEditor';

/** The editor page's path in the package (its web_accessible_resources entry, wxt.config.ts). */
export const NOTE_EDITOR_PATH = '/note-editor.html' as const;

/** What the content script sends the frame. */
export type ToEditorFrame =
  /** Show the editor (sent once, first). */
  | { type: 'open'; title: string; quote: string; initial: NoteDraft }
  /** The save asked for failed: why, shown in the editor. */
  | { type: 'save-failed'; message: string };

/** What the frame sends the content script. */
export type FromEditorFrame =
  /** The editor's height in CSS pixels, whenever it changes: the frame is sized to it. */
  | { type: 'height'; height: number }
  | { type: 'save'; draft: NoteDraft }
  | { type: 'cancel' };

/** The message that hands the frame its port: `secret` from the frame's address fragment. */
export interface EditorFrameHello {
  type: 'gloss-note-editor';
  secret: string;
}

export interface EditorFrameOptions {
  /** The editor page's address (`runtime.getURL(NOTE_EDITOR_PATH)`: in Chromium at the session's dynamic id). */
  url: string;
  /**
   * The extension's origin (`runtime.getURL('/')`'s), where the editor page's document is: in
   * Chromium, a page loaded at the dynamic id's address is of the extension's own origin.
   */
  origin: string;
  title: string;
  quote: string;
  initial: NoteDraft;
  /** Resolves once saved (the content script then closes the editor); rejects with the reason, shown in the editor. */
  onSave(draft: NoteDraft): Promise<void>;
  onCancel(): void;
  signal: AbortSignal;
}

/**
 * A frame showing the note editor, focused once loaded. Detached from its port when `signal`
 * aborts (remove the element then).
 */
export function createEditorFrame(doc: Document, options: EditorFrameOptions): HTMLIFrameElement {
  const { url, signal } = options;
  // Not crypto.randomUUID(), which is for secure contexts only (an http: page is not one).
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const frame = doc.createElement('iframe');
  frame.className = 'note-editor-frame';
  frame.title = options.title;
  // Set through the CSSOM: a page's CSP may forbid style attributes, not this.
  Object.assign(frame.style, {
    display: 'block',
    width: 'min(340px, calc(100vw - 16px))',
    height: '0',
    border: '0',
    borderRadius: '10px',
    boxShadow: '0 10px 30px rgba(0, 0, 0, 0.18)',
    colorScheme: 'normal',
  } satisfies Partial<CSSStyleDeclaration>);
  const channel = new MessageChannel();
  const port = channel.port1;
  signal.addEventListener('abort', () => port.close());

  port.onmessage = async (event: MessageEvent<FromEditorFrame>) => {
    const message = event.data;
    if (signal.aborted) return;
    if (message.type === 'height') frame.style.height = `${Math.ceil(message.height)}px`;
    else if (message.type === 'cancel') options.onCancel();
    else if (message.type === 'save') {
      try {
        await options.onSave(message.draft);
      } catch (failure) {
        send({ type: 'save-failed', message: failure instanceof Error ? failure.message : String(failure) });
      }
    }
  };
  const send = (message: ToEditorFrame) => port.postMessage(message);

  frame.addEventListener(
    'load',
    () => {
      const hello: EditorFrameHello = { type: 'gloss-note-editor', secret };
      // A sandboxed page's frames are sandboxed too, their documents of no origin, which no
      // target origin names: there the port is guarded by the secret alone (the page cannot
      // reach the frame: it is not in the page's window.frames, nor named, and its element is in
      // the closed shadow root).
      const targetOrigin = doc.defaultView?.origin === 'null' ? '*' : options.origin;
      frame.contentWindow?.postMessage(hello, targetOrigin, [channel.port2]);
      send({ type: 'open', title: options.title, quote: options.quote, initial: options.initial });
      // Into the frame: the editor then focuses its text (a key pressed at once must reach it).
      frame.focus();
    },
    { once: true, signal },
  );
  frame.src = `${url}#${secret}`;
  return frame;
}
