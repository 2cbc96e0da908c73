/**
 * Messages about sync between the options page and the background, which alone runs sync.
 * Each request is a schema (valibot) its type is inferred from, and each reply has a schema its
 * guard checks; every reply is `{ ok: false, error }` on failure, the error in plain words (a
 * SyncError's message as is).
 */
import * as v from 'valibot';
import { count, failureSchema, nonEmptyText, readMessage, replySchema, shortText, textOrNull, type MessageSchemas, type Schema } from '../messages';
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

/** The longest passphrase, URL, user name and password accepted, in characters. */
const MAX_FIELD = 1_000;

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

const webDavConfig = v.object({
  kind: v.literal('webdav'),
  url: v.pipe(
    shortText(MAX_FIELD),
    v.check((url) => webDavUrlProblem(url) === null, (issue) => `is not usable: ${webDavUrlProblem(issue.input as string)}`),
  ),
  username: nonEmptyText(MAX_FIELD),
  appPassword: nonEmptyText(MAX_FIELD),
}) satisfies Schema<WebDavConfig>;

// The variant's one message is for both a value that is not an object and an unknown kind.
const remoteConfig = v.variant('kind', [webDavConfig, v.object({ kind: v.literal('browser-sync') })], (issue) =>
  issue.path?.length ? 'is not webdav or browser-sync' : 'is not an object',
) satisfies Schema<RemoteConfig>;

const configureRequest = v.object({
  type: v.literal('gloss:sync:configure'),
  remote: remoteConfig,
  passphrase: nonEmptyText(MAX_FIELD),
  createNew: v.boolean('is not true or false'),
});
/**
 * Options → background: connect sync to a remote with the reader's passphrase. When the remote
 * holds no synced notes yet, nothing is written unless `createNew` is true (the reader typed the
 * passphrase twice, knowing it cannot be recovered). Reply: `ConfigureReply`.
 */
export type ConfigureRequest = v.InferOutput<typeof configureRequest>;

const statusRequest = v.object({ type: v.literal('gloss:sync:status') });
/** Options → background: what sync did last and will do next. Reply: `StatusReply`. */
export type StatusRequest = v.InferOutput<typeof statusRequest>;

const syncNowRequest = v.object({ type: v.literal('gloss:sync:now') });
/** Options → background: sync now, whatever the backoff says. Reply: `StatusReply` once it has run. */
export type SyncNowRequest = v.InferOutput<typeof syncNowRequest>;

const disconnectRequest = v.object({ type: v.literal('gloss:sync:disconnect') });
/** Options → background: stop syncing and forget the remote, its password and the key. Reply: `DoneReply` (notes/messages.ts). */
export type DisconnectRequest = v.InferOutput<typeof disconnectRequest>;

export type SyncRequest = ConfigureRequest | StatusRequest | SyncNowRequest | DisconnectRequest;

/** The background's sync requests, by type. */
const SYNC_REQUESTS: MessageSchemas<SyncRequest> = {
  'gloss:sync:configure': configureRequest,
  'gloss:sync:status': statusRequest,
  'gloss:sync:now': syncNowRequest,
  'gloss:sync:disconnect': disconnectRequest,
};

/**
 * Reads an incoming sync message: the request when its shape is right, otherwise an error naming
 * the field that is wrong, or null when the message is not a sync message (leave it to the other listeners).
 */
export function readSyncRequest(message: unknown): SyncRequest | { error: string } | null {
  return readMessage(SYNC_REQUESTS, message);
}

const time = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.number(), v.finite());

const syncReport = v.object({ sent: count(), received: count(), bytesSent: count(), conflicts: count(), at: time() }) satisfies Schema<SyncReport>;

const connectedRemote = v.object({
  kind: v.picklist(['webdav', 'browser-sync']),
  label: v.string(),
  url: textOrNull(),
  username: textOrNull(),
}) satisfies Schema<ConnectedRemote>;

const syncStatus = v.object({
  remote: v.nullable(connectedRemote),
  lastSync: v.nullable(syncReport),
  pending: count(),
  lastError: textOrNull(),
  lastErrorAt: v.nullable(time()),
  nextAttempt: v.nullable(time()),
  failures: count(),
  syncing: v.boolean(),
}) satisfies Schema<SyncStatus>;

/** Whether `value` is a `SyncStatus` (the options page reads it from the background and from storage). */
export function isSyncStatus(value: unknown): value is SyncStatus {
  return v.is(syncStatus, value);
}

const statusReply = replySchema({ status: syncStatus });
export type StatusReply = v.InferOutput<typeof statusReply>;

/**
 * `newRemote`: the remote holds no synced notes yet and nothing was written: ask the reader to
 * confirm the passphrase, then send again with `createNew`.
 */
const configureReply = v.union([v.object({ ok: v.literal(true), status: syncStatus }), v.object({ ...failureSchema.entries, newRemote: v.optional(v.boolean()) })]);
export type ConfigureReply = v.InferOutput<typeof configureReply>;

/** Whether a reply to `gloss:sync:status` or `gloss:sync:now` has the shape we expect. */
export function isStatusReply(value: unknown): value is StatusReply {
  return v.is(statusReply, value);
}

/** Whether a reply to `gloss:sync:configure` has the shape we expect. */
export function isConfigureReply(value: unknown): value is ConfigureReply {
  return v.is(configureReply, value);
}
