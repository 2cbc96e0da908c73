/**
 * Messages about sync between the options page and the background, which alone runs sync.
 * Readers (validators) for each request and guards for each reply live beside them; every reply
 * is `{ ok: false, error }` on failure, the error in plain words (a SyncError's message as is).
 */
import { isRecord } from '../messages';
import type { Failure } from '../notes/messages';
import type { SyncReport } from './types';

/** Where the reader syncs to: their WebDAV folder, or the browser's own sync storage. */
export type RemoteConfig = WebDavConfig | BrowserSyncConfig;

export interface WebDavConfig {
  kind: 'webdav';
  /** The folder's address (http or https), e.g. "https://cloud.example/remote.php/dav/files/ana/Gloss". */
  url: string;
  username: string;
  /** An app password (a password made for Gloss alone, which the server can revoke). */
  appPassword: string;
}

export interface BrowserSyncConfig {
  kind: 'browser-sync';
}

/**
 * Options → background: connect sync to a remote with the reader's passphrase. When the remote
 * holds no synced notes yet, nothing is written unless `createNew` is true (the reader typed the
 * passphrase twice, knowing it cannot be recovered). Reply: `ConfigureReply`.
 */
export interface ConfigureRequest {
  type: 'gloss:sync:configure';
  remote: RemoteConfig;
  passphrase: string;
  createNew: boolean;
}

/** Options → background: what sync did last and will do next. Reply: `StatusReply`. */
export interface StatusRequest {
  type: 'gloss:sync:status';
}

/** Options → background: sync now, whatever the backoff says. Reply: `StatusReply` once it has run. */
export interface SyncNowRequest {
  type: 'gloss:sync:now';
}

/** Options → background: stop syncing and forget the remote, its password and the key. Reply: `DoneReply` (notes/messages.ts). */
export interface DisconnectRequest {
  type: 'gloss:sync:disconnect';
}

export type SyncRequest = ConfigureRequest | StatusRequest | SyncNowRequest | DisconnectRequest;

/** The remote sync is connected to, as the options page shows it (no password). */
export interface ConnectedRemote {
  kind: RemoteConfig['kind'];
  /** "your WebDAV server at dav.example.org", "Chrome sync storage". */
  label: string;
  /** The WebDAV folder's address and user; null for the browser's sync storage. */
  url: string | null;
  username: string | null;
}

/** What sync did last and will do next, kept in `storage.local` so it outlives the service worker. */
export interface SyncStatus {
  /** Null when sync is not set up. */
  remote: ConnectedRemote | null;
  /** The last sync that succeeded, and what it did. */
  lastSync: SyncReport | null;
  /** Local changes not yet sent (as of the last sync or change). */
  pending: number;
  /** Why the last attempt failed, in plain words; null after a sync that succeeded. */
  lastError: string | null;
  /** When it failed (ms since epoch). */
  lastErrorAt: number | null;
  /** When Gloss will next try on its own (ms since epoch), or null when not connected. */
  nextAttempt: number | null;
  /** How many attempts in a row failed (the backoff grows with it). */
  failures: number;
  /** A sync is running now. */
  syncing: boolean;
}

/**
 * `newRemote`: the remote holds no synced notes yet and nothing was written: ask the reader to
 * confirm the passphrase, then send again with `createNew`.
 */
export type ConfigureReply = { ok: true; status: SyncStatus } | (Failure & { newRemote?: boolean });
export type StatusReply = { ok: true; status: SyncStatus } | Failure;

/** The longest passphrase, URL, user name and password accepted, in characters. */
const MAX_FIELD = 1_000;

const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_FIELD;

/** Why `url` cannot be a WebDAV folder's address, or null when it can. */
export function webDavUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the address is not a web address (it starts with https://)';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'the address does not start with https:// or http://';
  if (parsed.username || parsed.password) return 'put the user name and app password in their own fields, not in the address';
  return null;
}

/** The origin whose host permission a WebDAV address needs, as a match pattern ("https://dav.example/*"). */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

function readRemote(value: unknown): RemoteConfig | string {
  if (!isRecord(value)) return 'remote is not an object';
  if (value.kind === 'browser-sync') return { kind: 'browser-sync' };
  if (value.kind !== 'webdav') return 'remote.kind is not webdav or browser-sync';
  if (!isShortString(value.url)) return 'remote.url is not a string';
  const problem = webDavUrlProblem(value.url);
  if (problem) return `remote.url: ${problem}`;
  if (!isShortString(value.username) || value.username === '') return 'remote.username is not a non-empty string';
  if (!isShortString(value.appPassword) || value.appPassword === '') return 'remote.appPassword is not a non-empty string';
  return { kind: 'webdav', url: value.url, username: value.username, appPassword: value.appPassword };
}

/**
 * Reads an incoming sync message: the request when its shape is right, otherwise an error saying
 * what is wrong, or null when the message is not a sync message (leave it to the other listeners).
 */
export function readSyncRequest(message: unknown): SyncRequest | { error: string } | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  const { type } = message;
  const fail = (problem: string) => ({ error: `${type}: ${problem}` });
  switch (type) {
    case 'gloss:sync:configure': {
      const remote = readRemote(message.remote);
      if (typeof remote === 'string') return fail(remote);
      if (!isShortString(message.passphrase) || message.passphrase === '') return fail('passphrase is not a non-empty string');
      if (typeof message.createNew !== 'boolean') return fail('createNew is not true or false');
      return { type, remote, passphrase: message.passphrase, createNew: message.createNew };
    }
    case 'gloss:sync:status':
    case 'gloss:sync:now':
    case 'gloss:sync:disconnect':
      return { type };
    default:
      return null;
  }
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const orNull = <T>(value: unknown, is: (value: unknown) => value is T): boolean => value === null || is(value);

function isReport(value: unknown): value is SyncReport {
  return isRecord(value) && ['sent', 'received', 'bytesSent', 'conflicts'].every((field) => isCount(value[field])) && isTime(value.at);
}

function isConnectedRemote(value: unknown): value is ConnectedRemote {
  return (
    isRecord(value) &&
    (value.kind === 'webdav' || value.kind === 'browser-sync') &&
    typeof value.label === 'string' &&
    (value.url === null || typeof value.url === 'string') &&
    (value.username === null || typeof value.username === 'string')
  );
}

/** Whether `value` is a `SyncStatus` (the options page reads it from the background and from storage). */
export function isSyncStatus(value: unknown): value is SyncStatus {
  return (
    isRecord(value) &&
    orNull(value.remote, isConnectedRemote) &&
    orNull(value.lastSync, isReport) &&
    isCount(value.pending) &&
    (value.lastError === null || typeof value.lastError === 'string') &&
    orNull(value.lastErrorAt, isTime) &&
    orNull(value.nextAttempt, isTime) &&
    isCount(value.failures) &&
    typeof value.syncing === 'boolean'
  );
}

function isFailure(value: Record<string, unknown>): boolean {
  return value.ok === false && typeof value.error === 'string';
}

/** Whether a reply to `gloss:sync:status` or `gloss:sync:now` has the shape we expect. */
export function isStatusReply(value: unknown): value is StatusReply {
  return isRecord(value) && (isFailure(value) || (value.ok === true && isSyncStatus(value.status)));
}

/** Whether a reply to `gloss:sync:configure` has the shape we expect. */
export function isConfigureReply(value: unknown): value is ConfigureReply {
  return isStatusReply(value) && (value.ok || (value as Record<string, unknown>).newRemote === undefined || typeof (value as Record<string, unknown>).newRemote === 'boolean');
}
