import type { EntityType, Mention } from '../types';
import { canonicalKey, initials, isAcronym, similarSpelling } from './names';

/** One real-world entity being assembled: its mentions, fullest first. */
export interface Cluster {
  mentions: Mention[];
  /** The mention whose text names the entity. */
  head: Mention;
  /** The head's canonical key, worked out once: every later mention is compared with it. */
  headKey: string;
  keys: Set<string>;
}

// Acronyms whose expansion is not spelled by their initials, or is often written without them.
const KNOWN_ACRONYMS = new Map([
  ['afp', 'agence france-presse'],
  ['ap', 'associated press'],
  ['un', 'united nations'],
  ['eu', 'european union'],
  ['us', 'united states'],
  ['usa', 'united states'],
  ['uk', 'united kingdom'],
  ['nato', 'north atlantic treaty organization'],
  ['who', 'world health organization'],
  ['imf', 'international monetary fund'],
  ['fbi', 'federal bureau of investigation'],
]);

/**
 * Groups mentions into entities: the same name, a person's surname or first name alone, an
 * acronym of a name (spelled by its initials, given in brackets after it, or a well-known one),
 * and spelling variants of the same type. `acronymOf` maps an acronym mention to the mention it
 * abbreviates in the text ("the United Nations (UN)").
 */
export function clusterMentions(mentions: Mention[], acronymOf: Map<Mention, Mention>): Cluster[] {
  const clusters: Cluster[] = [];
  const clusterOf = new Map<Mention, Cluster>();
  const fullestFirst = [...mentions].sort((a, b) => wordCount(b.text) - wordCount(a.text) || a.start - b.start);
  for (const mention of fullestFirst) {
    const key = canonicalKey(mention.text);
    const expanded = acronymOf.get(mention);
    const cluster = (expanded && clusterOf.get(expanded)) ?? findCluster(clusters, mention, key);
    if (cluster) {
      cluster.mentions.push(mention);
      cluster.keys.add(key);
      clusterOf.set(mention, cluster);
    } else {
      const created = { mentions: [mention], head: mention, headKey: key, keys: new Set([key]) };
      clusters.push(created);
      clusterOf.set(mention, created);
    }
  }
  for (const cluster of clusters) cluster.mentions.sort((a, b) => a.start - b.start);
  return clusters.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

function findCluster(clusters: Cluster[], mention: Mention, key: string): Cluster | undefined {
  const same = clusters.find(c => c.keys.has(key));
  if (same) return same;
  const rules = [partOfPersonName, endOfLongerName, abbreviates, spelledAlike];
  for (const rule of rules) {
    const candidates = clusters.filter(c => rule(mention, key, c));
    // An ambiguous surname ("Smith" with two Smiths) joins neither.
    if (candidates.length === 1) return candidates[0];
  }
  return undefined;
}

/** "Zelensky" or "Volodymyr" alone for "Volodymyr Zelensky"; "Bin Laden" for "Osama bin Laden". */
function partOfPersonName(mention: Mention, key: string, cluster: Cluster): boolean {
  if (cluster.head.type !== 'PER' || mention.type === 'LOC') return false;
  const headKey = cluster.headKey;
  const words = headKey.split(' ');
  if (words.length < 2) return false;
  // "Bashir" for "Omar al-Bashir": the surname without its joined particle
  const surname = words[words.length - 1]!.replace(/^(al|el|ad|an|ar|as|ash|at|az)-/, '');
  return key.includes(' ') ? headKey.endsWith(' ' + key) : words[words.length - 1] === key || surname === key || words[0] === key;
}

/** "Intelligence Committee" for the "House Intelligence Committee": the name without its first words. */
function endOfLongerName(mention: Mention, key: string, cluster: Cluster): boolean {
  if (mention.type !== 'ORG' || cluster.head.type !== 'ORG' || !key.includes(' ')) return false;
  return cluster.headKey.endsWith(' ' + key);
}

function abbreviates(mention: Mention, key: string, cluster: Cluster): boolean {
  if (!isAcronym(mention.text) || cluster.head.type === 'PER') return false;
  const head = cluster.head.text;
  const expansion = KNOWN_ACRONYMS.get(key.replace(/\./g, ''));
  if (expansion && cluster.headKey === expansion) return true;
  return wordCount(head) > 1 && initials(head) === mention.text.replace(/\./g, '');
}

function spelledAlike(mention: Mention, key: string, cluster: Cluster): boolean {
  return cluster.head.type === mention.type && [...cluster.keys].some(k => similarSpelling(k, key));
}

/** The type most of the mentions were given; on a tie, the head's. */
export function clusterType(cluster: Cluster): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of cluster.mentions) votes.set(m.type, (votes.get(m.type) ?? 0) + (m === cluster.head ? 1.5 : 1));
  return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
}
