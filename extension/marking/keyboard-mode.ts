/**
 * Keyboard path to the marks. Page text is not focusable, so Gloss has a focus mode:
 *   Alt+Shift+G          enter it on the first name in view (or go to the next name)
 *   Tab / → / ↓          next name;  Shift+Tab / ← / ↑  previous name;  Home / End
 *   Enter / Space        open the popover (focus moves into it; Escape returns here)
 *   Escape               leave focus mode, back to where focus was
 * While in it, keyboard focus sits on a stand-in element in Gloss's shadow root labelled with the
 * name, the mention is painted with a distinct highlight, and the live region announces it.
 */
import type { Analysis, Entity } from '../analysis/types';
import type { GlossHost } from '../ui/gloss-host';
import { KIND_LABEL } from '../ui/entity-card';
import type { PopoverController } from '../ui/popover-controller';
import { FOCUS_HIGHLIGHT } from '../ui/styles';
import type { MarkedMention, MentionIndex } from './mention-index';
import type { MarkPainter } from './painter';
import { scrollRangeIntoView } from './scroll';

export interface KeyboardModeOptions {
  win: Window;
  host: GlossHost;
  analysis: Analysis;
  index: MentionIndex;
  rangeFor(mention: MarkedMention): Range | null;
  painter: MarkPainter;
  popover: PopoverController;
  signal: AbortSignal;
}

export interface KeyboardMode {
  /** Index in the mention index of the focused mention, or -1 outside focus mode. */
  readonly focused: number;
  focus(position: number): void;
  /** Back to focus mode after the popover closed. */
  resume(): void;
  leave(): void;
}

export function isGlossShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyG';
}

export function initKeyboardMode(options: KeyboardModeOptions): KeyboardMode {
  const { win, host, analysis, index, rangeFor, painter, popover, signal } = options;
  const target = host.focusTarget;
  const entities = new Map<string, Entity>(analysis.entities.map((entity) => [entity.id, entity]));
  let focused = -1;
  let focusBefore: Element | null = null;

  function firstInView(): number {
    const found = index.mentions.findIndex((mention) => {
      const rect = rangeFor(mention)?.getBoundingClientRect();
      return rect !== undefined && rect.bottom >= 0;
    });
    return Math.max(found, 0);
  }

  function describe(mention: MarkedMention, position: number): { label: string; announcement: string } {
    const entity = entities.get(mention.entityId);
    const label = `${entity?.name ?? 'Name'}, ${KIND_LABEL[mention.type]}`;
    return {
      label,
      announcement: `${label}. Name ${position + 1} of ${index.size}. Enter for details, Tab for the next name, Escape to leave.`,
    };
  }

  function focus(position: number): void {
    const count = index.size;
    if (count === 0) {
      host.announce('Gloss: no names are marked on this page.');
      return;
    }
    const wrapped = ((position % count) + count) % count;
    const mention = index.mentions[wrapped]!;
    const range = rangeFor(mention);
    if (!range) return;
    if (focused === -1) focusBefore = win.document.activeElement;
    focused = wrapped;
    popover.close();
    painter.paint(FOCUS_HIGHLIGHT, [range]);
    scrollRangeIntoView(range, win);
    const { label, announcement } = describe(mention, wrapped);
    target.setAttribute('aria-label', label);
    host.setAttribute('data-gloss-focus', wrapped);
    host.announce(announcement);
    target.focus({ preventScroll: true });
  }

  function leave(): void {
    if (focused === -1) return;
    focused = -1;
    painter.paint(FOCUS_HIGHLIGHT, []);
    host.setAttribute('data-gloss-focus', null);
    popover.close();
    if (host.inside(win.document.activeElement) || win.document.activeElement === host.element) {
      (focusBefore as HTMLElement | null)?.focus?.({ preventScroll: true });
    }
    focusBefore = null;
  }

  function openPopover(): void {
    const mention = index.mentions[focused];
    if (mention) popover.open(mention.entityId, mention, true);
  }

  function onTargetKey(event: KeyboardEvent): void {
    if (focused === -1) return;
    const keys: Record<string, () => void> = {
      Tab: () => focus(focused + (event.shiftKey ? -1 : 1)),
      ArrowRight: () => focus(focused + 1),
      ArrowDown: () => focus(focused + 1),
      ArrowLeft: () => focus(focused - 1),
      ArrowUp: () => focus(focused - 1),
      Home: () => focus(0),
      End: () => focus(index.size - 1),
      Enter: openPopover,
      ' ': openPopover,
      Escape: leave,
    };
    const action = keys[event.key];
    if (!action || isGlossShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  function onShortcut(event: KeyboardEvent): void {
    if (!isGlossShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    focus(focused === -1 ? firstInView() : focused + 1);
  }

  function onFocusOut(event: FocusEvent): void {
    // Focus moving into the popover stays in the mode; anywhere else on the page leaves it.
    if (!host.inside(event.relatedTarget)) leave();
  }

  win.addEventListener('keydown', onShortcut, { capture: true, signal });
  target.addEventListener('keydown', onTargetKey, { signal });
  target.addEventListener('focusout', onFocusOut, { signal });
  host.popoverLayer.addEventListener('focusout', onFocusOut, { signal });
  signal.addEventListener('abort', leave);

  return {
    get focused() {
      return focused;
    },
    focus,
    resume() {
      if (focused !== -1) target.focus({ preventScroll: true });
    },
    leave,
  };
}
