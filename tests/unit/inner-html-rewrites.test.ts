/**
 * The build-time rewrites of library code that sets `innerHTML` from a string (wxt.config.ts,
 * INNER_HTML_REWRITES): the rewritten modules assign `innerHTML` nothing but literals, and the
 * rewritten Readability reads pages exactly as the original does, on pages made to take the two
 * rewritten paths (a first pass that finds too little, a `<noscript>` image) and on the
 * repository's own fixtures. Both run on the same DOM (happy-dom, scripting off as in a parsed
 * snapshot), where `normalize` and `replaceChildren` behave as in browsers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { withoutInnerHtml } from '../../wxt.config';

const require = createRequire(import.meta.url);
const READABILITY_PATH = require.resolve('@mozilla/readability/Readability.js');
/** The module Vite bundles for `preact` (package.json's `module`, not exported as a subpath). */
const PREACT_PATH = join(dirname(require.resolve('preact/package.json')), 'dist', 'preact.module.js');
const FIXTURES = new URL('../fixtures/', import.meta.url);

interface ReadabilityResult {
  title: string | null;
  content: string | null;
  textContent: string | null;
  length: number | null;
  excerpt: string | null;
  byline: string | null;
  dir: string | null;
}
type ReadabilityClass = new (doc: Document, options?: object) => { parse(): ReadabilityResult | null };

/** Readability.js (a CommonJS file) evaluated from `source`. */
function readabilityFrom(source: string): ReadabilityClass {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', source)(module, module.exports);
  return module.exports as ReadabilityClass;
}

const original = readabilityFrom(readFileSync(READABILITY_PATH, 'utf8'));
const rewritten = readabilityFrom(withoutInnerHtml(READABILITY_PATH, readFileSync(READABILITY_PATH, 'utf8'))!);

/** A parsed page in happy-dom, as the extension's background parses a snapshot: nothing runs or loads. */
function parsePage(html: string): { doc: Document; window: Window } {
  const window = new Window({ url: 'https://news.example/story', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, window };
}

/** The same page read by the original and by the rewritten Readability; `calls`: the rewritten run's calls of `replaceChildren`. */
function readBoth(html: string): { before: ReadabilityResult | null; after: ReadabilityResult | null; calls: number } {
  const before = new original(parsePage(html).doc).parse();
  const { doc, window } = parsePage(html);
  const prototype = window.Element.prototype as unknown as { replaceChildren(...nodes: unknown[]): void };
  const replaceChildren = prototype.replaceChildren;
  let calls = 0;
  prototype.replaceChildren = function (this: unknown, ...nodes: unknown[]) {
    calls++;
    return replaceChildren.apply(this, nodes);
  };
  const after = new rewritten(doc).parse();
  return { before, after, calls };
}

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story: the council said on Tuesday that the new bridge, which has cost 14 million euros so far, will open in March, a year later than planned, and that the contractor will pay for the delay.</p>`;

describe('The rewritten library modules', () => {
  it.each([
    ['Readability', READABILITY_PATH],
    ['Preact', PREACT_PATH],
  ])('%s assigns innerHTML only literals', (_name, path) => {
    const code = withoutInnerHtml(path, readFileSync(path, 'utf8'))!;
    expect(code.match(/\.innerHTML\s*=(?!=)\s*(?!["'`]{2})[^;,)]*/g) ?? []).toEqual([]);
  });

  it('leaves other modules alone', () => {
    expect(withoutInnerHtml('/x/node_modules/idb/build/index.js', 'el.innerHTML = html;')).toBeNull();
  });
});

describe('The rewritten Readability reads pages as the original does', () => {
  it('when its first pass finds too little and it restores the page (the clone instead of the HTML)', () => {
    // "comment" marks a likely non-article block: the first pass drops it, finds too little, restores the page and reads again.
    const html = `<html><head><title>Bridge delayed</title></head><body><div class="comment-wrapper">${[1, 2, 3, 4, 5].map(paragraph).join('')}</div><footer>Contact</footer></body></html>`;
    const { before, after, calls } = readBoth(html);
    expect(calls, 'the page was restored').toBeGreaterThan(0);
    expect(before?.textContent).toContain('Paragraph 5');
    expect(after).toEqual(before);
  });

  it("when it copies a <noscript>'s image out (copies of its nodes instead of its HTML)", () => {
    const html = `<html><body><article><h1>Bridge delayed</h1>${paragraph(1)}<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><noscript><img src="https://news.example/bridge.jpg" alt="The bridge"></noscript></figure>${[2, 3, 4].map(paragraph).join('')}</article></body></html>`;
    const { before, after } = readBoth(html);
    expect(before?.content).toContain('https://news.example/bridge.jpg');
    expect(after).toEqual(before);
  });

  it.each(['seed/page.html', 'article/news-page.html', 'article/french-page.html', 'article/nav-only.html', 'odd-pages/table-only.html', 'odd-pages/arabic.html', 'hostile/markup.html'])(
    'on tests/fixtures/%s',
    (fixture) => {
      const { before, after } = readBoth(readFileSync(new URL(fixture, FIXTURES), 'utf8'));
      expect(after).toEqual(before);
    },
  );
});
