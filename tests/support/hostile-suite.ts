import { expect, it } from 'vitest';
import { glossOutcome, GLOSS_HOST, KEYS, locateWord, MARIUPOL_FIGURE } from './gloss-page';
import { asPageCode, lookAtPopover, POPOVER_ONLY_TEXT, SECRET_DRAFT, SECRET_NOTE, type HostileBrowser, type PopoverLook } from './hostile';
import { NOTED_PASSAGE, noteHighlightNames, notesPainted, selectPassage, WORD_IN_PASSAGE } from './notes';

/** A passage of the hostile fixtures' article other than NOTED_PASSAGE. */
const OTHER_PASSAGE = { from: 'Not far away', to: 'Crimean peninsula' };

/** Whether the note editor's frame is shown, sized to the editor drawn (and focused) in it (runs on Gloss's shadow root). */
function editorShown(root: ShadowRoot): boolean {
  const frame = root.querySelector('.note-layer iframe.note-editor-frame');
  return frame !== null && frame.getBoundingClientRect().height > 0;
}

/**
 * The hostile-page tests (issue 8, item 1), the same in both browsers: each fixture page is
 * opened in turn in one tab. On each, Gloss must end ready with marks, show the right text in its
 * popover, run nothing from the page (window.__pwned stays undefined), leave the page's own
 * self-test passing, and raise no error.
 */
