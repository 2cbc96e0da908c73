// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettings, updateSettings, type Settings } from '../../settings/settings';
import { WIKIPEDIA_ORIGINS, type OriginPermissions } from './lookups';
import { testPermissions } from './test-permissions';
import { LookupsSection } from './LookupsSection';
import { testRoot } from '../testing';

describe('LookupsSection', () => {
  const root = testRoot();
  let saved: Settings[];
  beforeEach(() => {
    fakeBrowser.reset();
    saved = [];
  });

  const shown = <T,>(find: () => T | null | undefined): Promise<T> =>
    vi.waitFor(() => {
      const found = find();
      if (!found) throw new Error('not shown yet');
      return found;
    });

  async function show(permissions: OriginPermissions): Promise<HTMLElement> {
    const draw = async () => {
      const settings = await loadSettings(fakeBrowser.storage.local);
      render(
        <LookupsSection
          settings={settings}
          store={fakeBrowser.storage.local}
          permissions={permissions}
          onSettings={(next) => {
            saved.push(next);
            void draw();
          }}
        />,
        root,
      );
    };
    await draw();
    return shown(() => root.querySelector<HTMLElement>('section.lookups'));
  }

  it('explains what a look-up sends, and starts off', async () => {
    const section = await show(testPermissions(true).permissions);
    expect(section.textContent).toContain('only the name and the article’s language');
    expect(section.textContent).toContain('never the article’s text, its address');
    expect(section.querySelector('.lookups-state')!.textContent).toBe('Look-ups are off.');
    expect(section.querySelector('.lookups-on')).not.toBeNull();
  });

  it("turns look-ups on by asking for Wikipedia's origins in the click, then saving", async () => {
    const { permissions, calls, granted, click } = testPermissions(true);
    const section = await show(permissions);
    click(section.querySelector<HTMLElement>('.lookups-on')!);
    expect(calls).toEqual([{ call: 'request', origins: WIKIPEDIA_ORIGINS, inClick: true }]);
    await shown(() => root.querySelector('.lookups-off'));
    expect((await loadSettings(fakeBrowser.storage.local)).lookups).toBe(true);
    expect(saved.at(-1)?.lookups).toBe(true);
    expect(granted.has('https://*.wikipedia.org/*')).toBe(true);
    expect(root.querySelector('.lookups .message')!.textContent).toMatch(/^Look-ups are on/);

    click(root.querySelector<HTMLElement>('.lookups-off')!);
    await shown(() => root.querySelector('.lookups-on'));
    expect((await loadSettings(fakeBrowser.storage.local)).lookups).toBe(false);
    expect(granted.size, 'the permission is given back').toBe(0);
    expect(root.querySelector('.lookups .message')!.textContent).toBe('Look-ups are off: nothing is sent to Wikipedia.');
  });

  it('keeps look-ups off when the permission is refused, and says so', async () => {
    const { permissions, click } = testPermissions(false);
    const section = await show(permissions);
    click(section.querySelector<HTMLElement>('.lookups-on')!);
    await shown(() => root.querySelector('.lookups .error'));
    expect(root.querySelector('.lookups .error')!.textContent).toBe('Look-ups stay off: Gloss was not allowed to reach Wikipedia.');
    expect((await loadSettings(fakeBrowser.storage.local)).lookups).toBe(false);
    expect(saved).toEqual([]);
  });

  it('says when look-ups are on but the browser took the permission back', async () => {
    await updateSettings(fakeBrowser.storage.local, (settings) => ({ ...settings, lookups: true }));
    await show(testPermissions(true).permissions);
    await shown(() => root.querySelector('.lookups-state')!.textContent!.includes('no longer lets Gloss reach Wikipedia'));
    expect(root.querySelector('.lookups-on')).not.toBeNull();
  });

  it('turns look-ups off and on again per site', async () => {
    await show(testPermissions(true).permissions);
    const input = root.querySelector<HTMLInputElement>('#lookups-site')!;
    input.value = 'https://www.Quiet.example/story';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    root.querySelector('form.lookups-site-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await shown(() => root.querySelector('.lookups-sites'));
    expect(root.querySelector('.lookups-sites')!.textContent).toContain('quiet.example');
    expect((await loadSettings(fakeBrowser.storage.local)).lookupsDisabledSites).toEqual(['quiet.example']);

    root.querySelector<HTMLElement>('[aria-label="Turn look-ups on again on quiet.example"]')!.click();
    await shown(() => root.querySelector('.lookups .empty'));
    expect((await loadSettings(fakeBrowser.storage.local)).lookupsDisabledSites).toEqual([]);
  });
});
