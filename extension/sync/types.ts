/**
 * The contract of sync (issue 6): what a remote is, what goes wrong in words a reader can act
 * on, and the sync engine's inputs and report. Design in short:
 * - each device writes only its own append-only journal of encrypted change batches on the remote
 *   (`journals/<device>/…`, created with If-None-Match: *), never a file another device writes;
 * - changes carry hybrid-logical-clock stamps and deletions are tombstones, so merging is
 *   deterministic and the same on every device; concurrent edits of one note's text are merged
 *   three-way against their last common version, or both texts are kept as a visible conflict;
 * - a device compacts its own journal by writing the compacted file first, then deleting what it
 *   covers, so no change is ever only in a file being removed;
 * - `gloss-format.json` on the remote names the format version; an older Gloss that does not know
 *   it stops and says so instead of writing;
 * - every file but the format document is AES-256-GCM encrypted with a key derived from the
 *   reader's passphrase (PBKDF2-SHA-256, 600,000 iterations); `keycheck.json` detects a wrong
 *   passphrase before anything is read or written.
 */

/** One file in a remote folder. */
export interface RemoteFile {
  /** The file's name inside the folder (no slashes). */
  name: string;
  /** The server's strong entity tag, without quotes; null when the remote has none. */
  etag: string | null;
  size: number;
}

/** A condition on a write: create only (`ifNoneMatch: '*'`) or replace only this version (`ifMatch`). */
export type WriteCondition = { ifNoneMatch: '*' } | { ifMatch: string } | null;

/**
 * Where the encrypted files live: a WebDAV folder, or the browser's own sync storage. Paths are
 * relative to the remote's root, '/'-separated ("journals/abc/000001.bin"). Every method throws
 * `SyncError` (never a raw network or HTTP error).
 */
export interface Remote {
  /** A human name for messages ("your WebDAV server at dav.example.org", "Chrome sync storage"). */
  readonly label: string;
  /** The files directly in `folder` ('' for the root); [] when the folder does not exist. */
  list(folder: string): Promise<RemoteFile[]>;
  /** The file's bytes and entity tag, or null when there is no such file. */
  get(path: string): Promise<{ bytes: Uint8Array; etag: string | null } | null>;
  /** Writes a file; a failed condition throws SyncError 'conflict'. Creates missing folders. */
  put(path: string, bytes: Uint8Array, condition: WriteCondition): Promise<void>;
  /** Deletes a file (absent is fine); a failed `ifMatch` throws SyncError 'conflict'. */
  delete(path: string, condition?: { ifMatch: string }): Promise<void>;
}

export type SyncErrorKind =
  /** A conditional write lost a race (HTTP 412): retry after reading again. */
  | 'conflict'
  /** The server could not be reached (network down, timeout, connection dropped). */
  | 'unreachable'
  /** The server answered with an error (5xx, unexpected status). */
  | 'server'
  /** Wrong user name or app password, or no permission (401/403, host permission missing). */
  | 'auth'
  /** A file on the remote is truncated, corrupted or not Gloss's. */
  | 'corrupt'
  /** The passphrase does not open this remote. */
  | 'passphrase'
  /** The remote was written by a newer Gloss (format version unknown). */
  | 'format'
  /** The remote (or the browser's sync storage) is full. */
  | 'quota';

/** Why sync failed, in plain words shown as they are (options page, status). */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** What one sync did. */
export interface SyncReport {
  /** Local changes uploaded (notes created, edited or deleted). */
  sent: number;
  /** Remote changes applied locally. */
  received: number;
  /** Bytes written to the remote. */
  bytesSent: number;
  /** Notes whose texts conflicted and now show both versions. */
  conflicts: number;
  /** When it finished (ms since epoch). */
  at: number;
}
