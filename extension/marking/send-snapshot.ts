/**
 * The content script's end of a snapshot port (messages.ts, `SNAPSHOT_PORT`): the page's
 * snapshot is posted in parts of `SNAPSHOT_PART_CHARS`, each in a task of its own, since the
 * browser serialises a message on the page's main thread (one message of a 2 MB snapshot held it
 * 20–45 ms). The background's reply comes back on the same port.
 */
import { SNAPSHOT_PART_CHARS, type SnapshotEnd, type SnapshotPart } from '../messages';

/** The parts of `runtime.Port` used here. */
export interface SnapshotSenderPort {
  postMessage(message: SnapshotPart | SnapshotEnd): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface SendSnapshotOptions {
  /** Opens a new snapshot port to the background. */
  connect(): SnapshotSenderPort;
  /** Lets the page run between two parts (the content script passes `yieldToMain`). */
  pause(): Promise<void>;
  /** Closes the port and rejects (the background drops the parts). */
  signal?: AbortSignal;
}

/**
 * Sends `html`, the snapshot of the page at `url`, and resolves to the background's reply
 * (unchecked: the caller reads it). Rejects when the port closes before a reply, or on `signal`.
 */
export function sendSnapshot(html: string, url: string, { connect, pause, signal }: SendSnapshotOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('the snapshot was no longer wanted'));
    const port = connect();
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      done();
    };
    const onAbort = () => settle(() => {
      port.disconnect();
      reject(new Error('the snapshot was no longer wanted'));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    port.onMessage.addListener((reply) => settle(() => {
      port.disconnect();
      resolve(reply);
    }));
    port.onDisconnect.addListener(() => settle(() => reject(new Error('the background closed the snapshot port without a reply'))));

    void (async () => {
      let parts = 0;
      for (let at = 0; at < html.length && !settled; at += SNAPSHOT_PART_CHARS) {
        if (parts > 0) await pause();
        if (settled) return;
        port.postMessage({ type: 'gloss:snapshot:part', index: parts, html: html.slice(at, at + SNAPSHOT_PART_CHARS) });
        parts += 1;
      }
      if (!settled) port.postMessage({ type: 'gloss:snapshot:end', url, parts, chars: html.length });
    })().catch((error: unknown) => settle(() => {
      port.disconnect();
      reject(error instanceof Error ? error : new Error(String(error)));
    }));
  });
}
