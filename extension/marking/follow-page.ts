/**
 * Following a page that changes after Gloss marked it: a single-page site that swaps the article
 * and changes the address (history API), infinite scroll that appends the next article, a page
 * that adds its paragraphs late. Gloss's content script runs in an isolated world and cannot see
 * the page's `history.pushState` calls, so the page is watched from the outside: a
 * MutationObserver counts the text the page adds, and the address is read on the Navigation API's
 * `currententrychange`, on `popstate`, and by a cheap poll where the Navigation API is missing.
 *
 * A change is reported once, after the page has been quiet for a while, so a swap made of many
 * mutations (old article out, skeleton in, paragraphs in, address pushed) costs one re-run.
 */

/** Why the page is reported changed. */
export type PageChange = 'content' | 'address';

export interface FollowPageOptions {
  win: Window & typeof globalThis;
  /** Called once per settled change (never while `signal` is aborted or the page is hidden). */
  onChange(change: PageChange): void;
  /** Whether an added node is Gloss's own (its host element): never counted as the page's text. */
  isOwn(node: Node): boolean;
  /** Stops everything: the observer, the listeners, the timers. */
  signal: AbortSignal;
  /** Timings and threshold; the defaults are FOLLOW_DEFAULTS. */
  tuning?: Partial<FollowTuning>;
}

export interface FollowTuning {
  /** Quiet time after the last counted mutation before a change is reported. */
  quietMs: number;
  /** A page that never goes quiet (a ticker, an animation) is reported at most this long after its change began. */
  maxWaitMs: number;
  /** Visible characters of new text that make a change worth a re-run (a paragraph; not a clock or a counter). */
  minNewChars: number;
  /** After the address changes, how long the new article's text is waited for. */
  addressWaitMs: number;
  /** How often the address is read where the Navigation API is missing. */
  pollMs: number;
  /** The least time between two reports of text added at the same address (a live blog, a ticker). */
  minGapMs: number;
}

/**
 * 750 ms quiet: route changes of single-page frameworks and infinite-scroll appends land within
 * a few frames, while lazy loaders add pieces a few hundred milliseconds apart; 750 ms rides over
 * those pieces and still marks new text within about a second. The 3 s cap keeps a page that
 * never stops mutating from postponing the re-run for ever. 120 visible characters are one
 * sentence of news (about 140 characters with spaces), well above a clock, a counter or a button.
 * A page that keeps adding text at the same address (a live blog posting every few seconds) is
 * marked again at most every 10 s: each re-run analyses the page anew and closes an open popover.
 * A new address is a new article, and is never held back.
 */
export const FOLLOW_DEFAULTS: FollowTuning = { quietMs: 750, maxWaitMs: 3_000, minNewChars: 120, addressWaitMs: 2_000, pollMs: 1_000, minGapMs: 10_000 };

/** Added text here is not the article's: the page's chrome, hidden parts, what the reader types, and text that is not shown. */
const NOT_ARTICLE =
  'nav, aside, footer, form, [aria-hidden="true"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], script, style, noscript, template, textarea, svg';
const ELEMENT_NODE = 1;

/** One change in progress: what has been seen since it began. */
interface Burst {
  began: number;
  chars: number;
  /** When the address changed in this burst (null: it did not). */
  addressAt: number | null;
  /** The title the page had at the last report (or at the start), to tell a new page from a tidied address. */
  titleAtAddress: string | null;
}

