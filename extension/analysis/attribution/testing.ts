import { splitSentences } from '../text/tokenize';
import type { AnalysisContext, Entity, EntityType, Link, Span } from '../types';

/** An entity for a test: its name, type, role and other surface forms. */
export interface EntitySpec {
  name: string;
  type: EntityType;
  role?: string;
  aliases?: string[];
}

/**
 * An analysis context for unit tests of the attribution stages: paragraphs separated by blank
 * lines, and entities found wherever their name, an alias or (for people) the surname occurs,
 * standing in for the recogniser.
 */
export function contextOf(text: string, specs: EntitySpec[], links: Link[] = []): AnalysisContext {
  const blocks: Span[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) if (m[0].trim()) blocks.push({ start: m.index, end: m.index + m[0].length });
  const entities: Entity[] = specs.map((spec, i) => {
    const forms = [spec.name, ...(spec.aliases ?? [])];
    if (spec.type === 'PER') forms.push(spec.name.split(' ').pop()!);
    const mentions: Span[] = [];
    for (const form of forms) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of text.matchAll(re)) if (!mentions.some((x) => m.index < x.end && x.start < m.index + form.length)) mentions.push({ start: m.index, end: m.index + form.length });
    }
    return { id: `e${i}`, name: spec.name, type: spec.type, aliases: spec.aliases ?? [], role: spec.role ?? null, mentions: mentions.sort((a, b) => a.start - b.start) };
  });
  return { text, blocks, sentences: splitSentences(text, blocks), entities, links };
}

/** The link whose text is the first occurrence of `phrase` in `text`. */
export function linkOn(text: string, phrase: string, href: string): Link {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase, href };
}
