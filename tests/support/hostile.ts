import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { FIREFOX_EXTENSION_UUID } from './browsers';
import { callOnChromiumGlossRoot, firefoxGlossRoot, pressThenRelease } from './gloss-page';
import type { PathHeaders } from './static-server';

/**
 * The hostile-page fixtures (tests/fixtures/hostile/, issue 8 item 1) and what the browser tests
 * need to drive them the same way in Chromium (Playwright) and Firefox (Puppeteer over BiDi).
 */

/** A strict policy: nothing inline, no style attributes, no eval, Trusted Types for every script sink, and a sandbox (an opaque origin). */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'; base-uri 'none'; form-action 'none'; sandbox allow-scripts";

/** The static server's extra headers (on the folder prepareHostilePages makes): csp.html is served with STRICT_CSP. */
export const HOSTILE_HEADERS: PathHeaders = { '/hostile/csp.html': { 'content-security-policy': STRICT_CSP } };

/** What the note created on snoop.html says: the page must never find it. */
export const SECRET_NOTE = 'Private: ask Kuleba about the Istanbul draft';

/** What the reader writes in the editor on snoop.html, then cancels. */
export const SECRET_DRAFT = 'Draft: call the ministry before Friday';

/** Text only Gloss's popover shows (never in the fixtures' own text): the page must never find it. */
export const POPOVER_ONLY_TEXT = [/Mention \d+ of \d+/, /Sources in this article/, /‹ Previous/, /Add note/, /From the article/i];

/**
 * A page function as a JS expression that runs it counted as the page's own code: hooks.html
 * records only calls made outside `window.__pageCode`, and the test's own page functions
 * (locateWord…) call DOM methods it hooks. A string runs the same in Playwright and Puppeteer.
 */
export function asPageCode<A>(fn: (arg: A) => unknown, arg?: A): string {
  return calledAsPageCode(fn, JSON.stringify(arg ?? null));
}

/** `fn` called on the JS expression `argument`, counted as the page's own code. */
function calledAsPageCode(fn: (arg: never) => unknown, argument: string): string {
  return `(() => { window.__pageCode = (window.__pageCode || 0) + 1; try { return (${fn.toString()})(${argument}); } finally { window.__pageCode -= 1; } })()`;
}

/** The popover as the tests inspect it: its text, links, elements and look. */
export interface PopoverLook {
  label: string | null;
  /** Rendered text, with the article's sources list unfolded. */
  text: string;
  /** Every href inside the popover. */
  hrefs: string[];
  /** The element names the popover is made of. */
  elements: string[];
  fontSize: string;
  headingSize: string;
  background: string;
  borderRadius: string;
  rect: { left: number; top: number; width: number; height: number };
}

/** Reads the open popover inside Gloss's shadow root, or null when none is shown (runs in the browser, on the root). */
export function lookAtPopover(root: ShadowRoot): PopoverLook | null {
  const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog?.checkVisibility()) return null;
  for (const details of dialog.querySelectorAll('details')) details.open = true;
  const style = getComputedStyle(dialog);
  const heading = dialog.querySelector('h2');
  const rect = dialog.getBoundingClientRect();
  return {
    label: dialog.getAttribute('aria-label'),
    text: dialog.innerText,
    hrefs: [...dialog.querySelectorAll('[href]')].map((element) => element.getAttribute('href') ?? ''),
    elements: [...new Set([...dialog.querySelectorAll('*')].map((element) => element.localName))],
    fontSize: style.fontSize,
    headingSize: heading ? getComputedStyle(heading).fontSize : '',
    background: style.backgroundColor,
    borderRadius: style.borderTopLeftRadius,
    rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
  };
}

