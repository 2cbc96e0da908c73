/**
 * Sync in the browser: plugs the scheduler (`sync.ts`) into the extension's messaging, alarms
 * and start-up, with the real remotes (WebDAV, `storage.sync`), the key check and the engine.
 */
import { browser } from 'wxt/browser';
import type { GlossStore } from '../store/types';
import { connectRemote } from '../sync/connect';
import { createSyncEngine } from '../sync/engine';
import { readSyncRequest, type RemoteConfig } from '../sync/messages';
import { browserSyncRemote } from '../sync/remote/browser-sync';
import { webdavRemote } from '../sync/remote/webdav';
import { openReplica, resetReplica, SYNC_DB } from '../sync/replica';
import { SyncError, type Remote } from '../sync/types';
import { maySend, ownExtension } from './sender';
import { createSyncBackground, SYNC_PERIOD_MS, type SyncBackground, type SyncConnector } from './sync';

/** The periodic alarm, and the one-off alarm of a retry after a failure. */
export const SYNC_ALARM = 'gloss-sync';
export const RETRY_ALARM = 'gloss-sync-retry';

function remoteFor(config: RemoteConfig): Remote {
  return config.kind === 'webdav' ? webdavRemote({ url: config.url, username: config.username, password: config.appPassword }) : browserSyncRemote();
}

/** Each connection's local sync state in its own database, named after its device. */
const replicaName = (device: string) => `${SYNC_DB}-${device}`;

/** The real remotes and engine; `store` is the background's one store (shared with notes, so the library's index sees synced notes). */
function browserConnector(store: () => Promise<GlossStore>): SyncConnector {
  return {
    async connect(config, passphrase, createNew) {
      const remote = remoteFor(config);
      const connection = await connectRemote(remote, passphrase, { create: createNew });
      return connection === 'new-remote' ? connection : { key: connection.key, label: remote.label };
    },
    async runner(config, key) {
      const remote = remoteFor(config.remote);
      const connection = await connectRemote(remote, key, { create: false });
      if (connection === 'new-remote') {
        throw new SyncError('passphrase', `${remote.label} no longer holds the key check of your synced notes. Disconnect sync and connect again with your passphrase.`);
      }
      return createSyncEngine({ remote, codec: connection.codec, device: config.device, replica: openReplica(await store(), replicaName(config.device)) });
    },
    async forget(config) {
      // Not awaited: the deletion waits until this worker's connection to it is gone (at its next stop).
      void resetReplica(replicaName(config.device)).catch(() => {});
    },
  };
}

/**
 * Starts the sync side of the background: answers sync messages, syncs at start-up, by alarm
 * and (debounced) after note changes. Returns the scheduler, whose `noteChanged` the notes
 * handler calls.
 */
export function installSync(store: () => Promise<GlossStore>): SyncBackground {
  const sync = createSyncBackground({
    area: browser.storage.local,
    connector: browserConnector(store),
    wakeAt(at) {
      if (at === null) void browser.alarms.clear(RETRY_ALARM);
      else browser.alarms.create(RETRY_ALARM, { when: at });
    },
  });

  const own = ownExtension(browser.runtime);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = readSyncRequest(message);
    if (request === null) return undefined; // not a sync message
    if (!maySend(message, sender, own)) return undefined; // sync is the options page's alone
    if ('error' in request) return Promise.resolve({ ok: false, error: request.error });
    return sync.answer(request);
  });

  // Created once: creating it again at every worker start would push it back each time.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MS / 60_000 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void sync.alarm();
  });
  browser.runtime.onStartup.addListener(() => void sync.started());
  void sync.started();
  return sync;
}
