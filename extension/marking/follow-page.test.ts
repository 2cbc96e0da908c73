// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_DEFAULTS as TUNING, followPage, type FollowTuning, type PageChange } from './follow-page';

const PARAGRAPH = 'The port authority said on Monday that the new terminal would handle two million containers a year, and that shipping lines which had left during the strikes were coming back. ';

/** Lets `ms` of fake time pass, running the observer's callbacks (microtasks) on the way. */
const pause = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('followPage', () => {
  let controller: AbortController;
  let changes: PageChange[];

  function follow(tuning: Partial<FollowTuning> = TUNING): void {
    followPage({
      win: window,
      isOwn: (node) => node.nodeName.toLowerCase() === 'gloss-host',
      onChange: (change) => changes.push(change),
      signal: controller.signal,
      tuning,
    });
  }

  function addParagraph(text = PARAGRAPH, parent: Element = document.querySelector('article')!): HTMLElement {
    const p = document.createElement('p');
    p.textContent = text;
    parent.append(p);
    return p;
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    history.replaceState(null, '', '/story');
    document.title = 'First story';
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><main><article><h1>First story</h1><p>Short.</p></article></main>';
    controller = new AbortController();
    changes = [];
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reports a burst of mutations once, after the page goes quiet', async () => {
    follow();
    // Pieces 500 ms apart: each one is past the threshold, but the page is not quiet yet.
    for (let piece = 0; piece < 5; piece += 1) {
      addParagraph();
      await pause(500);
    }
    expect(changes, 'nothing while the page is still changing').toEqual([]);
    await pause(TUNING.quietMs + 30);
    expect(changes).toEqual(['content']);
    await pause(TUNING.quietMs * 3);
    expect(changes, 'never twice').toEqual(['content']);
  });

  it('reports a paragraph added in one go, and counts text that replaces old text in place', async () => {
    follow();
    const paragraph = addParagraph();
    await pause(TUNING.quietMs + 30);
    expect(changes).toEqual(['content']);
    paragraph.firstChild!.nodeValue = PARAGRAPH.toUpperCase();
    // At the same address, a second report waits until minGapMs after the first.
    await pause(TUNING.minGapMs);
    expect(changes).toEqual(['content', 'content']);
  });

  it('marks a page that keeps adding text at the same address (a live blog) at most every minGapMs', async () => {
    follow();
    // A post every 2 s for 30 s.
    for (let post = 0; post < 15; post += 1) {
      addParagraph();
      await pause(2_000);
    }
    await pause(TUNING.minGapMs);
    const expected = Math.ceil((30_000 + TUNING.minGapMs) / TUNING.minGapMs);
    expect(changes.length).toBeGreaterThanOrEqual(3);
    expect(changes.length).toBeLessThanOrEqual(expected);
    expect(new Set(changes)).toEqual(new Set(['content']));
  });

  it('never holds back a new address for the gap', async () => {
    follow();
    addParagraph();
    await pause(TUNING.quietMs + 30);
    expect(changes).toEqual(['content']);
    history.pushState(null, '', '/next-story');
    document.querySelector('article')!.replaceChildren();
    addParagraph();
    // Seen by the address poll (no Navigation API here) and reported when quiet, long before minGapMs.
    await pause(TUNING.quietMs + TUNING.pollMs + 40);
    expect(changes).toEqual(['content', 'content']);
  });

  it("ignores Gloss's own host element, small changes, the page's chrome and what the reader types", async () => {
    follow();
    const host = document.createElement('gloss-host');
    host.textContent = PARAGRAPH.repeat(3);
    document.documentElement.append(host);
    const clock = addParagraph('12:00:00');
    for (let tick = 0; tick < 6; tick += 1) {
      clock.textContent = `12:00:0${tick}`;
      await pause(500);
    }
    addParagraph(PARAGRAPH.repeat(2), document.querySelector('nav')!);
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.querySelector('main')!.append(editor);
    editor.textContent = PARAGRAPH.repeat(2);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ text: PARAGRAPH.repeat(2) });
    document.body.append(script);
    await pause(TUNING.quietMs * 4);
    expect(changes).toEqual([]);
  });

  it('reports a page that never goes quiet at most maxWaitMs after its change began', async () => {
    follow();
    const started = performance.now();
    addParagraph();
    const ticker = addParagraph('0');
    while (changes.length === 0 && performance.now() - started < 10_000) {
      ticker.textContent = String(Math.random()).slice(0, 6);
      await pause(100);
    }
    expect(changes).toEqual(['content']);
    expect(performance.now() - started).toBeLessThanOrEqual(TUNING.maxWaitMs + 100);
  });

  it('counts an article swap and its pushState as one change', async () => {
    follow();
    document.querySelector('main')!.innerHTML = `<article><h1>Second story</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>`;
    history.pushState(null, '', '/story-2');
    document.title = 'Second story';
    await pause(TUNING.quietMs + TUNING.pollMs + 40);
    expect(changes).toEqual(['content']);
    await pause(TUNING.addressWaitMs + 50);
    expect(changes, 'the address change belonged to the same change').toEqual(['content']);
  });

  it('waits for the new article after the address changes, and reports it once', async () => {
    follow();
    history.pushState(null, '', '/story-2');
    await pause(TUNING.pollMs * 2 + TUNING.quietMs + 10);
    expect(changes, 'the new article has not arrived yet').toEqual([]);
    document.querySelector('main')!.innerHTML = `<article><h1>Second story</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>`;
    await pause(TUNING.quietMs + 30);
    expect(changes).toEqual(['content']);
    await pause(TUNING.addressWaitMs + 50);
    expect(changes).toEqual(['content']);
  });

  it('reports a new address without new text only when the title changed too', async () => {
    follow();
    history.replaceState(null, '', '/story?utm_source=feed');
    history.replaceState(null, '', '/story#comments');
    await pause(TUNING.addressWaitMs + TUNING.quietMs + 60);
    expect(changes, 'a tidied address or a fragment is not a new page').toEqual([]);

    history.pushState(null, '', '/story-2');
    document.title = 'Second story';
    await pause(TUNING.addressWaitMs + TUNING.pollMs + 60);
    expect(changes, 'a route that shows what the page already had').toEqual(['address']);
  });

  it('stops on abort: no more reports, no more observing', async () => {
    follow();
    addParagraph();
    controller.abort();
    addParagraph();
    history.pushState(null, '', '/story-2');
    document.title = 'Second story';
    await pause(TUNING.addressWaitMs + TUNING.quietMs + 60);
    expect(changes).toEqual([]);
  });

  it('stops when the page is hidden, and follows it again when it comes back from the back/forward cache', async () => {
    follow();
    window.dispatchEvent(new Event('pagehide'));
    addParagraph();
    await pause(TUNING.quietMs + 30);
    expect(changes, 'stopped while hidden').toEqual([]);

    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    addParagraph();
    await pause(TUNING.quietMs + 30);
    expect(changes).toEqual(['content']);
  });
});
