/** Devices for sync's tests and bench: a real store and replica on their own databases, one remote. */
import { openStore } from '../store/store';
import type { GlossStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from './engine';
import type { Codec } from './journal';
import { openReplica } from './replica';
import type { Remote } from './types';

/** Seals nothing: for tests where encryption is not the point. */
export const plainCodec: Codec = {
  seal: async (_path, bytes) => bytes,
  open: async (_path, bytes) => bytes,
};

/** One browser with Gloss: its notes and its sync engine. */
export interface TestDevice {
  name: string;
  store: GlossStore;
  engine: SyncEngine;
  /** The wall clock this device reads (ms), skewed as a test likes. */
  clock: { now: number };
}

let databases = 0;

/** A device named `name` syncing with `remote`. */
export async function openTestDevice(
  name: string,
  remote: Remote,
  options: { codec?: Codec; now?: number; compactAfter?: number } = {},
): Promise<TestDevice> {
  const id = ++databases;
  const store = await openStore({ name: `sync-test-notes-${id}` });
  const clock = { now: options.now ?? Date.UTC(2026, 2, 1) };
  const engine = createSyncEngine({
    remote,
    codec: options.codec ?? plainCodec,
    device: name,
    replica: openReplica(store, `sync-test-state-${id}`),
    now: () => clock.now,
    compactAfter: options.compactAfter,
  });
  return { name, store, engine, clock };
}
