/**
 * A remote in memory, for tests and the bench: strong entity tags and conditional writes as a
 * WebDAV server has them, a count of the bytes written and read, and faults on demand (the next
 * calls fail with a given kind, a file is cut short or altered).
 */
import { SyncError, type Remote, type RemoteFile, type SyncErrorKind, type WriteCondition } from '../types';

/** A Remote in memory with its counters and fault switches. */
export interface MemoryRemote extends Remote {
  /** The files by path (read them in tests: e.g. to find no plaintext). */
  readonly files: Map<string, { bytes: Uint8Array; etag: string }>;
  /** Bytes written by `put` since created or `resetCounters`. */
  bytesWritten: number;
  bytesRead: number;
  /** Calls made, by method. */
  readonly calls: Record<'list' | 'get' | 'put' | 'delete', number>;
  resetCounters(): void;
  /** The next `count` calls (after `after` more succeed) fail with SyncError `kind`; a count of 0 ends the faults. */
  failNext(kind: SyncErrorKind, count?: number, after?: number): void;
  /** Cuts a file to its first `length` bytes (default: half). */
  truncate(path: string, length?: number): void;
  /** Flips one bit of a file. */
  corrupt(path: string, at?: number): void;
}

/** A new empty remote. */
export function createMemoryRemote(label = 'the test remote'): MemoryRemote {
  const files = new Map<string, { bytes: Uint8Array; etag: string }>();
  let version = 0;
  let failing: { kind: SyncErrorKind; count: number; after: number } | null = null;

  const remote: MemoryRemote = {
    label,
    files,
    bytesWritten: 0,
    bytesRead: 0,
    calls: { list: 0, get: 0, put: 0, delete: 0 },
    resetCounters() {
      remote.bytesWritten = 0;
      remote.bytesRead = 0;
      for (const key of Object.keys(remote.calls) as (keyof MemoryRemote['calls'])[]) remote.calls[key] = 0;
    },
    failNext(kind, count = 1, after = 0) {
      failing = count > 0 ? { kind, count, after } : null;
    },
    truncate(path, length) {
      const file = mustExist(path);
      files.set(path, { bytes: file.bytes.slice(0, length ?? Math.floor(file.bytes.length / 2)), etag: nextEtag() });
    },
    corrupt(path, at) {
      const file = mustExist(path);
      const bytes = file.bytes.slice();
      const index = at ?? Math.floor(bytes.length / 2);
      bytes[index] = bytes[index]! ^ 1;
      files.set(path, { bytes, etag: nextEtag() });
    },

    async list(folder) {
      call('list');
      const prefix = folder === '' ? '' : `${folder}/`;
      const listed: RemoteFile[] = [];
      for (const [path, file] of files) {
        const name = path.slice(prefix.length);
        if (path.startsWith(prefix) && !name.includes('/')) listed.push({ name, etag: file.etag, size: file.bytes.length });
      }
      return listed.sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    async get(path) {
      call('get');
      const file = files.get(path);
      if (!file) return null;
      remote.bytesRead += file.bytes.length;
      return { bytes: file.bytes.slice(), etag: file.etag };
    },
    async put(path, bytes, condition: WriteCondition) {
      call('put');
      const existing = files.get(path);
      if (condition && 'ifNoneMatch' in condition && existing) throw new SyncError('conflict', `${path} already exists on ${label}.`);
      if (condition && 'ifMatch' in condition && existing?.etag !== condition.ifMatch) {
        throw new SyncError('conflict', `${path} changed on ${label} since it was read.`);
      }
      files.set(path, { bytes: bytes.slice(), etag: nextEtag() });
      remote.bytesWritten += bytes.length;
    },
    async delete(path, condition) {
      call('delete');
      const existing = files.get(path);
      if (condition && existing && existing.etag !== condition.ifMatch) throw new SyncError('conflict', `${path} changed on ${label} since it was read.`);
      files.delete(path);
    },
  };

  function call(method: keyof MemoryRemote['calls']): void {
    remote.calls[method]++;
    if (!failing) return;
    if (failing.after > 0) {
      failing.after--;
      return;
    }
    const { kind } = failing;
    if (--failing.count <= 0) failing = null;
    throw new SyncError(kind, `${label} failed on purpose (${kind}).`);
  }

  function nextEtag(): string {
    return `v${++version}`;
  }

  function mustExist(path: string): { bytes: Uint8Array; etag: string } {
    const file = files.get(path);
    if (!file) throw new Error(`No file ${path} on ${label}`);
    return file;
  }

  return remote;
}
