/**
 * The property of issue 6: three devices doing random creates, edits (body, tags, colour) and
 * deletes, syncing in random orders with clocks hours apart, hold the same notes once each has
 * synced twice; every note no one deleted is there, with its latest text shown or kept as a
 * conflict. Real stores and replicas on fake-indexeddb, the memory remote, plain codec.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTE_COLOURS, type Note } from '../notes/types';
import { makeNote } from '../store/test-notes';
import { checkFormat } from './journal';
import { createMemoryRemote } from './remote/memory';
import { syncedNote } from './replica';
import { openTestDevice, type TestDevice } from './test-devices';

const HOUR = 3_600_000;

type Step =
  | { kind: 'create'; device: number }
  | { kind: 'body'; device: number; note: number; how: 'append' | 'replace' | 'prepend' }
  | { kind: 'tags'; device: number; note: number }
  | { kind: 'colour'; device: number; note: number; colour: number }
  | { kind: 'delete'; device: number; note: number }
  | { kind: 'sync'; device: number };

const device = fc.integer({ min: 0, max: 2 });
const note = fc.nat(20);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), device }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('body' as const), device, note, how: fc.constantFrom('append', 'replace', 'prepend') }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('tags' as const), device, note }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('colour' as const), device, note, colour: fc.nat(NOTE_COLOURS.length - 1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), device, note }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), device }), weight: 3 },
);

/** What each device holds, comparable across devices (anchor states are local). */
async function contents(device: TestDevice): Promise<unknown[]> {
  const notes = await device.store.allNotes();
  return notes.map(syncedNote).sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('sync converges', () => {
  it('three devices with random edits, sync orders and skewed clocks end with the same notes, none lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 40 }),
        fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 })),
        async (steps, skews) => {
          const remote = createMemoryRemote();
          await checkFormat(remote, 'create');
          const start = Date.UTC(2026, 2, 1);
          const devices = await Promise.all(
            ['a', 'b', 'c'].map((name, i) => openTestDevice(name, remote, { now: start + skews[i]! * HOUR })),
          );
          const created: string[] = [];
          const deleted = new Set<string>();
          /** Per note, the word its latest body edit (in real time) wrote. */
          const latestWord = new Map<string, string>();
          let words = 0;
          try {
            for (const current of steps) {
              const here = devices[current.device]!;
              for (const each of devices) each.clock.now += 1000;
              if (current.kind === 'sync') {
                await here.engine.sync();
                continue;
              }
              if (current.kind === 'create') {
                const id = `urn:uuid:${created.length}`;
                const word = `w${++words}`;
                created.push(id);
                latestWord.set(id, word);
                await here.store.saveNote(makeNote({ id, body: `note ${word}` }));
                continue;
              }
              const id = created[current.note % Math.max(created.length, 1)];
              const existing = id === undefined ? undefined : await here.store.getNote(id);
              if (!existing) continue;
              const edited: Note = { ...existing, modified: new Date(here.clock.now).toISOString() };
              if (current.kind === 'delete') {
                await here.store.deleteNote(existing.id);
                deleted.add(existing.id);
                continue;
              }
              if (current.kind === 'body') {
                const word = `w${++words}`;
                latestWord.set(existing.id, word);
                edited.body =
                  current.how === 'append' ? `${existing.body} ${word}` : current.how === 'prepend' ? `${word} ${existing.body}` : `rewritten ${word}`;
              } else if (current.kind === 'tags') edited.tags = [...existing.tags, `t${++words}`];
              else edited.colour = NOTE_COLOURS[current.colour]!;
              await here.store.saveNote(edited);
            }
            for (let round = 0; round < 2; round++) {
              for (const each of devices) {
                each.clock.now += 1000;
                await each.engine.sync();
              }
            }
            const [first, ...others] = await Promise.all(devices.map(contents));
            for (const other of others) expect(other).toEqual(first);
            for (const each of devices) expect(await each.engine.pending()).toBe(0);
            const final = new Map((await devices[0]!.store.allNotes()).map((kept) => [kept.id, kept]));
            for (const id of created) {
              if (deleted.has(id)) continue;
              const kept = final.get(id);
              expect(kept, `note ${id} was never deleted`).toBeDefined();
              const texts = [kept!.body, ...(kept!.conflicts ?? []).map((conflict) => conflict.body)];
              expect(texts.some((text) => text.split(/\s+/).includes(latestWord.get(id)!)), `latest text of ${id} in ${JSON.stringify(texts)}`).toBe(true);
            }
          } finally {
            devices.forEach((each) => each.store.close());
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
