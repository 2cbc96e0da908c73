/** A fake remote and engine for the tests of sync's background and options section. */
import type { RemoteConfig, WebDavConfig } from '../sync/messages';
import { SyncError, type SyncReport } from '../sync/types';
import type { SyncConnector } from './sync';

export const WEBDAV: WebDavConfig = { kind: 'webdav', url: 'https://dav.example/gloss/', username: 'ana', appPassword: 'app-pw' };
export const PASSPHRASE = 'correct horse battery staple';

/** A remote that knows one passphrase, and an engine whose syncs the test can hold open or fail. */
export function fakeSync({ exists = true } = {}) {
  const state = {
    exists,
    syncs: 0,
    running: 0,
    mostAtOnce: 0,
    /** The device names whose local state was forgotten. */
    forgotten: [] as string[],
    /** The remotes connected to, in order. */
    remotes: [] as RemoteConfig[],
    pending: 0,
    /** The next syncs throw this, while set. */
    failWith: null as Error | null,
    /** While set, a sync waits for it. */
    hold: null as Promise<void> | null,
  };
  const connector: SyncConnector = {
    async connect(remote, passphrase, createNew) {
      state.remotes.push(remote);
      if (!state.exists && !createNew) return 'new-remote';
      if (state.exists && passphrase !== PASSPHRASE) throw new SyncError('passphrase', 'The passphrase does not open the notes synced here.');
      state.exists = true;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      return { key, label: 'your WebDAV server at dav.example' };
    },
    async runner() {
      return {
        async sync(): Promise<SyncReport> {
          state.syncs++;
          state.running++;
          state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
          try {
            if (state.hold) await state.hold;
            if (state.failWith) throw state.failWith;
            return { sent: 2, received: 1, bytesSent: 300, conflicts: 0, at: Date.now() };
          } finally {
            state.running--;
          }
        },
        pending: async () => state.pending,
      };
    },
    async forget(config) {
      state.forgotten.push(config.device);
    },
  };
  return { state, connector };
}
