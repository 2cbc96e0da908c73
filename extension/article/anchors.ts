/**
 * Anchors carry the map from article text to text nodes across a page's re-parse: the
 * background finds the article on a parse of the page's HTML and describes where each stretch
 * of text came from by the ordinal of its run of text nodes (see counted-text.ts); the content
 * script finds those runs on the live page, checking each one, and builds its own `TextNodeMap`.
 */
import { EDITABLE_SELECTOR } from './chrome';
import { countedTexts, dataOf } from './counted-text';
import { createTextNodeMap, type NodeStretches } from './text-node-map';
import type { TextNodeMap } from './types';

/** `text.slice(start, end)` is characters `offset…` of counted run of text nodes number `node`. */
export interface TextAnchor {
  start: number;
  end: number;
  node: number;
  offset: number;
}

/** How many ordinals either side of the expected one a drifted node is looked for. */
const RESYNC_WINDOW = 200;
/** Shorter stretches ("a", "UN") are only taken where expected: elsewhere they'd match by chance. */
const MIN_RESYNC_CHARS = 4;
/** Main-thread time the content script spends before letting the page run. */
const SLICE_MS = 5;

/**
 * Anchors for a map built on `root`'s document, for the text's first `textLength` characters
 * (an article cut to its first words); stretches from uncounted nodes are left out.
 */
export function anchorsFor(map: TextNodeMap, root: Node, textLength = Infinity): TextAnchor[] {
  const places = new Map<Node, { ordinal: number; before: number }>();
  let ordinal = 0;
  for (const run of countedTexts(root)) {
    let before = 0;
    for (const node of run) {
      places.set(node, { ordinal, before });
      before += node.length;
    }
    ordinal++;
  }
  return map.runs().flatMap(({ start, end, node, offset }) => {
    const place = start < textLength ? places.get(node) : undefined;
    return place ? [{ start, end: Math.min(end, textLength), node: place.ordinal, offset: place.before + offset }] : [];
  });
}

export interface AnchoringOptions {
  /** Lets the page's own tasks run (the content script passes `yieldToMain`). */
  pause(): Promise<void>;
  signal: AbortSignal;
}

/**
 * The map from `text` to the live text nodes under `root`, built from `anchors` in slices of a
 * few milliseconds. Every anchor is checked against the live node; where the page differs from
 * its parse (nodes the page added or split, text it changed) the node is looked for nearby, and
 * stretches that cannot be found stay unmapped (their mentions are simply not marked).
 */
export async function anchoredMap(root: Node, text: string, anchors: readonly TextAnchor[], { pause, signal }: AnchoringOptions): Promise<TextNodeMap> {
  const slices = new Slices(pause);
  const lastOrdinal = anchors.reduce((last, anchor) => Math.max(last, anchor.node), -1);
  const live = new LiveTexts();
  for (const run of countedTexts(root)) {
    if (live.runs.length > lastOrdinal + RESYNC_WINDOW || signal.aborted) break;
    live.runs.push(run);
    if (slices.due()) await slices.next();
  }

  const chars = new CharMap(text.length);
  let drift = 0;
  for (const anchor of anchors) {
    if (signal.aborted) break;
    if (anchor.end > text.length) continue;
    const found = live.locate(anchor, normalise(text.slice(anchor.start, anchor.end)), drift);
    if (slices.due()) await slices.next();
    if (!found) continue;
    drift = found.ordinal - anchor.node;
    const run = live.runs[found.ordinal]!;
    // The page may have made the text editable since its snapshot: what the reader types is never marked.
    if (run[0]!.parentElement?.closest(EDITABLE_SELECTOR)) continue;
    chars.place(anchor, run, found.offset);
  }
  return createTextNodeMap(chars.nodes, chars.charNode, chars.charOffset, chars.stretches());
}

