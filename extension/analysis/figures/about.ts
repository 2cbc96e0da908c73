import type { Attribution } from '../attribution';
import type { AnalysisContext, Entity, Span, Token } from '../types';

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
/** A participle clause giving the toll of the main clause's event: ", killing", ", leaving". */
const RESULT_CLAUSE = /,\s+(?:killing|injuring|wounding|leaving|displacing|forcing)\s+$/i;
/** Words that end a possessed noun phrase ("Tunisia's most renowned museum on Wednesday"). */
const NP_STOP = new Set(['of', 'in', 'on', 'at', 'for', 'to', 'from', 'with', 'by', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'that', 'which', 'who']);
/** A relative clause after a description defines a new referent ("the area where …") rather than pointing back. */
const RESTRICTIVE_AFTER = new Set(['where', 'that', 'which', 'who', 'whose', 'of']);
/** "X is one of 16 hospitals": the figure counts a group X belongs to. */
const PARTITIVE = /\bone of\s+$/i;
/** A relative clause holding the figure: ", which saw two bodies", ", where 900 people live". */
const RELATIVE_BEFORE = /,\s+(?:which|where)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
/** "3,600 km east of X": X is the point the distance is measured from, not what it is about. */
const BEARING_OF = /\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?$/i;
/** Words that end the figure's own locative phrase: an agent, a goal, a comparison, a new clause. */
const NOT_LOCATIVE = /\b(?:by|to|for|with|against|than|that|which|who|and|but)\b/i;
const GENERIC_PLACES = new Set(['city', 'town', 'village', 'country', 'region', 'area', 'port', 'capital', 'state', 'province', 'nation', 'territory', 'enclave']);

