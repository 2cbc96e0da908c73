/**
 * The reader's selection as a span of the article text, when a note can be made on it: inside
 * the article (both ends on text the article map knows), not in a form field or an editable
 * region, and not in Gloss's own UI.
 */
import type { Span } from '../analysis/types';
import type { TextNodeMap } from '../article/types';

/** Whether a node is in a form field or an editable region (where selecting is editing). */
function inEditable(node: Node | null): boolean {
  const element = node instanceof Element ? node : node?.parentElement;
  return !!element && (element.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null || (element as HTMLElement).isContentEditable === true);
}

/** The text nodes the range covers, in document order, at least partly. */
function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return [root as Text];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node) && (node as Text).length > 0) nodes.push(node as Text);
  }
  return nodes;
}

/**
 * The article span of `selection`'s first range and that range, or null when the selection is
 * empty or not wholly in the article. A boundary on an element (a triple-click ends at the
 * start of the next paragraph) is moved to the nearest text inside the selection.
 */
export function articleSelection(selection: Selection | null, map: TextNodeMap): (Span & { range: Range }) | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (inEditable(range.startContainer) || inEditable(range.endContainer) || inEditable(range.commonAncestorContainer)) return null;
  // White space between blocks is not article text, and does not take a selection out of it.
  const texts = textNodesIn(range).filter((node) => /\S/.test(node.data) || map.offsetOf(node, 0) !== null);
  const first = texts[0];
  const last = texts[texts.length - 1];
  if (!first || !last) return null;
  const start = map.offsetOf(first, range.startContainer === first ? range.startOffset : 0);
  const end = map.offsetOf(last, range.endContainer === last ? range.endOffset : last.length);
  if (start === null || end === null || end <= start) return null;
  return { start, end, range };
}
