/**
 * What sync keeps on this device, and where:
 * - the remote's configuration in `storage.local` (`gloss:sync:config`), including the WebDAV
 *   app password: the background needs it at every sync, with no reader there to type it, and the
 *   extension's storage is readable only by Gloss (an app password can be revoked on the server
 *   without touching the reader's account password);
 * - the encryption key derived from the passphrase as a NON-extractable CryptoKey in IndexedDB
 *   (stored by structured clone: the browser keeps the key material, no script can read it out),
 *   so the passphrase itself is never stored anywhere;
 * - what sync did last (`gloss:sync:status`), for the options page and to survive the MV3 service
 *   worker being stopped.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { isRecord } from '../messages';
import { isSyncStatus, type ConnectedRemote, type RemoteConfig, type SyncStatus } from './messages';

/** `storage.local` as sync uses it (the browser's, or `fakeBrowser`'s in tests). */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

export const SYNC_CONFIG_KEY = 'gloss:sync:config';
export const SYNC_STATUS_KEY = 'gloss:sync:status';

/** How this device syncs. */
export interface SyncConfig {
  remote: RemoteConfig;
  /** This device's name in sync (its journal's folder on the remote), made once when connecting. */
  device: string;
  /** The remote's own name for messages ("your WebDAV server at dav.example.org"). */
  label: string;
}

function isRemoteConfig(value: unknown): value is RemoteConfig {
  if (!isRecord(value)) return false;
  if (value.kind === 'browser-sync') return true;
  return value.kind === 'webdav' && ['url', 'username', 'appPassword'].every((field) => typeof value[field] === 'string');
}

/** The stored sync configuration, or null when sync is not set up (or what is stored is unusable). */
export async function loadSyncConfig(area: LocalArea): Promise<SyncConfig | null> {
  const stored = (await area.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY];
  if (!isRecord(stored) || !isRemoteConfig(stored.remote) || typeof stored.device !== 'string' || typeof stored.label !== 'string') return null;
  return { remote: stored.remote, device: stored.device, label: stored.label };
}

export async function saveSyncConfig(area: LocalArea, config: SyncConfig): Promise<void> {
  await area.set({ [SYNC_CONFIG_KEY]: config });
}

/** The remote as the options page shows it: no password. */
export function connectedRemote(config: SyncConfig): ConnectedRemote {
  const { remote } = config;
  return remote.kind === 'webdav'
    ? { kind: 'webdav', label: config.label, url: remote.url, username: remote.username }
    : { kind: 'browser-sync', label: config.label, url: null, username: null };
}

/** A new device name: random, so two browsers never write the same journal. */
export function newDeviceName(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/** The status of a device where sync is not set up. */
export function disconnectedStatus(): SyncStatus {
  return { remote: null, lastSync: null, pending: 0, lastError: null, lastErrorAt: null, nextAttempt: null, failures: 0, syncing: false };
}

export async function loadSyncStatus(area: LocalArea): Promise<SyncStatus> {
  const stored = (await area.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY];
  return isSyncStatus(stored) ? stored : disconnectedStatus();
}

export async function saveSyncStatus(area: LocalArea, status: SyncStatus): Promise<void> {
  await area.set({ [SYNC_STATUS_KEY]: status });
}

/** Forgets the configuration (with the app password) and the status. */
export async function clearSyncSettings(area: LocalArea): Promise<void> {
  await area.remove([SYNC_CONFIG_KEY, SYNC_STATUS_KEY]);
}

/** The IndexedDB database that holds the key alone (the engine's replica has its own). */
const KEY_DB = 'gloss-sync-key';
const KEY_STORE = 'keys';
const KEY_ID = 'passphrase';

function openKeyDb(): Promise<IDBPDatabase> {
  return openDB(KEY_DB, 1, {
    upgrade(db) {
      db.createObjectStore(KEY_STORE);
    },
  });
}

async function withKeyDb<T>(use: (db: IDBPDatabase) => Promise<T>): Promise<T> {
  const db = await openKeyDb();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** Keeps the key derived from the passphrase; refuses an extractable one (its bytes could be read back). */
export async function saveSyncKey(key: CryptoKey): Promise<void> {
  if (key.extractable) throw new Error('Gloss keeps only a non-extractable sync key.');
  await withKeyDb((db) => db.put(KEY_STORE, key, KEY_ID));
}

/** The stored key, or null when there is none. */
export async function loadSyncKey(): Promise<CryptoKey | null> {
  const stored: unknown = await withKeyDb((db) => db.get(KEY_STORE, KEY_ID));
  return stored instanceof CryptoKey ? stored : null;
}

export async function forgetSyncKey(): Promise<void> {
  await withKeyDb((db) => db.delete(KEY_STORE, KEY_ID));
}
