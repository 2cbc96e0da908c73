/**
 * The reader's options, kept in `storage.local` under one key: which kinds of entity to mark
 * and the sites where Gloss stays off. The storage area is passed in (the extension passes
 * `browser.storage.local`) so this module has no tie to WXT or to a browser.
 */
import type { EntityType } from '../analysis/types';

export interface Settings {
  /** Which kinds of entity are marked on pages. */
  mark: Record<EntityType, boolean>;
  /** Host names (lower case, no "www.") where Gloss does nothing. */
  disabledSites: string[];
  /** Host names where Gloss marks the page but keeps nothing of it in the reader's memory. */
  memoryPausedSites: string[];
  /**
   * Whether a popover may look the name up on Wikipedia (only the name and the language leave
   * the machine). Off until the reader turns it on (first-run page or options), because it is
   * the one feature that sends anything anywhere, and it needs the host permission the reader
   * grants in that same click.
   */
  lookups: boolean;
  /** Host names where look-ups stay off even when `lookups` is on. */
  lookupsDisabledSites: string[];
}

/** The part of a WebExtension `StorageArea` that settings use. */
export interface SettingsStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'gloss:settings';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export function defaultSettings(): Settings {
  return { mark: { PER: true, ORG: true, LOC: true, MISC: true }, disabledSites: [], memoryPausedSites: [], lookups: false, lookupsDisabledSites: [] };
}

/** Settings from whatever was stored: unknown or malformed fields fall back to the defaults. */
export function normaliseSettings(stored: unknown): Settings {
  const settings = defaultSettings();
  if (typeof stored !== 'object' || stored === null) return settings;
  const { mark, disabledSites, memoryPausedSites, lookups, lookupsDisabledSites } = stored as Partial<Record<keyof Settings, unknown>>;
  if (typeof mark === 'object' && mark !== null) {
    for (const type of ENTITY_TYPES) {
      const value = (mark as Record<string, unknown>)[type];
      if (typeof value === 'boolean') settings.mark[type] = value;
    }
  }
  settings.disabledSites = siteList(disabledSites);
  settings.memoryPausedSites = siteList(memoryPausedSites);
  if (typeof lookups === 'boolean') settings.lookups = lookups;
  settings.lookupsDisabledSites = siteList(lookupsDisabledSites);
  return settings;
}

function siteList(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const sites = stored.filter((site): site is string => typeof site === 'string').map(siteKey);
  return [...new Set(sites.filter(Boolean))];
}

export async function loadSettings(store: SettingsStore): Promise<Settings> {
  const items = await store.get(SETTINGS_KEY);
  return normaliseSettings(items[SETTINGS_KEY]);
}

export async function saveSettings(store: SettingsStore, settings: Settings): Promise<void> {
  await store.set({ [SETTINGS_KEY]: normaliseSettings(settings) });
}

/** Applies `change` to the stored settings and saves the result. */
export async function updateSettings(store: SettingsStore, change: (settings: Settings) => Settings): Promise<Settings> {
  const next = normaliseSettings(change(await loadSettings(store)));
  await saveSettings(store, next);
  return next;
}

/**
 * The key a site is listed under: the host name in lower case without a leading "www.", from
 * a URL or from what a reader typed ("Example.org", "https://www.example.org/path").
 */
export function siteKey(urlOrHost: string): string {
  const trimmed = urlOrHost.trim().toLowerCase();
  if (!trimmed) return '';
  let host: string;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return '';
  }
  return host.replace(/^www\./, '');
}

/** Whether Gloss is off on the page at `url`: its host or any parent domain is listed. */
export function isSiteDisabled(settings: Settings, url: string): boolean {
  return isListed(settings.disabledSites, url);
}

/** Whether articles at `url` stay out of the reader's memory ("pause on this site"). */
export function isMemoryPaused(settings: Settings, url: string): boolean {
  return isListed(settings.memoryPausedSites, url);
}

/**
 * Whether a popover on the page at `url` may look names up on Wikipedia: look-ups are on and
 * neither the site nor a parent domain is listed as off. (The host permission is checked apart.)
 */
export function lookupsAllowed(settings: Settings, url: string): boolean {
  return settings.lookups && !isListed(settings.lookupsDisabledSites, url);
}

function isListed(sites: readonly string[], url: string): boolean {
  const host = siteKey(url);
  if (!host) return false;
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** `settings` with memory paused (or resumed) on the site of `urlOrHost`. */
export function withMemoryPaused(settings: Settings, urlOrHost: string, paused: boolean): Settings {
  const site = siteKey(urlOrHost);
  const others = settings.memoryPausedSites.filter((listed) => listed !== site);
  return { ...settings, memoryPausedSites: paused && site ? [...others, site].sort() : others };
}

/** `settings` with look-ups off (or on again) on the site of `urlOrHost`. */
export function withLookupsDisabledOn(settings: Settings, urlOrHost: string, disabled: boolean): Settings {
  const site = siteKey(urlOrHost);
  const others = settings.lookupsDisabledSites.filter((listed) => listed !== site);
  return { ...settings, lookupsDisabledSites: disabled && site ? [...others, site].sort() : others };
}

export function withSiteDisabled(settings: Settings, urlOrHost: string): Settings {
  const site = siteKey(urlOrHost);
  if (!site || settings.disabledSites.includes(site)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, site].sort() };
}

export function withSiteEnabled(settings: Settings, urlOrHost: string): Settings {
  const site = siteKey(urlOrHost);
  return { ...settings, disabledSites: settings.disabledSites.filter((listed) => listed !== site) };
}

/** The entity kinds to mark, as a set. */
export function markedTypes(settings: Settings): Set<EntityType> {
  return new Set(ENTITY_TYPES.filter((type) => settings.mark[type]));
}
