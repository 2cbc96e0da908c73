/**
 * Hover intent: report that the pointer rests on a target, not that it passed over one.
 * The pointer must stay on the same target, moving less than `tolerance` pixels, for `delay`
 * milliseconds; any bigger move restarts the wait, so sweeping the mouse across a paragraph
 * opens nothing. (The idea of the classic jQuery hoverIntent, small enough to write here.)
 */
export interface HoverIntentOptions<T> {
  delay?: number;
  tolerance?: number;
  /** The pointer came to rest on `target`. */
  onRest(target: T): void;
  /** The pointer left the target it rested on (called once per rest). */
  onLeave(): void;
}

export interface HoverIntent<T> {
  /** The pointer is at (x, y), over `target` (null: over nothing of interest). */
  move(target: T | null, x: number, y: number): void;
  /** Forget the pending wait and the current rest without calling back. */
  cancel(): void;
}

export function createHoverIntent<T>({ delay = 300, tolerance = 6, onRest, onLeave }: HoverIntentOptions<T>): HoverIntent<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { target: T; x: number; y: number } | null = null;
  let resting: T | null = null;

  function clearPending(): void {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  }

  function wait(target: T, x: number, y: number): void {
    clearPending();
    pending = { target, x, y };
    timer = setTimeout(() => {
      pending = null;
      resting = target;
      onRest(target);
    }, delay);
  }

  return {
    move(target, x, y) {
      if (resting !== null && target !== resting) {
        resting = null;
        onLeave();
      }
      if (target === null) return clearPending();
      if (target === resting) return;
      const stillClose = pending && pending.target === target && Math.hypot(x - pending.x, y - pending.y) < tolerance;
      if (!stillClose) wait(target, x, y);
    },
    cancel() {
      clearPending();
      resting = null;
    },
  };
}
