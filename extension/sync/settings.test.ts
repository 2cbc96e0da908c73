import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { createKeyCheck, decryptFile, encryptFile } from './crypto';
import {
  clearSyncSettings,
  disconnectedStatus,
  forgetSyncKey,
  loadSyncConfig,
  loadSyncKey,
  loadSyncStatus,
  saveSyncConfig,
  saveSyncKey,
  saveSyncStatus,
  SYNC_CONFIG_KEY,
} from './settings';

describe('what sync keeps', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await forgetSyncKey();
  });

  it('keeps the key derived from the passphrase, not extractable, and it still decrypts', async () => {
    const { key } = await createKeyCheck('a long passphrase');
    await saveSyncKey(key);
    const kept = await loadSyncKey();
    expect(kept).toBeInstanceOf(CryptoKey);
    expect(kept!.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', kept!)).rejects.toThrow();
    const file = await encryptFile(key, 'a.bin', new TextEncoder().encode('note text'));
    expect(new TextDecoder().decode(await decryptFile(kept!, 'a.bin', file))).toBe('note text');
    await forgetSyncKey();
    expect(await loadSyncKey()).toBeNull();
  });

  it('refuses to keep an extractable key', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    await expect(saveSyncKey(key)).rejects.toThrow('non-extractable');
    expect(await loadSyncKey()).toBeNull();
  });

  it('keeps the remote configuration and status in storage.local, and forgets them', async () => {
    const area = fakeBrowser.storage.local;
    const config = { remote: { kind: 'webdav' as const, url: 'https://dav.example/', username: 'ana', appPassword: 'pw' }, device: 'abc', label: 'dav' };
    await saveSyncConfig(area, config);
    expect(await loadSyncConfig(area)).toEqual(config);
    await saveSyncStatus(area, { ...disconnectedStatus(), pending: 4 });
    expect((await loadSyncStatus(area)).pending).toBe(4);
    await clearSyncSettings(area);
    expect(await loadSyncConfig(area)).toBeNull();
    expect(await loadSyncStatus(area)).toEqual(disconnectedStatus());
  });

  it('reads an unusable stored configuration or status as none', async () => {
    const area = fakeBrowser.storage.local;
    await area.set({ [SYNC_CONFIG_KEY]: { remote: { kind: 'webdav', url: 3 }, device: 'a', label: 'b' }, 'gloss:sync:status': { pending: 'x' } });
    expect(await loadSyncConfig(area)).toBeNull();
    expect(await loadSyncStatus(area)).toEqual(disconnectedStatus());
  });
});
