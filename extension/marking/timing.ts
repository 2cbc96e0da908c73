/** Waiting politely on the page's main thread. */

type IdleWindow = Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };

/** Resolves when the page is idle (at most `timeout` ms later), or at once when `signal` aborts. */
export function idle(win: Window, signal: AbortSignal, timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    const idleWin = win as IdleWindow;
    if (typeof idleWin.requestIdleCallback === 'function') idleWin.requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  });
}

/** Resolves after the load event (at once when it already fired), or when `signal` aborts. */
export function pageLoaded(win: Window, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || win.document.readyState === 'complete') return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    win.addEventListener('load', () => resolve(), { once: true, signal });
  });
}

type SchedulerGlobal = typeof globalThis & { scheduler?: { yield?: () => Promise<void> } };

/** Lets the browser run other tasks (input, rendering) before going on. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as SchedulerGlobal).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
