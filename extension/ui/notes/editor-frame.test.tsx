// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEditorFrame, type EditorFrameOptions } from './editor-frame';
import { serveNoteEditor } from './editor-frame-page';

const URL_ = 'chrome-extension://dynamic-id/note-editor.html';
const ORIGIN = 'chrome-extension://gloss-id';
const initial = { body: '', tags: [], colour: 'yellow' as const };
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

/** The content script's side, its frame "loaded": what it posted to the frame, and to whom. */
function contentSide(options: Partial<EditorFrameOptions> = {}) {
  const detached = new AbortController();
  const frame = createEditorFrame(document, {
    url: URL_,
    origin: ORIGIN,
    title: 'Add note',
    quote: '160,000 people',
    initial,
    onSave: async () => {},
    onCancel: () => {},
    signal: detached.signal,
    ...options,
  });
  const postMessage = vi.fn();
  Object.defineProperty(frame, 'contentWindow', { value: { postMessage } });
  frame.dispatchEvent(new Event('load'));
  const [hello, targetOrigin, ports] = postMessage.mock.calls[0] as [{ type: string; secret: string }, string, MessagePort[]];
  return { frame, hello, targetOrigin, port: ports[0]!, detached };
}

/** The editor page's side in this window, its address holding `secret`; `deliver` posts it a message as a window would. */
function frameSide(secret: string) {
  history.replaceState(null, '', `/note-editor.html#${secret}`);
  const root = document.createElement('div');
  document.body.append(root);
  serveNoteEditor(window, root);
  const deliver = (data: unknown, port: MessagePort) => window.dispatchEvent(new MessageEvent('message', { data, source: window.parent, ports: [port] as never }));
  return { root, deliver };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the note editor in a frame', () => {
  it("hands the frame its port at the extension's origin, with the secret of the frame's address", () => {
    const { frame, hello, targetOrigin, port, detached } = contentSide();
    expect(frame.src).toBe(`${URL_}#${hello.secret}`);
    expect(hello.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(targetOrigin, 'never "*": a frame navigated elsewhere gets nothing').toBe(ORIGIN);
    expect(port.postMessage, 'a port').toBeTypeOf('function');
    detached.abort();
  });

  it("on a sandboxed page (no origin, as its frames), hands the port to any origin: the secret guards it there", () => {
    Object.defineProperty(window, 'origin', { value: 'null', configurable: true });
    try {
      const { targetOrigin, detached } = contentSide();
      expect(targetOrigin).toBe('*');
      detached.abort();
    } finally {
      Reflect.deleteProperty(window, 'origin');
    }
  });

  it('shows the editor asked for, saves the draft through the content script, and shows why a save failed', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('Storage is full.');
    });
    const content = contentSide({ onSave });
    const { root, deliver } = frameSide(content.hello.secret);
    expect(location.hash, 'the secret leaves the address').toBe('');
    deliver(content.hello, content.port);
    await settle();
    expect(root.querySelector('.note-editor')?.getAttribute('aria-label')).toBe('Add note');
    expect(root.querySelector('.quote')?.textContent).toBe('160,000 people');
    const body = root.querySelector('textarea')!;
    expect(document.activeElement).toBe(body);

    act(() => {
      body.value = 'Check the census';
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => void body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true })));
    await settle();
    expect(onSave).toHaveBeenCalledWith({ body: 'Check the census', tags: [], colour: 'yellow' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Storage is full.');
    content.detached.abort();
  });

  it('cancels on Escape', async () => {
    const onCancel = vi.fn();
    const content = contentSide({ onCancel });
    const { root, deliver } = frameSide(content.hello.secret);
    deliver(content.hello, content.port);
    await settle();
    act(() => void root.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    await settle();
    expect(onCancel).toHaveBeenCalledOnce();
    content.detached.abort();
  });

  it("takes no port without its address's secret: a page that reached the frame first cannot feed it nor read the draft", async () => {
    const content = contentSide();
    const { root, deliver } = frameSide(content.hello.secret);
    const forged = new MessageChannel();
    deliver({ type: 'gloss-note-editor', secret: 'guessed' }, forged.port2);
    forged.port1.postMessage({ type: 'open', title: 'Add note', quote: 'the page says', initial });
    await settle();
    expect(root.querySelector('.note-editor'), 'nothing shown for the forged port').toBeNull();
    // The real hello still opens it.
    deliver(content.hello, content.port);
    await settle();
    expect(root.querySelector('.quote')?.textContent).toBe('160,000 people');
    forged.port1.close();
    content.detached.abort();
  });
});
