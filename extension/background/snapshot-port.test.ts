import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SNAPSHOT_CHARS, SNAPSHOT_PART_CHARS, SNAPSHOT_PORT, type FindArticleReply, type FindArticleRequest } from '../messages';
import { sendSnapshot } from '../marking/send-snapshot';
import type { Sender } from './sender';
import { receiveSnapshot, SNAPSHOT_STALL_MS, SnapshotAssembly, type SnapshotPort } from './snapshot-port';

const own = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
const contentSender: Sender = { id: own.id, url: 'https://news.example/a', tab: { id: 7 } };

type Listener<T extends unknown[]> = (...args: T) => void;

/**
 * One end of an in-memory port: messages arrive in order, each a microtask later (those posted
 * before a disconnect too); a disconnect is seen only by the other end, as in browsers.
 */
interface End extends SnapshotPort {
  /** Messages this end posted. */
  posted: unknown[];
  /** Whether the port is closed (by either end). */
  closed(): boolean;
}

/** Two connected ends, like `runtime.connect` and the `onConnect` listener's port. */
function portPair(sender: Sender = contentSender, name = SNAPSHOT_PORT): { page: End; background: End } {
  let closed = false;
  const make = (): End & { receive: Listener<unknown[]>[]; lost: Listener<[]>[] } => {
    const receive: Listener<unknown[]>[] = [];
    const lost: Listener<[]>[] = [];
    return {
      name,
      sender,
      posted: [],
      receive,
      lost,
      closed: () => closed,
      postMessage(message) {
        if (closed) throw new Error('Attempting to use a disconnected port object');
        this.posted.push(message);
        const copy: unknown = structuredClone(message);
        void Promise.resolve().then(() => {
          for (const listener of other(this).receive) listener(copy);
        });
      },
      disconnect() {
        if (closed) return;
        closed = true;
        void Promise.resolve().then(() => other(this).lost.forEach((listener) => listener()));
      },
      onMessage: { addListener: (listener) => receive.push(listener as Listener<unknown[]>) },
      onDisconnect: { addListener: (listener) => lost.push(listener) },
    };
  };
  const page = make();
  const background = make();
  const other = (end: End) => (end === page ? background : page);
  return { page, background };
}

/** Lets every queued delivery run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A background whose article finder records what it was asked. */
function background(port: SnapshotPort) {
  const asked: FindArticleRequest[] = [];
  const find = vi.fn(async (request: FindArticleRequest): Promise<FindArticleReply> => {
    asked.push(request);
    return { ok: true, found: null };
  });
  const served = receiveSnapshot(port, { own, find });
  return { asked, find, served };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SnapshotAssembly', () => {
  it('joins parts in order and checks the end against them', () => {
    const assembly = new SnapshotAssembly();
    expect(assembly.add({ index: 0, html: '<html>' })).toBeNull();
    expect(assembly.add({ index: 1, html: '</html>' })).toBeNull();
    expect(assembly.finish({ parts: 2, chars: 13 })).toEqual({ html: '<html></html>' });
  });

  it('refuses a part out of order, and an end that does not match what came', () => {
    const assembly = new SnapshotAssembly();
    expect(assembly.add({ index: 1, html: 'b' })).toBe('snapshot part 1 came where part 0 was expected');
    expect(assembly.add({ index: 0, html: 'a' })).toBeNull();
    expect(assembly.add({ index: 0, html: 'a' })).toMatch(/part 0 came where part 1/);
    expect(assembly.finish({ parts: 2, chars: 2 })).toEqual({ error: expect.stringMatching(/incomplete: 1 parts of 1 characters came, 2 of 2 were sent/) });
  });

  it('refuses the part that takes the snapshot over its limit', () => {
    const assembly = new SnapshotAssembly(10);
    expect(assembly.add({ index: 0, html: '123456' })).toBeNull();
    expect(assembly.add({ index: 1, html: '12345' })).toMatch(/^page too large/);
  });
});

