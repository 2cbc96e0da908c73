import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyse } from '../extension/analysis/analyse';
import type { Analysis } from '../extension/analysis/types';
import { findAnchoredArticle } from '../extension/article/snapshot';
import { readBackgroundRequest, type AnalyseReply, type AnalysisReply, type FindArticleReply } from '../extension/messages';

/**
 * The background finds the article on a snapshot of the page and runs the analysis (Readability,
 * the model and their code stay out of the pages' content scripts and off their main thread),
 * and keeps each tab's last analysis for the toolbar popup: in memory, mirrored to
 * `storage.session` where there is one, since an MV3 service worker is stopped when idle.
 */
export default defineBackground(() => {
  const lastByTab = new Map<number, Analysis>();
  const sessionKey = (tabId: number) => `gloss:analysis:${tabId}`;

  async function remember(tabId: number, analysis: Analysis): Promise<void> {
    lastByTab.set(tabId, analysis);
    await browser.storage.session?.set({ [sessionKey(tabId)]: analysis });
  }

  async function recall(tabId: number): Promise<Analysis | null> {
    const known = lastByTab.get(tabId);
    if (known) return known;
    const stored = await browser.storage.session?.get(sessionKey(tabId));
    return (stored?.[sessionKey(tabId)] as Analysis | undefined) ?? null;
  }

  function findArticleReply(html: string, url: string): FindArticleReply {
    try {
      return { ok: true, found: findAnchoredArticle(html, url) };
    } catch (error) {
      return { ok: false, error: `finding the article failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<FindArticleReply | AnalyseReply | AnalysisReply> | undefined => {
    const request = readBackgroundRequest(message);
    if (request === null) return undefined; // not ours
    if ('error' in request) return Promise.resolve({ ok: false, error: request.error });
    if (request.type === 'gloss:last-analysis') {
      return recall(request.tabId).then((analysis) => ({ ok: true, analysis }));
    }
    if (request.type === 'gloss:find-article') return Promise.resolve(findArticleReply(request.html, request.url));
    try {
      const analysis = analyse(request.article, request.url);
      const tabId = sender.tab?.id;
      const stored = tabId === undefined ? Promise.resolve() : remember(tabId, analysis);
      return stored.then(() => ({ ok: true, analysis }));
    } catch (error) {
      return Promise.resolve({ ok: false, error: `analysis failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    lastByTab.delete(tabId);
    void browser.storage.session?.remove(sessionKey(tabId));
  });
});
