import type { Link, Span } from '../analysis/types';
import { createTextNodeMap } from './text-node-map';
import type { TextNodeMap } from './types';

const BLOCK_SEPARATOR = '\n\n';
const SPACE_OR_WORD = /\s+|\S+/g;
/** Invisible characters that would split words for the tokenizer: soft hyphen, zero-width space, BOM. */
const INVISIBLE = /[\u00ad\u200b\ufeff]/;
const INVISIBLES = new RegExp(INVISIBLE.source, 'g');

/** What the builder produced: the text, its blocks and links, and the map back to live text nodes. */
export interface BuiltText {
  text: string;
  blocks: Span[];
  links: Link[];
  map: TextNodeMap;
}

/**
 * Builds article text block by block from DOM text nodes, collapsing whitespace inside blocks,
 * and remembers for every character the live text node and offset it came from (-1 for the
 * separators and for text that has no live node). Per-character arrays keep both directions of
 * the map simple and linear; an article is at most a few hundred thousand characters.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly nodes: Node[] = [];
  private readonly nodeIndex = new Map<Node, number>();
  private readonly charNode: number[] = [];
  private readonly charOffset: number[] = [];
  private readonly blocks: Span[] = [];
  private readonly links: { href: string; start: number; end: number }[] = [];
  private blockStart = -1;
  /** Characters of the current block read inside links. */
  private blockLinkChars = 0;
  private linkDepth = 0;
  /** A whitespace run seen inside the current block, emitted as one space before the next word. */
  private pendingSpace: { node: number; offset: number } | null = null;

  /** The offset the next character will get. */
  get position(): number {
    return this.length;
  }

  /** Appends the text of `source`; `live` is the page's text node it stands for, if any. */
  appendText(source: Text, live: Node | null): void {
    const data = source.data;
    const node = live ? this.indexOf(live) : -1;
    SPACE_OR_WORD.lastIndex = 0;
    for (let m = SPACE_OR_WORD.exec(data); m; m = SPACE_OR_WORD.exec(data)) {
      if (/\s/.test(m[0][0]!)) {
        if (this.blockStart >= 0 && !this.pendingSpace) this.pendingSpace = { node, offset: m.index };
        continue;
      }
      this.appendWord(m[0], node, m.index);
    }
  }

  /** Text appended until the matching `leaveLink` is link text (see `endBlock`). */
  enterLink(): void {
    this.linkDepth++;
  }

  leaveLink(): void {
    this.linkDepth--;
  }

  /** Separates the next word from the last one, even where the page has no space between them. */
  breakWord(): void {
    if (this.blockStart >= 0) this.pendingSpace ??= { node: -1, offset: -1 };
  }

  /**
   * Ends the current block (if it has text); when `keep` says no for its text and its count
   * of link characters, the block is dropped with its links.
   */
  endBlock(keep: (text: string, linkChars: number) => boolean = () => true): void {
    this.pendingSpace = null;
    if (this.blockStart < 0) return;
    const start = this.blockStart;
    this.blockStart = -1;
    const text = this.textFrom(start);
    if (keep(text, this.blockLinkChars)) {
      this.blocks.push({ start, end: this.length });
      return;
    }
    this.truncate(start - (this.blocks.length ? BLOCK_SEPARATOR.length : 0));
  }

  addLink(href: string, start: number, end: number): void {
    if (end > start) this.links.push({ href, start, end });
  }

  build(): BuiltText {
    this.endBlock();
    const text = this.parts.join('');
    const links = this.links.map(({ href, start, end }) => {
      const span = trimSpan(text, start, end);
      return { href, text: text.slice(span.start, span.end), ...span };
    });
    return { text, blocks: this.blocks, links: links.filter((l) => l.end > l.start), map: this.createMap() };
  }

  private appendWord(word: string, node: number, offset: number): void {
    const clean = word.replace(INVISIBLES, '');
    if (!clean) return;
    if (this.blockStart < 0) this.startBlock();
    else if (this.pendingSpace) this.push(' ', this.pendingSpace.node, this.pendingSpace.offset, false);
    this.pendingSpace = null;
    if (this.linkDepth > 0) this.blockLinkChars += clean.length;
    if (clean.length === word.length) this.push(word, node, offset, true);
    else for (let i = 0; i < word.length; i++) if (!INVISIBLE.test(word[i]!)) this.push(word[i]!, node, offset + i, false);
  }

  private startBlock(): void {
    if (this.blocks.length) this.push(BLOCK_SEPARATOR, -1, 0, false);
    this.blockStart = this.length;
    this.blockLinkChars = 0;
  }

  /** Appends `str`; `contiguous` maps its characters to consecutive offsets of `node`. */
  private push(str: string, node: number, offset: number, contiguous: boolean): void {
    this.parts.push(str);
    for (let i = 0; i < str.length; i++) {
      this.charNode.push(node);
      this.charOffset.push(contiguous ? offset + i : node < 0 ? -1 : offset);
    }
    this.length += str.length;
  }

  private textFrom(start: number): string {
    let text = '';
    for (let i = this.parts.length - 1, at = this.length; at > start && i >= 0; i--) {
      text = this.parts[i]! + text;
      at -= this.parts[i]!.length;
    }
    return text.slice(text.length - (this.length - start));
  }

  private truncate(to: number): void {
    while (this.length > to) {
      const last = this.parts.pop()!;
      this.length -= last.length;
      if (this.length < to) {
        this.parts.push(last.slice(0, to - this.length));
        this.length = to;
      }
    }
    this.charNode.length = to;
    this.charOffset.length = to;
    while (this.links.length && this.links[this.links.length - 1]!.end > to) this.links.pop();
  }

  private indexOf(node: Node): number {
    let index = this.nodeIndex.get(node);
    if (index === undefined) {
      index = this.nodes.length;
      this.nodes.push(node);
      this.nodeIndex.set(node, index);
    }
    return index;
  }

  private createMap(): TextNodeMap {
    return createTextNodeMap(this.nodes, Int32Array.from(this.charNode), Int32Array.from(this.charOffset));
  }
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
