/**
 * findArticle and the anchors on the odd pages of issue 8 (tests/fixtures/odd-pages/): the
 * reader's editable text and form fields are never article text nor mapped, a huge article is
 * cut to its first words with anchors to match, and deep or element-heavy pages still work.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_WORDS } from '../analysis/word-limit';
import { deeplyNestedPage, hugeArticlePage, manyElementsPage } from '../../tests/fixtures/odd-pages/generate';
import { anchoredMap } from './anchors';
import { findArticle } from './find-article';
import { findAnchoredArticle } from './snapshot';

const PAGE_URL = 'http://127.0.0.1/odd-pages/page.html';
const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/odd-pages/${name}`, import.meta.url), 'utf8');
/** Names that appear only in the editable region and the form fields of editable.html. */
const TYPED_NAMES = /Rask|Quist|Vogt|Brandvold|Ferreira|Lindqvist|Nordin/;

function livePage(html: string): Document {
  const window = new Window({ url: PAGE_URL, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

const noPause = { pause: () => Promise.resolve(), signal: new AbortController().signal };

describe('editable regions and form fields', () => {
  it('are never read as article text, on the page or on its snapshot', () => {
    const html = fixture('editable.html');
    const live = findArticle(livePage(html), { url: PAGE_URL })!;
    const snapshot = findAnchoredArticle(html, PAGE_URL)!;
    for (const text of [live.article.text, snapshot.article.text]) {
      expect(text).toContain('Mayor Helen Marsh said');
      expect(text).not.toMatch(TYPED_NAMES);
    }
  });

  it('are read when contenteditable is turned off', () => {
    const html = fixture('editable.html').replace('contenteditable="true"', 'contenteditable="FALSE"');
    expect(findAnchoredArticle(html, PAGE_URL)!.article.text).toContain('Mayor Wilhelmina Rask told');
  });

  it('leave a headline the reader is editing out', () => {
    const html = fixture('editable.html').replace('<h1>Harbour City approves its budget</h1>', '<h1 contenteditable>Harbour City approves its budget</h1>');
    // The page's <title> stands in for it, read from no node of the page.
    const found = findArticle(livePage(html), { url: PAGE_URL })!;
    expect(found.article.title).toBe('Harbour City approves its budget');
    expect(found.map.runs().some((run) => run.node.parentElement?.localName === 'h1')).toBe(false);
  });

  it('are not mapped when the page made the text editable after its snapshot', async () => {
    const html = fixture('editable.html').replace('contenteditable="true"', 'contenteditable="false"');
    const found = findAnchoredArticle(html, PAGE_URL)!;
    const page = livePage(html);
    page.getElementById('editor')!.setAttribute('contenteditable', 'plaintext-only');
    const map = await anchoredMap(page.documentElement, found.article.text, found.anchors, noPause);
    const typed = found.article.text.indexOf('Wilhelmina Rask');
    const marsh = found.article.text.indexOf('Helen Marsh');
    expect(typed).toBeGreaterThan(0);
    expect(map.rangeFor(typed, typed + 'Wilhelmina Rask'.length)).toBeNull();
    expect(map.rangeFor(marsh, marsh + 'Helen Marsh'.length)?.toString()).toBe('Helen Marsh');
  });
});

describe('the map the page builds from anchors', () => {
  it('finds every mapped stretch again from its live node (offsetOf, with the stretches kept while mapping)', async () => {
    const html = hugeArticlePage(60_000);
    const found = findAnchoredArticle(html, PAGE_URL)!;
    const map = await anchoredMap(livePage(html).documentElement, found.article.text, found.anchors, noPause);
    const runs = map.runs();
    expect(runs.length).toBeGreaterThan(50);
    for (const run of runs) {
      expect(map.offsetOf(run.node, run.offset)).toBe(run.start);
      expect(map.offsetOf(run.node, run.offset + (run.end - run.start - 1))).toBe(run.end - 1);
    }
  });
});

describe('huge and deep pages', () => {
  it(`cut a 2 MB article to its first ${MAX_ANALYSED_WORDS.toLocaleString('en')} words, with anchors inside the cut`, () => {
    const found = findAnchoredArticle(hugeArticlePage(), PAGE_URL)!;
    expect(found.article.truncated).toEqual({ words: MAX_ANALYSED_WORDS });
    expect(found.article.text.match(/\S+/g)).toHaveLength(MAX_ANALYSED_WORDS);
    expect(found.anchors.every((anchor) => anchor.end <= found.article.text.length)).toBe(true);
    expect(found.anchors.at(-1)!.end).toBe(found.article.text.length);
  });

  it('find the article beside 50,000 elements of comments, and under 2,000 levels of div', () => {
    expect(findAnchoredArticle(manyElementsPage(), PAGE_URL)!.article.text).not.toContain('reader1');
    const deep = deeplyNestedPage().replace('<article>', '<div>'.repeat(2_000) + '<article>').replace('</article>', '</article>' + '</div>'.repeat(2_000));
    expect(findAnchoredArticle(deep, PAGE_URL)!.article.text).toContain('Mayor Helen Marsh said');
  });

  it('find no article on a page of links or a page of one table', () => {
    expect(findAnchoredArticle(fixture('no-article.html'), PAGE_URL)).toBeNull();
    expect(findAnchoredArticle(fixture('table-only.html'), PAGE_URL)).toBeNull();
  });
});
