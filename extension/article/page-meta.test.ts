import { describe, expect, it } from 'vitest';
import { cleanUrl, pageMeta } from './page-meta';
import { parseHtml } from './parse-html';

describe('cleanUrl', () => {
  it('removes tracking parameters and the fragment, keeps the others', () => {
    expect(cleanUrl('https://news.example/story?id=7&utm_source=tw&utm_campaign=x&fbclid=abc&gclid=d#top')).toBe('https://news.example/story?id=7');
    expect(cleanUrl('https://news.example/story?mc_cid=1&igshid=2')).toBe('https://news.example/story');
  });

  it('resolves relative URLs and refuses non-web ones', () => {
    expect(cleanUrl('/a/b?utm_medium=rss', 'https://news.example/x/y')).toBe('https://news.example/a/b');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
    expect(cleanUrl('not a url')).toBeNull();
    expect(cleanUrl(null)).toBeNull();
  });
});

describe('parseHtml', () => {
  it('gives the document the page URL and the <base> it declares', () => {
    const doc = parseHtml('<html><head><base href="/news/"></head><body><p>x</p></body></html>', 'https://news.example/2024/story');
    expect(doc.documentURI).toBe('https://news.example/2024/story');
    expect(doc.baseURI).toBe('https://news.example/news/');
  });

  it('takes the canonical URL when no URL is given', () => {
    const doc = parseHtml('<html><head><link rel="canonical" href="https://news.example/c"></head><body></body></html>');
    expect(doc.documentURI).toBe('https://news.example/c');
  });
});

describe('pageMeta', () => {
  it('skips placeholder dates and falls back to the first plausible one', () => {
    const doc = parseHtml('<html><head><meta property="og:site_name" content="Gazette"></head><body><time datetime="2019-11-19T23:00:00Z">Nov 19</time></body></html>', 'https://news.example/s?utm_source=x');
    expect(pageMeta(doc, 'https://news.example/s?utm_source=x', { publishedTime: '0001-01-01T00:00:00Z' })).toEqual({
      url: 'https://news.example/s',
      published: '2019-11-19T23:00:00Z',
      outlet: 'Gazette',
      byline: null,
    });
  });
});
