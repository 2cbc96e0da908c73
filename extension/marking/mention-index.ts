/**
 * The marked mentions of one article, sorted by position, so that "which mention is under the
 * pointer" (an article-text offset) is a binary search and keyboard navigation is an index step.
 */
import { partitionPoint } from '../analysis/text/partition-point';
import type { Analysis, EntityType } from '../analysis/types';

export interface MarkedMention {
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
}

export class MentionIndex {
  /** Sorted by start; overlapping mentions are dropped (the earlier, then longer, one wins). */
  readonly mentions: readonly MarkedMention[];

  constructor(mentions: MarkedMention[]) {
    this.mentions = withoutOverlaps(mentions);
  }

  /** The mentions of the entities whose kind is in `types`. */
  static fromAnalysis(analysis: Analysis, types: ReadonlySet<EntityType>): MentionIndex {
    const mentions: MarkedMention[] = [];
    for (const entity of analysis.entities) {
      if (!types.has(entity.type)) continue;
      for (const { start, end } of entity.mentions) mentions.push({ start, end, entityId: entity.id, type: entity.type });
    }
    return new MentionIndex(mentions);
  }

  get size(): number {
    return this.mentions.length;
  }

  /** Position in `mentions` of the mention containing `offset` (start inclusive, end exclusive), or -1. */
  indexAt(offset: number): number {
    const candidate = this.lastStartingAtOrBefore(offset);
    const mention = this.mentions[candidate];
    return mention && offset < mention.end ? candidate : -1;
  }

  mentionAt(offset: number): MarkedMention | null {
    return this.mentions[this.indexAt(offset)] ?? null;
  }

  /** Binary search: the last mention whose start is <= offset, or -1. */
  private lastStartingAtOrBefore(offset: number): number {
    return partitionPoint(this.mentions.length, (i) => this.mentions[i]!.start <= offset) - 1;
  }
}

function withoutOverlaps(mentions: MarkedMention[]): MarkedMention[] {
  const sorted = mentions
    .filter((mention) => mention.end > mention.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MarkedMention[] = [];
  for (const mention of sorted) {
    const previous = kept[kept.length - 1];
    if (!previous || mention.start >= previous.end) kept.push(mention);
  }
  return kept;
}
