import { partitionPoint } from '../analysis/text/partition-point';
import type { TextNodeMap, TextRun } from './types';

/**
 * The two-way map over per-character arrays: `charNode[i]` is the index in `nodes` of the text
 * node character i of the article text came from (-1: from no node), `charOffset[i]` its offset
 * in that node. A node's characters are contiguous in the text (each text node is read once),
 * so `offsetOf` searches only the node's own stretch.
 */
export function createTextNodeMap(nodes: readonly Node[], charNode: Int32Array, charOffset: Int32Array, stretches = stretchesOf(nodes.length, charNode)): TextNodeMap {
  const nodeIndex = new Map<Node, number>();
  nodes.forEach((node, index) => nodeIndex.set(node, index));
  const { firstChar, lastChar } = stretches;

  return {
    rangeFor(start, end) {
      let first = Math.max(0, start);
      let last = Math.min(end, charNode.length) - 1;
      while (first <= last && charNode[first]! < 0) first++;
      while (last >= first && charNode[last]! < 0) last--;
      if (first > last) return null;
      const startNode = nodes[charNode[first]!]! as Text;
      const endNode = nodes[charNode[last]!]! as Text;
      // The page may have changed its text since: a stale map gives no range rather than an error.
      if (!startNode.isConnected || !endNode.isConnected || charOffset[last]! >= endNode.length) return null;
      const range = startNode.ownerDocument.createRange();
      range.setStart(startNode, charOffset[first]!);
      range.setEnd(endNode, charOffset[last]! + 1);
      return range;
    },
    offsetOf(node, offset) {
      const index = nodeIndex.get(node);
      if (index === undefined || firstChar[index]! < 0) return null;
      // Offsets grow along the node's stretch: the first character at or after `offset`.
      const first = firstChar[index]!;
      return first + partitionPoint(lastChar[index]! + 1 - first, (k) => charNode[first + k] === index && charOffset[first + k]! < offset);
    },
    runs() {
      return runsOf(nodes, charNode, charOffset);
    },
  };
}

/** Where each node's characters are in the text: the first and the last (-1: none). */
export interface NodeStretches {
  firstChar: Int32Array;
  lastChar: Int32Array;
}

/**
 * The stretches read off `charNode`, one pass over the text. The content script passes its own
 * (anchors.ts keeps them as it maps): on a page this pass runs once, in code not yet optimised,
 * and took from 8 to 130 ms on a 300,000-character article.
 */
function stretchesOf(count: number, charNode: Int32Array): NodeStretches {
  const firstChar = new Int32Array(count).fill(-1);
  const lastChar = new Int32Array(count);
  for (let i = 0; i < charNode.length; i++) {
    const node = charNode[i]!;
    if (node < 0) continue;
    if (firstChar[node]! < 0) firstChar[node] = i;
    lastChar[node] = i;
  }
  return { firstChar, lastChar };
}

/** The stretches of text whose characters are consecutive characters of one node. */
function runsOf(nodes: readonly Node[], charNode: Int32Array, charOffset: Int32Array): TextRun[] {
  const runs: TextRun[] = [];
  for (let start = 0; start < charNode.length; ) {
    const node = charNode[start]!;
    const offset = charOffset[start]!;
    let end = start + 1;
    while (node >= 0 && end < charNode.length && charNode[end] === node && charOffset[end] === offset + (end - start)) end++;
    if (node >= 0) runs.push({ start, end, node: nodes[node]!, offset });
    start = end;
  }
  return runs;
}
