import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { Analysis } from '../../extension/analysis/types';
import type { AnalysisReply, LastAnalysisRequest, PageInfo, PageInfoRequest, ShowEntityRequest } from '../../extension/messages';
import { isSiteDisabled, loadSettings, siteKey, updateSettings, withSiteDisabled, withSiteEnabled } from '../../extension/settings/settings';
import { openLibrary } from '../../extension/ui/library/open-library';
import { PopupApp } from '../../extension/ui/popup/PopupApp';
import '../../extension/ui/page.css';

const app = document.getElementById('app')!;

/** The page's URL and Gloss's state there, from its content script (null on pages it can't run on). */
async function pageInfo(tabId: number): Promise<PageInfo | null> {
  const request: PageInfoRequest = { type: 'gloss:page-info' };
  return (browser.tabs.sendMessage(tabId, request) as Promise<PageInfo>).catch(() => null);
}

async function lastAnalysis(tabId: number): Promise<Analysis | null> {
  const request: LastAnalysisRequest = { type: 'gloss:last-analysis', tabId };
  const reply = (await browser.runtime.sendMessage(request)) as AnalysisReply;
  return reply.ok ? reply.analysis : null;
}

async function show(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = tab?.id;
  if (tabId === undefined) return;
  const [info, analysis, settings] = await Promise.all([pageInfo(tabId), lastAnalysis(tabId), loadSettings(browser.storage.local)]);
  const url = info?.url ?? analysis?.url ?? null;
  render(
    <PopupApp
      site={url ? siteKey(url) || null : null}
      siteOff={url !== null && isSiteDisabled(settings, url)}
      analysis={analysis}
      state={info?.state ?? null}
      onShowEntity={(entityId) => {
        const request: ShowEntityRequest = { type: 'gloss:show-entity', entityId };
        void browser.tabs.sendMessage(tabId, request);
      }}
      onToggleSite={async (off) => {
        if (!url) return;
        await updateSettings(browser.storage.local, (current) => (off ? withSiteDisabled(current, url) : withSiteEnabled(current, url)));
        await show();
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenLibrary={() => void openLibrary(tab?.windowId ?? browser.windows.WINDOW_ID_CURRENT).then(() => window.close())}
    />,
    app,
  );
}

void show();
