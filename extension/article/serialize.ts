/**
 * The page's snapshot (`documentElement.outerHTML`) taken in slices. One `outerHTML` call on a
 * 2 MB article took 60–70 ms of the page's main thread in Chromium, and it cannot be
 * interrupted; here the tree is walked in JavaScript, elements that hold other elements are
 * written tag by tag, and every other node is written by the browser's own serialiser
 * (`outerHTML` of an element without element children, which is short), with a pause whenever
 * a slice has run `SLICE_MS`. The result parses to the same tree as `outerHTML` does, which is
 * what the anchors (counted-text.ts) rely on: the same text nodes, in the same order, with the
 * same text. One difference: scripts and style sheets are written empty, since nothing reads
 * them (their text is never counted, Readability drops them) and on news pages they are often
 * most of the HTML (inline bundles, JSON state) that the page would otherwise send. JSON-LD,
 * which the page's metadata is read from, is kept.
 */
import { listToArray } from './dom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Elements always written whole by `outerHTML`: their content is not ordinary markup (raw text,
 * a template's content, a leading newline the parser drops), so the browser's serialiser is the
 * one that gets it right.
 */
const WRITTEN_WHOLE = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript', 'textarea', 'pre', 'listing', 'template', 'title']);
/** Main-thread time the serialiser spends before letting the page run. */
const SLICE_MS = 5;
/** Nodes written between two looks at the clock. */
const CHECK_EVERY = 64;

export interface SliceOptions {
  /** Lets the page's own tasks run (the content script passes `yieldToMain`). */
  pause(): Promise<void>;
  signal: AbortSignal;
}

/** `root.outerHTML`, written in slices of a few milliseconds (a root Gloss cannot walk is written at once). */
export async function outerHtmlInSlices(root: Element, { pause, signal }: SliceOptions): Promise<string> {
  if (!isWalked(root)) return root.outerHTML;
  // Each slice's parts are joined as it ends: one join of 100,000 parts at the end is a long task.
  const chunks: string[] = [];
  const parts: string[] = [];
  let sliceStart = performance.now();
  let written = 0;
  // Each entry: an element whose start tag is written, and its next child to write.
  const stack: { element: Element; next: Node | null }[] = [{ element: root, next: root.firstChild }];
  parts.push(startTag(root));
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.next;
    if (!node) {
      parts.push(`</${top.element.localName}>`);
      stack.pop();
      continue;
    }
    top.next = node.nextSibling;
    if (node.nodeType === ELEMENT_NODE && isWalked(node as Element)) {
      parts.push(startTag(node as Element));
      stack.push({ element: node as Element, next: node.firstChild });
    } else {
      parts.push(serializeNode(node));
    }
    if (++written % CHECK_EVERY === 0 && performance.now() - sliceStart > SLICE_MS) {
      chunks.push(parts.join(''));
      parts.length = 0;
      await pause();
      if (signal.aborted) return '';
      sliceStart = performance.now();
    }
  }
  chunks.push(parts.join(''));
  return chunks.join('');
}

/** Whether the element is written tag by tag: an HTML element holding other elements, with ordinary content. */
function isWalked(element: Element): boolean {
  return element.namespaceURI === HTML_NAMESPACE && element.firstElementChild !== null && !WRITTEN_WHOLE.has(element.localName);
}

/** A script (other than JSON-LD) or a style sheet: written without its content. */
function isUnread(element: Element): boolean {
  const tag = element.localName;
  return tag === 'style' || (tag === 'script' && !/ld\+json/i.test(element.getAttribute('type') ?? ''));
}

function startTag(element: Element): string {
  let tag = `<${element.localName}`;
  for (const attribute of listToArray(element.attributes)) tag += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  return `${tag}>`;
}

/** A node under a walked element: an element without element children (or written whole), text, or a comment. */
function serializeNode(node: Node): string {
  switch (node.nodeType) {
    case ELEMENT_NODE:
      return isUnread(node as Element) ? `${startTag(node as Element)}</${(node as Element).localName}>` : (node as Element).outerHTML;
    case TEXT_NODE:
      return escapeText((node as Text).data);
    case COMMENT_NODE:
      return `<!--${(node as Comment).data}-->`;
    default:
      return ''; // processing instructions and the like: no text
  }
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '\u00a0': '&nbsp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as the HTML serialiser escapes it. */
function escapeText(text: string): string {
  return text.replace(/[&\u00a0<>]/g, (char) => TEXT_ESCAPES[char]!);
}

/** An attribute value as the HTML serialiser escapes it (with `<` and `>`, as current browsers do). */
function escapeAttribute(value: string): string {
  return value.replace(/[&\u00a0"<>]/g, (char) => TEXT_ESCAPES[char]!);
}
