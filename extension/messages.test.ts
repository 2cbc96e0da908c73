import { describe, expect, it } from 'vitest';
import { articleTextProblem, isAnalyseReply, isFindArticleReply, MAX_SNAPSHOT_CHARS, readBackgroundRequest, readContentRequest, readSnapshotMessage, SNAPSHOT_PART_CHARS } from './messages';

const article = { text: 'Hello Kyiv', title: 'Hello', lang: 'en', blocks: [{ start: 0, end: 10 }], links: [{ start: 6, end: 10, href: 'https://kyiv.example/', text: 'Kyiv' }] };

describe('message validation', () => {
  it('accepts a well-formed analyse request', () => {
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: 'https://news.example/' })).toEqual({ type: 'gloss:analyse', article, url: 'https://news.example/' });
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: null })).toMatchObject({ url: null });
  });

  it('says what is wrong with a malformed one', () => {
    expect(readBackgroundRequest({ type: 'gloss:analyse', article: { ...article, text: 5 }, url: null })).toEqual({ error: 'gloss:analyse: article.text is not a string' });
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: 7 })).toEqual({ error: 'gloss:analyse: url is not a string or null' });
    expect(articleTextProblem({ ...article, blocks: [{ start: 5, end: 2 }] })).toBe('article.blocks.0 ends before it starts');
    expect(articleTextProblem({ ...article, links: [{ start: 0, end: 1, text: 'x' }] })).toBe('article.links.0.href is missing');
    expect(articleTextProblem({ ...article, blocks: 'all' })).toBe('article.blocks is not a list');
    expect(articleTextProblem(null)).toBe('article is not an object');
  });

  it('leaves messages that are not Gloss requests alone', () => {
    expect(readBackgroundRequest('hello')).toBeNull();
    expect(readBackgroundRequest({ type: 'someone-else' })).toBeNull();
    expect(readContentRequest({ type: 'gloss:analyse' })).toBeNull();
  });

  it('reads the popup requests', () => {
    expect(readBackgroundRequest({ type: 'gloss:last-analysis', tabId: 3 })).toEqual({ type: 'gloss:last-analysis', tabId: 3 });
    expect(readBackgroundRequest({ type: 'gloss:last-analysis', tabId: 'x' })).toEqual({ error: 'gloss:last-analysis: tabId is not a whole number' });
    expect(readContentRequest({ type: 'gloss:show-entity', entityId: 'e1' })).toEqual({ type: 'gloss:show-entity', entityId: 'e1' });
    expect(readContentRequest({ type: 'gloss:show-entity' })).toBeNull();
    expect(readContentRequest({ type: 'gloss:page-info' })).toEqual({ type: 'gloss:page-info' });
  });

  it('reads the snapshot port messages', () => {
    const part = { type: 'gloss:snapshot:part', index: 2, html: '<p>' };
    expect(readSnapshotMessage({ ...part, extra: 1 })).toEqual(part);
    expect(readSnapshotMessage({ ...part, index: -1 })).toEqual({ error: 'gloss:snapshot:part: index is negative' });
    expect(readSnapshotMessage({ ...part, html: 'x'.repeat(SNAPSHOT_PART_CHARS + 1) })).toEqual({ error: 'gloss:snapshot:part: html is longer than 256,000 characters' });
    const end = { type: 'gloss:snapshot:end', url: 'https://news.example/a', parts: 3, chars: 600_000 };
    expect(readSnapshotMessage(end)).toEqual(end);
    expect(readSnapshotMessage({ ...end, chars: undefined })).toEqual({ error: 'gloss:snapshot:end: chars is not a whole number' });
    expect(readSnapshotMessage({ type: 'gloss:find-article', html: '', url: '' })).toBeNull();
  });

  it('checks the background reply', () => {
    expect(isAnalyseReply({ ok: false, error: 'boom' })).toBe(true);
    expect(isAnalyseReply({ ok: true, analysis: { schema: 'gloss.analysis/1' } })).toBe(true);
    expect(isAnalyseReply({ ok: true, analysis: { schema: 'other' } })).toBe(false);
    expect(isAnalyseReply(undefined)).toBe(false);
  });

  it('reads a find-article request, turning away snapshots over the size limit', () => {
    const html = '<html><body><p>Hello Kyiv</p></body></html>';
    expect(readBackgroundRequest({ type: 'gloss:find-article', html, url: 'https://news.example/' })).toEqual({ type: 'gloss:find-article', html, url: 'https://news.example/' });
    expect(readBackgroundRequest({ type: 'gloss:find-article', html: 5, url: 'https://news.example/' })).toEqual({ error: 'gloss:find-article: html is not a string' });
    expect(readBackgroundRequest({ type: 'gloss:find-article', html, url: null })).toEqual({ error: 'gloss:find-article: url is not a string' });
    expect(readBackgroundRequest({ type: 'gloss:find-article', html: 'x'.repeat(MAX_SNAPSHOT_CHARS + 1), url: 'https://news.example/' })).toEqual({
      error: 'gloss:find-article: html is 10.0 MB, more than the 10.0 MB Gloss reads',
    });
  });

  // The content script checks the replies it reads by hand and only as deep as it reads them (see isReplyOf).
  it('checks the find-article reply', () => {
    const meta = { url: 'https://news.example/', published: null, outlet: 'News', byline: null };
    const anchors = [{ start: 0, end: 5, node: 3, offset: 0 }];
    expect(isFindArticleReply({ ok: true, found: { article, meta, anchors } })).toBe(true);
    expect(isFindArticleReply({ ok: true, found: null })).toBe(true);
    expect(isFindArticleReply({ ok: false, error: 'page too large' })).toBe(true);
    expect(isFindArticleReply({ ok: true, found: { article: { ...article, text: null }, meta, anchors } })).toBe(false);
    expect(isFindArticleReply({ ok: true, found: { article, meta } })).toBe(false);
    expect(isFindArticleReply({ ok: true })).toBe(false);
    expect(isFindArticleReply({ ok: false })).toBe(false);
  });
});
