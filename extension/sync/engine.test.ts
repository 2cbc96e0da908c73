import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../store/test-notes';
import { checkFormat } from './journal';
import { createMemoryRemote } from './remote/memory';
import { openTestDevice } from './test-devices';

const HOUR = 3_600_000;

async function setUp(names: string[], compactAfter?: number) {
  const remote = createMemoryRemote();
  await checkFormat(remote, 'create');
  const devices = await Promise.all(names.map((name) => openTestDevice(name, remote, { compactAfter })));
  return { remote, devices };
}

const bodies = async (device: { store: { allNotes(): Promise<{ id: string; body: string }[]> } }) =>
  Object.fromEntries((await device.store.allNotes()).map((note) => [note.id, note.body]));

describe('sync engine', () => {
  it('carries creates, edits and deletes from one device to another', async () => {
    const { devices: [a, b] } = await setUp(['a', 'b']);
    await a!.store.saveNote(makeNote({ id: 'n1', body: 'first' }));
    await a!.store.saveNote(makeNote({ id: 'n2', body: 'second' }));
    expect(await a!.engine.pending()).toBe(2);
    expect(await a!.engine.sync()).toMatchObject({ sent: 2, received: 0 });
    expect(await a!.engine.pending()).toBe(0);
    expect(await b!.engine.sync()).toMatchObject({ sent: 0, received: 2 });
    expect(await bodies(b!)).toEqual({ n1: 'first', n2: 'second' });

    await b!.store.saveNote({ ...(await b!.store.getNote('n1'))!, body: 'first, edited' });
    await b!.store.deleteNote('n2');
    expect(await b!.engine.sync()).toMatchObject({ sent: 2 });
    expect(await a!.engine.sync()).toMatchObject({ received: 2 });
    expect(await bodies(a!)).toEqual({ n1: 'first, edited' });
  });

  it('merges concurrent edits of different words, and keeps both texts when they clash', async () => {
    const { devices: [a, b] } = await setUp(['a', 'b']);
    await a!.store.saveNote(makeNote({ id: 'n1', body: 'the quick brown fox' }));
    await a!.store.saveNote(makeNote({ id: 'n2', body: 'one two three' }));
    await a!.engine.sync();
    await b!.engine.sync();
    await a!.store.saveNote({ ...(await a!.store.getNote('n1'))!, body: 'the slow brown fox' });
    await b!.store.saveNote({ ...(await b!.store.getNote('n1'))!, body: 'the quick brown dog' });
    await a!.store.saveNote({ ...(await a!.store.getNote('n2'))!, body: 'one 2 three' });
    await b!.store.saveNote({ ...(await b!.store.getNote('n2'))!, body: 'one deux three', tags: ['fr'] });
    b!.clock.now += 1000;
    await a!.engine.sync();
    expect((await b!.engine.sync()).conflicts).toBe(1);
    await a!.engine.sync();
    for (const device of [a!, b!]) {
      expect((await device.store.getNote('n1'))!.body).toBe('the slow brown dog');
      const n2 = (await device.store.getNote('n2'))!;
      // b's stamp is the later: its text and tags are shown, a's text is kept beside it.
      expect(n2.body).toBe('one deux three');
      expect(n2.tags).toEqual(['fr']);
      expect(n2.conflicts).toEqual([{ body: 'one 2 three', device: 'a', modified: '2026-03-01T10:00:00.000Z' }]);
    }
  });

  it('keeps an edit made while another device deleted the note', async () => {
    const { devices: [a, b] } = await setUp(['a', 'b']);
    await a!.store.saveNote(makeNote({ id: 'n1', body: 'keep me' }));
    await a!.engine.sync();
    await b!.engine.sync();
    await a!.store.deleteNote('n1');
    await b!.store.saveNote({ ...(await b!.store.getNote('n1'))!, body: 'keep me, edited' });
    await a!.engine.sync();
    await b!.engine.sync();
    await a!.engine.sync();
    expect(await bodies(a!)).toEqual({ n1: 'keep me, edited' });
    expect(await bodies(b!)).toEqual({ n1: 'keep me, edited' });
  });

  it('follows a clock hours ahead without going back, and orders edits after it', async () => {
    const { devices: [a, b] } = await setUp(['a', 'b']);
    a!.clock.now += 5 * HOUR;
    await a!.store.saveNote(makeNote({ id: 'n1', body: 'from the future' }));
    await a!.engine.sync();
    await b!.engine.sync();
    // b's later edit (by real time) must win although b's clock says 5 hours earlier.
    await b!.store.saveNote({ ...(await b!.store.getNote('n1'))!, tags: ['later'] });
    await b!.engine.sync();
    await a!.engine.sync();
    expect((await a!.store.getNote('n1'))!.tags).toEqual(['later']);
  });

  it('compacts its journal: the compacted file first, then the files it covers; a new device reads it', async () => {
    const { remote, devices: [a] } = await setUp(['a'], 3);
    for (let i = 0; i < 6; i++) {
      await a!.store.saveNote(makeNote({ id: `n${i % 2}`, body: `version ${i}` }));
      await a!.engine.sync();
    }
    await a!.store.deleteNote('n0');
    await a!.engine.sync();
    const names = [...remote.files.keys()].filter((path) => path.startsWith('journals/'));
    expect(names.length).toBeLessThanOrEqual(4);
    expect(names.some((name) => name.includes('.compacted.'))).toBe(true);
    const c = await openTestDevice('c', remote);
    await c.engine.sync();
    expect(await bodies(c)).toEqual({ n1: 'version 5' });
  });
});
