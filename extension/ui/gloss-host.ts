/**
 * Gloss's one element on the page: `<gloss-host>`, appended to <html>, with a closed shadow root
 * holding the popover, the fallback mark layer, the keyboard focus target and a live region.
 * Its attributes are the documented, stable state that tests and curious readers can see:
 *   data-gloss-state   finding | analysing | ready | no-article | error
 *   data-gloss-marks   number of mentions marked (when ready)
 *   data-gloss-marker  css-highlights | overlay
 *   data-gloss-popover id of the entity whose popover is open (absent when none)
 *   data-gloss-background  that entity's id and what its background shows, set when drawn:
 *                      "e1 looking-up" | "e1 found" | "e1 none" | "e1 offline" (absent when none)
 *   data-gloss-error   the error message (state error)
 *   data-gloss-notes   notes placed on the page / notes the reader has on this article ("1/1")
 *   data-gloss-notes-error  why the notes could not be loaded
 *   data-gloss-note-ui add-button | editor | card | undo: the notes UI shown (absent when none)
 */
import { SHADOW_CSS } from './styles';

export const HOST_TAG = 'gloss-host';

export type GlossState = 'finding' | 'analysing' | 'ready' | 'no-article' | 'error';

export interface GlossHost {
  element: HTMLElement;
  /** Layer for the fallback marks, positioned at the document's origin. */
  overlay: HTMLElement;
  /** Where the popover is rendered. */
  popoverLayer: HTMLElement;
  /** Where the notes UI is rendered: the "Add note" button, the note editor and card, "Undo". */
  noteLayer: HTMLElement;
  /** The focusable stand-in for the focused mention in keyboard mode. */
  focusTarget: HTMLElement;
  /** Whether an event target seen by the page's listeners is Gloss's UI (closed-shadow events are retargeted to the host). */
  owns(target: EventTarget | null): boolean;
  /** Whether a node is inside Gloss's shadow root. */
  inside(node: EventTarget | null): boolean;
  setAttribute(name: `data-gloss-${string}`, value: string | number | null): void;
  announce(message: string): void;
}

/**
 * Typing in Gloss's UI fires composed events, which leave the shadow root retargeted to the
 * host: the page's key shortcuts would fire while the reader types in a popover. They stop at the
 * root, after Gloss's own listeners inside it. A page's capture listeners on window or document
 * still get them first, which is why the note editor, where the reader writes, is a frame of the
 * extension's own origin (ui/notes/editor-frame.ts): its keys never reach the page at all.
 */
const TYPING_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'copy', 'cut', 'paste'];

export function createGlossHost(doc: Document, signal: AbortSignal): GlossHost {
  // One left behind by an earlier Gloss (an update ends a content script without its clean-up):
  // Gloss's hosts are the root's own children, so a page's <gloss-host> in its body is not touched.
  for (const stale of doc.documentElement.querySelectorAll(`:scope > ${HOST_TAG}`)) stale.remove();
  // Made in a document of its own, which has no custom element registry: a page that defined
  // <gloss-host> as its own custom element would otherwise get the closed root through its
  // ElementInternals (they hand over the root of an element that was custom when it was attached).
  // Upgraded once in the page, it still never gets it. No style attribute: the host's look is the
  // shadow root's `:host` rule (styles.ts), which a page's CSS cannot override nor its CSP block.
  const element = doc.implementation.createHTMLDocument('').createElement(HOST_TAG);
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  const overlay = div(doc, 'overlay');
  overlay.setAttribute('aria-hidden', 'true');
  const popoverLayer = div(doc, 'popover-layer');
  const noteLayer = div(doc, 'note-layer');
  const focusTarget = div(doc, 'visually-hidden');
  focusTarget.tabIndex = -1;
  focusTarget.setAttribute('role', 'button');
  const live = div(doc, 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  shadow.append(style, overlay, popoverLayer, noteLayer, focusTarget, live);
  for (const type of TYPING_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation(), { signal });
  doc.documentElement.append(element);
  signal.addEventListener('abort', () => element.remove());

  return {
    element,
    overlay,
    popoverLayer,
    noteLayer,
    focusTarget,
    owns: (target) => target === element,
    inside: (node) => node instanceof Node && shadow.contains(node),
    setAttribute(name, value) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, String(value));
    },
    announce(message) {
      live.textContent = message;
    },
  };
}

function div(doc: Document, className: string): HTMLElement {
  const element = doc.createElement('div');
  element.className = className;
  return element;
}
