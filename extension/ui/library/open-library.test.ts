import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from './open-library';

describe('openLibrary', () => {
  // WXT's fake browser has a sidebarAction that throws "not implemented": each test sets its own.
  const apis = fakeBrowser as unknown as Record<string, unknown>;
  const fakeSidebarAction = apis.sidebarAction;
  beforeEach(() => {
    apis.sidebarAction = undefined;
    apis.sidePanel = undefined;
  });
  afterEach(() => {
    apis.sidebarAction = fakeSidebarAction;
    delete apis.sidePanel;
    fakeBrowser.reset();
  });

  it("opens Chrome's side panel in the reader's window", async () => {
    const open = vi.fn(async () => {});
    apis.sidePanel = { open };
    await openLibrary(7);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });

  it("opens Firefox's sidebar", async () => {
    const open = vi.fn(async () => {});
    apis.sidebarAction = { open };
    await openLibrary(7);
    expect(open).toHaveBeenCalledOnce();
  });

  it('opens the library in a tab where the browser has neither', async () => {
    await openLibrary(7);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContainEqual(expect.stringMatching(/\/sidepanel\.html$/));
  });
});
