import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Analysis, ArticleText } from '../extension/analysis/types';
import type { AnchoredArticle } from '../extension/article/snapshot';
import { messageSources } from '../extension/marking/background-lookup';
import { followPage } from '../extension/marking/follow-page';
import { runGloss, type GlossPage } from '../extension/marking/gloss-page';
import { notesApi } from '../extension/marking/notes-api';
import { sendSnapshot } from '../extension/marking/send-snapshot';
import { yieldToMain } from '../extension/marking/timing';
import {
  isAnalyseReply,
  isFindArticleReply,
  MAX_SNAPSHOT_CHARS,
  pageTooLarge,
  readContentRequest,
  SNAPSHOT_PORT,
  type AnalyseRequest,
  type PageInfo,
  type ShowReply,
} from '../extension/messages';
import { readNotesContentRequest, type DoneReply } from '../extension/notes/messages';
import { loadSettings, SETTINGS_KEY } from '../extension/settings/settings';
import { HOST_TAG, type GlossState } from '../extension/ui/gloss-host';
// Listed in the manifest's content_scripts.css: the browser applies it before the page is styled.
import '../extension/ui/highlights.css';

/** Thin adapter: Gloss's page code with the browser's storage and messaging plugged in. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  // WXT would also post its start to every page's message listeners, for main-world scripts; Gloss has none.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    let run: AbortController | null = null;
    let page: GlossPage | null = null;
    // What the popup is told: Gloss's own state, never read back from the page's DOM, where the
    // page may have put a <gloss-host data-gloss-state="…"> of its own.
    let state: GlossState | 'off' = 'off';

    // Gloss's own lifetime on the page. WXT's ctx also ends when a script on the page dispatches
    // WXT's "content script started" event (meant to stop an older copy of this script, but any
    // page can build its name from the extension id and forge it), so the end of ctx is believed
    // only when the extension itself is gone (reloaded, updated, removed).
    const life = new AbortController();
    const alive = (): boolean => {
      if (!life.signal.aborted && browser.runtime?.id == null) life.abort();
      return !life.signal.aborted;
    };
    life.signal.addEventListener('abort', () => run?.abort());
    ctx.onInvalidated(alive);

    async function findArticle(html: string, url: string, signal: AbortSignal): Promise<AnchoredArticle | null> {
      if (html.length > MAX_SNAPSHOT_CHARS) throw new Error(pageTooLarge(html.length));
      const reply = await sendSnapshot(html, url, { connect: () => browser.runtime.connect({ name: SNAPSHOT_PORT }), pause: yieldToMain, signal });
      if (!isFindArticleReply(reply)) throw new Error('the background gave no article');
      if (!reply.ok) throw new Error(reply.error);
      return reply.found;
    }

    async function requestAnalysis(article: ArticleText, url: string | null, meta: { published: string | null; outlet: string | null }): Promise<Analysis> {
      const request: AnalyseRequest = { type: 'gloss:analyse', article, url, ...meta };
      const reply: unknown = await browser.runtime.sendMessage(request);
      if (!isAnalyseReply(reply)) throw new Error('the background gave no analysis');
      if (!reply.ok) throw new Error(reply.error);
      return reply.analysis;
    }

    async function start(): Promise<void> {
      run?.abort();
      const controller = new AbortController();
      run = controller;
      page = null;
      state = 'off';
      const settings = await loadSettings(browser.storage.local);
      if (controller.signal.aborted) return;
      const notes = notesApi((request) => browser.runtime.sendMessage(request));
      const background = messageSources((request) => browser.runtime.sendMessage(request), location.href);
      const onState = (next: GlossState) => {
        if (!controller.signal.aborted) state = next;
      };
      page = await runGloss({ win: window, settings, findArticle, requestAnalysis, notes, background, onState, signal: controller.signal });
    }

    browser.runtime.onMessage.addListener((message: unknown, sender): Promise<ShowReply | PageInfo | DoneReply> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined; // only Gloss's background and popup talk to its content script
      const notesRequest = readNotesContentRequest(message);
      const done = (ok: boolean | undefined, why: string): Promise<DoneReply> => Promise.resolve(ok ? { ok: true } : { ok: false, error: why });
      if (notesRequest?.type === 'gloss:notes:add-here') return done(page?.notes?.addNoteHere(), 'no article text is selected');
      if (notesRequest?.type === 'gloss:notes:show') return done(page?.notes?.showNote(notesRequest.id), 'that note is not placed on this page');
      const request = readContentRequest(message);
      if (request?.type === 'gloss:show-entity') return Promise.resolve({ ok: page?.showEntity(request.entityId) ?? false });
      if (request?.type === 'gloss:page-info') return Promise.resolve({ url: location.href, state });
      return undefined;
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && SETTINGS_KEY in changes && alive()) void start();
    });
    // A page that swaps, appends or completes its article is marked again, once per change.
    followPage({
      win: window,
      isOwn: (node) => node.nodeName.toLowerCase() === HOST_TAG,
      onChange: () => {
        if (alive()) void start();
      },
      signal: life.signal,
    });
    await start();
  },
});
