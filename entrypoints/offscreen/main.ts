import { browser } from 'wxt/browser';
import { defaultWeights } from '../../extension/analysis/entities/default-model';
import { answerArticleRequest } from '../../extension/background/article-requests';
import { maySend, ownExtension } from '../../extension/background/sender';
import { readBackgroundRequest } from '../../extension/messages';

/**
 * Chromium's offscreen document: finds and analyses articles for the service worker, keeping
 * the decoded recogniser for the whole browser session (see extension/background/analysis-host.ts).
 * It answers only the worker's envelopes; the same messages sent straight by a content script
 * are the worker's to answer.
 */
const own = ownExtension(browser.runtime);

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'gloss:offscreen') return undefined;
  if (!maySend(message, sender, own)) return undefined; // only the background sends envelopes
  const request = readBackgroundRequest((message as { request?: unknown }).request);
  if (request === null || 'error' in request || request.type === 'gloss:last-analysis') {
    return Promise.resolve({ ok: false, error: request && 'error' in request ? request.error : 'not an article request' });
  }
  return Promise.resolve(answerArticleRequest(request));
});

// Decode the weights now, while no page waits for them.
setTimeout(defaultWeights, 0);