export function hostileSuite(browser: () => HostileBrowser, origin: () => string): void {
  const b = () => browser();
  const page = <T>(fn: (arg: never) => unknown, arg?: unknown): Promise<T> => b().evaluate<T>(asPageCode(fn as (arg: unknown) => unknown, arg));

  async function open(path: string): Promise<void> {
    await b().goto(`${origin()}/hostile/${path}`);
    // Gloss opens its first-run page on install: a tab behind it gets no animation frames.
    await b().front();
    // Polled from here (not waitForFunction, whose polling calls the rAF/timers hooks.html counts).
    await expect.poll(() => page(glossOutcome, GLOSS_HOST), { timeout: 20_000, interval: 200 }).not.toBeNull();
    const outcome = await page<{ state: string; marks: number; error: string | null }>(glossOutcome, GLOSS_HOST);
    expect(outcome, 'Gloss ends ready (data-gloss-error says why not)').toMatchObject({ state: 'ready', error: null });
    expect(outcome.marks, 'data-gloss-marks').toBeGreaterThan(0);
  }

  const popover = () => b().inGlossRoot(lookAtPopover);

  /** Selects `passage` and opens the note editor with the "Add note" button by it; resolves once the editor is drawn (and focused). */
  async function openNoteEditor(passage: { from: string; to: string }): Promise<void> {
    expect(await page(selectPassage, passage), 'the passage is on the page').not.toBeNull();
    const addButton = () => b().inGlossRoot((root) => {
      const rect = root.querySelector('.note-layer .add-note')?.getBoundingClientRect();
      return rect && rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    await expect.poll(addButton, { timeout: 3_000 }).not.toBeNull();
    const button = (await addButton())!;
    await b().click(button.x, button.y);
    await expect.poll(() => b().inGlossRoot(editorShown), { timeout: 3_000, message: "the note editor's frame is drawn" }).toBe(true);
  }

  /** Rests the pointer on `word` and returns the popover that opens. */
  async function hover(word: string): Promise<PopoverLook> {
    await b().press(KEYS.close);
    await b().move(2, 2);
    await expect.poll(popover, { timeout: 3_000 }).toBeNull();
    const at = await page<{ x: number; y: number } | null>(locateWord, word);
    expect(at, `"${word}" is on the page`).not.toBeNull();
    await b().move(at!.x - 20, at!.y);
    await b().move(at!.x, at!.y, 5);
    await expect.poll(popover, { timeout: 5_000 }).not.toBeNull();
    return (await popover())!;
  }

  /** Nothing from the page ran, the page still works, and Gloss raised no error. */
  async function pageIsWhole(): Promise<void> {
    expect(await b().evaluate('typeof window.__pwned'), 'window.__pwned: markup from the page ran').toBe('undefined');
    expect(await b().evaluate('window.__selfTest()'), "the page's own self-test").toEqual([]);
    expect(b().extensionErrors, 'errors from Gloss').toEqual([]);
  }

  /** Every link Gloss shows is a web link, and the popover holds only Gloss's own elements. */
  function onlyGlossMarkup(look: PopoverLook): void {
    for (const href of look.hrefs) expect(href, 'a link in the popover').toMatch(/^https?:\/\//);
    expect(look.elements.filter((name) => ['img', 'script', 'style', 'iframe', 'object', 'embed', 'svg'].includes(name))).toEqual([]);
  }

  it('markup.html: shows names, roles, quotes and sentences that look like markup as text, and never a javascript: or data: link', async () => {
    await open('markup.html');

    const raman = await hover('Raman');
    expect(raman.label).toBe('Priya Raman');
    expect(raman.text).toContain('</style><script>window.__pwned=2</script> becomes a program');
    onlyGlossMarkup(raman);

    const hollis = await hover('Hollis');
    expect(hollis.label).toBe('Martin Hollis');
    expect(hollis.text, 'his role, as the page wrote it').toContain('chairman of Bloggs & <img src=x onerror=window');
    onlyGlossMarkup(hollis);

    const firm = await hover('Ltd');
    expect(firm.text, 'the first-mention sentence').toContain('registered as <img src=x onerror=window.__pwned=1> Ltd');
    onlyGlossMarkup(firm);

    const regulator = await hover('Financial Conduct Authority');
    expect(regulator.label).toBe('Financial Conduct Authority');
    onlyGlossMarkup(regulator);
    expect(regulator.hrefs, 'the article sources list keeps the web link').toContain('https://www.gov.uk/government/organisations/companies-house');
    expect(regulator.text).not.toMatch(/javascript|data:/i);
    await pageIsWhole();
  });

  it('css.html: page CSS on every element (all: unset, !important, huge fonts, rules on gloss-host) leaves the popover shown and styled', async () => {
    await open('css.html');
    const look = await hover('Mariupol');
    expect(look.text).toContain(MARIUPOL_FIGURE);
    expect(look, 'Gloss sets its own look').toMatchObject({ fontSize: '14px', headingSize: '16px', background: 'rgb(255, 255, 255)', borderRadius: '10px' });
    expect(look.rect.width).toBeGreaterThan(200);
    expect(look.rect.width).toBeLessThanOrEqual(360);
    const centre = { x: look.rect.left + look.rect.width / 2, y: look.rect.top + Math.min(look.rect.height / 2, 40) };
    expect(centre.x, 'inside the viewport').toBeLessThan(1280);
    expect(centre.y, 'inside the viewport').toBeLessThan(900);
    expect(await b().evaluate(`document.elementFromPoint(${centre.x}, ${centre.y})?.localName`), 'the popover is on top').toBe('gloss-host');
    await pageIsWhole();
  });

  it('hooks.html: page overrides of DOM and JS built-ins are never called by Gloss, and names in an article that stops its events still open', async () => {
    await open('hooks.html');
    const look = await hover('Mariupol');
    expect(look.text).toContain(MARIUPOL_FIGURE);
    // The keyboard path too: focus mode, the next name, its popover.
    await b().press(KEYS.close);
    await b().move(2, 2);
    await b().press(KEYS.focusMode);
    await b().press(KEYS.nextName);
    await b().press(KEYS.openPopover);
    await expect.poll(popover, { timeout: 3_000 }).not.toBeNull();
    await b().press(KEYS.close);
    expect(await b().evaluate('window.__hostileCalls'), "calls of the page's hooks not made by the page").toEqual({});
    expect(await b().evaluate('window.__openedShadowRoots.length'), 'shadow roots the page forced open').toBe(0);
    await pageIsWhole();
  });

  it("snoop.html: a page reading the DOM, shadow roots, events' paths and CSS.highlights never finds the popover's or a note's text", async () => {
    await open('snoop.html');
    await expect.poll(() => page(notesPainted, GLOSS_HOST), { timeout: 10_000, message: 'no notes yet' }).toBe('0/0');
    // A note, through the UI: select, "Add note", type, save.
    await openNoteEditor(NOTED_PASSAGE);
    const keysBefore = await b().evaluate<number>('window.__snoopedKeys.length');
    await b().type(SECRET_NOTE);
    await b().press('Control+Enter');
    await expect.poll(() => page(notesPainted, GLOSS_HOST), { timeout: 5_000 }).toBe('1/1');
    // Characters only: the Control key's release comes after the editor closed, so it is the page's.
    const typed = await b().evaluate<string[]>(`window.__snoopedKeys.slice(${keysBefore}).filter((key) => key.length === 1)`);
    expect(typed, "characters typed in Gloss's editor that reached the page's bubbling listeners (its shortcuts)").toEqual([]);
    // Painted in Gloss's shadow root: which passages the reader noted, and in which colours, is
    // not the page's to read in CSS.highlights (a registry per document, shared with the page).
    await expect.poll(() => b().inGlossRoot((root) => root.querySelectorAll('.overlay .box.gloss-note-yellow').length), { timeout: 3_000 }).toBeGreaterThan(0);
    expect(await page(noteHighlightNames), "notes in the page's CSS.highlights").toEqual([]);
    // Its card, then a popover, each scanned by the page while shown.
    const word = await page<{ x: number; y: number }>(locateWord, WORD_IN_PASSAGE);
    await b().click(word.x, word.y);
    const card = () => b().inGlossRoot((root) => root.querySelector('.note-card .body')?.textContent ?? null);
    await expect.poll(card, { timeout: 3_000 }).toBe(SECRET_NOTE);
    await b().evaluate('window.__snoopScan()');
    const look = await hover('Mariupol');
    expect(look.text).toContain(MARIUPOL_FIGURE);
    await b().evaluate('window.__snoopScan()');
    // The reader drags over the popover's text (to copy a figure, say), then clicks in it: what the
    // page's selection gives must not lead into the popover.
    const count = await b().inGlossRoot((root) => {
      const rect = root.querySelector('.popover .mentions .count')?.getBoundingClientRect();
      return rect ? { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 } : null;
    });
    expect(count, "the popover's mention count").not.toBeNull();
    await b().drag({ x: count!.left + 1, y: count!.y }, { x: count!.right - 1, y: count!.y });
    await b().evaluate('window.__snoopScan()');
    await b().click(count!.left + 5, count!.y);
    await b().evaluate('window.__snoopScan()');

    const snooped = await b().evaluate<string[]>('window.__snooped');
    expect(snooped.join('\n'), 'the page read the article').toContain('Mariupol');
    expect(snooped, 'the page tried to open the closed root').toContain('attachShadow: NotSupportedError');
    for (const text of snooped) {
      expect(text, 'what the page read').not.toContain(SECRET_NOTE);
      for (const only of POPOVER_ONLY_TEXT) expect(text, 'what the page read').not.toMatch(only);
    }
    await pageIsWhole();
  });

  /** What the page got while the reader wrote a note (the next two tests). */
  let whileWriting: { captureKeys: string; snooped: string[]; frames: number } | null = null;

  it('snoop.html: the reader writes a note and selects its text in the editor, then cancels', async () => {
    await expect.poll(() => page(notesPainted, GLOSS_HOST), { timeout: 10_000 }).not.toBeNull();
    await openNoteEditor(OTHER_PASSAGE);
    const keysBefore = await b().evaluate<number>('window.__snoopedCaptureKeys.length');
    await b().type(SECRET_DRAFT);
    await b().press('Control+KeyA');
    await b().evaluate('window.__snoopScan()');
    whileWriting = {
      captureKeys: await b().evaluate<string>(`window.__snoopedCaptureKeys.slice(${keysBefore}).filter((key) => key.length === 1).join('')`),
      snooped: await b().evaluate<string[]>('window.__snooped'),
      frames: await b().evaluate<number>('window.length'),
    };
    await b().press(KEYS.close);
    await expect.poll(() => b().inGlossRoot(editorShown), { timeout: 3_000 }).toBe(false);
    await pageIsWhole();
  });

  // The editor is a page of Gloss's origin in a frame: keys and selections inside it never
  // reach the page (in its own document they did: capture listeners got each key first, and the
  // text selected in the editor was the document's selection).
  it("snoop.html: a note being written reaches neither the page's capture listeners nor its selection, nor does the editor's address", async () => {
    expect(whileWriting, 'the previous test ran').not.toBeNull();
    expect(whileWriting!.captureKeys, "characters the page's capture listeners got").toBe('');
    for (const text of whileWriting!.snooped) expect(text, 'what the page read').not.toContain(SECRET_DRAFT);
    expect(whileWriting!.frames, "frames the page could reach in window.frames (to message or navigate Gloss's editor)").toBe(0);
    // The per-session address would let a page tell that Gloss is installed (and, with its secret, take the editor's channel).
    const seen = await b().evaluate<string[]>("performance.getEntries().map((entry) => entry.name).filter((name) => !/^https?:/.test(name) && name.includes(':'))");
    expect(seen, "extension addresses in the page's performance entries").toEqual([]);
  });

  it("element.html: a page that defines Gloss's element name as its own custom element never gets Gloss's shadow root", async () => {
    await open('element.html');
    const look = await hover('Mariupol');
    expect(look.text).toContain(MARIUPOL_FIGURE);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the page looks every 100 ms
    expect(await b().evaluate('window.__constructed'), "the page's element class was built for Gloss's element").toBeGreaterThan(0);
    expect(await b().evaluate('window.__stolen'), "what the page read of Gloss's shadow root through ElementInternals").toBeNull();
    await pageIsWhole();
  });

  it("fake-state.html: a page's own <gloss-host data-gloss-state=\"error\"> does not change what the popup is told of Gloss on the page", async () => {
    await b().goto(`${origin()}/hostile/fake-state.html`);
    await b().front();
    // Gloss's own host is the one it appends to <html>; the page's look-alike is first in <body>.
    const ownHost = ':root > gloss-host[data-gloss-state]';
    await expect.poll(() => page(glossOutcome, ownHost), { timeout: 20_000, interval: 200 }).not.toBeNull();
    expect(await page(glossOutcome, ownHost), "Gloss's own host").toMatchObject({ state: 'ready', error: null });
    expect(await page(glossOutcome, GLOSS_HOST), "the first gloss-host in the document: the page's").toMatchObject({ state: 'error', error: 'forged by the page' });
    expect(await b().pageInfo(), "what the popup is told: Gloss's own state").toEqual({ url: `${origin()}/hostile/fake-state.html`, state: 'ready' });
    await pageIsWhole();
  });

  it('csp.html: under a strict Content-Security-Policy Gloss marks, and its popover shows, styled', async () => {
    await open('csp.html');
    const look = await hover('Mariupol');
    expect(look.text).toContain(MARIUPOL_FIGURE);
    expect(look, 'Gloss sets its own look').toMatchObject({ fontSize: '14px', headingSize: '16px', background: 'rgb(255, 255, 255)', borderRadius: '10px' });
    // The note editor's frame loads too: a page's frame-src rules and sandbox do not hold Gloss's own frame.
    await b().press(KEYS.close);
    await openNoteEditor(OTHER_PASSAGE);
    await b().press(KEYS.close);
    await expect.poll(() => b().inGlossRoot(editorShown), { timeout: 3_000 }).toBe(false);
    await pageIsWhole();
  });
}
