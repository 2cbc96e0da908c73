/**
 * A remote in the browser's own sync storage (`storage.sync`), for readers without a WebDAV
 * server: the browser carries it to their other signed-in browsers of the same kind. It is small
 * (Chrome and Firefox: 102,400 bytes in all, 8,192 per item including its key, 512 items), so
 * files are stored compactly: each file is an index item (`gs:f:<path>` → entity tag, chunk count,
 * size) and its bytes in base64 chunks that each fill an item (`gs:c:<etag>:<n>:<path>`).
 *
 * The entity tag is a hash of the content and chunk keys carry it, so a new version never
 * overwrites the chunks of the old one: another browser that has received the new index before
 * its chunks sees them missing (try later), never a mix of two versions. Conditions are checked
 * against the index this browser holds; storage.sync has no compare-and-swap across browsers,
 * which the sync design tolerates because each device writes only its own files.
 */
import { browser } from 'wxt/browser';
import { bytesToBase64, base64ToBytes } from '../../encoding/base64';
import { SyncError, type Remote, type RemoteFile, type WriteCondition } from '../types';

/** The part of `storage.sync` this remote uses (also what tests fake). */
export interface SyncStorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Chrome's and Firefox's `storage.sync.QUOTA_BYTES_PER_ITEM`: key plus JSON of the value. */
export const SYNC_ITEM_BYTES = 8_192;
/** Chrome's and Firefox's `storage.sync.QUOTA_BYTES`. */
export const SYNC_TOTAL_BYTES = 102_400;
/** Chrome's and Firefox's `storage.sync.MAX_ITEMS`. */
export const SYNC_MAX_ITEMS = 512;

const INDEX_PREFIX = 'gs:f:';
const CHUNK_PREFIX = 'gs:c:';

/** What a file's index item holds. */
interface FileIndex {
  /** Entity tag: base64url of the first 16 bytes of the content's SHA-256. */
  e: string;
  /** Number of chunks. */
  n: number;
  /** Size in bytes. */
  s: number;
}

/**
 * A `Remote` in `area` (the browser's `storage.sync` unless given). `browserName` names it in
 * messages. Operations run one at a time, so a condition checked is still true when written.
 */
export function browserSyncRemote(area: SyncStorageArea = browser.storage.sync, browserName: string = import.meta.env.FIREFOX ? 'Firefox' : 'Chrome'): Remote {
  const label = `${browserName}’s sync storage`;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `operation` after every earlier one has settled. */
  const serially = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation, operation);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Calls the storage area, turning its failures into SyncErrors. */
  async function call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (/MAX_WRITE_OPERATIONS/.test(message)) {
        throw new SyncError('server', `${browserName} limits how often its sync storage may be written, and Gloss reached the limit. Gloss will try again in a few minutes.`);
      }
      // Chromium: "QUOTA_BYTES quota exceeded", "MAX_ITEMS quota exceeded"…; Firefox: QuotaExceededError.
      if (/quota/i.test(message)) {
        throw new SyncError('quota', `${label} for Gloss is full (100 KB): sync your notes through a WebDAV server instead to keep more notes in sync.`);
      }
      throw new SyncError('unreachable', `Gloss could not use ${label} (${message}).`);
    }
  }

  async function readIndex(path: string): Promise<FileIndex | null> {
    const key = INDEX_PREFIX + path;
    const value = (await call(() => area.get(key)))[key];
    return isFileIndex(value) ? value : null;
  }

  return {
    label,

    list: (folder) =>
      serially(async () => {
        const prefix = INDEX_PREFIX + (folder === '' || folder.endsWith('/') ? folder : `${folder}/`);
        const items = await call(() => area.get(null));
        return Object.entries(items).flatMap(([key, value]): RemoteFile[] => {
          const name = key.slice(prefix.length);
          if (!key.startsWith(prefix) || name.includes('/') || !isFileIndex(value)) return [];
          return [{ name, etag: value.e, size: value.s }];
        });
      }),

    get: (path) =>
      serially(async () => {
        const index = await readIndex(path);
        if (!index) return null;
        const keys = chunkKeys(path, index.e, index.n);
        const items = await call(() => area.get(keys));
        const chunks = keys.map((key) => items[key]);
        if (!chunks.every((chunk): chunk is string => typeof chunk === 'string')) {
          throw new SyncError('unreachable', `Part of “${path}” has not arrived in ${label} yet. Gloss will try again later.`);
        }
        let bytes: Uint8Array;
        try {
          bytes = base64ToBytes(chunks.join(''));
        } catch {
          throw corrupt(path, label);
        }
        if (bytes.length !== index.s || (await contentTag(bytes)) !== index.e) throw corrupt(path, label);
        return { bytes, etag: index.e };
      }),

    put: (path, bytes, condition) =>
      serially(async () => {
        const current = await readIndex(path);
        checkCondition(path, current, condition, label);
        const etag = await contentTag(bytes);
        if (current?.e === etag) return;
        const chunks = chunked(path, etag, bytesToBase64(bytes));
        const index: FileIndex = { e: etag, n: chunks.length, s: bytes.length };
        // One set: the browser stores all of it or, over quota, none of it.
        await call(() => area.set({ ...Object.fromEntries(chunks), [INDEX_PREFIX + path]: index }));
        if (current) await call(() => area.remove(chunkKeys(path, current.e, current.n)));
      }),

    delete: (path, condition) =>
      serially(async () => {
        const current = await readIndex(path);
        if (!current) return;
        checkCondition(path, current, condition ?? null, label);
        await call(() => area.remove([INDEX_PREFIX + path, ...chunkKeys(path, current.e, current.n)]));
      }),
  };
}

/** Throws SyncError 'conflict' unless `condition` holds for the file's `current` index. */
function checkCondition(path: string, current: FileIndex | null, condition: WriteCondition, label: string): void {
  if (!condition) return;
  const holds = 'ifNoneMatch' in condition ? current === null : current?.e === condition.ifMatch;
  if (!holds) throw new SyncError('conflict', `“${path}” changed in ${label} while Gloss was writing it.`);
}

function chunkKey(path: string, etag: string, n: number): string {
  return `${CHUNK_PREFIX}${etag}:${n}:${path}`;
}

function chunkKeys(path: string, etag: string, count: number): string[] {
  return Array.from({ length: count }, (_, n) => chunkKey(path, etag, n));
}

/**
 * `base64` cut into [key, chunk] items that each fit `SYNC_ITEM_BYTES` (key plus the JSON
 * string's quotes); at least one chunk, so an empty file still has its item.
 */
function chunked(path: string, etag: string, base64: string): [string, string][] {
  const items: [string, string][] = [];
  let offset = 0;
  do {
    const key = chunkKey(path, etag, items.length);
    const room = SYNC_ITEM_BYTES - new TextEncoder().encode(key).length - 2;
    if (room < 4) throw new SyncError('quota', `The path “${path}” is too long for the browser’s sync storage.`);
    items.push([key, base64.slice(offset, offset + room)]);
    offset += room;
  } while (offset < base64.length);
  return items;
}

/** The entity tag of `bytes`: base64url of the first 16 bytes of their SHA-256. */
async function contentTag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return bytesToBase64(digest.subarray(0, 16)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function isFileIndex(value: unknown): value is FileIndex {
  const index = value as Partial<FileIndex> | null;
  return typeof index === 'object' && index !== null && typeof index.e === 'string' && typeof index.n === 'number' && typeof index.s === 'number';
}

function corrupt(path: string, label: string): SyncError {
  return new SyncError('corrupt', `The synced file “${path}” in ${label} does not match its checksum: it was changed or cut off.`);
}