/** Watches the page until `signal` aborts; see the module comment. */
export function followPage({ win, onChange, isOwn, signal, tuning }: FollowPageOptions): void {
  const { quietMs, maxWaitMs, minNewChars, addressWaitMs, pollMs, minGapMs } = { ...FOLLOW_DEFAULTS, ...tuning };
  if (signal.aborted) return;
  const doc = win.document;
  let address = withoutHash(win.location.href);
  let title = doc.title;
  let burst: Burst | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let watching = false;
  /** When a change was last reported (performance.now()). */
  let reportedAt = -Infinity;

  const observer = new win.MutationObserver((records) => {
    // Text is read only until the change is known to be worth a re-run; past that, one visible
    // character is enough to know the page is still changing.
    const limit = Math.max(1, minNewChars - (burst?.chars ?? 0));
    let chars = 0;
    for (const record of records) {
      if (chars >= limit) break;
      if (record.type === 'characterData') {
        if (record.oldValue !== record.target.nodeValue && record.target.isConnected) chars += textOf(record.target, limit - chars);
      } else {
        for (const node of record.addedNodes) if (node.isConnected && !isOwn(node)) chars += textOf(node, limit - chars);
      }
    }
    if (chars > 0) note(chars);
  });

  function note(chars: number): void {
    burst ??= { began: performance.now(), chars: 0, addressAt: null, titleAtAddress: null };
    burst.chars += chars;
    schedule(quietMs);
  }

  function schedule(afterMs: number): void {
    clearTimeout(timer);
    const cap = burst!.began + maxWaitMs - performance.now();
    timer = setTimeout(settle, Math.max(0, Math.min(afterMs, cap)));
  }

  /** Reads the address; a new one (the hash aside) joins the change in progress. */
  function checkAddress(): void {
    const now = withoutHash(win.location.href);
    if (now === address) return;
    address = now;
    burst ??= { began: performance.now(), chars: 0, addressAt: null, titleAtAddress: null };
    burst.addressAt = performance.now();
    burst.titleAtAddress = title;
    schedule(quietMs);
  }

  function settle(): void {
    checkAddress(); // an address change the poll has not seen yet belongs to this change
    const current = burst;
    if (!current) return;
    if (current.chars >= minNewChars) {
      const wait = current.addressAt === null ? reportedAt + minGapMs - performance.now() : 0;
      if (wait > 0) {
        timer = setTimeout(settle, wait);
        return;
      }
      return report('content');
    }
    if (current.addressAt !== null) {
      const waited = performance.now() - current.addressAt;
      if (waited < addressWaitMs) {
        timer = setTimeout(settle, addressWaitMs - waited);
        return;
      }
      // No new text came: a route that shows what the page already had changes the title too;
      // an address tidied by replaceState, or named after the article in view, does not.
      if (doc.title !== current.titleAtAddress) return report('address');
    }
    burst = null; // small changes (a clock, a counter, a like button): not worth a re-run
  }

  function report(change: PageChange): void {
    burst = null;
    reportedAt = performance.now();
    title = doc.title;
    onChange(change);
  }

  const navigation = (win as { navigation?: EventTarget }).navigation;
  function start(): void {
    if (watching || signal.aborted) return;
    watching = true;
    checkAddress();
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    if (!navigation) poll = setInterval(checkAddress, pollMs);
  }
  function stop(): void {
    watching = false;
    observer.disconnect();
    clearTimeout(timer);
    clearInterval(poll);
    burst = null;
  }

  const listening = { signal };
  navigation?.addEventListener('currententrychange', () => watching && checkAddress(), listening);
  win.addEventListener('popstate', () => watching && checkAddress(), listening);
  // A page going away stops everything; one put in the back/forward cache is followed again when it comes back.
  win.addEventListener('pagehide', stop, listening);
  win.addEventListener('pageshow', (event) => event.persisted && start(), listening);
  signal.addEventListener('abort', stop, { once: true });
  start();
}

/** The address without its fragment: moving to `#section` is not a new page. */
function withoutHash(href: string): string {
  const at = href.indexOf('#');
  return at < 0 ? href : href.slice(0, at);
}

/** Visible characters (not white space) of the article text in `node`, counted up to `limit`. */
function textOf(node: Node, limit: number): number {
  const element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element || element.closest(NOT_ARTICLE)) return 0;
  const text = node.textContent ?? '';
  let count = 0;
  for (let at = 0; at < text.length && count < limit; at += 1) if (text.charCodeAt(at) > 32) count += 1;
  return count;
}
