/**
 * Turning Wikipedia look-ups on in a browser, pointed at the stand-in of wikipedia-server.ts:
 * the page functions shared by both browsers, and the Chromium steps (shared by
 * tests/e2e/background.both.e2e.test.ts and extension/cli/bench-popover-background.ts).
 *
 * Chromium's permission prompt is a native dialog headless Chromium cannot answer, so
 * `chrome.permissions.request` is replaced in the options page by one that says yes, and
 * `chrome.permissions.contains` in the service worker by one that says yes for Wikipedia and the
 * stand-in's origin (the background checks the permission of the origin it is about to reach).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The storage key that points Gloss at another Wikipedia (extension/wikipedia). */
export const WIKIPEDIA_ENDPOINT_KEY = 'gloss:wikipedia-endpoint';

/** The parts of the extension API the helpers call in Gloss's pages. */
export interface PageApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  permissions: { request(permissions: { origins: string[] }): Promise<boolean>; contains(permissions: { origins: string[] }): Promise<boolean> };
}

/** In an extension page: points Gloss at the stand-in (Chromium's API is `chrome`, Firefox's `browser`). */
export function setEndpoint([key, origin]: [string, string]): Promise<void> {
  const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
  return (scope.browser ?? scope.chrome)!.storage.local.set({ [key]: origin });
}

/** In the options page: what the look-ups section says, or null before it is drawn. */
export function lookupsView(): { on: boolean; off: boolean; message: string } | null {
  const section = document.querySelector('section.lookups');
  if (!section) return null;
  return {
    on: section.querySelector('.lookups-off') !== null,
    off: section.querySelector('.lookups-on') !== null,
    message: section.querySelector('[role="status"]')?.textContent ?? '',
  };
}

/**
 * Chromium, in Gloss's options page: `chrome.permissions.request` says yes without a prompt, and
 * `contains` says yes for what was requested (the page checks it again once look-ups are on; the
 * real answer, no, would show "turn them on again").
 */
export async function grantPermissionRequests(options: Page): Promise<void> {
  await options.evaluate(() => {
    type Permissions = { origins?: string[] };
    const api = (globalThis as unknown as { chrome: { permissions: Record<'request' | 'contains' | 'remove', unknown> } }).chrome.permissions;
    const granted = new Set<string>();
    api.request = (permissions: Permissions, callback?: (yes: boolean) => void) => {
      for (const origin of permissions.origins ?? []) granted.add(origin);
      return callback ? callback(true) : Promise.resolve(true);
    };
    api.contains = (permissions: Permissions, callback?: (yes: boolean) => void) => {
      const yes = (permissions.origins ?? []).every((origin) => granted.has(origin));
      return callback ? callback(yes) : Promise.resolve(yes);
    };
    api.remove = (permissions: Permissions, callback?: (yes: boolean) => void) => {
      for (const origin of permissions.origins ?? []) granted.delete(origin);
      return callback ? callback(true) : Promise.resolve(true);
    };
  });
}

/**
 * Chromium, in Gloss's running service worker: `chrome.permissions.contains` says yes for
 * Wikipedia and `originPattern` (the stand-in's). A restarted worker forgets it: call it again.
 */
export async function allowOriginInWorker(context: BrowserContext, originPattern: string): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  // No named function inside: tsx (the bench) would wrap it in a `__name` helper the worker lacks.
  await worker.evaluate((allowed: string[]) => {
    const api = (globalThis as unknown as { chrome: { permissions: { contains: unknown } } }).chrome.permissions;
    api.contains = (permissions: { origins?: string[] }, callback?: (granted: boolean) => void) => {
      const granted = (permissions.origins ?? []).every((origin) => allowed.includes(origin) || /^https:\/\/[a-z-]+\.wikipedia\.org\/\*$/.test(origin));
      return callback ? callback(granted) : Promise.resolve(granted);
    };
  }, [originPattern]);
}

/** Waits until the options page's look-ups section says `on` (true) or off (false). */
export async function waitForLookups(options: Page, on: boolean, timeoutMs = 10_000): Promise<void> {
  await options.waitForFunction((want: boolean) => {
    const section = document.querySelector('section.lookups');
    return section !== null && section.querySelector(want ? '.lookups-off' : '.lookups-on') !== null;
  }, on, { timeout: timeoutMs }).catch(async (error: unknown) => {
    throw new Error(`look-ups did not turn ${on ? 'on' : 'off'} in the options page: ${JSON.stringify(await options.evaluate(lookupsView).catch(() => null))} (${String(error)})`);
  });
}

/**
 * Chromium, all the steps at once: in a new tab of Gloss's options page, points Gloss at
 * `wikiOrigin` and turns look-ups on with a real click, then lets the worker reach the stand-in.
 * Returns the options page (left open).
 */
export async function turnOnChromiumLookups(context: BrowserContext, extensionId: string, wikiOrigin: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await grantPermissionRequests(options);
  await options.evaluate(setEndpoint, [WIKIPEDIA_ENDPOINT_KEY, wikiOrigin] as [string, string]);
  await waitForLookups(options, false);
  await options.click('section.lookups .lookups-on');
  await waitForLookups(options, true);
  await allowOriginInWorker(context, `${wikiOrigin}/*`);
  return options;
}
