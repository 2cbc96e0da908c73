/**
 * Paints marks over page text without touching the page's DOM or layout. Where the browser has
 * the CSS Custom Highlight API (Chromium 105+, Firefox 140+) entity marks are registered as named
 * highlights; elsewhere, and for notes, translucent boxes are drawn from the ranges' client rects in a layer of
 * Gloss's own shadow root (wrapping text in elements would split the page's text nodes, which
 * breaks the article's offset map and can break page scripts).
 */
import { FLASH_HIGHLIGHT, FOCUS_HIGHLIGHT } from '../ui/styles';

export interface MarkPainter {
  /** Paints `ranges` under `name`, replacing whatever `name` painted before. */
  paint(name: string, ranges: readonly Range[]): void;
  /** Removes every mark this painter made. */
  clear(): void;
}

export function hasHighlightApi(win: Window & typeof globalThis): boolean {
  return typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function';
}

/** Focus and flash marks paint above the entity-kind marks. */
function priorityOf(name: string): number {
  return name === FLASH_HIGHLIGHT ? 2 : name === FOCUS_HIGHLIGHT ? 1 : 0;
}

export function highlightPainter(win: Window & typeof globalThis): MarkPainter {
  const names = new Set<string>();
  return {
    paint(name, ranges) {
      if (ranges.length === 0) {
        win.CSS.highlights.delete(name);
        names.delete(name);
        return;
      }
      const highlight = new win.Highlight(...ranges);
      highlight.priority = priorityOf(name);
      win.CSS.highlights.set(name, highlight);
      names.add(name);
    },
    clear() {
      for (const name of names) win.CSS.highlights.delete(name);
      names.clear();
    },
  };
}

/**
 * Boxes drawn in `overlay` (absolutely positioned at the document's origin), redrawn on resize:
 * the fallback for the entity marks, and always the notes' painter, for what a reader noted is
 * theirs alone (the page reads `CSS.highlights`, a registry it shares; Gloss's shadow root it
 * cannot read). Each painter draws in a box container of its own in `overlay`, removed when
 * `signal` aborts, so that several can share it; the last made paints on top.
 */
export function overlayPainter(overlay: HTMLElement, win: Window, signal: AbortSignal): MarkPainter {
  const layer = overlay.ownerDocument.createElement('div');
  overlay.append(layer);
  const painted = new Map<string, readonly Range[]>();
  let frame = 0;

  function draw(): void {
    frame = 0;
    const boxes: HTMLElement[] = [];
    for (const [name, ranges] of painted) {
      for (const range of ranges) {
        for (const rect of range.getClientRects()) boxes.push(box(name, rect));
      }
    }
    layer.replaceChildren(...boxes);
  }

  function box(name: string, rect: DOMRect): HTMLElement {
    const element = layer.ownerDocument.createElement('div');
    element.className = `box ${name}`;
    element.style.cssText = `left:${rect.left + win.scrollX}px;top:${rect.top + win.scrollY}px;width:${rect.width}px;height:${rect.height}px`;
    return element;
  }

  function redrawSoon(): void {
    // Nothing painted and nothing drawn: no frame callback either.
    if (!frame && (painted.size > 0 || layer.firstChild)) frame = win.requestAnimationFrame(draw);
  }

  // The document is watched only while something is painted: its resize callbacks run inside the
  // browser's rendering of the page, which on a huge page is long, and Gloss has no business there.
  const observer = new ResizeObserver(redrawSoon);
  let observing = false;
  function watchResizes(on: boolean): void {
    if (on === observing) return;
    observing = on;
    if (on) observer.observe(win.document.documentElement);
    else observer.disconnect();
  }
  win.addEventListener('resize', redrawSoon, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.cancelAnimationFrame(frame);
    layer.remove();
  });

  return {
    paint(name, ranges) {
      if (ranges.length === 0) painted.delete(name);
      else painted.set(name, ranges);
      watchResizes(painted.size > 0);
      redrawSoon();
    },
    clear() {
      painted.clear();
      watchResizes(false);
      layer.replaceChildren();
    },
  };
}
