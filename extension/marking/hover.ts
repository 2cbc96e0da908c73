/**
 * Hovering marks. Highlights receive no events, so the pointer's position is turned into an
 * article offset (caret from point → map.offsetOf) and looked up in the mention index, at most
 * once per animation frame; hover intent then decides when the popover opens.
 */
import type { TextNodeMap } from '../article/types';
import type { GlossHost } from '../ui/gloss-host';
import type { PopoverController } from '../ui/popover-controller';
import { caretAt, rangeContainsPoint } from './caret';
import { createHoverIntent } from './hover-intent';
import type { MarkedMention, MentionIndex } from './mention-index';

export interface HoverOptions {
  win: Window;
  host: GlossHost;
  index: MentionIndex;
  map: TextNodeMap;
  rangeFor(mention: MarkedMention): Range | null;
  popover: PopoverController;
  delay?: number;
  signal: AbortSignal;
}

/** The marked mention under viewport point (x, y), or null. */
export function mentionAtPoint(
  doc: Document,
  x: number,
  y: number,
  map: TextNodeMap,
  index: MentionIndex,
  rangeFor: (mention: MarkedMention) => Range | null,
): MarkedMention | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const offset = map.offsetOf(caret.node, caret.offset);
  if (offset === null) return null;
  // A caret lands between characters: over a word's last half it is already past the word.
  for (const candidate of [index.mentionAt(offset), index.mentionAt(offset - 1)]) {
    if (!candidate) continue;
    const range = rangeFor(candidate);
    if (range && rangeContainsPoint(range, x, y)) return candidate;
  }
  return null;
}

export function initHover({ win, host, index, map, rangeFor, popover, delay, signal }: HoverOptions): void {
  const intent = createHoverIntent<MarkedMention>({
    delay,
    onRest: (mention) => popover.open(mention.entityId, mention, false),
    onLeave: () => popover.closeSoon(),
  });
  let frame = 0;
  let last: MouseEvent | null = null;

  function onFrame(): void {
    frame = 0;
    if (!last) return;
    const { clientX: x, clientY: y } = last;
    const mention = mentionAtPoint(win.document, x, y, map, index, rangeFor);
    if (mention && popover.openEntityId === mention.entityId) popover.keepOpen();
    intent.move(mention, x, y);
  }

  function onMove(event: MouseEvent): void {
    // Over the popover the layer's own pointerenter/leave decide.
    if (host.owns(event.target)) return;
    last = event;
    if (!frame) frame = win.requestAnimationFrame(onFrame);
  }

  // Captured on the window, before the page's elements: a widget that stops its events from
  // bubbling (a slider, a map, an editor in the article) must not hide the names in it.
  win.addEventListener('mousemove', onMove, { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => {
    win.cancelAnimationFrame(frame);
    intent.cancel();
  });
}
