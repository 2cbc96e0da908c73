/**
 * Opening the library beside the page: Chrome's side panel or Firefox's sidebar. Both browsers
 * only open it in answer to the reader's gesture, so call this straight from a click handler,
 * before any `await`.
 */
import { browser } from 'wxt/browser';

/** The two browsers' panel APIs, as far as the library uses them (each exists in one browser only). */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** Opens the library in the side panel (sidebar) of window `windowId`; a tab where neither exists. */
export function openLibrary(windowId: number): Promise<unknown> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction) return apis.sidebarAction.open();
  if (apis.sidePanel) return apis.sidePanel.open({ windowId });
  return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
