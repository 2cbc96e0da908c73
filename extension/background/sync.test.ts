import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfigureReply, StatusReply, SyncStatus } from '../sync/messages';
import { loadSyncConfig, loadSyncKey, loadSyncStatus } from '../sync/settings';
import { SyncError } from '../sync/types';
import {
  CHANGE_DEBOUNCE_MS,
  createSyncBackground,
  FIRST_RETRY_MS,
  LONGEST_RETRY_MS,
  NEW_REMOTE_MESSAGE,
  retryDelay,
  STARTUP_QUIET_MS,
  SYNC_PERIOD_MS,
  type SyncBackground,
} from './sync';
import { fakeSync, PASSPHRASE, WEBDAV } from './test-sync';

describe('sync in the background', () => {
  let sync: SyncBackground;
  let fake: ReturnType<typeof fakeSync>;
  let wakes: (number | null)[];
  const area = () => fakeBrowser.storage.local;
  const status = (): Promise<SyncStatus> => loadSyncStatus(area());

  function start(options: { exists?: boolean } = {}): void {
    fake = fakeSync(options);
    wakes = [];
    sync = createSyncBackground({ area: area(), connector: fake.connector, wakeAt: (at) => wakes.push(at) });
  }

  async function connect(): Promise<void> {
    const reply = (await sync.answer({ type: 'gloss:sync:configure', remote: WEBDAV, passphrase: PASSPHRASE, createNew: false })) as ConfigureReply;
    expect(reply).toMatchObject({ ok: true });
  }

  beforeEach(async () => {
    fakeBrowser.reset();
    // Only the timers sync uses: fake-indexeddb runs on setImmediate, which stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-05-01T09:00:00Z') });
    indexedDB.deleteDatabase('gloss-sync-key');
    start();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits before retrying: 1 minute, doubling, at most 30', () => {
    expect([1, 2, 3, 4, 5, 6, 12].map(retryDelay)).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS, 16 * FIRST_RETRY_MS, LONGEST_RETRY_MS, LONGEST_RETRY_MS]);
  });

  it('connects: keeps the configuration and a key that cannot be read out, then syncs once', async () => {
    await connect();
    const config = await loadSyncConfig(area());
    expect(config).toMatchObject({ remote: WEBDAV, label: 'your WebDAV server at dav.example' });
    expect(config!.device).toMatch(/^[0-9a-f]{16}$/);
    const key = await loadSyncKey();
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key!.extractable).toBe(false);
    expect(fake.state.syncs).toBe(1);
    expect(await status()).toEqual({
      remote: { kind: 'webdav', label: 'your WebDAV server at dav.example', url: WEBDAV.url, username: 'ana' },
      lastSync: { sent: 2, received: 1, bytesSent: 300, conflicts: 0, at: Date.now() },
      pending: 0,
      lastError: null,
      lastErrorAt: null,
      nextAttempt: Date.now() + SYNC_PERIOD_MS,
      failures: 0,
      syncing: false,
    });
  });

  it('refuses a wrong passphrase with its message, and keeps nothing', async () => {
    const reply = await sync.answer({ type: 'gloss:sync:configure', remote: WEBDAV, passphrase: 'wrong', createNew: false });
    expect(reply).toEqual({ ok: false, error: 'The passphrase does not open the notes synced here.' });
    expect(await loadSyncConfig(area())).toBeNull();
    expect(await loadSyncKey()).toBeNull();
    expect(fake.state.syncs).toBe(0);
  });

  it('asks to confirm the passphrase before setting up a new remote', async () => {
    start({ exists: false });
    const first = await sync.answer({ type: 'gloss:sync:configure', remote: WEBDAV, passphrase: PASSPHRASE, createNew: false });
    expect(first).toEqual({ ok: false, error: NEW_REMOTE_MESSAGE, newRemote: true });
    expect(fake.state.exists).toBe(false);
    expect(await loadSyncConfig(area())).toBeNull();
    const second = await sync.answer({ type: 'gloss:sync:configure', remote: WEBDAV, passphrase: PASSPHRASE, createNew: true });
    expect(second).toMatchObject({ ok: true, status: { failures: 0 } });
    expect(fake.state.exists).toBe(true);
  });

  it('syncs once, 2 s after the last of several quick changes', async () => {
    await connect();
    for (let i = 0; i < 3; i++) {
      sync.noteChanged();
      await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS - 500);
    }
    expect(fake.state.syncs).toBe(1); // the connection's
    await vi.advanceTimersByTimeAsync(500);
    await sync.idle();
    expect(fake.state.syncs).toBe(2);
    await vi.advanceTimersByTimeAsync(10 * CHANGE_DEBOUNCE_MS);
    expect(fake.state.syncs).toBe(2);
  });

  it('never runs two syncs at once: a sync asked for meanwhile runs right after', async () => {
    await connect();
    let release!: () => void;
    fake.state.hold = new Promise((resolve) => (release = resolve));
    const first = sync.answer({ type: 'gloss:sync:now' });
    const second = sync.answer({ type: 'gloss:sync:now' });
    const third = sync.alarm();
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.state.running).toBe(1);
    expect((await status()).syncing).toBe(true);
    fake.state.hold = null;
    release();
    await Promise.all([first, second, third]);
    // The connection's, the held one, and one more for everything asked while it ran.
    expect(fake.state.syncs).toBe(3);
    expect(fake.state.mostAtOnce).toBe(1);
    expect((await (second as Promise<StatusReply>)) as StatusReply).toMatchObject({ ok: true, status: { syncing: false } });
  });

  it('backs off after failures, says why in plain words, and recovers', async () => {
    await connect();
    fake.state.failWith = new SyncError('unreachable', 'Your WebDAV server at dav.example could not be reached. Check your connection.');
    fake.state.pending = 3;
    await sync.answer({ type: 'gloss:sync:now' });
    let now = Date.now();
    expect(await status()).toMatchObject({
      lastError: 'Your WebDAV server at dav.example could not be reached. Check your connection.',
      lastErrorAt: now,
      failures: 1,
      nextAttempt: now + FIRST_RETRY_MS,
      pending: 3,
      syncing: false,
    });
    expect(wakes.at(-1)).toBe(now + FIRST_RETRY_MS);

    // The periodic alarm and a restart before the retry is due do not sync.
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS - 1_000);
    await sync.alarm();
    await sync.started();
    expect(fake.state.syncs).toBe(2);

    await vi.advanceTimersByTimeAsync(1_000);
    await sync.alarm();
    now = Date.now();
    expect(fake.state.syncs).toBe(3);
    expect(await status()).toMatchObject({ failures: 2, nextAttempt: now + 2 * FIRST_RETRY_MS });

    for (let i = 0; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(LONGEST_RETRY_MS);
      await sync.alarm();
    }
    now = Date.now();
    expect(await status()).toMatchObject({ failures: 10, nextAttempt: now + LONGEST_RETRY_MS });

    fake.state.failWith = null;
    fake.state.pending = 0;
    await sync.answer({ type: 'gloss:sync:now' }); // "Sync now" does not wait for the backoff
    expect(await status()).toMatchObject({ lastError: null, failures: 0, pending: 0, nextAttempt: Date.now() + SYNC_PERIOD_MS });
    expect(wakes.at(-1)).toBeNull();
  });

  it('a non-sync error is worded too', async () => {
    await connect();
    fake.state.failWith = new TypeError('boom');
    await sync.answer({ type: 'gloss:sync:now' });
    expect((await status()).lastError).toBe('Sync failed: boom');
  });

  it('at start-up: clears a sync left running by a stopped worker, and syncs unless it just did, once', async () => {
    await connect();
    await fakeBrowser.storage.local.set({ 'gloss:sync:status': { ...(await status()), syncing: true } });
    start();
    await sync.started();
    expect((await status()).syncing).toBe(false);
    expect(fake.state.syncs).toBe(0); // it synced less than a minute ago
    await vi.advanceTimersByTimeAsync(STARTUP_QUIET_MS);
    await Promise.all([sync.started(), sync.started()]);
    expect(fake.state.syncs).toBe(1);
  });

  it('connecting again forgets the earlier device state and syncs as a new device', async () => {
    await connect();
    const first = (await loadSyncConfig(area()))!.device;
    await connect();
    const second = (await loadSyncConfig(area()))!.device;
    expect(second).not.toBe(first);
    expect(fake.state.forgotten).toEqual([first]);
  });

  it('does nothing when sync is not set up', async () => {
    sync.noteChanged();
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS);
    await sync.started();
    await sync.alarm();
    expect(fake.state.syncs).toBe(0);
    expect(await sync.answer({ type: 'gloss:sync:now' })).toEqual({ ok: false, error: 'Sync is not set up: connect it first.' });
    expect(await sync.answer({ type: 'gloss:sync:status' })).toMatchObject({ ok: true, status: { remote: null, lastSync: null } });
  });

  it('disconnects: forgets the remote, its password, the key and the local sync state', async () => {
    await connect();
    const { device } = (await loadSyncConfig(area()))!;
    sync.noteChanged();
    expect(await sync.answer({ type: 'gloss:sync:disconnect' })).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS * 2);
    expect(fake.state.syncs).toBe(1); // the change before disconnecting is not synced after it
    expect(await loadSyncConfig(area())).toBeNull();
    expect(await loadSyncKey()).toBeNull();
    expect(fake.state.forgotten).toEqual([device]);
    expect(await status()).toMatchObject({ remote: null, lastSync: null });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('app-pw');
  });
});
