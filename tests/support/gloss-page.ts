import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';

/**
 * The DOM contract of Gloss's content script that the browser tests rely on: a host element on
 * <html> carrying `data-gloss-state` (`ready` once marks are on the page) and the number of marks,
 * with the popover (role="dialog") inside a closed shadow root.
 */
export const GLOSS_HOST = 'gloss-host[data-gloss-state]';
export const GLOSS_READY = '[data-gloss-state="ready"]';

/**
 * Gloss's outcome on the page once it has settled: its state and how many mentions it marked;
 * null while it is still working (page function: runs in the browser, so self-contained).
 */
export function glossOutcome(hostSelector: string): { state: string; marks: number; error: string | null } | null {
  const host = document.querySelector(hostSelector);
  const state = host?.getAttribute('data-gloss-state');
  if (!host || !state || !['ready', 'no-article', 'error'].includes(state)) return null;
  return { state, marks: Number(host.getAttribute('data-gloss-marks') ?? 0), error: host.getAttribute('data-gloss-error') };
}

/** Where a word is on screen, found in the page's text nodes (page function: runs in the browser). */
export function locateWord(word: string): { x: number; y: number } | null {
  const scope = document.querySelector('article') ?? document.body;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(word) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    (node.parentElement ?? scope).scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    if (rect && rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** An open popover as the reader sees it: the entity it is about and its rendered text. */
export interface ShownPopover {
  label: string | null;
  text: string;
}

/** The popover an element is, if it is shown, else null (page function). */
function shownPopover(this: Element): ShownPopover | null {
  return this.checkVisibility() ? { label: this.getAttribute('aria-label'), text: (this as HTMLElement).innerText } : null;
}

interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Gloss's host: a `<gloss-host>` with `data-gloss-state` and a shadow root (a page's look-alike has none). */
function isGlossHost(node: CdpNode): boolean {
  return node.nodeName.toLowerCase() === 'gloss-host' && (node.attributes ?? []).includes('data-gloss-state') && (node.shadowRoots?.length ?? 0) > 0;
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

/**
 * Chromium: calls `functionDeclaration` (the source of a `function () {…}`) with `this` bound to
 * Gloss's closed shadow root, which CDP reaches (`DOM.getDocument` with `pierce: true`); its
 * result by value, or null when Gloss has no host on the page. It runs in the page's world.
 */
export async function callOnChromiumGlossRoot<T>(cdp: CDPSession, functionDeclaration: string): Promise<T | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const shadow = findNode(root, isGlossHost)?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration, returnByValue: true });
  return (result.value as T | undefined) ?? null;
}

/** Chromium: Gloss's open popover, or null when none is shown (read inside the closed root, as above). */
export async function chromiumPopover(page: PlaywrightPage, cdp?: CDPSession): Promise<ShownPopover | null> {
  const session = cdp ?? (await page.context().newCDPSession(page));
  return callOnChromiumGlossRoot<ShownPopover>(
    session,
    `function () { const dialog = this.querySelector('[role="dialog"]'); return dialog ? (${shownPopover.toString()}).call(dialog) : null; }`,
  );
}

/** What puppeteer keeps of a node's WebDriver BiDi serialisation (not in its public types). */
interface BidiNodeHandle {
  remoteValue(): { value?: { shadowRoot?: { type: 'node'; sharedId: string } | null } };
  realm: unknown;
  constructor: { from(value: unknown, realm: unknown): ElementHandle<Node> };
}

/**
 * Firefox: a handle on Gloss's closed shadow root, or null when Gloss has no host. WebDriver BiDi
 * serialises an element's shadow root whatever its mode (w3c/webdriver-bidi#385), so the host's
 * serialisation carries a reference to the closed root, from which a handle can be built.
 */
export async function firefoxGlossRoot(page: PuppeteerPage): Promise<ElementHandle<Node> | null> {
  for (const handle of await page.$$(GLOSS_HOST)) {
    const host = handle as unknown as BidiNodeHandle;
    const shadow = host.remoteValue().value?.shadowRoot;
    if (shadow) return host.constructor.from(shadow, host.realm);
  }
  return null;
}

/** Firefox: Gloss's open popover, or null when none is shown. */
export async function firefoxPopover(page: PuppeteerPage): Promise<ShownPopover | null> {
  const root = await firefoxGlossRoot(page);
  return root
    ? root.evaluate((node) => {
        const dialog = (node as ShadowRoot).querySelector('[role="dialog"]');
        return dialog?.checkVisibility() ? { label: dialog.getAttribute('aria-label'), text: (dialog as HTMLElement).innerText } : null;
      })
    : null;
}

/**
 * The keyboard path to the names (extension/marking/keyboard-mode.ts): a shortcut enters focus
 * mode on the first name in view, Tab moves to the next name, Enter opens its popover, Escape
 * closes it (back to focus mode).
 */
export const KEYS = { focusMode: 'Alt+Shift+KeyG', nextName: 'Tab', openPopover: 'Enter', close: 'Escape' } as const;

/** What the seed article's "Mariupol" popover must show: its figure and who states it. */
export const MARIUPOL_FIGURE = '160,000';
export const MARIUPOL_MAYOR = /Bo[iï]t?chenko/;
/** The kind the popover gives Mariupol (product.md: "a place"). */
export const MARIUPOL_KIND = 'Place';

/** What the tests need from a browser driver (Playwright or Puppeteer) to use the keyboard path. */
export interface KeyboardDriver {
  /** Presses a chord such as "Alt+Shift+KeyG". */
  press(chord: string): Promise<void>;
  popover(): Promise<ShownPopover | null>;
}

async function waitForPopover(driver: KeyboardDriver, timeoutMs = 1_500): Promise<ShownPopover | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await driver.popover();
    if (shown || Date.now() > deadline) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Enters focus mode and walks the names with the keyboard alone until the popover of an entity
 * other than `otherThan` opens (null: any entity); returns that popover, or null if none opened
 * within `maxNames` names.
 */
export async function openEntityByKeyboard(driver: KeyboardDriver, otherThan: string | null, maxNames = 8): Promise<ShownPopover | null> {
  await driver.press(KEYS.focusMode);
  for (let name = 0; name < maxNames; name += 1) {
    await driver.press(KEYS.openPopover);
    const shown = await waitForPopover(driver);
    if (shown && shown.label !== otherThan) return shown;
    if (shown) await driver.press(KEYS.close);
    await driver.press(KEYS.nextName);
  }
  return null;
}

/**
 * Chromium: presses a chord whose keydown may close Gloss's note editor, a frame of its own
 * (Escape, Ctrl+Enter). Playwright's `press` sends the release at once, to the frame that had
 * focus; when the keydown has meanwhile removed that frame, CDP waits for an answer the gone
 * frame never gives, and the call hangs (60 s, now and then). So the keys are released once the
 * page has had time to close the editor, and the release goes to the page.
 */
export async function pressThenRelease(page: PlaywrightPage, chord: string): Promise<void> {
  const keys = chord.split('+');
  for (const key of keys) await page.keyboard.down(key);
  await page.waitForTimeout(150);
  for (const key of keys.reverse()) await page.keyboard.up(key);
}
