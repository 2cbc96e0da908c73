import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findArticle } from './find-article';
import { parseHtml } from './parse-html';
import type { FoundArticle } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/article/${name}`, import.meta.url), 'utf8');

/** A page in happy-dom, which (unlike linkedom) has live Ranges like a browser. */
function browserPage(html: string, url = 'https://news.example/2024/05/02/harbour-bridge-reopens?utm_source=feed'): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');
const slice = (found: FoundArticle, span: { start: number; end: number }) => found.article.text.slice(span.start, span.end);

function paragraphs(count: number, words = 'The council met again on Tuesday to discuss the budget for the coming year and the plans for the harbour.'): string {
  return Array.from({ length: count }, (_, i) => `<p>${i + 1}. ${words}</p>`).join('\n');
}

describe('findArticle', () => {
  const doc = browserPage(fixture('news-page.html'));
  const before = doc.documentElement.outerHTML;
  const found = findArticle(doc)!;
  const { text, blocks, links } = found.article;

  it('puts the headline first, then the standfirst and the body blocks', () => {
    expect(found.article.title).toBe('Harbour bridge reopens after repairs');
    expect(slice(found, blocks[0]!)).toBe('Harbour bridge reopens after repairs');
    expect(slice(found, blocks[1]!)).toBe('Traffic returns to the old crossing two years after it was closed for safety checks.');
    expect(slice(found, blocks[2]!)).toMatch(/^PORTVILLE — The harbour bridge reopened/);
    expect(text).toContain('\n\nCost of the works\n\n');
    expect(text).toContain('New cables on both towers, with sensors that report strain every minute.\n\nA widened cycle lane');
    for (const [i, block] of blocks.entries()) {
      if (i > 0) expect(text.slice(blocks[i - 1]!.end, block.start)).toBe('\n\n');
    }
  });

  it('leaves out bylines, captions, share bars, teasers, related links and the footer', () => {
    for (const chrome of ['Ada Lindqvist', 'Photo: Lena Ortiz', 'Share', 'Read more', 'Related stories', 'Tunnel plans', '© 2024', 'Sport']) {
      expect(text).not.toContain(chrome);
    }
    expect(text.trimEnd()).toMatch(/before the summer recess\.$/);
  });

  it('does not change the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('maps every block back to the live text', () => {
    for (const block of blocks) {
      expect(collapse(found.map.rangeFor(block.start, block.end)!.toString()).trim()).toBe(slice(found, block));
    }
  });

  it('maps a name half inside a link to one live range across the element boundary', () => {
    const start = text.indexOf('Jane Doe');
    const range = found.map.rangeFor(start, start + 'Jane Doe'.length)!;
    expect(range.toString()).toBe('Jane Doe');
    expect(range.startContainer.parentElement?.localName).toBe('a');
    expect(range.endContainer.parentElement?.localName).toBe('p');
  });

  it('maps live DOM points back to article offsets', () => {
    for (const word of ['PORTVILLE', 'Doe told', 'twelve cables', 'cycle lane']) {
      const at = text.indexOf(word);
      const range = found.map.rangeFor(at, at + word.length)!;
      expect(found.map.offsetOf(range.startContainer, range.startOffset)).toBe(at);
    }
    expect(found.map.offsetOf(doc.querySelector('footer p')!.firstChild!, 0)).toBeNull();
  });

  it('gives no range once the page has removed the text', () => {
    const page = browserPage(fixture('news-page.html'));
    const result = findArticle(page)!;
    const at = result.article.text.indexOf('twelve cables');
    page.querySelector('article')!.remove();
    expect(result.map.rangeFor(at, at + 6)).toBeNull();
  });

  it('gives no range for the separators between blocks', () => {
    const gap = blocks[1]!.end;
    expect(found.map.rangeFor(gap, gap + 2)).toBeNull();
  });

  it('lists the body links with absolute hrefs and their text spans', () => {
    expect(links.map((l) => [l.href, l.text])).toEqual([
      ['https://news.example/people/jane-doe', 'Jane'],
      ['https://transport.example/reports/2022', 'regional transport office'],
    ]);
    for (const link of links) expect(slice(found, link)).toBe(link.text);
  });

  it('reads the metadata: clean canonical URL, date, outlet, byline', () => {
    expect(found.meta).toEqual({
      url: 'https://news.example/2024/05/02/harbour-bridge-reopens?id=42',
      published: '2024-05-02T08:30:00Z',
      outlet: 'The Example Gazette',
      byline: 'Ada Lindqvist',
    });
    expect(found.article.lang).toBe('en');
  });

  it('gives a French page "fr" even when it declares English', () => {
    const french = findArticle(browserPage(fixture('french-page.html')))!;
    expect(french.article.lang).toBe('fr');
    expect(french.article.title).toBe('Le pont du port rouvre après deux ans de travaux');
  });

  it('finds no article on a navigation or search page, nor on a blank one', () => {
    expect(findArticle(browserPage(fixture('nav-only.html')))).toBeNull();
    expect(findArticle(browserPage('<!doctype html><html><head><title>Blank</title></head><body></body></html>'))).toBeNull();
  });

  it('reads a huge page in one piece, up to the word limit', () => {
    // linkedom here: happy-dom takes seconds over Readability on thousands of paragraphs.
    // 2,000 paragraphs of 21 words: 42,000 words, within MAX_ANALYSED_WORDS (odd-pages.test.ts cuts a longer one).
    const huge = parseHtml(`<html lang="en"><body><article><h1>The longest council meeting</h1>${paragraphs(2000)}</article></body></html>`);
    const t0 = performance.now();
    const result = findArticle(huge)!;
    const ms = performance.now() - t0;
    expect(result.article.truncated).toBeUndefined();
    expect(result.article.blocks).toHaveLength(2001);
    const last = result.article.blocks[2000]!;
    expect(slice(result, last)).toMatch(/^2000\. The council met again/);
    const lastNode = huge.querySelector('article')!.lastElementChild!.firstChild!;
    expect(result.map.offsetOf(lastNode, 0)).toBe(last.start);
    expect(ms).toBeLessThan(10_000);
  });

  it('keeps hostile text as inert text and maps unicode and right-to-left text exactly', () => {
    const hostile = browserPage(`<html lang="en"><body><article><h1>Signs in three scripts at the harbour 🚢</h1>
      ${paragraphs(4)}
      <p>The sign reads &lt;script&gt;alert("x")&lt;/script&gt; in jest, said Zoë Ærø-Łukasz, whose café sits by the ferry terminal. <script>document.title = "pwned"</script><style>p{}</style></p>
      <p dir="rtl">قال رئيس البلدية إن الجسر آمن الآن. אמר ראש העיר שהגשר בטוח עכשיו. The mayor said the bridge is now safe for everyone.</p>
    </article></body></html>`);
    const result = findArticle(hostile)!;
    const t = result.article.text;
    expect(t).toContain('<script>alert("x")</script> in jest');
    expect(t).not.toContain('pwned');
    expect(t).not.toContain('p{}');
    expect(hostile.title).not.toBe('pwned');
    for (const word of ['🚢', 'Zoë Ærø-Łukasz', 'الجسر آمن', 'שהגשר בטוח']) {
      const at = t.indexOf(word);
      expect(result.map.rangeFor(at, at + word.length)!.toString()).toBe(word);
    }
  });

  it('collapses whitespace inside blocks and keeps the map right', () => {
    const spaced = browserPage(`<html lang="en"><body><article><h1>  Spaced
      out   headline </h1>${paragraphs(4)}<p>  Lots   of \n\t space&nbsp;&nbsp;here,  and  a  <b>bold</b>   word.  </p></article></body></html>`);
    const result = findArticle(spaced)!;
    expect(result.article.title).toBe('Spaced out headline');
    const at = result.article.text.indexOf('Lots of space here, and a bold word.');
    expect(at).toBeGreaterThan(0);
    const range = result.map.rangeFor(at, at + 'Lots of space here, and a bold word.'.length)!;
    expect(collapse(range.toString().replace(/\u00a0/g, ' '))).toBe('Lots of space here, and a bold word.');
    const bold = result.article.text.indexOf('bold');
    expect(result.map.rangeFor(bold, bold + 4)!.toString()).toBe('bold');
  });
});

describe('findArticle on pages of other shapes', () => {
  it('reads a page without landmarks, keeping a dateline Readability would take for a byline', () => {
    const page = browserPage(`<html lang="en"><body><div id="top"><a href="/">Home</a></div><div class="story">
      <h1>Storm closes the harbour for a second day</h1>
      <p><span class="dateline">PORTVILLE —</span> The harbour stayed closed on Friday as the storm that hit the coast on Thursday night kept ferries and fishing boats in port, the harbour master said.</p>
      ${paragraphs(4)}</div><div class="comments"><p>Great story!</p></div></body></html>`);
    const found = findArticle(page)!;
    expect(found.article.text).toMatch(/^Storm closes the harbour for a second day\n\nPORTVILLE — The harbour stayed closed/);
    const at = found.article.text.indexOf('PORTVILLE — The');
    expect(found.map.rangeFor(at, at + 'PORTVILLE — The'.length)!.toString()).toBe('PORTVILLE — The');
  });

  it('does not repeat a standfirst that the body repeats as its first paragraph', () => {
    const lead = 'The harbour stayed closed on Friday as the storm kept ferries and fishing boats in port for a second day.';
    const page = browserPage(`<html lang="en"><head><meta name="description" content="${lead}"></head><body><main>
      <header><h1>Storm closes the harbour for a second day</h1><div class="summary">${lead}</div></header>
      <article class="story"><p>${lead}</p>${paragraphs(4)}</article></main></body></html>`);
    const { text } = findArticle(page)!.article;
    expect(text.split(lead)).toHaveLength(2);
  });
});

describe('findArticle on parseHtml documents (Node, no Range)', () => {
  it('finds the same text and resolves links against the given URL', () => {
    const inNode = findArticle(parseHtml(fixture('news-page.html'), 'https://news.example/2024/05/02/harbour-bridge-reopens'))!;
    const inBrowser = findArticle(browserPage(fixture('news-page.html')))!;
    expect(inNode.article).toEqual(inBrowser.article);
  });

  it('lists no javascript: link, however its scheme is spelt', () => {
    const hrefs = ['javascript:alert(1)', ' JavaScript:alert(2)', 'java\tscript:alert(3)', 'java\nscript:alert(4)', '/people/jane-doe'];
    const body = hrefs.map((href, i) => `<a href="${href}">link ${i}</a>`).join(' ');
    const page = `<html lang="en"><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Monday, officials said. ${body}</p>${'<p>The port authority said ships would return within days, and that the bridge was safe.</p>'.repeat(6)}</article></body></html>`;
    const found = findArticle(parseHtml(page, 'https://news.example/a'))!;
    expect(found.article.links.map((link) => link.href)).toEqual(['https://news.example/people/jane-doe']);
  });

  it('falls back to the page canonical URL for relative links when no URL is given', () => {
    const found = findArticle(parseHtml(fixture('news-page.html')))!;
    expect(found.article.links[0]!.href).toBe('https://news.example/people/jane-doe');
  });
});