/** The per-character arrays of a `TextNodeMap`, filled an anchor at a time. */
class CharMap {
  readonly nodes: Text[] = [];
  readonly charNode: Int32Array;
  readonly charOffset: Int32Array;
  private readonly indexOfNode = new Map<Text, number>();
  /** Each node's first and last character, kept as anchors are placed (see `stretches`). */
  private readonly firstChar: number[] = [];
  private readonly lastChar: number[] = [];

  constructor(length: number) {
    this.charNode = new Int32Array(length).fill(-1);
    this.charOffset = new Int32Array(length).fill(-1);
  }

  /** Maps the anchor's text to the characters of `run` from `offset` on, node by node. */
  place({ start, end }: TextAnchor, run: readonly Text[], offset: number): void {
    let before = 0;
    for (const node of run) {
      const from = Math.max(offset, before);
      const to = Math.min(offset + end - start, before + node.length);
      if (from < to) {
        const index = this.indexOf(node);
        const at = start + from - offset;
        this.charNode.fill(index, at, at + to - from);
        for (let i = 0; i < to - from; i++) this.charOffset[at + i] = from - before + i;
        this.firstChar[index] = Math.min(this.firstChar[index]!, at);
        this.lastChar[index] = Math.max(this.lastChar[index]!, at + to - from - 1);
      }
      before += node.length;
    }
  }

  /** Where each node's characters are, for `createTextNodeMap` (which would otherwise read them off the whole text at once). */
  stretches(): NodeStretches {
    return { firstChar: Int32Array.from(this.firstChar), lastChar: Int32Array.from(this.lastChar) };
  }

  private indexOf(node: Text): number {
    let index = this.indexOfNode.get(node);
    if (index === undefined) {
      index = this.nodes.push(node) - 1;
      this.indexOfNode.set(node, index);
      this.firstChar.push(Number.MAX_SAFE_INTEGER);
      this.lastChar.push(-1);
    }
    return index;
  }
}

/** Whitespace of any kind as a plain space: the article text collapses it. */
function normalise(text: string): string {
  return text.replace(/\s/g, ' ');
}

/** The live page's counted runs of text nodes, and the search for an anchor's run among them. */
class LiveTexts {
  readonly runs: Text[][] = [];
  private readonly normalised: (string | undefined)[] = [];

  /** Where `expected` is on the live page: at the anchor's place (moved by `drift`), or nearby. */
  locate(anchor: TextAnchor, expected: string, drift: number): { ordinal: number; offset: number } | null {
    const guess = anchor.node + drift;
    if (this.textOf(guess)?.startsWith(expected, anchor.offset)) return { ordinal: guess, offset: anchor.offset };
    if (expected.trim().length < MIN_RESYNC_CHARS) return null;
    for (let distance = 0; distance <= RESYNC_WINDOW; distance++) {
      for (const ordinal of distance ? [guess - distance, guess + distance] : [guess]) {
        const data = this.textOf(ordinal);
        const offset = data === undefined ? -1 : nearestOccurrence(data, expected, anchor.offset);
        if (offset >= 0) return { ordinal, offset };
      }
    }
    return null;
  }

  private textOf(ordinal: number): string | undefined {
    const run = this.runs[ordinal];
    if (!run) return undefined;
    return (this.normalised[ordinal] ??= normalise(dataOf(run)));
  }
}

/** The offset of the occurrence of `expected` in `data` closest to `near`, or -1. */
function nearestOccurrence(data: string, expected: string, near: number): number {
  let best = -1;
  for (let at = data.indexOf(expected); at >= 0; at = data.indexOf(expected, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}

/** Main-thread time slices: `due()` says when the current one is spent (checked every few steps). */
class Slices {
  private started = performance.now();
  private steps = 0;

  constructor(private readonly pause: () => Promise<void>) {}

  due(): boolean {
    return ++this.steps % 32 === 0 && performance.now() - this.started > SLICE_MS;
  }

  async next(): Promise<void> {
    await this.pause();
    this.started = performance.now();
  }
}
