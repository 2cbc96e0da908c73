import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { deeplyNestedPage, manyElementsPage } from '../../tests/fixtures/odd-pages/generate';
import { countedTexts, dataOf } from './counted-text';
import { parseHtml } from './parse-html';
import { outerHtmlInSlices } from './serialize';
import { findAnchoredArticle } from './snapshot';

const fixture = (path: string) => readFileSync(new URL(`../../tests/fixtures/${path}`, import.meta.url), 'utf8');

function livePage(html: string): Document {
  const window = new Window({ url: 'http://127.0.0.1/page.html', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

const texts = (root: Node) => [...countedTexts(root)].map(dataOf);
const noPause = { pause: () => Promise.resolve(), signal: new AbortController().signal };

describe('outerHtmlInSlices', () => {
  const pages = {
    seed: fixture('seed/page.html'),
    news: fixture('article/news-page.html'),
    editable: fixture('odd-pages/editable.html'),
    arabic: fixture('odd-pages/arabic.html'),
    'many elements': manyElementsPage(2_000),
    tricky: `<html lang="en"><head><title>A &amp; B</title><script>if (a < b && c > d) {}</script><style>p > a { color: red }</style></head>
      <body class="x"><p title="say &quot;hi&quot; &amp; <go>">Fish &amp; chips&nbsp;&lt;3 <!-- a comment --> <b>bold</b></p>
      <pre>
first line kept</pre><textarea>typed &lt;text&gt;</textarea><template><p>inert</p></template>
      <svg viewBox="0 0 10 10"><foreignObject><p>in svg</p></foreignObject></svg><noscript><p>no script</p></noscript>
      <table><tbody><tr><td>cell <i>one</i></td></tr></tbody></table><ul><li>one<li>two</ul></body></html>`,
  };

  for (const [name, html] of Object.entries(pages)) {
    it(`writes what outerHTML writes, or what parses to the same text (${name})`, async () => {
      const page = livePage(html);
      const sliced = await outerHtmlInSlices(page.documentElement, noPause);
      const whole = page.documentElement.outerHTML;
      expect(texts(parseHtml(sliced).documentElement)).toEqual(texts(parseHtml(whole).documentElement));
      expect(texts(parseHtml(sliced).documentElement)).toEqual(texts(page.documentElement));
    });
  }

  it('writes the tricky page exactly as the browser serialiser, bar script and style content and the escaping of < and > in attributes', async () => {
    const page = livePage(pages.tricky);
    const sliced = await outerHtmlInSlices(page.documentElement, noPause);
    const expected = page.documentElement.outerHTML
      .replace('<script>if (a < b && c > d) {}</script>', '<script></script>')
      .replace('<style>p > a { color: red }</style>', '<style></style>');
    expect(sliced.replaceAll('&lt;go&gt;', '<go>')).toBe(expected.replaceAll('&lt;go&gt;', '<go>'));
  });

  it('gives the background the same article, metadata and anchors as outerHTML does', async () => {
    for (const html of [pages.seed, pages.news]) {
      const page = livePage(html);
      const sliced = await outerHtmlInSlices(page.documentElement, noPause);
      expect(findAnchoredArticle(sliced, 'http://127.0.0.1/page.html')).toEqual(findAnchoredArticle(page.documentElement.outerHTML, 'http://127.0.0.1/page.html'));
    }
  });

  it('keeps JSON-LD, which the page metadata is read from', async () => {
    const page = livePage(fixture('article/news-page.html'));
    const sliced = await outerHtmlInSlices(page.documentElement, noPause);
    const jsonLd = page.querySelector('script[type="application/ld+json"]');
    expect(jsonLd, 'the fixture has JSON-LD').not.toBeNull();
    expect(sliced).toContain(jsonLd!.outerHTML);
  });

  it('lets the page run between slices, and stops when aborted', async () => {
    const page = livePage(manyElementsPage(20_000));
    let pauses = 0;
    const slowPause = () => {
      pauses++;
      return Promise.resolve();
    };
    const started = performance.now();
    await outerHtmlInSlices(page.documentElement, { pause: slowPause, signal: new AbortController().signal });
    expect(pauses).toBeGreaterThan((performance.now() - started) / 50);
    const controller = new AbortController();
    controller.abort();
    expect(await outerHtmlInSlices(page.documentElement, { pause: slowPause, signal: controller.signal })).toBe('');
  });

  it('walks 2,000 levels of nesting', async () => {
    const page = livePage(deeplyNestedPage().replace('<article>', '<div>'.repeat(2_000) + '<article>').replace('</article>', '</article>' + '</div>'.repeat(2_000)));
    const sliced = await outerHtmlInSlices(page.documentElement, noPause);
    expect(texts(parseHtml(sliced).documentElement)).toEqual(texts(page.documentElement));
  });
});
