import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  defaultSettings,
  isMemoryPaused,
  isSiteDisabled,
  loadSettings,
  lookupsAllowed,
  markedTypes,
  normaliseSettings,
  SETTINGS_KEY,
  siteKey,
  updateSettings,
  withLookupsDisabledOn,
  withSiteDisabled,
  withMemoryPaused,
  withSiteEnabled,
} from './settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('marks every kind and no site is off by default', async () => {
    const settings = await loadSettings(fakeBrowser.storage.local);
    expect(settings).toEqual(defaultSettings());
    expect([...markedTypes(settings)]).toEqual(['PER', 'ORG', 'LOC', 'MISC']);
  });

  it('keeps what was saved, in storage.local', async () => {
    await updateSettings(fakeBrowser.storage.local, (settings) => ({ ...withSiteDisabled(settings, 'https://www.News.example/a'), mark: { ...settings.mark, MISC: false } }));
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toEqual({ mark: { PER: true, ORG: true, LOC: true, MISC: false }, disabledSites: ['news.example'], memoryPausedSites: [], lookups: false, lookupsDisabledSites: [] });
    const settings = await loadSettings(fakeBrowser.storage.local);
    expect([...markedTypes(settings)]).toEqual(['PER', 'ORG', 'LOC']);
  });

  it('repairs malformed stored values', () => {
    expect(normaliseSettings('garbage')).toEqual(defaultSettings());
    expect(normaliseSettings({ mark: { PER: 'no', LOC: false }, disabledSites: ['A.example', 3, 'a.example', ''] })).toEqual({
      mark: { PER: true, ORG: true, LOC: false, MISC: true },
      disabledSites: ['a.example'],
      memoryPausedSites: [],
      lookups: false,
      lookupsDisabledSites: [],
    });
  });

  it('names sites by host, without www., from URLs or typed names', () => {
    expect(siteKey('https://www.BBC.co.uk/news/1')).toBe('bbc.co.uk');
    expect(siteKey('  lemonde.fr ')).toBe('lemonde.fr');
    expect(siteKey('not a url at all')).toBe('');
  });

  it('is off on a listed site and its subdomains only', () => {
    const settings = withSiteDisabled(defaultSettings(), 'news.example');
    expect(isSiteDisabled(settings, 'https://news.example/story')).toBe(true);
    expect(isSiteDisabled(settings, 'https://live.news.example/story')).toBe(true);
    expect(isSiteDisabled(settings, 'https://othernews.example/story')).toBe(false);
    expect(isSiteDisabled(withSiteEnabled(settings, 'https://www.news.example/'), 'https://news.example/')).toBe(false);
  });

  it('does not list a site twice', () => {
    const twice = withSiteDisabled(withSiteDisabled(defaultSettings(), 'news.example'), 'https://www.news.example/x');
    expect(twice.disabledSites).toEqual(['news.example']);
  });

  it('pauses and resumes memory per site, parent domains included', () => {
    const paused = withMemoryPaused(defaultSettings(), 'https://www.News.example/a', true);
    expect(paused.memoryPausedSites).toEqual(['news.example']);
    expect(isMemoryPaused(paused, 'https://live.news.example/b')).toBe(true);
    expect(isSiteDisabled(paused, 'https://live.news.example/b')).toBe(false);
    expect(isMemoryPaused(withMemoryPaused(paused, 'news.example', false), 'https://news.example/')).toBe(false);
  });

  it('keeps look-ups off until turned on, and off on listed sites and their subdomains', () => {
    expect(lookupsAllowed(defaultSettings(), 'https://news.example/a')).toBe(false);
    const on = normaliseSettings({ lookups: true, lookupsDisabledSites: ['Quiet.example', 7] });
    expect(on.lookupsDisabledSites).toEqual(['quiet.example']);
    expect(lookupsAllowed(on, 'https://news.example/a')).toBe(true);
    expect(lookupsAllowed(on, 'https://live.quiet.example/a')).toBe(false);
    const offHere = withLookupsDisabledOn(on, 'https://www.news.example/a', true);
    expect(offHere.lookupsDisabledSites).toEqual(['news.example', 'quiet.example']);
    expect(lookupsAllowed(offHere, 'https://news.example/b')).toBe(false);
    expect(lookupsAllowed(withLookupsDisabledOn(offHere, 'news.example', false), 'https://news.example/b')).toBe(true);
    expect(normaliseSettings({ lookups: 'yes' }).lookups).toBe(false);
  });
});
