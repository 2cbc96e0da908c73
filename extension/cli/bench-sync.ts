/**
 * Sync's bench (issue 6): the first sync of 1,000 notes, then the sync of one changed note,
 * with real encryption (PBKDF2 key, AES-256-GCM) on the in-memory remote, beside uploading the
 * whole notes database encrypted as one file, measured in the same run. The goal: one changed
 * note sends less than 5% of a whole upload.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { NOTE_COLOURS } from '../notes/types';
import { makeNote } from '../store/test-notes';
import { connectRemote } from '../sync/connect';
import { encryptFile } from '../sync/crypto';
import { createMemoryRemote } from '../sync/remote/memory';
import { openTestDevice } from '../sync/test-devices';

const NOTE_COUNT = 1_000;
/** A changed note must send less than this share of a whole upload. */
const GOAL_SHARE = 0.05;

/** Rows (header first): what was sent and how long it took, with the goal's verdict. */
export async function benchSync(): Promise<string[][]> {
  const remote = createMemoryRemote('the bench remote');
  const connection = await connectRemote(remote, 'a passphrase for the bench');
  if (connection === 'new-remote') throw new Error('connectRemote did not set up the remote');
  const device = await openTestDevice('bench', remote, { codec: connection.codec });
  const notes = Array.from({ length: NOTE_COUNT }, (_, i) =>
    makeNote(
      {
        id: `urn:uuid:bench-${i}`,
        url: `https://news.example/article-${i % 200}`,
        body: `Note ${i}: compare this figure with the ministry's statement of last week, and check the source.`,
        tags: ['figures', i % 3 === 0 ? 'follow-up' : 'war'],
        colour: NOTE_COLOURS[i % NOTE_COLOURS.length]!,
      },
      (i % 40) * 120,
    ),
  );
  await device.store.importNotes(notes);

  remote.resetCounters();
  let started = performance.now();
  const first = await device.engine.sync();
  const firstMs = performance.now() - started;
  const firstBytes = remote.bytesWritten;

  const changed = notes[500]!;
  await device.store.saveNote({ ...changed, body: `${changed.body} Checked: it matches.`, modified: new Date().toISOString() });
  remote.resetCounters();
  started = performance.now();
  const second = await device.engine.sync();
  const oneMs = performance.now() - started;
  const oneBytes = remote.bytesWritten;

  remote.resetCounters();
  started = performance.now();
  const all = await device.store.allNotes();
  const whole = await encryptFile(connection.key, 'gloss-notes.json.enc', new TextEncoder().encode(JSON.stringify(all)));
  await remote.put('gloss-notes.json.enc', whole, null);
  const wholeMs = performance.now() - started;
  const wholeBytes = remote.bytesWritten;
  device.store.close();

  const share = oneBytes / wholeBytes;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    ['sync (1,000 notes, AES-256-GCM, memory remote)', 'changes sent', 'time', 'bytes sent', 'share of a whole upload'],
    ['first sync', String(first.sent), `${firstMs.toFixed(0)} ms`, kb(firstBytes), `${((firstBytes / wholeBytes) * 100).toFixed(1)}%`],
    ['one changed note', String(second.sent), `${oneMs.toFixed(1)} ms`, kb(oneBytes), `${(share * 100).toFixed(2)}%`],
    ['whole database as one encrypted file', String(all.length), `${wholeMs.toFixed(1)} ms`, kb(wholeBytes), '100%'],
    [`goal: one changed note < ${GOAL_SHARE * 100}% of a whole upload`, '', '', '', share < GOAL_SHARE ? 'met' : 'NOT met'],
  ];
}
