/**
 * The background's half of sync: when to sync, one sync at a time, and what the options page is
 * told. It syncs ~2 s after the reader's last note change, when the background starts, and when
 * the browser's alarm fires (the alarm outlives an MV3 service worker stopped between syncs); a
 * failed sync is retried after 1, 2, 4… up to 30 minutes, also by alarm. What sync did last is
 * kept in `storage.local`, so the options page sees it whichever worker ran it. The remotes, the
 * engine and the browser's alarms are passed in (`sync-browser.ts`), so this module knows
 * nothing of WXT.
 */
import type { DoneReply } from '../notes/messages';
import type { ConfigureReply, ConfigureRequest, RemoteConfig, StatusReply, SyncRequest, SyncStatus } from '../sync/messages';
import {
  clearSyncSettings,
  connectedRemote,
  disconnectedStatus,
  forgetSyncKey,
  loadSyncConfig,
  loadSyncKey,
  loadSyncStatus,
  newDeviceName,
  saveSyncConfig,
  saveSyncKey,
  saveSyncStatus,
  type LocalArea,
  type SyncConfig,
} from '../sync/settings';
import { SyncError, type SyncReport } from '../sync/types';

/** How long after the last note change sync waits, so typing and quick edits make one sync. */
export const CHANGE_DEBOUNCE_MS = 2_000;
/** How often sync runs on its own (the alarm's period). */
export const SYNC_PERIOD_MS = 10 * 60_000;
/** A background start this soon after a successful sync does not sync again. */
export const STARTUP_QUIET_MS = 60_000;
/** The first retry after a failure, doubled at each failure in a row up to the longest. */
export const FIRST_RETRY_MS = 60_000;
export const LONGEST_RETRY_MS = 30 * 60_000;

/** How long to wait before the next attempt after `failures` failed attempts in a row. */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LONGEST_RETRY_MS);
}

/** What the scheduler needs of the sync engine (extension/sync/engine.ts). */
export interface SyncRunner {
  sync(): Promise<SyncReport>;
  /** Local changes not yet sent. */
  pending(): Promise<number>;
}

/** How the scheduler reaches remotes and the engine (the browser's in `sync-browser.ts`, fakes in tests). */
export interface SyncConnector {
  /**
   * Opens the remote `remote` names with the reader's passphrase, proving it on the remote's key
   * check; `createNew`: when the remote holds no synced notes yet, set it up with this
   * passphrase, else resolve to 'new-remote' having written nothing. Throws SyncError (a wrong
   * passphrase is 'passphrase').
   */
  connect(remote: RemoteConfig, passphrase: string, createNew: boolean): Promise<{ key: CryptoKey; label: string } | 'new-remote'>;
  /** The engine for this device's configuration, with the key kept since connecting. */
  runner(config: SyncConfig, key: CryptoKey): Promise<SyncRunner>;
  /**
   * Forgets the local sync state (what was sent and received) of a configuration being
   * disconnected; may finish later (once nothing holds it open). A new connection gets a new
   * device name, hence a fresh state.
   */
  forget(config: SyncConfig): Promise<void>;
}

export interface SyncBackgroundOptions {
  /** `storage.local`: the configuration and the status. */
  area: LocalArea;
  connector: SyncConnector;
  /**
   * Asks the browser to wake the background at `at` (ms since epoch) to retry, or cancels that
   * when null (an alarm: a timer would die with the service worker).
   */
  wakeAt(at: number | null): void;
  /** The time now, ms since epoch. */
  now?(): number;
}

export interface SyncBackground {
  /** Answers a validated sync request; never rejects (failures are `{ ok: false, error }`). */
  answer(request: SyncRequest): Promise<ConfigureReply | StatusReply | DoneReply>;
  /** A note was saved, deleted, imported or cleared: sync soon (debounced). */
  noteChanged(): void;
  /** The background (re)started or the browser did: sync now unless a retry is scheduled later. */
  started(): Promise<void>;
  /** The sync alarm fired (period or retry): sync unless a retry is scheduled later. */
  alarm(): Promise<void>;
  /** Resolves once no sync is running or waiting (tests and shutdown). */
  idle(): Promise<void>;
}

