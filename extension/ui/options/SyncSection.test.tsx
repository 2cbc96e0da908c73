// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncBackground, NEW_REMOTE_MESSAGE } from '../../background/sync';
import { fakeSync, PASSPHRASE } from '../../background/test-sync';
import { readSyncRequest } from '../../sync/messages';
import { loadSyncConfig, loadSyncKey } from '../../sync/settings';
import { SyncError } from '../../sync/types';
import { syncClient } from './sync-client';
import { SyncSection } from './SyncSection';
import { testRoot } from '../testing';

describe('SyncSection', () => {
  const root = testRoot();
  let fake: ReturnType<typeof fakeSync>;
  let asked: string[][];
  let allow: boolean;

  beforeEach(async () => {
    fakeBrowser.reset();
    await new Promise((resolve) => (indexedDB.deleteDatabase('gloss-sync-key').onsuccess = resolve));
    asked = [];
    allow = true;
  });

  /** Shows the section over the real background scheduler, with a fake remote and engine behind it. */
  function show({ exists = true } = {}): void {
    fake = fakeSync({ exists });
    const background = createSyncBackground({ area: fakeBrowser.storage.local, connector: fake.connector, wakeAt: () => {} });
    // As the extension does: the message is read by the background's reader first.
    const send = async (message: unknown) => {
      const request = readSyncRequest(structuredClone(message));
      if (!request || 'error' in request) return { ok: false, error: request ? request.error : 'not a sync message' };
      return background.answer(request);
    };
    const requestOrigins = async (origins: string[]) => {
      asked.push(origins);
      return allow;
    };
    render(<SyncSection client={syncClient(send)} requestOrigins={requestOrigins} formatTime={(at) => new Date(at).toISOString()} />, root);
  }

  const shown = <T,>(find: () => T | null | undefined, timeout = 2_000): Promise<T> =>
    vi.waitFor(
      () => {
        const found = find();
        if (!found) throw new Error('not shown yet');
        return found;
      },
      { timeout },
    );
  const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
  const status = () => text('.sync-message');

  async function type(selector: string, value: string): Promise<void> {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10)); // Preact renders the typed value
  }
  async function choose(value: string): Promise<void> {
    root.querySelector<HTMLInputElement>(`input[name="sync-kind"][value="${value}"]`)!.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const submit = () => root.querySelector('form.sync-connect')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  const button = (label: string) => [...root.querySelectorAll('button')].find((element) => element.textContent!.trim() === label)!;

  async function fillWebDav(passphrase = PASSPHRASE): Promise<void> {
    await shown(() => root.querySelector('form.sync-connect'));
    await type('#sync-url', 'https://dav.example:8443/remote.php/dav/files/ana/Gloss/');
    await type('#sync-user', 'ana');
    await type('#sync-app-password', 'app-pw');
    await type('#sync-passphrase', passphrase);
  }

  it('connects to a WebDAV folder after asking for exactly its origin, then shows what sync did', async () => {
    show();
    await fillWebDav();
    submit();
    await shown(() => root.querySelector('.sync-status'));
    expect(asked).toEqual([['https://dav.example:8443/*']]);
    expect(fake.state.remotes).toEqual([{ kind: 'webdav', url: 'https://dav.example:8443/remote.php/dav/files/ana/Gloss/', username: 'ana', appPassword: 'app-pw' }]);
    expect(status()).toBe('Connected: your notes sync with your WebDAV server at dav.example.');
    expect(text('.sync-remote')).toBe('Your notes sync with your WebDAV server at dav.example as ana, encrypted with your passphrase.');
    expect(text('.sync-last')).toMatch(/^\d{4}-\d\d-\d\dT.*Z: sent 2 changes, received 1 change$/);
    expect(text('.sync-pending')).toBe('0');
    expect(root.querySelector('.sync-error')).toBeNull();
    expect((await loadSyncKey())!.extractable).toBe(false);
  });

  it('does not connect without the permission, and says why', async () => {
    show();
    allow = false;
    await fillWebDav();
    submit();
    await shown(() => status().startsWith('Gloss may reach'));
    expect(status()).toBe('Gloss may reach https://dav.example:8443 only with your permission. Click Connect again and allow it.');
    expect(fake.state.remotes).toEqual([]);
  });

  it('shows a wrong passphrase refused, and keeps nothing', async () => {
    show();
    await fillWebDav('not the passphrase');
    submit();
    await shown(() => status() === 'The passphrase does not open the notes synced here.');
    expect(root.querySelector('form.sync-connect')).not.toBeNull();
    expect(await loadSyncConfig(fakeBrowser.storage.local)).toBeNull();
    expect(await loadSyncKey()).toBeNull();
  });

  it('asks for the passphrase twice before setting up a new remote, saying it cannot be recovered', async () => {
    show({ exists: false });
    await fillWebDav();
    submit();
    await shown(() => root.querySelector('#sync-passphrase-confirm'));
    expect(status()).toBe(NEW_REMOTE_MESSAGE);
    expect(status()).toContain('cannot be recovered');
    expect(fake.state.exists).toBe(false);
    await type('#sync-passphrase-confirm', 'something else');
    submit();
    await shown(() => status() === 'The two passphrases are not the same.');
    await type('#sync-passphrase-confirm', PASSPHRASE);
    expect(button('Start syncing here')).toBeDefined();
    submit();
    await shown(() => root.querySelector('.sync-status'));
    expect(fake.state.exists).toBe(true);
  });

  it("connects to the browser's own sync without asking for any host", async () => {
    show();
    await shown(() => root.querySelector('form.sync-connect'));
    await choose('browser-sync');
    expect(root.querySelector('#sync-url')).toBeNull();
    await type('#sync-passphrase', PASSPHRASE);
    submit();
    await shown(() => root.querySelector('.sync-status'));
    expect(asked).toEqual([]);
    expect(fake.state.remotes).toEqual([{ kind: 'browser-sync' }]);
  });

  it('says what is missing in the form', async () => {
    show();
    await shown(() => root.querySelector('form.sync-connect'));
    submit();
    await shown(() => status() === 'Type the address of your WebDAV folder.');
    await type('#sync-url', 'dav.example');
    submit();
    await shown(() => status().startsWith('The WebDAV address is not usable'));
    expect(asked).toEqual([]);
  });

  it('shows the last error and the next attempt; Sync now; Disconnect', async () => {
    show();
    await fillWebDav();
    submit();
    await shown(() => root.querySelector('.sync-status'));
    fake.state.failWith = new SyncError('unreachable', 'Your WebDAV server at dav.example could not be reached.');
    fake.state.pending = 2;
    button('Sync now').click();
    await shown(() => root.querySelector('.sync-error'));
    expect(text('.sync-error')).toMatch(/^Your WebDAV server at dav\.example could not be reached\. \(\d{4}-.*Z\)$/);
    expect(text('.sync-pending')).toBe('2');
    expect(text('.sync-next')).toMatch(/^\d{4}-\d\d-\d\dT/);

    fake.state.failWith = null;
    fake.state.pending = 0;
    button('Sync now').click();
    await shown(() => status() === 'Synced.');
    expect(root.querySelector('.sync-error')).toBeNull();

    button('Disconnect').click();
    await shown(() => root.querySelector('form.sync-connect'));
    expect(status()).toBe('Sync is off. Your notes stay in this browser; the synced copy stays where it was.');
    expect(await loadSyncKey()).toBeNull();
  });
});
