import { describe, expect, it } from 'vitest';
import { articleTextProblem, isAnalyseReply, readBackgroundRequest, readContentRequest } from './messages';

const article = { text: 'Hello Kyiv', title: 'Hello', lang: 'en', blocks: [{ start: 0, end: 10 }], links: [{ start: 6, end: 10, href: 'https://kyiv.example/', text: 'Kyiv' }] };

describe('message validation', () => {
  it('accepts a well-formed analyse request', () => {
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: 'https://news.example/' })).toEqual({ type: 'gloss:analyse', article, url: 'https://news.example/' });
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: null })).toMatchObject({ url: null });
  });

  it('says what is wrong with a malformed one', () => {
    expect(readBackgroundRequest({ type: 'gloss:analyse', article: { ...article, text: 5 }, url: null })).toEqual({ error: 'gloss:analyse: article.text is not a string' });
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: 7 })).toEqual({ error: 'gloss:analyse: url is not a string or null' });
    expect(articleTextProblem({ ...article, blocks: [{ start: 5, end: 2 }] })).toBe('article.blocks is not a list of spans');
    expect(articleTextProblem({ ...article, links: [{ start: 0, end: 1, text: 'x' }] })).toBe('article.links is not a list of links');
    expect(articleTextProblem(null)).toBe('article is not an object');
  });

  it('leaves messages that are not Gloss requests alone', () => {
    expect(readBackgroundRequest('hello')).toBeNull();
    expect(readBackgroundRequest({ type: 'someone-else' })).toBeNull();
    expect(readContentRequest({ type: 'gloss:analyse' })).toBeNull();
  });

  it('reads the popup requests', () => {
    expect(readBackgroundRequest({ type: 'gloss:last-analysis', tabId: 3 })).toEqual({ type: 'gloss:last-analysis', tabId: 3 });
    expect(readBackgroundRequest({ type: 'gloss:last-analysis', tabId: 'x' })).toEqual({ error: 'gloss:last-analysis: tabId is not an integer' });
    expect(readContentRequest({ type: 'gloss:show-entity', entityId: 'e1' })).toEqual({ type: 'gloss:show-entity', entityId: 'e1' });
    expect(readContentRequest({ type: 'gloss:show-entity' })).toBeNull();
    expect(readContentRequest({ type: 'gloss:page-info' })).toEqual({ type: 'gloss:page-info' });
  });

  it('checks the background reply', () => {
    expect(isAnalyseReply({ ok: false, error: 'boom' })).toBe(true);
    expect(isAnalyseReply({ ok: true, analysis: { schema: 'gloss.analysis/1' } })).toBe(true);
    expect(isAnalyseReply({ ok: true, analysis: { schema: 'other' } })).toBe(false);
    expect(isAnalyseReply(undefined)).toBe(false);
  });
});
