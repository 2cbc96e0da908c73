import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Analysis } from '../extension/analysis/types';
import { analysisHost } from '../extension/background/analysis-host';
import { installNotes } from '../extension/background/notes-browser';
import { installSync } from '../extension/background/sync-browser';
import { maySend, ownExtension } from '../extension/background/sender';
import { receiveSnapshot } from '../extension/background/snapshot-port';
import { installWikipedia } from '../extension/background/wikipedia-browser';
import { readPlaceFactsRequest, type PlaceFactsReply } from '../extension/wikipedia/messages';
import { placeFacts } from '../extension/wikipedia/gazetteer';
import { readBackgroundRequest, type AnalyseReply, type AnalysisReply } from '../extension/messages';

/**
 * The background has the article found on a snapshot of the page and analysed (Readability,
 * the model and their code stay out of the pages' content scripts and off their main thread;
 * in Chromium they run in an offscreen document, see analysis-host.ts), and keeps each tab's
 * last analysis for the toolbar popup: in memory, mirrored to `storage.session` where there is
 * one, since an MV3 service worker is stopped when idle.
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

  const host = analysisHost();
  const notes = installNotes(() => sync.noteChanged());
  const sync = installSync(() => notes.store());
  installWikipedia();
  const own = ownExtension(browser.runtime);
  // The bundled gazetteer answers here, so its data stays out of the pages' content script.
  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<PlaceFactsReply> | undefined => {
    const request = readPlaceFactsRequest(message);
    return request && maySend(message, sender, own) ? Promise.resolve({ facts: placeFacts(request.name) }) : undefined;
  });
  const unreachable = (error: unknown) => ({ ok: false as const, error: `Gloss's analysis could not be reached: ${error instanceof Error ? error.message : String(error)}` });

  // A page's snapshot comes in parts on a port of its own (snapshot-port.ts); the article is found on the whole.
  browser.runtime.onConnect.addListener((port) => void receiveSnapshot(port, { own, find: (request) => host.answer(request).catch(unreachable) }));

  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<AnalyseReply | AnalysisReply> | undefined => {
    const request = readBackgroundRequest(message);
    if (request === null) return undefined; // not ours
    if (!maySend(message, sender, own)) return undefined; // not from a part of Gloss that sends this
    if ('error' in request) return Promise.resolve({ ok: false, error: request.error });
    if (request.type === 'gloss:last-analysis') {
      return recall(request.tabId).then((analysis) => ({ ok: true, analysis }));
    }
    if (request.type !== 'gloss:analyse') return undefined; // a snapshot comes on its port (maySend refused it)
    return host.answer(request).then(async (reply) => {
      const tabId = sender.tab?.id;
      if (reply.ok && tabId !== undefined) await remember(tabId, reply.analysis);
      if (reply.ok) void notes.rememberArticle(reply.analysis, { published: request.published ?? null, outlet: request.outlet ?? null, tabUrl: sender.tab?.url ?? null });
      return reply;
    }, unreachable);
  });

  // The first-run page explains Wikipedia look-ups (off until the reader turns them on) before any can happen.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    lastByTab.delete(tabId);
    void browser.storage.session?.remove(sessionKey(tabId));
  });
});
