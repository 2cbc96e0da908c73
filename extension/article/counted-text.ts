/**
 * The text of a page as both sides of Gloss count it: the content script walks the live page,
 * the background a re-parse of the page's serialisation (`outerHTML`), and an ordinal in this
 * sequence names the same text on both sides. The unit is a run of adjacent sibling text nodes,
 * not a single node: serialising joins adjacent nodes (a page's scripts and `splitText` make
 * them), and linkedom splits text at every character reference (`Fish &amp; chips` gives three
 * nodes). The sequence leaves out what a re-parse may give differently: whitespace-only runs
 * (parsers differ on where whitespace goes), and everything inside elements whose content is
 * not parsed as ordinary markup (the live `<noscript>` holds one raw text node where a re-parse
 * makes elements, `<template>` keeps its content out of the tree, `<textarea>` shows its value)
 * or is never article text.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const UNCOUNTED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'iframe', 'noembed', 'noframes', 'xmp', 'plaintext', 'svg', 'math']);

/** The counted runs of adjacent text nodes under `root`, in document order. */
export function* countedTexts(root: Node): Generator<Text[], void, undefined> {
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE && node.firstChild && !UNCOUNTED.has((node as Element).localName)) {
      node = node.firstChild;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const run = [node as Text];
      while (node.nextSibling?.nodeType === TEXT_NODE) run.push((node = node.nextSibling) as Text);
      if (run.some((text) => /\S/.test(text.data))) yield run;
    }
    node = nextAfter(node, root);
  }
}

/** The text of a run of adjacent text nodes. */
export function dataOf(run: readonly Text[]): string {
  return run.length === 1 ? run[0]!.data : run.map((text) => text.data).join('');
}

/** The node after `node`'s subtree in document order, within `root`. */
function nextAfter(node: Node, root: Node): Node | null {
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}
