import type { Attribution } from '../attribution';
import type { AnalysisContext, Entity, Span } from '../types';

/** Something in a sentence that points at an entity: a name, "he"/"his", "the hospital", "there", a demonym ("Ukrainians"). */
interface Reference {
  pos: number;
  entity: string;
  weak: boolean; // demonyms: only when nothing else points anywhere
  named: boolean; // a name, not a pronoun or description
}

const PERSONAL = new Set(['he', 'she', 'him', 'his', 'her']);
const DEMONSTRATIVE = new Set(['the', 'this', 'that']);
/** "there are" / "there could be" is not a place. */
const EXPLETIVE_AFTER = /^\s+(?:is|are|was|were|have|has|had|could|would|will|may|might|must|should|can|seems?|remains?)\b/i;
const GENERIC_PLACES = new Set(['city', 'town', 'village', 'country', 'region', 'area', 'port', 'capital', 'state', 'province', 'nation', 'territory', 'enclave']);

/** A place: typed LOC, or described as one ("strategic port city") when the recogniser typed it otherwise. */
function isPlaceLike(e: Entity): boolean {
  return e.type === 'LOC' || (!!e.role && PLACE_ROLE.test(e.role));
}
const PLACE_ROLE = /\b(?:city|town|village|port|country|region|capital|province|district|island|enclave)\b/i;

/**
 * Decides what each figure is about. References of a sentence are computed once and cached, so
 * the work per figure is a scan of its own sentence and at most a few before it.
 */
