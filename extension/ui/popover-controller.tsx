/**
 * Opens, places and closes the entity popover. Placement is @floating-ui/dom's
 * (offset, flip, shift) against a virtual element made from the mention's live Range, kept in
 * place on scroll and resize by `autoUpdate`. Closing: Escape, the close button, or the pointer
 * leaving both the mention and the popover for longer than a short grace delay.
 */
import { autoUpdate, computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { Analysis, Span } from '../analysis/types';
import { backgroundShown, type PopoverBackground } from './background/BackgroundSection';
import { entityCard } from './entity-card';
import type { GlossHost } from './gloss-host';
import { Popover, type PopoverNotes } from './Popover';

export interface PopoverControllerOptions {
  host: GlossHost;
  analysis: Analysis;
  rangeFor(span: Span): Range | null;
  /** Scrolls the page to a mention and flashes it. */
  showMention(span: Span): void;
  /** The reader's notes and memory for an entity (absent: the popover has no notes section). */
  notesFor?(entityId: string): PopoverNotes;
  /**
   * The entity's background as known now, called each time its popover is drawn: the first call
   * for an entity is the moment to ask for it (absent: only what the article says).
   */
  backgroundFor?(entityId: string): PopoverBackground;
  /** Called after the popover closed; `byKeyboard` when Escape or a keyboard press closed it. */
  onClose?(byKeyboard: boolean): void;
  graceMs?: number;
  signal: AbortSignal;
}

export interface PopoverController {
  /** Opens the popover of `entityId` next to its mention `span`; `focus` moves keyboard focus into it. */
  open(entityId: string, span: Span, focus: boolean): void;
  close(byKeyboard?: boolean): void;
  /** Redraws the open popover if it is `entityId`'s (its notes or background changed), keeping focus and place. */
  refresh(entityId: string): void;
  readonly openEntityId: string | null;
  /** The pointer is over the mention the popover belongs to (cancels a pending close). */
  keepOpen(): void;
  /** The pointer left the mention: close after the grace delay unless it reaches the popover. */
  closeSoon(): void;
}

function virtualElementFor(range: Range): VirtualElement {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}

export function createPopoverController(options: PopoverControllerOptions): PopoverController {
  const { host, analysis, rangeFor, showMention, notesFor, backgroundFor, onClose, graceMs = 250, signal } = options;
  const layer = host.popoverLayer;
  let openEntityId: string | null = null;
  let openSpan: Span | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  function place(range: Range): void {
    stopAutoUpdate?.();
    const reference = virtualElementFor(range);
    const update = () =>
      computePosition(reference, layer, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    stopAutoUpdate = autoUpdate(reference, layer, update);
  }

  function draw(entityId: string, span: Span, focus: boolean, placed = false): void {
    const card = entityCard(analysis, entityId);
    const range = rangeFor(span);
    if (!card || !range) return;
    const current = card.mentions.findIndex((mention) => mention.start === span.start);
    const goToMention = (index: number) => {
      const target = card.mentions[index];
      if (!target) return;
      showMention(target);
      draw(entityId, target, false);
    };
    const notes = notesFor?.(entityId);
    const background = backgroundFor?.(entityId);
    render(
      <Popover card={card} currentMention={current} onGoToMention={goToMention} onClose={() => controller.close(true)} notes={notes} background={background} />,
      layer,
    );
    openEntityId = entityId;
    openSpan = span;
    host.setAttribute('data-gloss-popover', entityId);
    host.setAttribute('data-gloss-background', background ? `${entityId} ${backgroundShown(background)}` : null);
    if (!placed) place(range);
    if (focus) layer.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  }

  const controller: PopoverController = {
    open(entityId, span, focus) {
      clearTimeout(closeTimer);
      draw(entityId, span, focus);
    },
    close(byKeyboard = false) {
      clearTimeout(closeTimer);
      if (openEntityId === null) return;
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      render(null, layer);
      openEntityId = null;
      openSpan = null;
      host.setAttribute('data-gloss-popover', null);
      host.setAttribute('data-gloss-background', null);
      onClose?.(byKeyboard);
    },
    refresh(entityId) {
      if (openEntityId === entityId && openSpan) draw(entityId, openSpan, false, true);
    },
    get openEntityId() {
      return openEntityId;
    },
    keepOpen() {
      clearTimeout(closeTimer);
    },
    closeSoon() {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => controller.close(), graceMs);
    },
  };

  // A popover opened by hover does not take focus, so Escape is heard on the document; capture
  // first, so the key does not also leave keyboard focus mode.
  function closeOnEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || openEntityId === null) return;
    event.preventDefault();
    event.stopPropagation();
    controller.close(true);
  }

  layer.ownerDocument.addEventListener('keydown', closeOnEscape, { capture: true, signal });
  layer.addEventListener('pointerenter', () => controller.keepOpen(), { signal });
  layer.addEventListener('pointerleave', () => controller.closeSoon(), { signal });
  signal.addEventListener('abort', () => controller.close());
  return controller;
}
