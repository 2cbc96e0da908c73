/**
 * Where the article is found and analysed. In Chromium the MV3 service worker is stopped after
 * 30 s idle and every restart would decode the recogniser's weights again (≈20 ms, then
 * 50–100 ms more to a page's first marks); an offscreen document lives for the whole browser
 * session, so the weights are decoded once. The worker forwards each request to it. Firefox's
 * MV2 background page lives for the session already and answers in place.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AnalyseReply, FindArticleReply } from '../messages';
import { answerArticleRequest, type ArticleReply, type ArticleRequest } from './article-requests';

/** The envelope the service worker sends to the offscreen document. */
export interface OffscreenRequest {
  type: 'gloss:offscreen';
  request: ArticleRequest;
}

const OFFSCREEN_PATH = '/offscreen.html';

export interface AnalysisHost {
  answer<R extends ArticleRequest>(request: R): Promise<ArticleReply<R>>;
}

/** The background's own analysis (Firefox, or any browser without offscreen documents). */
export function inPlaceHost(): AnalysisHost {
  return { answer: async (request) => answerArticleRequest(request) };
}

/** Forwards to Gloss's offscreen document, creating it when the session has none yet. */
export function offscreenHost(): AnalysisHost {
  let ready: Promise<void> | null = null;

  async function ensureDocument(): Promise<void> {
    const url = browser.runtime.getURL(OFFSCREEN_PATH);
    // A restarted worker finds the document its predecessor created.
    const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
    if (open.length > 0) return;
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Find the article on a page snapshot and analyse it once per browser session, without re-decoding the recogniser each time the service worker restarts.',
    });
  }

  function documentReady(): Promise<void> {
    ready ??= ensureDocument().catch((error: unknown) => {
      ready = null; // try again on the next request
      throw error;
    });
    return ready;
  }
  // Opened as soon as the worker starts (with the browser), so a session's first page rarely waits for it.
  documentReady().catch(() => undefined);

  return {
    async answer(request) {
      await documentReady();
      const envelope: OffscreenRequest = { type: 'gloss:offscreen', request };
      const reply: unknown = await browser.runtime.sendMessage(envelope);
      if (!reply || typeof reply !== 'object') throw new Error('the analysis page gave no answer');
      return reply as FindArticleReply & AnalyseReply;
    },
  };
}

/** The host of this build: decided when building, so the Chromium worker bundles no analysis code. */
export function analysisHost(): AnalysisHost {
  return import.meta.env.FIREFOX ? inPlaceHost() : offscreenHost();
}
