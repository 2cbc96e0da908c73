import { partitionPoint } from '../text/partition-point';
import type { Entity, Span } from '../types';

/** One entity mention, with the entity it belongs to. */
export interface EntityMention extends Span {
  entity: Entity;
}

/**
 * Every entity mention of the article in text order, for the position look-ups the attribution
 * stages make (which entity is named here, which person was named last before here). Built once
 * per article; look-ups are binary searches, so no stage scans the whole text per figure or quote.
 */
export class MentionIndex {
  readonly all: EntityMention[];

  constructor(entities: Entity[]) {
    this.all = entities
      .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
      .sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Index of the first mention starting at or after `pos`. */
  private firstAtOrAfter(pos: number): number {
    return partitionPoint(this.all.length, (i) => this.all[i]!.start < pos);
  }

  /** The mentions lying inside `[start, end)`, in text order. */
  within(start: number, end: number): EntityMention[] {
    const out: EntityMention[] = [];
    for (let i = this.firstAtOrAfter(start); i < this.all.length && this.all[i]!.start < end; i++) {
      if (this.all[i]!.end <= end) out.push(this.all[i]!);
    }
    return out;
  }

  /** The last mention ending at or before `pos` that satisfies `accept`, looking back at most `limit` mentions. */
  lastBefore(pos: number, accept: (m: EntityMention) => boolean, limit = 200): EntityMention | null {
    let i = this.firstAtOrAfter(pos) - 1;
    for (let seen = 0; i >= 0 && seen < limit; i--, seen++) {
      const m = this.all[i]!;
      if (m.end <= pos && accept(m)) return m;
    }
    return null;
  }
}
