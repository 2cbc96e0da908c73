import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { anchoredMap, type TextAnchor } from './anchors';
import { countedTexts, dataOf } from './counted-text';
import { findArticle } from './find-article';
import { parseHtml } from './parse-html';
import { findAnchoredArticle, type AnchoredArticle } from './snapshot';
import type { TextNodeMap } from './types';

const URL_OF_PAGE = 'https://news.example/2024/05/02/harbour-bridge-reopens';
const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/article/${name}`, import.meta.url), 'utf8');

/** A page in happy-dom, standing for the live page (it has Ranges like a browser). */
function livePage(html: string): Document {
  const window = new Window({ url: URL_OF_PAGE, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

const texts = (root: Node) => [...countedTexts(root)].map(dataOf);
const collapse = (s: string) => s.replace(/\s+/g, ' ');
const noPause = { pause: () => Promise.resolve(), signal: new AbortController().signal };

/** What the background finds on the page's snapshot, mapped back to the live page. */
async function mapBack(live: Document, found: AnchoredArticle): Promise<TextNodeMap> {
  return anchoredMap(live.documentElement, found.article.text, found.anchors, noPause);
}

function snapshotArticle(live: Document): AnchoredArticle {
  const found = findAnchoredArticle(live.documentElement.outerHTML, URL_OF_PAGE);
  expect(found).not.toBeNull();
  return found!;
}

/** The span of the first occurrence of `phrase` in the article text. */
function spanOf(found: AnchoredArticle, phrase: string): { start: number; end: number } {
  const start = found.article.text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  return { start, end: start + phrase.length };
}

describe('countedTexts', () => {
  it('counts the same nodes on a live page and on the re-parse of its serialisation', () => {
    const live = livePage(`<html><head><title>Fish &amp; chips</title><style>p { color: red }</style></head>
      <body>
        <p>Salt &amp; vinegar &lt;3 &nbsp; <!-- a comment --> after the comment</p>
        <template><p>not in the tree</p></template>
        <div>   </div>
        <textarea>typed text</textarea>
        <svg><title>icon</title><text>svg text</text></svg>
        <p>last <b>bold</b> words</p>
      </body></html>`);
    // What only a live page has: a <noscript> holding its markup as one raw text node, as
    // browsers with scripting on parse it, a whitespace-only node and an empty one.
    const noscript = live.createElement('noscript');
    noscript.appendChild(live.createTextNode('<p>Please enable <b>JavaScript</b></p>'));
    live.body.insertBefore(noscript, live.body.firstChild);
    live.body.appendChild(live.createTextNode('  \n '));
    live.body.appendChild(live.createTextNode(''));

    const reparsed = parseHtml(live.documentElement.outerHTML, URL_OF_PAGE);
    expect(texts(live.documentElement)).toEqual(['Fish & chips', 'Salt & vinegar <3 \u00a0 ', ' after the comment', 'last ', 'bold', ' words']);
    expect(texts(reparsed.documentElement)).toEqual(texts(live.documentElement));
  });

  it('counts adjacent text nodes as one, as a re-parse of them gives one', () => {
    const live = livePage('<html><body><p>one</p><p id="x"></p><p>three</p></body></html>');
    live.getElementById('x')!.append(live.createTextNode('two '), live.createTextNode(''), live.createTextNode('and a half'));
    expect(texts(live.documentElement)).toEqual(['one', 'two and a half', 'three']);
    expect(texts(parseHtml(live.documentElement.outerHTML).documentElement)).toEqual(texts(live.documentElement));
  });
});

describe('anchors', () => {
  it('describe every mapped stretch of the article by its node ordinal on the parsed page', () => {
    const doc = parseHtml(fixture('news-page.html'), URL_OF_PAGE);
    const runs = [...countedTexts(doc.documentElement)].map(dataOf);
    const found = findAnchoredArticle(fixture('news-page.html'), URL_OF_PAGE)!;
    expect(found.anchors.length).toBeGreaterThan(10);
    for (const { start, end, node, offset } of found.anchors) {
      const data = runs[node]!.slice(offset, offset + end - start);
      expect(data.replace(/\s/g, ' ')).toBe(found.article.text.slice(start, end));
    }
    // Every word of the text is anchored; only separators and collapsed spaces may not be.
    const anchored = new Set(found.anchors.flatMap(({ start, end }) => Array.from({ length: end - start }, (_, i) => start + i)));
    const unanchored = [...found.article.text].filter((_, i) => !anchored.has(i)).join('');
    expect(unanchored.trim()).toBe('');
  });

  it('map the article back to the same live text as findArticle on the live page does', async () => {
    const live = livePage(fixture('news-page.html'));
    const direct = findArticle(live, { url: URL_OF_PAGE })!;
    const found = snapshotArticle(live);
    expect(found.article).toEqual(direct.article);
    const map = await mapBack(live, found);
    for (const block of found.article.blocks) {
      const viaAnchors = map.rangeFor(block.start, block.end)!;
      const viaClone = direct.map.rangeFor(block.start, block.end)!;
      expect(viaAnchors.startContainer).toBe(viaClone.startContainer);
      expect(viaAnchors.startOffset).toBe(viaClone.startOffset);
      expect(viaAnchors.endContainer).toBe(viaClone.endContainer);
      expect(viaAnchors.endOffset).toBe(viaClone.endOffset);
      expect(collapse(viaAnchors.toString())).toBe(found.article.text.slice(block.start, block.end));
    }
    const jane = live.querySelector('a[href="/people/jane-doe"]')!.firstChild!;
    expect(map.offsetOf(jane, 0)).toBe(spanOf(found, 'Jane Doe').start);
  });

  it('find nodes again where the page changed after its snapshot', async () => {
    const live = livePage(fixture('news-page.html'));
    const found = snapshotArticle(live);
    // The page adds a line before the article and splits a paragraph's text in two.
    const breaking = live.createElement('p');
    breaking.textContent = 'Breaking: live updates';
    live.body.insertBefore(breaking, live.body.firstChild);
    const cost = [...live.querySelectorAll('p')].find((p) => p.textContent!.startsWith('The repairs cost'))!;
    (cost.firstChild as Text).splitText(20);

    const map = await mapBack(live, found);
    for (const phrase of ['Harbour bridge reopens', 'regional transport office', 'twelve cables', 'summer recess']) {
      const { start, end } = spanOf(found, phrase);
      expect(map.rangeFor(start, end)?.toString(), phrase).toBe(phrase);
    }
  });

  it('leave text the page removed unmapped, without failing', async () => {
    const live = livePage(fixture('news-page.html'));
    const found = snapshotArticle(live);
    [...live.querySelectorAll('p')].find((p) => p.textContent!.startsWith('About 40,000'))!.remove();

    const map = await mapBack(live, found);
    const removed = spanOf(found, 'About 40,000 vehicles');
    expect(map.rangeFor(removed.start, removed.end)).toBeNull();
    const kept = spanOf(found, 'Opposition councillors');
    expect(map.rangeFor(kept.start, kept.end)?.toString()).toBe('Opposition councillors');
  });

  it('ignore anchors beyond the text or the page', async () => {
    const live = livePage('<html><body><p>Short text here</p></body></html>');
    const anchors: TextAnchor[] = [
      { start: 0, end: 5, node: 0, offset: 0 },
      { start: 6, end: 40, node: 0, offset: 6 },
      { start: 6, end: 10, node: 9, offset: 0 },
    ];
    const map = await anchoredMap(live.documentElement, 'Short text here', anchors, noPause);
    expect(map.rangeFor(0, 5)?.toString()).toBe('Short');
    expect(map.runs().map(({ start, end }) => [start, end])).toEqual([[0, 5], [6, 10]]);
  });
});