export class AboutResolver {
  private readonly references = new Map<number, Reference[]>();

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly a: Attribution,
  ) {}

  /**
   * The entity a figure is about: a place named in its counted noun ("3.9 million Ukrainians"),
   * else the nearest reference before it in its sentence, else the first place after it ("30
   * hospitals in Gaza"), else the nearest reference earlier in its paragraph. The figure's own
   * source is passed over when named in the attribution.
   */
  about(span: Span, source: string | null): string | null {
    const index = this.a.sentenceAt(span.start);
    const sentence = this.ctx.sentences[index];
    if (!sentence) return null;
    const own = this.demonymIn(span) ?? this.personAged(span);
    if (own) return own;
    const refs = this.referencesOf(index);
    const usable = refs.filter((r) => !r.weak && !this.isAttributionOf(r, source, index));
    const after = usable.filter((r) => r.pos >= span.end);
    const placeInClause = after.find((r) => r.named && this.isPlace(r) && this.inClauseAfter(span, r));
    if (placeInClause) return placeInClause.entity;
    const before = usable.filter((r) => r.pos < span.start);
    if (before.length) return before[before.length - 1]!.entity;
    const place = after.find((r) => r.named && this.isPlace(r));
    if (place ?? after[0]) return (place ?? after[0])!.entity;
    const weak = refs.find((r) => r.weak);
    if (weak) return weak.entity;
    for (let s = index - 1; s >= 0 && index - s <= 3 && this.ctx.sentences[s]!.block === sentence.block; s--) {
      const earlier = this.referencesOf(s).filter((r) => !r.weak && r.entity !== source);
      if (earlier.length) return earlier[earlier.length - 1]!.entity;
    }
    // "eight years of my presidency," he said: a figure a person gives about themselves
    return source && this.a.entity(source)?.type === 'PER' ? source : null;
  }

  private isPlace(r: Reference): boolean {
    const e = this.a.entity(r.entity);
    return !!e && isPlaceLike(e);
  }

  /** "30 hospitals in Gaza": a place introduced by a preposition in the figure's own clause. */
  private inClauseAfter(span: Span, r: Reference): boolean {
    const between = this.ctx.text.slice(span.end, r.pos);
    return between.length < 80 && !/[,;:—–(]/.test(between) && /\b(?:in|at|near|outside|inside|from|of|on|across|around)\s+(?:the\s+(?:city|town|village|region|province|state)\s+of\s+)?(?:the\s+)?$/i.test(between);
  }

  /** "25-year-old Jane Roe", "Jane Roe, 21,": an age is about the person it describes. */
  private personAged(span: Span): string | null {
    const text = this.ctx.text.slice(span.start, span.end);
    if (!/[-‐]old\b/.test(text) && !/^\d+$/.test(text)) return null;
    const next = this.a.mentions.within(span.end, span.end + 40).find((m) => m.entity.type === 'PER');
    if (next && /^[\s\p{Ll}-]*$/u.test(this.ctx.text.slice(span.end, next.start))) return next.entity.id;
    const previous = this.a.mentions.lastBefore(span.start, (m) => m.entity.type === 'PER', 3);
    return previous && /^[\s,]*(?:who (?:is|was) )?$/.test(this.ctx.text.slice(previous.end, span.start)) ? previous.entity.id : null;
  }

  /** A mention of the source inside its own attribution ("…, said Jane Roe") is not what the figure is about. */
  private isAttributionOf(r: Reference, source: string | null, sentence: number): boolean {
    return r.entity === source && (this.a.cues[sentence] ?? []).some((c) => c.speaker.entity === source && Math.abs(c.start - r.pos) < 120);
  }

  private demonymIn(span: Span): string | null {
    const words = this.ctx.text.slice(span.start, span.end).match(/\p{Lu}\p{Ll}+/gu) ?? [];
    for (const w of words) {
      const place = this.placeOfDemonym(w);
      if (place) return place;
    }
    return null;
  }

  private referencesOf(index: number): Reference[] {
    let refs = this.references.get(index);
    if (!refs) {
      refs = this.findReferences(index);
      this.references.set(index, refs);
    }
    return refs;
  }

  private findReferences(index: number): Reference[] {
    const sentence = this.ctx.sentences[index]!;
    const refs: Reference[] = this.a.mentions
      .within(sentence.start, sentence.end)
      .filter((m) => !this.isDateline(m))
      .map((m) => ({ pos: m.start, entity: m.entity.id, weak: false, named: true }));
    const named = new Set(refs.map((r) => r.pos));
    const { tokens } = sentence;
    tokens.forEach((t, i) => {
      if (named.has(t.start)) return;
      const lower = t.text.toLowerCase();
      let entity: string | null = null;
      let weak = false;
      if (PERSONAL.has(lower)) entity = this.a.personBefore(t.start);
      else if (DEMONSTRATIVE.has(lower) && tokens[i + 1] && /^\p{Ll}+$/u.test(tokens[i + 1]!.text) && tokens[i + 2]?.text !== 'of') entity = this.described(tokens[i + 1]!.text, t.start);
      else if (lower === 'there' && !EXPLETIVE_AFTER.test(this.ctx.text.slice(t.end, t.end + 12))) entity = this.placeBefore(index);
      else if (/^\p{Lu}\p{Ll}{3,}/u.test(t.text)) {
        entity = this.placeOfDemonym(t.text);
        weak = true;
      }
      if (entity) refs.push({ pos: t.start, entity, weak, named: false });
    });
    return refs.sort((x, y) => x.pos - y.pos);
  }

  /** "the city", "the country": the last place named; "the hospital", "the ministry": the entity so described. */
  private described(noun: string, pos: number): string | null {
    if (GENERIC_PLACES.has(noun)) return this.a.mentions.lastBefore(pos, (m) => isPlaceLike(m.entity), 40)?.entity.id ?? null;
    return this.a.describedEntity([noun], pos);
  }

  /** "LONDON —", "CAIRO (AP) —": the place a story was filed from says nothing about its figures. */
  private isDateline(m: Span): boolean {
    const block = this.ctx.blocks.find((b) => b.start <= m.start && m.start < b.end);
    return !!block && /^[\p{Lu}\s,.]*$/u.test(this.ctx.text.slice(block.start, m.start)) && /^[\p{Lu}\s,.]*(?:\([^)]*\)\s*)?[—–-]/u.test(this.ctx.text.slice(m.end, m.end + 30));
  }

  /** "there": the first place named in the nearest earlier sentence of the paragraph that names one. */
  private placeBefore(index: number): string | null {
    const block = this.ctx.sentences[index]!.block;
    for (let s = index - 1; s >= 0 && this.ctx.sentences[s]!.block === block; s--) {
      const sentence = this.ctx.sentences[s]!;
      const place = this.a.mentions.within(sentence.start, sentence.end).find((m) => isPlaceLike(m.entity));
      if (place) return place.entity.id;
    }
    return null;
  }

  /** "Ukrainians", "Russian", "Tunisian" -> the place whose name they are formed on. */
  private placeOfDemonym(word: string): string | null {
    for (const e of this.ctx.entities) {
      if (e.type !== 'LOC' || e.name.length < 4 || e.name.includes(' ')) continue;
      // "Norwegians"/"Norway", "Ukrainian"/"Ukraine": a long shared beginning
      let shared = 0;
      while (shared < word.length && word[shared] === e.name[shared]) shared++;
      if (word !== e.name && shared >= Math.max(4, e.name.length - 2) && word.length <= e.name.length + 5) return e.id;
    }
    return null;
  }
}
