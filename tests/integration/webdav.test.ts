/**
 * The WebDAV remote against a real Apache 2.4 + mod_dav on loopback, with a fault-injecting
 * proxy between them for the failures a reader's server or network produces.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeyCheck, encryptFile } from '../../extension/sync/crypto';
import { webdavRemote } from '../../extension/sync/remote/webdav';
import type { Remote } from '../../extension/sync/types';
import { startWebDav, type WebDavServer } from '../support/apache-webdav';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { syncError } from '../../extension/sync/testing';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

let server: WebDavServer;
let proxy: FaultProxy;
let remote: Remote;
let testFolder = 0;
/** A fresh folder per test, so tests do not see each other's files. */
let folder: string;

beforeAll(async () => {
  server = await startWebDav();
  proxy = await startFaultProxy(server.url);
  remote = webdavRemote({ url: server.url, username: server.user, password: server.password });
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

beforeEach(() => {
  folder = `t${++testFolder}`;
  proxy.mode('pass');
});

describe('WebDAV remote on Apache', () => {
  it('puts, gets, lists and deletes files, creating missing folders', async () => {
    expect(await remote.list(folder)).toEqual([]);
    expect(await remote.get(`${folder}/none.bin`)).toBeNull();
    await remote.put(`${folder}/journals/dev-a/000001.bin`, bytes('first'), { ifNoneMatch: '*' });
    await remote.put(`${folder}/journals/dev-a/000002.bin`, bytes('second batch'), null);
    await remote.put(`${folder}/format with space & ü.json`, bytes('{}'), null);

    const got = await remote.get(`${folder}/journals/dev-a/000001.bin`);
    expect(text(got!.bytes)).toBe('first');
    expect(got!.etag).toMatch(/^[^"]+$/);

    const listed = await remote.list(`${folder}/journals/dev-a`);
    expect(listed.map((file) => [file.name, file.size]).sort()).toEqual([
      ['000001.bin', 5],
      ['000002.bin', 12],
    ]);
    expect(listed.find((file) => file.name === '000001.bin')!.etag).toBe(got!.etag);
    // Folders are not files; names are decoded.
    expect((await remote.list(folder)).map((file) => file.name)).toEqual(['format with space & ü.json']);
    expect((await remote.list(`${folder}/journals`)).map((file) => file.name)).toEqual([]);

    await remote.delete(`${folder}/journals/dev-a/000001.bin`);
    await remote.delete(`${folder}/journals/dev-a/000001.bin`);
    expect(await remote.get(`${folder}/journals/dev-a/000001.bin`)).toBeNull();
    expect((await remote.list(`${folder}/journals/dev-a`)).map((file) => file.name)).toEqual(['000002.bin']);
  });

  it('creates the remote’s own folder when it does not exist yet, spaces and accents included', async () => {
    const fresh = webdavRemote({ url: `${server.url}Gloss ${folder} é`, username: server.user, password: server.password });
    expect(await fresh.list('')).toEqual([]);
    await fresh.put('gloss-format.json', bytes('{"version":1}'), { ifNoneMatch: '*' });
    await fresh.put('journals/dev ü/1.bin', bytes('x'), { ifNoneMatch: '*' });
    expect((await fresh.list('')).map((file) => file.name)).toEqual(['gloss-format.json']);
    expect((await fresh.list('journals/dev ü')).map((file) => file.name)).toEqual(['1.bin']);
  });

  it('refuses to create a file that exists (If-None-Match: *) as a conflict', async () => {
    await remote.put(`${folder}/keycheck.json`, bytes('mine'), { ifNoneMatch: '*' });
    const error = await syncError(remote.put(`${folder}/keycheck.json`, bytes('theirs'), { ifNoneMatch: '*' }));
    expect(error.kind).toBe('conflict');
    expect(text((await remote.get(`${folder}/keycheck.json`))!.bytes)).toBe('mine');
  });

  it('replaces only the version read (If-Match), on writes and deletes', async () => {
    await remote.put(`${folder}/index.bin`, bytes('v1'), null);
    const v1 = (await remote.get(`${folder}/index.bin`))!.etag!;
    await remote.put(`${folder}/index.bin`, bytes('v2'), { ifMatch: v1 });
    const v2 = (await remote.get(`${folder}/index.bin`))!.etag!;
    expect(v2).not.toBe(v1);

    expect((await syncError(remote.put(`${folder}/index.bin`, bytes('stale'), { ifMatch: v1 }))).kind).toBe('conflict');
    expect((await syncError(remote.delete(`${folder}/index.bin`, { ifMatch: v1 }))).kind).toBe('conflict');
    expect(text((await remote.get(`${folder}/index.bin`))!.bytes)).toBe('v2');

    await remote.delete(`${folder}/index.bin`, { ifMatch: v2 });
    expect(await remote.get(`${folder}/index.bin`)).toBeNull();
    // Deleting what is already gone is fine, condition or not.
    await remote.delete(`${folder}/index.bin`, { ifMatch: v2 });
  });

  it('says a wrong password is an auth problem', async () => {
    const wrong = webdavRemote({ url: server.url, username: server.user, password: 'not-it' });
    const error = await syncError(wrong.list(''));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/refused the user name or password/);
    expect((await syncError(wrong.put(`${folder}/x.bin`, bytes('x'), null))).kind).toBe('auth');
  });

  it('stores only ciphertext: the server’s folder holds no plaintext', async () => {
    const { key, file } = await createKeyCheck('a long passphrase for the test');
    const secret = 'Note on Mariupol: the mayor said 100,000 residents remain';
    await remote.put(`${folder}/keycheck.json`, file, { ifNoneMatch: '*' });
    const path = `${folder}/journals/dev-a/000001.bin`;
    await remote.put(path, await encryptFile(key, path, bytes(JSON.stringify({ text: secret, tags: ['mariupol'] }))), { ifNoneMatch: '*' });

    const stored = await readTree(join(server.dataDir, folder));
    expect(stored.size).toBe(2);
    for (const [name, content] of stored) {
      const latin1 = new TextDecoder('latin1').decode(content);
      for (const word of ['Mariupol', 'mayor', 'residents', 'mariupol', '100,000']) expect(latin1, name).not.toContain(word);
    }
  });
});

describe('WebDAV remote when things go wrong', () => {
  let faulty: Remote;
  beforeAll(() => {
    faulty = webdavRemote({ url: proxy.url, username: server.user, password: server.password, timeoutMs: 1_000 });
  });

  it('works through the proxy when nothing goes wrong', async () => {
    await faulty.put(`${folder}/a.bin`, bytes('through the proxy'), { ifNoneMatch: '*' });
    expect(text((await faulty.get(`${folder}/a.bin`))!.bytes)).toBe('through the proxy');
    expect((await faulty.list(folder)).map((file) => file.name)).toEqual(['a.bin']);
  });

  it('calls HTTP 500 a server problem', async () => {
    proxy.mode('status500');
    const attempts = [() => faulty.list(folder), () => faulty.get(`${folder}/a.bin`), () => faulty.put(`${folder}/a.bin`, bytes('x'), null), () => faulty.delete(`${folder}/a.bin`)];
    for (const attempt of attempts) {
      const error = await syncError(attempt());
      expect(error.kind).toBe('server');
      expect(error.message).toMatch(/HTTP 500/);
    }
  });

  it('calls a connection dropped mid-response unreachable', async () => {
    await faulty.put(`${folder}/big.bin`, new Uint8Array(50_000).fill(7), null);
    proxy.mode('drop-mid-response');
    expect((await syncError(faulty.get(`${folder}/big.bin`))).kind).toBe('unreachable');
    expect((await syncError(faulty.list(folder))).kind).toBe('unreachable');
  });

  it('calls a refused connection unreachable', async () => {
    proxy.mode('refuse');
    expect((await syncError(faulty.get(`${folder}/a.bin`))).kind).toBe('unreachable');
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    proxy.mode('slow');
    const started = Date.now();
    const error = await syncError(faulty.get(`${folder}/a.bin`));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/did not answer within 1 seconds/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('calls a stopped server unreachable, and works again once it is back', async () => {
    await remote.put(`${folder}/kept.bin`, bytes('kept'), null);
    await server.stop();
    try {
      const error = await syncError(remote.get(`${folder}/kept.bin`));
      expect(error.kind).toBe('unreachable');
      expect(error.message).toMatch(/could not reach your WebDAV server at 127\.0\.0\.1/);
    } finally {
      await server.restart();
    }
    expect(text((await remote.get(`${folder}/kept.bin`))!.bytes)).toBe('kept');
  });
});

/** Every file under `dir`, by path relative to it. */
async function readTree(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}
