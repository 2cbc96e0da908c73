import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SyncError } from '../types';
import { SYNC_ITEM_BYTES, SYNC_MAX_ITEMS, SYNC_TOTAL_BYTES, browserSyncRemote, type SyncStorageArea } from './browser-sync';
import { syncError } from '../testing';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const utf8Length = (value: string) => new TextEncoder().encode(value).length;
/** Incompressible bytes, like the encrypted files sync stores. */
const random = (size: number) => {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(data.subarray(i, i + 65_536));
  return data;
};

/**
 * An in-memory storage.sync that enforces the real quotas the way browsers measure them (key
 * plus JSON of the value), rejecting a whole `set` that would exceed one, with Chromium's
 * messages or Firefox's QuotaExceededError.
 */
function quotaArea(browserKind: 'chromium' | 'firefox' = 'chromium') {
  const items = new Map<string, string>();
  const fail = (quota: string) => {
    throw browserKind === 'chromium' ? new Error(`${quota} quota exceeded`) : new DOMException('storage.sync API call exceeded its quota limitations.', 'QuotaExceededError');
  };
  const area: SyncStorageArea & { items: Map<string, string>; bytesInUse(): number } = {
    items,
    bytesInUse: () => [...items].reduce((sum, [key, json]) => sum + utf8Length(key) + utf8Length(json), 0),
    async get(keys) {
      const wanted = keys == null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, JSON.parse(items.get(key)!) as unknown]));
    },
    async set(values) {
      const next = new Map(items);
      for (const [key, value] of Object.entries(values)) {
        const json = JSON.stringify(value);
        if (utf8Length(key) + utf8Length(json) > SYNC_ITEM_BYTES) fail('QUOTA_BYTES_PER_ITEM');
        next.set(key, json);
      }
      if (next.size > SYNC_MAX_ITEMS) fail('MAX_ITEMS');
      if ([...next].reduce((sum, [key, json]) => sum + utf8Length(key) + utf8Length(json), 0) > SYNC_TOTAL_BYTES) fail('QUOTA_BYTES');
      for (const [key, json] of next) items.set(key, json);
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
  return area;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('browser sync remote (storage.sync)', () => {
  it('puts, gets, lists and deletes files in the browser’s sync storage by default', async () => {
    const remote = browserSyncRemote();
    expect(remote.label).toMatch(/sync storage/);
    expect(await remote.list('journals/dev-a')).toEqual([]);
    await remote.put('journals/dev-a/000001.bin', bytes('first'), { ifNoneMatch: '*' });
    await remote.put('journals/dev-a/000002.bin', new Uint8Array(0), null);
    await remote.put('keycheck.json', bytes('{}'), null);

    const first = await remote.get('journals/dev-a/000001.bin');
    expect(text(first!.bytes)).toBe('first');
    expect((await remote.get('journals/dev-a/000002.bin'))!.bytes).toEqual(new Uint8Array(0));
    expect(await remote.get('journals/dev-a/missing.bin')).toBeNull();
    expect((await remote.list('journals/dev-a')).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: '000001.bin', etag: first!.etag, size: 5 },
      { name: '000002.bin', etag: expect.any(String), size: 0 },
    ]);
    expect((await remote.list('')).map((file) => file.name)).toEqual(['keycheck.json']);
    expect(await remote.list('journals')).toEqual([]);

    await remote.delete('journals/dev-a/000001.bin');
    await remote.delete('journals/dev-a/000001.bin');
    expect(await remote.get('journals/dev-a/000001.bin')).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).filter((key) => key.includes('000001'))).toEqual([]);
  });

  it('uses a hash of the content as entity tag', async () => {
    const remote = browserSyncRemote(quotaArea());
    await remote.put('a.bin', bytes('same'), null);
    await remote.put('b.bin', bytes('same'), null);
    await remote.put('c.bin', bytes('other'), null);
    const [a, b, c] = await Promise.all(['a.bin', 'b.bin', 'c.bin'].map((path) => remote.get(path)));
    expect(a!.etag).toBe(b!.etag);
    expect(a!.etag).not.toBe(c!.etag);
    // Deleting one of two equal files leaves the other whole.
    await remote.delete('a.bin');
    expect(text((await remote.get('b.bin'))!.bytes)).toBe('same');
  });

  it('checks conditions: create only, replace only the version read', async () => {
    const remote = browserSyncRemote(quotaArea());
    await remote.put('index.bin', bytes('v1'), { ifNoneMatch: '*' });
    expect((await syncError(remote.put('index.bin', bytes('again'), { ifNoneMatch: '*' }))).kind).toBe('conflict');
    const v1 = (await remote.get('index.bin'))!.etag!;
    await remote.put('index.bin', bytes('v2'), { ifMatch: v1 });
    const v2 = (await remote.get('index.bin'))!.etag!;
    expect((await syncError(remote.put('index.bin', bytes('stale'), { ifMatch: v1 }))).kind).toBe('conflict');
    expect((await syncError(remote.put('absent.bin', bytes('x'), { ifMatch: v1 }))).kind).toBe('conflict');
    expect((await syncError(remote.delete('index.bin', { ifMatch: v1 }))).kind).toBe('conflict');
    expect(text((await remote.get('index.bin'))!.bytes)).toBe('v2');
    await remote.delete('index.bin', { ifMatch: v2 });
    expect(await remote.get('index.bin')).toBeNull();
  });

  it('keeps every item within 8,192 bytes, chunks big files and drops the old chunks on replace', async () => {
    const area = quotaArea();
    const remote = browserSyncRemote(area);
    const big = random(40_000);
    await remote.put('journals/dev-a/000001.bin', big, null);
    expect((await remote.get('journals/dev-a/000001.bin'))!.bytes).toEqual(big);
    // 40,000 bytes are 53,336 base64 characters: 7 items of at most 8,192 bytes, plus the index.
    expect(area.items.size).toBe(8);
    for (const [key, json] of area.items) expect(utf8Length(key) + utf8Length(json)).toBeLessThanOrEqual(SYNC_ITEM_BYTES);
    // Compact: base64's third more and little else.
    expect(area.bytesInUse()).toBeLessThan(big.length * 1.34 + 1_000);

    await remote.put('journals/dev-a/000001.bin', random(100), null);
    expect(area.items.size).toBe(2);
  });

  it('says Chrome’s sync storage is full, and leaves what was there whole', async () => {
    const area = quotaArea();
    const remote = browserSyncRemote(area, 'Chrome');
    await remote.put('a.bin', random(50_000), null);
    const before = new Map(area.items);
    const error = await syncError(remote.put('b.bin', random(30_000), null));
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/Chrome’s sync storage for Gloss is full \(100 KB\).*WebDAV/);
    expect(area.items).toEqual(before);
    expect(await remote.get('b.bin')).toBeNull();
  });

  it('calls running out of items a full storage too', async () => {
    const remote = browserSyncRemote(quotaArea());
    let error: SyncError | undefined;
    for (let i = 0; i <= SYNC_MAX_ITEMS && !error; i++) {
      error = await remote.put(`journals/d/${i}.bin`, bytes(String(i)), null).then(
        () => undefined,
        (reason: SyncError) => reason,
      );
    }
    expect(error?.kind).toBe('quota');
  });

  it('understands Firefox’s QuotaExceededError', async () => {
    const error = await syncError(browserSyncRemote(quotaArea('firefox'), 'Firefox').put('a.bin', random(90_000), null));
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/^Firefox’s sync storage for Gloss is full/);
  });

  it('says a file is corrupt when a chunk was changed, and not arrived when one is missing', async () => {
    const area = quotaArea();
    const remote = browserSyncRemote(area);
    await remote.put('f.bin', random(10_000), null);
    const chunkKey = [...area.items.keys()].find((key) => key.startsWith('gs:c:'))!;
    const original = area.items.get(chunkKey)!;
    area.items.set(chunkKey, JSON.stringify(`${(JSON.parse(original) as string).slice(0, -8)}AAAAAAAA`));
    const changed = await syncError(remote.get('f.bin'));
    expect(changed.kind).toBe('corrupt');
    expect(changed.message).toContain('f.bin');
    area.items.delete(chunkKey);
    expect((await syncError(remote.get('f.bin'))).kind).toBe('unreachable');
  });

  it('runs operations one at a time, so concurrent creates of one file conflict', async () => {
    const remote = browserSyncRemote(quotaArea());
    const results = await Promise.allSettled([1, 2, 3].map((n) => remote.put('same.bin', bytes(String(n)), { ifNoneMatch: '*' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').map((result) => ((result as PromiseRejectedResult).reason as SyncError).kind)).toEqual(['conflict', 'conflict']);
  });
});
