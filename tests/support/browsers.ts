import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The build under test: `.output`, or the folder GLOSS_OUTPUT names (as in wxt.config.ts). */
const BUILD_ROOT = join(REPO_ROOT, process.env.GLOSS_OUTPUT ?? '.output');
export const CHROME_BUILD = join(BUILD_ROOT, 'chrome-mv3');
export const FIREFOX_BUILD = join(BUILD_ROOT, 'firefox-mv2');
export const TEST_OUTPUT = join(REPO_ROOT, 'test-output');

/** The Debian browsers by default; other machines point these variables at their own builds. */
export const chromiumExecutable = (): string => process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
export const firefoxExecutable = (): string => process.env.GLOSS_FIREFOX ?? '/usr/bin/firefox-esr';

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Flags verified with Debian's Chromium (docs/toolchain.md): quiet, offline-friendly, no sandbox for root. */
function chromiumArgs(extensionDir: string | null): string[] {
  const quiet = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
  return extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...quiet] : quiet;
}

/**
 * Chromium (headless unless asked) in a throw-away profile, with the Gloss build loaded unless
 * `extensionDir` is null (the baseline: the same page without Gloss). Extensions need a
 * persistent context.
 */
export async function launchChromium({
  extensionDir = CHROME_BUILD as string | null,
  viewport = { width: 1280, height: 900 } as { width: number; height: number } | null,
  headless = true,
} = {}): Promise<ChromiumSession> {
  const profile = await mkdtemp(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless,
    viewport,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(extensionDir),
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The MV3 service worker of the loaded extension (its host is the extension id). */
export async function extensionWorkerUrl(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return worker.url();
}

const isLoopback = (url: URL): boolean => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

/** Aborts every web request that is not for the local test server: real pages stay offline. */
export async function blockRemoteRequests(context: BrowserContext): Promise<void> {
  await context.route('**', (route) => {
    const url = new URL(route.request().url());
    return url.protocol.startsWith('http') && !isLoopback(url) ? route.abort('blockedbyclient') : route.continue();
  });
}

/**
 * The host of Gloss's `moz-extension://` pages in a Firefox launched with `extensionPages`:
 * Firefox picks a random one per profile unless the `extensions.webextensions.uuids` pref fixes it.
 */
export const FIREFOX_EXTENSION_UUID = '6f1c2b9e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';
const FIREFOX_EXTENSION_ID = 'gloss@gloss.example';

/**
 * Headless Firefox ESR over WebDriver BiDi, with the Gloss build installed as a temporary add-on.
 * `extensionPages`: lets the test open Gloss's own pages (`moz-extension://FIREFOX_EXTENSION_UUID/…`),
 * which needs system access for the remote agent (docs/toolchain.md). `prefs`: more Firefox preferences.
 */
export async function launchFirefoxWithGloss(
  extensionDir = FIREFOX_BUILD,
  { extensionPages = false, prefs = {} as Record<string, unknown> } = {},
): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    ...(extensionPages ? { args: ['--remote-allow-system-access'] } : {}),
    extraPrefsFirefox: {
      ...(extensionPages ? { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }) } : {}),
      ...prefs,
    },
  });
  await browser.installExtension(extensionDir);
  return browser;
}

/** Stops the extension's service worker, as Chromium does after 30 s idle. */
export async function stopExtensionWorkers(cdp: CDPSession): Promise<void> {
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.scriptURL.startsWith('chrome-extension://') && version.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
