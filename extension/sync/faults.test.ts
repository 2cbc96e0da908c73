/**
 * Faults of issue 6: the remote stops mid-sync, answers 500, loses a race (412), holds a
 * truncated or corrupted file, the passphrase is wrong, a newer Gloss wrote the remote. Each ends
 * with a SyncError of the right kind, the notes here unchanged, and nothing lost once it clears.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../store/test-notes';
import { connectRemote } from './connect';
import { FORMAT_PATH, checkFormat } from './journal';
import { createMemoryRemote, type MemoryRemote } from './remote/memory';
import { syncedNote } from './replica';
import { openTestDevice, type TestDevice } from './test-devices';
import { syncError } from './testing';

async function twoDevices(): Promise<{ remote: MemoryRemote; a: TestDevice; b: TestDevice }> {
  const remote = createMemoryRemote();
  await checkFormat(remote, 'create');
  return { remote, a: await openTestDevice('a', remote), b: await openTestDevice('b', remote) };
}

const snapshot = async (device: TestDevice) => (await device.store.allNotes()).map(syncedNote);

/** Both devices have n1 synced; b has an edit and a new note pending. */
async function withPendingWork() {
  const devices = await twoDevices();
  const { a, b } = devices;
  await a.store.saveNote(makeNote({ id: 'n1', body: 'from a' }));
  await a.engine.sync();
  await b.engine.sync();
  await a.store.saveNote({ ...(await a.store.getNote('n1'))!, body: 'from a, edited' });
  await a.engine.sync();
  await b.store.saveNote(makeNote({ id: 'n2', body: 'from b' }));
  return devices;
}

describe('sync faults', () => {
  for (const [kind, after] of [
    ['unreachable', 0],
    ['unreachable', 3],
    ['server', 1],
    ['server', 2],
  ] as const) {
    it(`the remote fails (${kind}) after ${after} calls: nothing changes here, the next sync does it all`, async () => {
      const { remote, a, b } = await withPendingWork();
      const before = await snapshot(b);
      remote.failNext(kind, 10, after);
      expect((await syncError(b.engine.sync())).kind).toBe(kind);
      expect(await snapshot(b)).toEqual(before);
      expect(await b.engine.pending()).toBe(1);
      remote.failNext(kind, 0);
      await b.engine.sync();
      await a.engine.sync();
      for (const device of [a, b]) {
        expect(Object.fromEntries((await device.store.allNotes()).map((note) => [note.id, note.body]))).toEqual({ n1: 'from a, edited', n2: 'from b' });
      }
    });
  }

  it('a failed compaction loses nothing and is done at a later sync', async () => {
    const remote = createMemoryRemote();
    await checkFormat(remote, 'create');
    const a = await openTestDevice('a', remote, { compactAfter: 2 });
    for (let i = 0; i < 2; i++) {
      await a.store.saveNote(makeNote({ id: `n${i}`, body: `note ${i}` }));
      await a.engine.sync();
    }
    await a.store.saveNote(makeNote({ id: 'n2', body: 'note 2' }));
    remote.failNext('unreachable', 1, 5); // the compacted file's write
    expect(await a.engine.sync()).toMatchObject({ sent: 1 });
    const journal = () => [...remote.files.keys()].filter((path) => path.startsWith('journals/'));
    expect(journal()).toHaveLength(3);
    await a.store.saveNote(makeNote({ id: 'n3', body: 'note 3' }));
    await a.engine.sync();
    expect(journal()).toEqual(['journals/a.000000004.compacted.json.enc']);
    const b = await openTestDevice('b', remote);
    await b.engine.sync();
    expect((await b.store.allNotes()).map((note) => note.body).sort()).toEqual(['note 0', 'note 1', 'note 2', 'note 3']);
  });

  it('a lost race for a journal number (412) is retried with the next', async () => {
    const { remote, a, b } = await twoDevices();
    await b.store.saveNote(makeNote({ id: 'n2', body: 'from b' }));
    // Another run of b (an interrupted one) already took number 1.
    await remote.put('journals/b.000000001.json.enc', new TextEncoder().encode(JSON.stringify({ format: 1, device: 'b', seq: 1, changes: [] })), null);
    const realList = remote.list.bind(remote);
    let hidden = true;
    remote.list = async (folder) => (await realList(folder)).filter((file) => !(hidden && file.name.startsWith('b.')));
    await b.engine.sync().finally(() => (hidden = false));
    expect(remote.files.has('journals/b.000000002.json.enc')).toBe(true);
    await a.engine.sync();
    expect((await a.store.getNote('n2'))?.body).toBe('from b');
  });

  for (const damage of ['truncate', 'corrupt'] as const) {
    it(`a ${damage}d journal file stops the sync naming it; nothing is taken from it and local notes stay`, async () => {
      const { remote, b } = await withPendingWork();
      const before = await snapshot(b);
      const path = [...remote.files.keys()].filter((name) => name.startsWith('journals/a.')).at(-1)!;
      if (damage === 'truncate') remote.truncate(path);
      else remote.corrupt(path, 5);
      const error = await syncError(b.engine.sync());
      expect(error.kind).toBe('corrupt');
      expect(error.message).toContain(path);
      expect(await snapshot(b)).toEqual(before);
      expect(await b.engine.pending()).toBe(1);
    });
  }

  it('a remote written by a newer Gloss stops sync and says to update', async () => {
    const { remote, b } = await withPendingWork();
    await remote.put(FORMAT_PATH, new TextEncoder().encode('{"format":2}'), null);
    const before = await snapshot(b);
    const writes = remote.calls.put;
    const error = await syncError(b.engine.sync());
    expect(error.kind).toBe('format');
    expect(error.message).toMatch(/newer Gloss.*update Gloss/);
    expect(remote.calls.put).toBe(writes);
    expect(await snapshot(b)).toEqual(before);
    expect((await syncError(connectRemote(remote, 'any passphrase'))).kind).toBe('format');
  });

  it('connecting: creates the format and key check once; a wrong passphrase is refused before anything is read or written', async () => {
    const remote = createMemoryRemote();
    const first = await connectRemote(remote, 'correct horse battery staple');
    expect(first).not.toBe('new-remote');
    expect([...remote.files.keys()].sort()).toEqual([FORMAT_PATH, 'keycheck.json']);
    const again = await connectRemote(remote, 'correct horse battery staple');
    expect(again).not.toBe('new-remote');
    remote.resetCounters();
    const error = await syncError(connectRemote(remote, 'wrong passphrase'));
    expect(error.kind).toBe('passphrase');
    expect(remote.calls.put + remote.calls.delete).toBe(0);
    expect(remote.calls.list).toBe(0);
    expect(await connectRemote(createMemoryRemote(), 'anything', { create: false })).toBe('new-remote');
  }, 30_000);
});