/** A failure's words for the reader: a SyncError's as is, anything else prefixed with what failed. */
function errorMessage(error: unknown): string {
  if (error instanceof SyncError) return error.message;
  return `Sync failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** The reader's words when the remote holds no synced notes yet (the options page then asks to confirm). */
export const NEW_REMOTE_MESSAGE =
  'Nothing is synced there yet. Type your passphrase a second time to start syncing there. Keep it safe: it cannot be recovered, and without it your synced notes cannot be read.';

export function createSyncBackground(options: SyncBackgroundOptions): SyncBackground {
  const { area, connector, wakeAt } = options;
  const now = options.now ?? (() => Date.now());
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let starting: Promise<void> | null = null;
  /** A sync was asked for while one ran: run once more after it (its changes may have missed it). */
  let again = false;
  /** The engine of the current configuration (by device name), built once per background start. */
  let cached: { device: string; runner: Promise<SyncRunner> } | null = null;

  function runnerFor(config: SyncConfig): Promise<SyncRunner> {
    if (cached?.device !== config.device) {
      const runner = loadSyncKey().then((key) => {
        if (!key) throw new SyncError('passphrase', 'Gloss no longer has the key for your synced notes. Disconnect sync and connect again with your passphrase.');
        return connector.runner(config, key);
      });
      cached = { device: config.device, runner };
    }
    return cached.runner;
  }

  async function updateStatus(change: (status: SyncStatus) => SyncStatus): Promise<SyncStatus> {
    const next = change(await loadSyncStatus(area));
    await saveSyncStatus(area, next);
    return next;
  }

  /** One sync, its outcome written to the status; never rejects. */
  async function syncOnce(): Promise<void> {
    const config = await loadSyncConfig(area);
    if (!config) return;
    const stillConnected = async () => (await loadSyncConfig(area))?.device === config.device;
    await updateStatus((status) => ({ ...status, syncing: true }));
    let runner: SyncRunner | null = null;
    try {
      runner = await runnerFor(config);
      const report = await runner.sync();
      const pending = await runner.pending();
      if (!(await stillConnected())) return; // disconnected meanwhile: write nothing back
      wakeAt(null);
      await updateStatus((status) => ({ ...status, lastSync: report, pending, lastError: null, lastErrorAt: null, failures: 0, nextAttempt: now() + SYNC_PERIOD_MS, syncing: false }));
    } catch (error) {
      cached = null; // connect afresh next time: the remote or the key may have changed
      const pending = runner ? await runner.pending().catch(() => null) : null;
      if (!(await stillConnected())) return;
      const status = await loadSyncStatus(area);
      const failures = status.failures + 1;
      const nextAttempt = now() + retryDelay(failures);
      wakeAt(nextAttempt);
      await saveSyncStatus(area, { ...status, pending: pending ?? status.pending, lastError: errorMessage(error), lastErrorAt: now(), failures, nextAttempt, syncing: false });
    }
  }

  /** Runs a sync, or, when one is running, a second one right after it; resolves when both are done. */
  function runSync(): Promise<void> {
    if (debounce !== null) clearTimeout(debounce);
    debounce = null;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await syncOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  /** Syncs unless a retry after a failure is scheduled later than now. */
  async function syncWhenDue(): Promise<void> {
    const status = await loadSyncStatus(area);
    if (status.failures > 0 && status.nextAttempt !== null && status.nextAttempt > now()) return;
    await runSync();
  }

  async function configure(request: ConfigureRequest): Promise<ConfigureReply> {
    await running; // never connect while a sync runs
    let connected: Awaited<ReturnType<SyncConnector['connect']>>;
    try {
      connected = await connector.connect(request.remote, request.passphrase, request.createNew);
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
    if (connected === 'new-remote') return { ok: false, error: NEW_REMOTE_MESSAGE, newRemote: true };
    const previous = await loadSyncConfig(area);
    if (previous) await connector.forget(previous);
    await saveSyncKey(connected.key);
    // A new device name (so a fresh local state) for every connection: what was sent to another
    // remote, or before a disconnect, says nothing about this one.
    const config: SyncConfig = { remote: request.remote, device: newDeviceName(), label: connected.label };
    cached = null;
    await saveSyncConfig(area, config);
    await saveSyncStatus(area, { ...disconnectedStatus(), remote: connectedRemote(config) });
    await runSync();
    return { ok: true, status: await loadSyncStatus(area) };
  }

  async function disconnect(): Promise<DoneReply> {
    if (debounce !== null) clearTimeout(debounce);
    debounce = null;
    wakeAt(null);
    const config = await loadSyncConfig(area);
    await clearSyncSettings(area); // first: a running sync then writes nothing back
    await running;
    cached = null;
    await forgetSyncKey();
    if (config) await connector.forget(config);
    return { ok: true };
  }

  async function answerWith(request: SyncRequest): Promise<ConfigureReply | StatusReply | DoneReply> {
    switch (request.type) {
      case 'gloss:sync:configure':
        return configure(request);
      case 'gloss:sync:status':
        return { ok: true, status: await loadSyncStatus(area) };
      case 'gloss:sync:now':
        if (!(await loadSyncConfig(area))) return { ok: false, error: 'Sync is not set up: connect it first.' };
        await runSync();
        return { ok: true, status: await loadSyncStatus(area) };
      case 'gloss:sync:disconnect':
        return disconnect();
    }
  }

  return {
    async answer(request) {
      try {
        return await answerWith(request);
      } catch (error) {
        return { ok: false, error: errorMessage(error) };
      }
    },

    noteChanged() {
      if (debounce !== null) clearTimeout(debounce);
      debounce = setTimeout(() => {
        debounce = null;
        void runSync();
      }, CHANGE_DEBOUNCE_MS);
    },

    started() {
      // The browser's start-up event and the background's own start come together: one check.
      starting ??= startUp().finally(() => (starting = null));
      return starting;
    },

    alarm: syncWhenDue,

    async idle() {
      while (running) await running;
    },
  };

  /** The background started: clears a stale "syncing", syncs unless a retry is due later or a sync just succeeded. */
  async function startUp(): Promise<void> {
    const status = await loadSyncStatus(area);
    // A worker stopped mid-sync left "syncing" behind.
    if (status.syncing) await saveSyncStatus(area, { ...status, syncing: false });
    if (!(await loadSyncConfig(area))) return;
    if (status.failures > 0 && status.nextAttempt !== null && status.nextAttempt > now()) return wakeAt(status.nextAttempt);
    // An MV3 worker restarts at many events: a sync that just succeeded needs no second one.
    if (status.failures === 0 && status.lastSync !== null && now() - status.lastSync.at < STARTUP_QUIET_MS) return;
    await runSync();
  }
}
