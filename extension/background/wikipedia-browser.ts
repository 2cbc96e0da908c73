/**
 * Wikipedia look-ups in the browser: plugs the background's look-up handler (`wikipedia.ts`)
 * into the extension's messaging, settings, permissions and storage.
 */
import { browser } from 'wxt/browser';
import { loadSettings } from '../settings/settings';
import { readLookupRequest } from '../wikipedia/messages';
import { maySend, ownExtension } from './sender';
import type { LookupResult } from '../wikipedia/types';
import { createWikipediaBackground, ENDPOINT_OVERRIDE_KEY } from './wikipedia';

/** Starts answering `gloss:background:lookup` messages from Gloss's own content scripts and pages. */
export function installWikipedia(): void {
  const wikipedia = createWikipediaBackground({
    settings: () => loadSettings(browser.storage.local),
    hasPermission: (originPattern) => browser.permissions.contains({ origins: [originPattern] }),
    async endpointOverride() {
      const value = (await browser.storage.local.get(ENDPOINT_OVERRIDE_KEY))[ENDPOINT_OVERRIDE_KEY];
      return typeof value === 'string' && value ? value : null;
    },
    client: { version: browser.runtime.getManifest().version },
  });

  const own = ownExtension(browser.runtime);
  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<LookupResult> | undefined => {
    const request = readLookupRequest(message);
    if (request === null) return undefined; // not a look-up
    if (!maySend(message, sender, own)) return undefined; // not Gloss's content script or page: not for it to use Gloss's look-ups
    if ('error' in request) return Promise.resolve({ status: 'failed', error: request.error });
    return wikipedia.answer(request);
  });
}
