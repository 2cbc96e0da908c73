/**
 * What the options page asks of the background about sync, as typed calls over one `send`
 * function (the extension passes `browser.runtime.sendMessage`; tests pass a fake background).
 * Every call resolves to a reply, never throws: a background that cannot be reached or answers
 * nonsense becomes a `Failure` in plain words.
 */
import { isDoneReply, type DoneReply, type Failure } from '../../notes/messages';
import { isConfigureReply, isStatusReply, type ConfigureReply, type ConfigureRequest, type StatusReply, type SyncRequest } from '../../sync/messages';

/** Sends one request to the background and resolves to its reply. */
export type SendSyncMessage = (request: SyncRequest) => Promise<unknown>;

export interface SyncClient {
  configure(remote: ConfigureRequest['remote'], passphrase: string, createNew: boolean): Promise<ConfigureReply>;
  status(): Promise<StatusReply>;
  /** Syncs now; resolves once it has run, with the status after it. */
  syncNow(): Promise<StatusReply>;
  disconnect(): Promise<DoneReply>;
}

const NO_ANSWER = 'Gloss’s background did not answer. Reload the extension and try again.';

/** A `SyncClient` over `send`. */
export function syncClient(send: SendSyncMessage): SyncClient {
  async function ask<Reply>(request: SyncRequest, isReply: (value: unknown) => value is Reply): Promise<Reply | Failure> {
    let reply: unknown;
    try {
      reply = await send(request);
    } catch (error) {
      return { ok: false, error: `Could not reach Gloss’s background (${error instanceof Error ? error.message : String(error)}). Reload the extension and try again.` };
    }
    return isReply(reply) ? reply : { ok: false, error: NO_ANSWER };
  }
  return {
    configure: (remote, passphrase, createNew) => ask({ type: 'gloss:sync:configure', remote, passphrase, createNew }, isConfigureReply),
    status: () => ask({ type: 'gloss:sync:status' }, isStatusReply),
    syncNow: () => ask({ type: 'gloss:sync:now' }, isStatusReply),
    disconnect: () => ask({ type: 'gloss:sync:disconnect' }, isDoneReply),
  };
}