describe('a snapshot sent on a port', () => {
  it('arrives whole, in parts of SNAPSHOT_PART_CHARS with a pause between two, and the reply comes back', async () => {
    const { page, background: end } = portPair();
    const { asked, served } = background(end);
    expect(served).toBe(true);
    // Distinct characters at every part boundary, so a part out of place would show.
    const html = Array.from({ length: 2 * SNAPSHOT_PART_CHARS + 1234 }, (_, at) => String.fromCharCode(97 + (at % 26))).join('');
    const pause = vi.fn(() => Promise.resolve());
    const reply = await sendSnapshot(html, 'https://news.example/a', { connect: () => page, pause });
    expect(reply).toEqual({ ok: true, found: null });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.html === html, 'the snapshot as sent').toBe(true);
    expect(asked[0]!.url).toBe('https://news.example/a');
    expect(page.posted.map((message) => (message as { type: string }).type)).toEqual(['gloss:snapshot:part', 'gloss:snapshot:part', 'gloss:snapshot:part', 'gloss:snapshot:end']);
    expect(pause).toHaveBeenCalledTimes(2);
    expect(page.closed(), 'the page closes the port once answered').toBe(true);
  });

  it('sends an empty snapshot as its end alone', async () => {
    const { page, background: end } = portPair();
    const { asked } = background(end);
    await sendSnapshot('', 'https://news.example/a', { connect: () => page, pause: async () => {} });
    expect(asked).toEqual([{ type: 'gloss:find-article', html: '', url: 'https://news.example/a' }]);
  });

  it('refuses parts out of order, with a reply that says so, and closes the port', async () => {
    const { page, background: end } = portPair();
    const { find } = background(end);
    const replies: unknown[] = [];
    page.onMessage.addListener((reply) => replies.push(reply));
    page.postMessage({ type: 'gloss:snapshot:part', index: 1, html: 'b' });
    page.postMessage({ type: 'gloss:snapshot:part', index: 0, html: 'a' });
    page.postMessage({ type: 'gloss:snapshot:end', url: 'https://news.example/a', parts: 2, chars: 2 });
    await settle();
    expect(replies).toEqual([{ ok: false, error: 'snapshot part 1 came where part 0 was expected' }]);
    expect(end.closed()).toBe(true);
    expect(find).not.toHaveBeenCalled();
  });

  it('refuses a snapshot over MAX_SNAPSHOT_CHARS at the part that crosses it, before the rest is sent', async () => {
    const { page, background: end } = portPair();
    const { find } = background(end);
    // A page that does not check the limit itself: the sender's own check is bypassed by posting by hand.
    const part = 'x'.repeat(SNAPSHOT_PART_CHARS);
    const replies: unknown[] = [];
    page.onMessage.addListener((reply) => replies.push(reply));
    const crossing = Math.ceil((MAX_SNAPSHOT_CHARS + 1) / SNAPSHOT_PART_CHARS);
    for (let index = 0; index < crossing && !page.closed(); index += 1) {
      page.postMessage({ type: 'gloss:snapshot:part', index, html: part });
      await settle();
    }
    expect(replies).toEqual([{ ok: false, error: expect.stringMatching(/^page too large: 10\.\d MB of HTML, Gloss reads at most 10\.0 MB$/) }]);
    expect(page.posted, 'every part up to the one over the limit').toHaveLength(crossing);
    expect(page.closed()).toBe(true);
    expect(find).not.toHaveBeenCalled();
  });

  it('refuses a part larger than SNAPSHOT_PART_CHARS, and a message that is not a snapshot message', async () => {
    for (const message of [{ type: 'gloss:snapshot:part', index: 0, html: 'x'.repeat(SNAPSHOT_PART_CHARS + 1) }, { type: 'gloss:find-article', html: '', url: '' }]) {
      const { page, background: end } = portPair();
      background(end);
      const replies: unknown[] = [];
      page.onMessage.addListener((reply) => replies.push(reply));
      page.postMessage(message);
      await settle();
      expect(replies).toEqual([{ ok: false, error: expect.stringMatching(/html is longer than 256,000 characters|not a snapshot message/) }]);
      expect(end.closed()).toBe(true);
    }
  });

  it('drops the parts and its timer when the page goes away mid-send, and finds nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { page, background: end } = portPair();
    const { find } = background(end);
    expect(vi.getTimerCount(), 'the stall timer').toBe(1);
    page.postMessage({ type: 'gloss:snapshot:part', index: 0, html: 'a' });
    await Promise.resolve();
    page.disconnect();
    await Promise.resolve();
    await Promise.resolve();
    expect(vi.getTimerCount(), 'nothing of the snapshot left waiting').toBe(0);
    expect(find).not.toHaveBeenCalled();
    expect(end.posted).toEqual([]);
  });

  it('the page aborting its snapshot closes the port and rejects', async () => {
    const { page, background: end } = portPair();
    const { find } = background(end);
    const controller = new AbortController();
    let pauses = 0;
    const sent = sendSnapshot('y'.repeat(3 * SNAPSHOT_PART_CHARS), 'https://news.example/a', {
      connect: () => page,
      pause: async () => {
        pauses += 1;
        if (pauses === 1) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(sent).rejects.toThrow('no longer wanted');
    await settle();
    expect(page.posted, 'one part, then nothing').toHaveLength(1);
    expect(page.closed()).toBe(true);
    expect(find).not.toHaveBeenCalled();
  });

  it('closes a port whose sender stops sending, with a reply that says so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { page, background: end } = portPair();
    background(end);
    const replies: unknown[] = [];
    page.onMessage.addListener((reply) => replies.push(reply));
    page.postMessage({ type: 'gloss:snapshot:part', index: 0, html: 'a' });
    await Promise.resolve();
    await Promise.resolve();
    vi.advanceTimersByTime(SNAPSHOT_STALL_MS - 1);
    expect(end.closed()).toBe(false);
    vi.advanceTimersByTime(1);
    await Promise.resolve();
    expect(replies).toEqual([{ ok: false, error: 'the page stopped sending its snapshot for 30 s' }]);
    expect(end.closed()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects on the page when the background closes the port without a reply', async () => {
    const { page, background: end } = portPair();
    end.onMessage.addListener(() => end.disconnect());
    await expect(sendSnapshot('<html></html>', 'https://news.example/a', { connect: () => page, pause: async () => {} })).rejects.toThrow('without a reply');
  });

  it('closes at once a snapshot port that is not from Gloss, and leaves other ports alone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const sender of [{ id: 'other-id', url: 'https://news.example/a', tab: { id: 7 } }, { id: own.id, url: 'file:///home/a.html', tab: { id: 2 } }, {}]) {
      const { background: end } = portPair(sender);
      const { served } = background(end);
      expect(served).toBe(true);
      expect(end.closed(), JSON.stringify(sender)).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    }
    const { background: other } = portPair(contentSender, 'someone-else');
    expect(background(other).served).toBe(false);
    expect(other.closed()).toBe(false);
  });
});