/** A place (the entity stage already types a thing the article describes as a place as LOC). */
function isPlaceLike(e: Entity): boolean {
  return e.type === 'LOC';
}

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
   * hospitals in Gaza"), else the nearest reference earlier in its paragraph, else the source of
   * a figure in their own words, else the subject of the paragraph before. The figure's own source
   * is passed over when named in the attribution.
   */
  about(span: Span, source: string | null): string | null {
    const index = this.a.sentenceAt(span.start);
    const sentence = this.ctx.sentences[index];
    if (!sentence) return null;
    const own = this.demonymIn(span) ?? this.personAged(span) ?? this.possessorAfter(span) ?? this.appositionHead(span) ?? this.relativeAntecedent(span, index);
    if (own) return own;
    const refs = this.referencesOf(index);
    const usable = refs.filter((r) => !r.weak && !this.isAttributionOf(r, source, index));
    // "…, killing 19 people": a toll is about the main clause's subject or scene, not the last name before it
    if (RESULT_CLAUSE.test(this.ctx.text.slice(Math.max(sentence.start, span.start - 40), span.start))) {
      const first = usable.find((r) => r.pos < span.start);
      if (first) return first.entity;
    }
    const after = usable.filter((r) => r.pos >= span.end);
    const placeInClause = after.find((r) => r.named && this.isPlace(r) && this.inClauseAfter(span, r));
    if (placeInClause) return placeInClause.entity;
    // "X is one of 16 hospitals …": X is a member of what is counted, not what the count is about
    const before = PARTITIVE.test(this.ctx.text.slice(span.start - 10, span.start)) ? [] : usable.filter((r) => r.pos < span.start);
    if (before.length) return this.locatedThing(before).entity;
    const place = after.find((r) => r.named && this.isPlace(r));
    if (place ?? after[0]) return (place ?? after[0])!.entity;
    const weak = refs.find((r) => r.weak);
    if (weak) return weak.entity;
    return this.carriedOver(index, source) ?? (this.isOwnWords(span, source, index) ? source : null) ?? this.previousParagraphSubject(index, source);
  }

  /**
   * The nearest reference in the sentences before, in the same paragraph, passing over their
   * speakers, the speakers' affiliations (", a doctor at X") and dash asides ("— from X and Y —"):
   * those are not what the paragraph goes on about.
   */
  private carriedOver(index: number, source: string | null): string | null {
    const block = this.ctx.sentences[index]!.block;
    for (let s = index - 1; s >= 0 && index - s <= 3 && this.ctx.sentences[s]!.block === block; s--) {
      const earlier = this.referencesOf(s).filter((r) => !r.weak && r.entity !== source && !this.isSpeakerOrAffiliation(r, s) && !this.inDashAside(r, s));
      if (earlier.length) return earlier[earlier.length - 1]!.entity;
    }
    return null;
  }

  /** "eight years of my presidency," he said: a person's figure about themselves, in their quote or their sentence. */
  private isOwnWords(span: Span, source: string | null, index: number): boolean {
    if (!source || this.a.entity(source)?.type !== 'PER') return false;
    return this.a.quoteAt(span.start)?.speaker.entity === source || (this.a.cues[index] ?? []).some((c) => c.speaker.entity === source);
  }

  /** A paragraph that names nothing goes on about the subject of the paragraph before (its last sentence's first reference). */
  private previousParagraphSubject(index: number, source: string | null): string | null {
    const block = this.ctx.sentences[index]!.block;
    let s = index;
    while (s > 0 && this.ctx.sentences[s - 1]!.block === block) s--;
    const previous = s - 1;
    if (previous < 0 || index - previous > 4) return null;
    return this.referencesOf(previous).find((r) => !r.weak && r.entity !== source && !this.isSpeakerOrAffiliation(r, previous))?.entity ?? null;
  }

  /** The speaker of a sentence, or a reference in the speaker's apposition ("said Jane Roe, a doctor at X"). */
  private isSpeakerOrAffiliation(r: Reference, index: number): boolean {
    const cues = this.a.cues[index] ?? [];
    if (cues.some((c) => c.speaker.entity === r.entity)) return true;
    const speaker = this.a.mentions.lastBefore(r.pos, (m) => cues.some((c) => c.speaker.entity === m.entity.id), 3);
    return !!speaker && /^,\s+(?:a|an|the)\s+[^,]*$/.test(this.ctx.text.slice(speaker.end, r.pos));
  }

  /** Between a pair of dashes in its sentence ("the slain foreigners — from X and Y — …"). */
  private inDashAside(r: Reference, index: number): boolean {
    const sentence = this.ctx.sentences[index]!;
    const dashesBefore = this.ctx.text.slice(sentence.start, r.pos).match(/[—–]/g)?.length ?? 0;
    return dashesBefore % 2 === 1 && /[—–]/.test(this.ctx.text.slice(r.pos, sentence.end));
  }

  private isPlace(r: Reference): boolean {
    const e = this.a.entity(r.entity);
    return !!e && isPlaceLike(e);
  }

  /** The last reference, unless it only locates the one before it ("the Acme Chapel in downtown Brekka": the chapel). */
  private locatedThing(before: Reference[]): Reference {
    const last = before[before.length - 1]!;
    const previous = before[before.length - 2];
    if (!previous?.named || !last.named || !this.isPlace(last)) return last;
    const previousEnd = this.a.mentions.within(previous.pos, last.pos)[0]?.end ?? last.pos;
    return /^\s+in\s+(?:(?:downtown|central|northern|southern|eastern|western|suburban)\s+)?$/i.test(this.ctx.text.slice(previousEnd, last.pos)) ? previous : last;
  }

  /** "30 hospitals in Gaza": a place introduced by a preposition in the figure's own clause. */
  private inClauseAfter(span: Span, r: Reference): boolean {
    const between = this.ctx.text.slice(span.end, r.pos);
    // a chain of locative phrases ("20 people in a bombing outside a synagogue in X") stays in the figure's
    // clause; an agent or goal ("two visits by operatives to an area near X") starts another phrase
    return between.length < 80 && !/[,;:—–(]/.test(between) && !NOT_LOCATIVE.test(between) && !BEARING_OF.test(between) && /\b(?:in|at|near|outside|inside|from|of|on|across|around)\s+(?:the\s+(?:city|town|village|region|province|state)\s+of\s+)?(?:the\s+)?$/i.test(between);
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

  /** "eight years of his presidency", "a third of Acme's staff": the possessor in the figure's "of" phrase. */
  private possessorAfter(span: Span): string | null {
    const of = /^\s+of\s+(?:the\s+)?/.exec(this.ctx.text.slice(span.end, span.end + 12));
    if (!of) return null;
    const at = span.end + of[0].length;
    if (/^(?:his|her)\b/i.test(this.ctx.text.slice(at, at + 4))) return this.a.personBefore(at);
    const named = this.a.mentions.within(at, at + 80)[0];
    return named && named.start === at && /^['’]s\b/.test(this.ctx.text.slice(named.end, named.end + 3)) ? named.entity.id : null;
  }

  /** "Brekka, a fishing town about 40 km north of Oslo,": a figure in an apposition describes the name it follows. */
  private appositionHead(span: Span): string | null {
    const before = this.a.mentions.lastBefore(span.start, () => true, 1);
    if (!before) return null;
    return /^,\s+(?:a|an)\s+[\p{Ll}\s-]*$/u.test(this.ctx.text.slice(before.end, span.start)) ? before.entity.id : null;
  }

  /**
   * "Skarvik, a village 12 km from Brekka, police said, which saw 3 floods": a figure in a relative
   * clause is about its antecedent, passing over a reporting clause and an apposition.
   */
  private relativeAntecedent(span: Span, index: number): string | null {
    const sentence = this.ctx.sentences[index]!;
    const rel = RELATIVE_BEFORE.exec(this.ctx.text.slice(sentence.start, span.start));
    if (!rel) return null;
    const speakers = new Set((this.a.cues[index] ?? []).map((c) => c.speaker.entity));
    const before = this.a.mentions.within(sentence.start, sentence.start + rel.index).filter((m) => !speakers.has(m.entity.id));
    let k = before.length - 1;
    while (k > 0 && /^,\s+(?:a|an|the)\s+[^,]*$/.test(this.ctx.text.slice(before[k - 1]!.end, before[k]!.start))) k--;
    return before[k]?.entity.id ?? null;
  }

  /**
   * A mention of the source inside its own attribution ("…, said Jane Roe") is not what the figure
   * is about; a place reporting its own figures ("India has reported 4,000 cases") is.
   */
  private isAttributionOf(r: Reference, source: string | null, sentence: number): boolean {
    return r.entity === source && !this.isPlace(r) && (this.a.cues[sentence] ?? []).some((c) => c.speaker.entity === source && Math.abs(c.start - r.pos) < 120);
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
    const { tokens } = sentence;
    const describedPlaces = this.describedPlaces(tokens);
    const refs: Reference[] = this.a.mentions
      .within(sentence.start, sentence.end)
      .filter((m) => !this.isDateline(m) && !describedPlaces.some((d) => d.start <= m.start && m.end <= d.end))
      .map((m) => ({ pos: m.start, entity: this.possessedDescription(m, tokens) ?? m.entity.id, weak: false, named: true }));
    for (const d of describedPlaces) if (d.entity) refs.push({ pos: d.start, entity: d.entity, weak: false, named: false });
    const named = new Set(refs.map((r) => r.pos));
    tokens.forEach((t, i) => {
      if (named.has(t.start)) return;
      const lower = t.text.toLowerCase();
      let entity: string | null = null;
      let weak = false;
      if (PERSONAL.has(lower)) entity = this.a.personBefore(t.start);
      else if (DEMONSTRATIVE.has(lower) && tokens[i + 1] && /^\p{Ll}+$/u.test(tokens[i + 1]!.text) && !RESTRICTIVE_AFTER.has(tokens[i + 2]?.text ?? '')) entity = this.described(tokens[i + 1]!.text, t.start);
      else if (lower === 'there' && !EXPLETIVE_AFTER.test(this.ctx.text.slice(t.end, t.end + 12))) entity = this.placeBefore(index);
      else if (/^\p{Lu}\p{Ll}{3,}/u.test(t.text)) {
        entity = this.placeOfDemonym(t.text);
        weak = true;
      }
      if (entity) refs.push({ pos: t.start, entity, weak, named: false });
    });
    return refs.sort((x, y) => x.pos - y.pos);
  }

  /**
   * "the North African nation", "the Baltic port": a description of a place whose modifiers are
   * capitalised (the recogniser may take them for a name). Its span and the place it points back to.
   */
  private describedPlaces(tokens: Token[]): (Span & { entity: string | null })[] {
    const out: (Span & { entity: string | null })[] = [];
    tokens.forEach((t, i) => {
      if (!DEMONSTRATIVE.has(t.text.toLowerCase())) return;
      let j = i + 1;
      while (j < tokens.length && j - i <= 3 && /^\p{Lu}\p{Ll}/u.test(tokens[j]!.text)) j++;
      const noun = tokens[j];
      if (j === i + 1 || !noun || !GENERIC_PLACES.has(noun.text) || RESTRICTIVE_AFTER.has(tokens[j + 1]?.text ?? '')) return;
      out.push({ start: t.start, end: noun.end, entity: this.described(noun.text, t.start) });
    });
    return out;
  }

  /** "Tunisia's most renowned museum": the entity the possessed noun describes, when there is one (else the possessor stands). */
  private possessedDescription(m: Span, tokens: Token[]): string | null {
    const k = tokens.findIndex((t) => t.start >= m.end);
    if (k < 0 || !/^['’]s$/.test(tokens[k]!.text)) return null;
    const words: string[] = [];
    for (let j = k + 1; j < tokens.length && words.length < 4 && /^\p{Ll}[\p{L}-]*$/u.test(tokens[j]!.text) && !NP_STOP.has(tokens[j]!.text); j++) words.push(tokens[j]!.text);
    return words.length ? this.a.describedEntity(words, m.start) : null;
  }

  /** "the city", "the country": the last place named; "the hospital", "the ministry": the entity so described. */
  private described(noun: string, pos: number): string | null {
    if (GENERIC_PLACES.has(noun)) return this.a.mentions.lastBefore(pos, (m) => isPlaceLike(m.entity) && !this.isDateline(m), 40)?.entity.id ?? null;
    return this.a.describedEntity([noun], pos);
  }

  /** "LONDON —", "CAIRO (AP) —": the place a story was filed from says nothing about its figures. */
  private isDateline(m: Span): boolean {
    const block = this.ctx.blocks[this.ctx.sentences[this.a.sentenceAt(m.start)]!.block];
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