/** The one face the hostile-page suite drives a browser through. */
export interface HostileBrowser {
  goto(url: string): Promise<void>;
  /** Evaluates a JS expression in the page's own world. */
  evaluate<T>(expression: string): Promise<T>;
  /** Runs `fn` on Gloss's closed shadow root (null when there is none); `fn` must be self-contained. */
  inGlossRoot<T>(fn: (root: ShadowRoot) => T): Promise<T | null>;
  move(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Drags the pointer with the button down, as a reader selecting text. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  /** Presses a chord such as "Alt+Shift+KeyG" or "Control+Enter". */
  press(chord: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Brings the page's tab to the front (Gloss opens its first-run page on install). */
  front(): Promise<void>;
  /** The errors seen from Gloss's content script so far. */
  extensionErrors: string[];
  /** What Gloss's popup is told of the page (`gloss:page-info`), asked from one of Gloss's own contexts. */
  pageInfo(): Promise<unknown>;
}

/**
 * Asks every tab's content script what the popup asks, `gloss:page-info`, from one of Gloss's own
 * contexts (runs there: self-contained). The replies, one per tab with a content script; the
 * tests open one web page at a time, and Gloss has no "tabs" permission to pick it by address.
 */
export async function askPageInfo(): Promise<unknown[]> {
  type Tabs = { query(filter: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
  const tabs = (scope.browser ?? scope.chrome)!.tabs;
  const replies = await Promise.all((await tabs.query({})).map((tab) => tabs.sendMessage(tab.id!, { type: 'gloss:page-info' }).catch(() => null)));
  return replies.filter((reply) => reply != null);
}

/** The one reply `askPageInfo` got (fails when not exactly one tab answered). */
function onlyReply(replies: unknown[]): unknown {
  if (replies.length !== 1) throw new Error(`expected one tab to answer gloss:page-info, ${replies.length} did`);
  return replies[0];
}

/** Chromium: runs `fn` on Gloss's closed shadow root, through CDP, counted as the page's code (asPageCode). */
export function inChromiumGlossRoot<T>(cdp: CDPSession, fn: (root: ShadowRoot) => T): Promise<T | null> {
  return callOnChromiumGlossRoot<T>(cdp, `function () { const root = this; return ${calledAsPageCode(fn, 'root')}; }`);
}

/** Firefox: runs `fn` on Gloss's closed shadow root, through its BiDi reference; counted as the page's code. */
export async function inFirefoxGlossRoot<T>(page: PuppeteerPage, fn: (root: ShadowRoot) => T): Promise<T | null> {
  const root = await firefoxGlossRoot(page);
  if (!root) return null;
  // A page function: Puppeteer sends its source, so it can be built from a string.
  const counted = new Function('root', `return ${calledAsPageCode(fn, 'root')};`) as (node: Node) => T;
  return (await root.evaluate(counted)) as T;
}

/** Puppeteer presses keys one at a time: "Alt+Shift+KeyG" is held modifiers around the key. */
export async function pressPuppeteerChord(page: PuppeteerPage, chord: string): Promise<void> {
  const keys = chord.split('+') as Parameters<PuppeteerPage['keyboard']['press']>[0][];
  const key = keys.pop()!;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

/** The mouse of a Playwright or a Puppeteer page: the calls a drag makes are the same in both. */
interface DraggingMouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** Presses at `from`, moves to `to` in a few steps, releases (a text selection). */
async function drag(mouse: DraggingMouse, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await mouse.move(from.x, from.y);
  await mouse.down();
  await mouse.move(to.x, to.y, { steps: 5 });
  await mouse.up();
}

/** The Playwright face of a Chromium page. */
export function playwrightHostile(page: PlaywrightPage, cdp: CDPSession, extensionErrors: string[]): HostileBrowser {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (expression) => page.evaluate(expression),
    inGlossRoot: (fn) => inChromiumGlossRoot(cdp, fn),
    move: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    drag: (from, to) => drag(page.mouse, from, to),
    press: (chord) => pressThenRelease(page, chord),
    type: (text) => page.keyboard.type(text),
    front: () => page.bringToFront(),
    extensionErrors,
    pageInfo: async () => onlyReply(await page.context().serviceWorkers()[0]!.evaluate(askPageInfo)),
  };
}

/**
 * The Puppeteer face of a Firefox page. `pageInfo` opens Gloss's options page in a tab of its own
 * for the question, so Firefox must be launched with `extensionPages`.
 */
export function puppeteerHostile(page: PuppeteerPage, extensionErrors: string[]): HostileBrowser {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (expression) => page.evaluate(expression) as Promise<never>,
    inGlossRoot: (fn) => inFirefoxGlossRoot(page, fn),
    move: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    drag: (from, to) => drag(page.mouse, from, to),
    press: (chord) => pressPuppeteerChord(page, chord),
    type: (text) => page.keyboard.type(text),
    front: () => page.bringToFront(),
    extensionErrors,
    async pageInfo() {
      const options = await page.browser().newPage();
      try {
        // moz-extension:// navigations may never report "loaded" over BiDi: wait for the page instead.
        options.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/options.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }).catch(() => undefined);
        for (let tries = 0; tries < 75; tries += 1) {
          if (await options.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false)) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return onlyReply(await options.evaluate(askPageInfo));
      } finally {
        await options.close();
        await page.bringToFront();
      }
    },
  };
}
