/**
 * Gloss on huge and odd pages (tests/fixtures/odd-pages/): a 2 MB article, 50,000 elements,
 * 2,000 levels of div, a page without an article, a page of one table, Arabic and German
 * articles, an article with same- and cross-origin frames, and one with editable regions and
 * form fields. The same scenarios run in Chromium and Firefox ESR: each browser's test file
 * hands in a driver. On every page Gloss must end in a clear state and leave the page working.
 *
 * Frames: Gloss reads the top frame's article only (its content script runs in the top frame,
 * `allFrames: false`, and a frame's text is not in the top page's snapshot). A frame's text is
 * never marked, and a cross-origin frame causes no error.
 */
import { expect, it } from 'vitest';

/** What the scenarios need from a browser page. */
export interface OddPageDriver {
  /** Opens a path of the odd-pages server (e.g. `/arabic.html`) and waits until Gloss settles. */
  open(path: string): Promise<void>;
  /** Runs a self-contained function in the page with one argument. */
  evaluate<Arg, Result>(fn: (arg: Arg) => Result, arg: Arg): Promise<Result>;
  /** Runs a self-contained function in the page's frame `selector` (an iframe of the top page). */
  evaluateInFrame<Result>(selector: string, fn: () => Result): Promise<Result>;
  /** Types `text` at the end of the element `selector`, as the reader would. */
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** The origin of the second server: the cross-origin frame comes from there. */
  otherOrigin: string;
}

/** Gloss as the page sees it. */
export interface Outcome {
  state: string | null;
  marks: number;
  error: string | null;
  lang: string | null;
  truncated: string | null;
  notice: string | null;
  /** The marked texts, from the page's CSS highlight registry, and whether each is in an editable region. */
  marked: { text: string; editable: boolean }[];
}

/** Page function: Gloss's host attributes and the texts it marked. */
export function outcome(): Outcome {
  const host = document.querySelector('gloss-host');
  const marked: Outcome['marked'] = [];
  for (const name of ['gloss-per', 'gloss-org', 'gloss-loc', 'gloss-misc']) {
    for (const range of (CSS.highlights?.get(name) as Iterable<AbstractRange> | undefined) ?? []) {
      if (!(range instanceof Range)) continue;
      const element = range.startContainer.parentElement;
      marked.push({ text: range.toString(), editable: Boolean(element?.closest('[contenteditable]:not([contenteditable="false"]), input, textarea, select, button')) });
    }
  }
  return {
    state: host?.getAttribute('data-gloss-state') ?? null,
    marks: Number(host?.getAttribute('data-gloss-marks') ?? 0),
    error: host?.getAttribute('data-gloss-error') ?? null,
    lang: host?.getAttribute('data-gloss-lang') ?? null,
    truncated: host?.getAttribute('data-gloss-truncated') ?? null,
    notice: host?.getAttribute('data-gloss-notice') ?? null,
    marked,
  };
}

/** Page function: whether Gloss is present in this document at all (host element or marks). */
function glossInFrame(): { host: boolean; marks: number } {
  let marks = 0;
  for (const [name, highlight] of (CSS.highlights as unknown as Map<string, Set<AbstractRange>> | undefined) ?? []) if (name.startsWith('gloss')) marks += highlight.size;
  return { host: document.querySelector('gloss-host') !== null, marks };
}

/** Page function: the page's own script still answers and its DOM still takes changes. */
function pageWorks(): boolean {
  const probe = document.createElement('p');
  probe.textContent = 'probe';
  document.body.append(probe);
  const ok = probe.isConnected && document.body.textContent!.includes('probe');
  probe.remove();
  return ok;
}

/** Names that appear only in the frames, the editable regions and the form fields. */
const NEVER_MARKED = /Rask|Quist|Vogt|Brandvold|Ferreira|Lindqvist|Nordin|Rowing/;

/**
 * Registers the scenarios. `driver` is read when each test runs (it is made in `beforeAll`);
 * `longestGlossTask`, when the browser can measure it (Chromium), opens a page and gives the
 * longest main-thread task in which Gloss ran, in ms; `pageHeapMb` the page's JS heap after.
 */
