/**
 * The heavy half of the background: finding the article on a page snapshot and analysing it.
 * Firefox runs it in its background page; Chromium in an offscreen document (see
 * `analysis-host.ts`), since an MV3 service worker is stopped after 30 s idle and would decode
 * the recogniser's weights again on the next page.
 */
import { analyse } from '../analysis/analyse';
import { findAnchoredArticle } from '../article/snapshot';
import type { AnalyseReply, AnalyseRequest, FindArticleReply, FindArticleRequest } from '../messages';

export type ArticleRequest = FindArticleRequest | AnalyseRequest;
export type ArticleReply<R extends ArticleRequest> = R extends FindArticleRequest ? FindArticleReply : AnalyseReply;

function failure(what: string, error: unknown): { ok: false; error: string } {
  return { ok: false, error: `${what} failed: ${error instanceof Error ? error.message : String(error)}` };
}

/** Answers one (already validated) article request; never throws. */
export function answerArticleRequest<R extends ArticleRequest>(request: R): ArticleReply<R>;
export function answerArticleRequest(request: ArticleRequest): FindArticleReply | AnalyseReply {
  if (request.type === 'gloss:find-article') {
    try {
      return { ok: true, found: findAnchoredArticle(request.html, request.url) };
    } catch (error) {
      return failure('finding the article', error);
    }
  }
  try {
    return { ok: true, analysis: analyse(request.article, request.url) };
  } catch (error) {
    return failure('analysis', error);
  }
}
