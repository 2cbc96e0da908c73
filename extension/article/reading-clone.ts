import { isStrippedBeforeReading, protectDateline } from './chrome';
import { listToArray } from './dom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Landmarks that may hold the whole article. */
const SCOPE_SELECTOR = 'article, main, [role="main"], [itemprop="articleBody"]';
/** Paragraphs shorter than this do not count when locating the article (captions, teasers). */
const MIN_PARAGRAPH_CHARS = 80;
/** Share of the page's paragraph text a landmark must hold to stand for the whole page. */
const MIN_SCOPE_SHARE = 0.85;

/** The copy of the page Readability may change, and the way back to the live page. */
export interface ReadingClone {
  clone: Document;
  /** The live text node a text node of the clone stands for, or null. */
  liveOf: (clone: Text) => Text | null;
}

/**
 * Clones the page for Readability, which rewrites the document it reads. When one landmark
 * (`<article>`, `<main>`) holds nearly all the page's paragraph text, the clone's body is cut
 * down to it: Readability's cost grows with the page, and on news pages the chrome around the
 * article is most of it. Each text node of the clone is paired with the live one it was cloned
 * from, and scripts and chrome are stripped from the clone.
 */
export function cloneForReading(doc: Document): ReadingClone {
  const clone = doc.cloneNode(true) as Document;
  const scope = articleScope(doc);
  if (!scope) return { clone, liveOf: pairTextNodes(doc.documentElement, clone.documentElement) };
  const clonedScope = counterpart(scope, doc.documentElement, clone.documentElement);
  const body = clone.body;
  while (body.firstChild) body.firstChild.remove();
  body.appendChild(clonedScope);
  return { clone, liveOf: pairTextNodes(scope, clonedScope) };
}

/** The innermost landmark holding nearly all the paragraph text, or null to read the whole page. */
function articleScope(doc: Document): Element | null {
  const weight = new Map<Element, number>();
  let total = 0;
  for (const p of listToArray(doc.body.querySelectorAll('p'))) {
    const chars = p.textContent?.length ?? 0;
    if (chars < MIN_PARAGRAPH_CHARS) continue;
    total += chars;
    for (let at = p.parentElement; at && at !== doc.body; at = at.parentElement) weight.set(at, (weight.get(at) ?? 0) + chars);
  }
  let scope: Element | null = null;
  for (const [element, chars] of weight) {
    if (chars < total * MIN_SCOPE_SHARE || !element.matches(SCOPE_SELECTOR)) continue;
    if (!scope || scope.contains(element)) scope = element;
  }
  return scope;
}

/** The node of `cloneRoot`'s tree at the same place as `node` in `liveRoot`'s. */
function counterpart(node: Node, liveRoot: Node, cloneRoot: Node): Node {
  const path: number[] = [];
  for (let at = node; at !== liveRoot; at = at.parentNode!) {
    let index = 0;
    for (let sibling = at.previousSibling; sibling; sibling = sibling.previousSibling) index++;
    path.push(index);
  }
  let found = cloneRoot;
  for (const index of path.reverse()) found = found.childNodes[index]!;
  return found;
}

/**
 * Pairs the text nodes under `cloneRoot` with those under `liveRoot` (right after cloning both
 * trees have the same shape) and strips scripts and chrome from the clone. Text nodes
 * Readability makes afresh (it re-parses the page when its first pass finds too little) are
 * looked up by their text.
 */
function pairTextNodes(liveRoot: Node, cloneRoot: Node): (clone: Text) => Text | null {
  const pairs = new Map<Node, Text>();
  const strip: Element[] = [];
  const stack: [Node, Node][] = [];
  let l: Node | null = liveRoot.firstChild;
  let c: Node | null = cloneRoot.firstChild;
  for (;;) {
    if (!l || !c) {
      const parents = stack.pop();
      if (!parents) break;
      l = parents[0].nextSibling;
      c = parents[1].nextSibling;
      continue;
    }
    if (l.nodeType === TEXT_NODE) pairs.set(c, l as Text);
    else if (l.nodeType === ELEMENT_NODE) {
      const element = c as Element;
      if (isStrippedBeforeReading(element, element.localName)) strip.push(element);
      else if (l.firstChild) {
        protectDateline(element);
        stack.push([l, c]);
        l = l.firstChild;
        c = c.firstChild;
        continue;
      }
    }
    l = l.nextSibling;
    c = c.nextSibling;
  }
  for (const element of strip) element.remove();

  const used = new Set<Text>();
  let byText: Map<string, Text[]> | null = null;
  return (node) => {
    const paired = pairs.get(node);
    if (paired) return paired;
    byText ??= indexByText(pairs.values());
    const found = byText.get(node.data)?.find((candidate) => !used.has(candidate));
    if (found) used.add(found);
    return found ?? null;
  };
}

function indexByText(nodes: Iterable<Text>): Map<string, Text[]> {
  const index = new Map<string, Text[]>();
  for (const node of nodes) {
    if (!node.data.trim()) continue;
    const list = index.get(node.data);
    if (list) list.push(node);
    else index.set(node.data, [node]);
  }
  return index;
}