export function oddPageTests(
  driver: () => OddPageDriver,
  measure?: { longestGlossTask(path: string): Promise<number>; pageHeapMb(): Promise<number> },
  log: (line: string) => void = () => undefined,
): void {
  const settled = async (path: string): Promise<Outcome> => {
    await driver().open(path);
    const seen = await driver().evaluate(outcome, undefined);
    expect(await driver().evaluate(pageWorks, undefined), 'the page still works').toBe(true);
    return seen;
  };

  it('analyses the first 50,000 words of a 2 MB article and says so, on the host', async () => {
    const seen = await settled('/huge-article.html');
    expect(seen, 'Gloss ends ready (data-gloss-error says why not)').toMatchObject({ state: 'ready', error: null, lang: 'en', truncated: '50000' });
    expect(seen.notice).toBe('Too long: analysed the first 50,000 words.');
    expect(seen.marks).toBeGreaterThan(100);
    expect(seen.marked.map((mark) => mark.text)).toContain('Helen Marsh');
  });

  it('marks the article beside 50,000 elements of comments', async () => {
    const seen = await settled('/many-elements.html');
    expect(seen).toMatchObject({ state: 'ready', error: null, truncated: null, notice: null });
    expect(seen.marked.map((mark) => mark.text)).toContain('Helen Marsh');
    expect(await driver().evaluate(() => document.getElementsByTagName('*').length, undefined)).toBeGreaterThan(50_000);
  });

  it('marks an article under 2,000 levels of div', async () => {
    const seen = await settled('/deeply-nested.html');
    expect(await driver().evaluate(() => document.documentElement.dataset.depth, undefined)).toBe('2000');
    expect(seen).toMatchObject({ state: 'ready', error: null });
    expect(seen.marked.map((mark) => mark.text)).toContain('Helen Marsh');
  });

  for (const [file, what] of [
    ['no-article.html', 'a page of links'],
    ['table-only.html', 'a page of one table'],
  ] as const) {
    it(`says there is no article on ${what}`, async () => {
      const seen = await settled(`/${file}`);
      expect(seen).toMatchObject({ state: 'no-article', marks: 0, error: null });
    });
  }

  for (const [file, lang, language] of [
    ['arabic.html', 'ar', 'Arabic'],
    ['german.html', 'de', 'German'],
  ] as const) {
    it(`says it reads English only on ${language} text (${file}), and marks nothing`, async () => {
      const seen = await settled(`/${file}`);
      expect(seen).toMatchObject({ state: 'ready', marks: 0, error: null, lang });
      expect(seen.notice).toBe(`This article is in ${language}: Gloss recognises names in English articles only.`);
    });
  }

  it("marks the top frame's article only: no marks in a same-origin or a cross-origin frame, no errors", async () => {
    const { otherOrigin } = driver();
    const seen = await settled(`/frames.html?other=${encodeURIComponent(otherOrigin)}`);
    expect(seen).toMatchObject({ state: 'ready', error: null });
    expect(seen.marked.map((mark) => mark.text)).toContain('Helen Marsh');
    expect(seen.marked.filter((mark) => NEVER_MARKED.test(mark.text))).toEqual([]);
    expect(await driver().evaluateInFrame('#same-origin', glossInFrame)).toEqual({ host: false, marks: 0 });
    expect(await driver().evaluateInFrame('#cross-origin', glossInFrame)).toEqual({ host: false, marks: 0 });
    expect(await driver().evaluateInFrame('#cross-origin', () => document.body.textContent!.includes('Wilhelmina Rask'))).toBe(true);
  });

  it('never marks editable regions or form fields, and they keep working', async () => {
    const seen = await settled('/editable.html');
    expect(seen).toMatchObject({ state: 'ready', error: null });
    expect(seen.marked.map((mark) => mark.text)).toContain('Helen Marsh');
    expect(seen.marked.filter((mark) => mark.editable || NEVER_MARKED.test(mark.text))).toEqual([]);
    await driver().type('#editor', ' Typed by the reader.');
    await driver().click('#count');
    await expect.poll(() => driver().evaluate(() => document.querySelector('#editor')!.textContent!.includes('Typed by the reader.'), undefined), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => driver().evaluate(() => document.querySelector('#count')!.textContent, undefined), { timeout: 5_000 }).toBe('Clicked 1 times');
    expect((await driver().evaluate(outcome, undefined)).marked.filter((mark) => mark.editable)).toEqual([]);
  });

  if (measure) {
    for (const file of ['huge-article.html', 'many-elements.html']) {
      it(`keeps the page's heap bounded on ${file}`, async () => {
        // Timings are bench (j)'s figures (the longest Gloss task beside the page without Gloss),
        // not this test's: a shared machine makes any task long now and then. Logged for the record.
        const longest = await measure.longestGlossTask(`/${file}`);
        const heap = await measure.pageHeapMb();
        log(`${file}: longest Gloss task ${longest.toFixed(1)} ms; page JS heap ${heap.toFixed(1)} MB`);
        expect(heap).toBeLessThan(100);
      });
    }
  }
}
