// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../settings/settings';
import { WIKIPEDIA_ORIGINS } from '../options/lookups';
import { testPermissions } from '../options/test-permissions';
import { WelcomeApp } from './WelcomeApp';
import { testRoot } from '../testing';

describe('WelcomeApp', () => {
  const root = testRoot();
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const text = (selector: string) => root.querySelector(selector)?.textContent ?? '';

  it('explains look-ups, which are off, and turns them on with the permission asked in the click', async () => {
    const { permissions, calls, click } = testPermissions(true);
    render(<WelcomeApp store={fakeBrowser.storage.local} permissions={permissions} />, root);
    await vi.waitFor(() => expect(text('.lookups-state')).toBe('Look-ups are off until you turn them on.'));
    expect(text('.lookups-explanation')).toContain('only the name and the article’s language');

    click(root.querySelector<HTMLElement>('.lookups-on')!);
    expect(calls).toEqual([{ call: 'request', origins: WIKIPEDIA_ORIGINS, inClick: true }]);
    await vi.waitFor(() => expect(text('.lookups-state')).toBe('Look-ups are on.'));
    expect((await loadSettings(fakeBrowser.storage.local)).lookups).toBe(true);
  });

  it('keeps them off on "Keep them off", and when the permission is refused', async () => {
    const { permissions, calls, click } = testPermissions(false);
    render(<WelcomeApp store={fakeBrowser.storage.local} permissions={permissions} />, root);
    await vi.waitFor(() => expect(text('.lookups-state')).not.toBe(''));
    click(root.querySelector<HTMLElement>('.lookups-keep-off')!);
    await vi.waitFor(() => expect(text('[role="status"]')).toBe('Look-ups are off: nothing is sent to Wikipedia.'));
    click(root.querySelector<HTMLElement>('.lookups-on')!);
    await vi.waitFor(() => expect(text('.error')).toBe('Look-ups stay off: Gloss was not allowed to reach Wikipedia.'));
    expect(calls.map(({ call }) => call)).toEqual(['remove', 'request']);
    expect((await loadSettings(fakeBrowser.storage.local)).lookups).toBe(false);
  });
});
