/**
 * The background's end of a snapshot port (messages.ts, `SNAPSHOT_PORT`): a content script
 * sends its page's snapshot in parts, each a short task on the page's main thread; here they are
 * joined, checked against `MAX_SNAPSHOT_CHARS` as they come (a page too large is refused at the
 * part that crosses the limit, not after all of it arrived), and the article found on the whole is
 * posted back as one `FindArticleReply`. Nothing outlives the port: a page that goes away
 * mid-send closes it and its parts are dropped; a sender that stops sending is cut off after
 * `stallMs`.
 */
import { MAX_SNAPSHOT_CHARS, pageTooLarge, readSnapshotMessage, SNAPSHOT_PORT, type FindArticleReply, type FindArticleRequest, type SnapshotEnd, type SnapshotPart } from '../messages';
import { maySend, type OwnExtension, type Sender } from './sender';

/** The parts of `runtime.Port` used here (both browsers' ports have them). */
export interface SnapshotPort {
  name: string;
  sender?: Sender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** How long a snapshot port may stay silent between two messages before it is closed. */
export const SNAPSHOT_STALL_MS = 30_000;

/** One snapshot being received: its parts so far, checked for order and size as they come. */
export class SnapshotAssembly {
  private readonly parts: string[] = [];
  private chars = 0;

  constructor(private readonly limit = MAX_SNAPSHOT_CHARS) {}

  /** Takes the next part; why it is refused (out of order, or the snapshot is now too large), or null. */
  add(part: Pick<SnapshotPart, 'index' | 'html'>): string | null {
    if (part.index !== this.parts.length) return `snapshot part ${part.index} came where part ${this.parts.length} was expected`;
    this.chars += part.html.length;
    if (this.chars > this.limit) return pageTooLarge(this.chars);
    this.parts.push(part.html);
    return null;
  }

  /** The whole snapshot, once `end` says all of it came; otherwise why not. */
  finish(end: Pick<SnapshotEnd, 'parts' | 'chars'>): { html: string } | { error: string } {
    if (end.parts !== this.parts.length || end.chars !== this.chars) {
      return { error: `the snapshot is incomplete: ${this.parts.length} parts of ${this.chars} characters came, ${end.parts} of ${end.chars} were sent` };
    }
    return { html: this.parts.join('') };
  }
}

export interface SnapshotReceiverOptions {
  own: OwnExtension;
  /** Finds the article on a whole snapshot (the analysis host). */
  find(request: FindArticleRequest): Promise<FindArticleReply>;
  stallMs?: number;
}

/**
 * Serves one newly connected port when it is a snapshot port (returns false otherwise, leaving
 * it to other listeners). A port from a sender that may not send snapshots is closed at once.
 */
export function receiveSnapshot(port: SnapshotPort, { own, find, stallMs = SNAPSHOT_STALL_MS }: SnapshotReceiverOptions): boolean {
  if (port.name !== SNAPSHOT_PORT) return false;
  if (!maySend({ type: SNAPSHOT_PORT }, port.sender ?? {}, own)) {
    port.disconnect();
    return true;
  }
  let assembly: SnapshotAssembly | null = new SnapshotAssembly();
  let stall: ReturnType<typeof setTimeout> | undefined;
  const waitForMore = () => {
    clearTimeout(stall);
    stall = setTimeout(() => fail(`the page stopped sending its snapshot for ${stallMs / 1000} s`), stallMs);
  };
  // The parts are dropped as soon as the port is done with, however it ends.
  const close = () => {
    assembly = null;
    clearTimeout(stall);
  };
  const fail = (error: string) => {
    if (!assembly) return;
    close();
    const reply: FindArticleReply = { ok: false, error };
    port.postMessage(reply);
    port.disconnect();
  };

  port.onDisconnect.addListener(close);
  port.onMessage.addListener((message) => {
    if (!assembly) return; // a reply is on its way, or the port failed
    const read = readSnapshotMessage(message);
    if (read === null) return fail('not a snapshot message');
    if ('error' in read) return fail(read.error);
    if (read.type === 'gloss:snapshot:part') {
      const refused = assembly.add(read);
      return refused ? fail(refused) : waitForMore();
    }
    const whole = assembly.finish(read);
    if ('error' in whole) return fail(whole.error);
    close();
    void find({ type: 'gloss:find-article', html: whole.html, url: read.url }).then((reply) => {
      // The page may have gone while the article was found: posting on a closed port throws.
      try {
        port.postMessage(reply);
      } catch {
        // nobody is listening any more
      }
    });
  });
  waitForMore();
  return true;
}
