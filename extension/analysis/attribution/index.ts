import type { AnalysisContext, Entity, Sentence, Span, Token } from '../types';
import { partitionPoint } from '../text/partition-point';
import { PRONOUNS, SPEECH_PARTICIPLES, SPEECH_VERBS, SUBJECT_VERB_FILLERS, TIME_WORDS } from './cues';
import { findQuotedSpans, type QuotedSpan } from './marks';
import { MentionIndex, type EntityMention } from './mentions';

/** Who states something: an entity id, and the words naming them (even when no entity matches). */
export interface Speaker {
  entity: string | null;
  text: string | null;
}

/** A speech cue in a sentence ("said X", "according to X") and the speaker it names. */
export interface Cue extends Span {
  speaker: Speaker;
  sentence: number;
  /** "according to X" (an attribution of facts) rather than a reporting verb. */
  according: boolean;
  /** What the speaker does: states something, asks a question ("X asked"), or names a thing ("what X calls “…”"). */
  kind: CueKind;
}

/** Only a cue that states something makes its speaker a source the article relies on. */
export type CueKind = 'states' | 'asks' | 'names';

/** A top-level quoted span with its speaker. */
export interface AttributedQuote extends QuotedSpan {
  speaker: Speaker;
  /** False when attributed by a question ("…?” she asked) or a naming ("what X calls “…”"): no information the article relies on. */
  informs: boolean;
}

const QUESTION_VERBS = new Set(['asked', 'asks', 'ask']);
/** Verbs that put a name on something: "what the government calls “…”". */
const NAMING_VERBS = new Set('call calls called consider considers considered dub dubs dubbed term terms termed label labels labelled labeled brand brands branded'.split(' '));
const NEGATORS = new Set(['no', 'none', 'nobody', 'neither']);
const CLAIMS = new Set(['claimed', 'claims', 'claim']);
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const USING = new Set(['using', 'uses', 'use', 'used']);
const TERM_NOUNS = new Set(['term', 'word', 'words', 'phrase', 'expression', 'label', 'name', 'euphemism']);
const NOBODY: Speaker = { entity: null, text: null };
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those']);
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'that', 'which', 'who', 'as', 'while', 'when', 'because', 'so', 'if', 'where', 'than', 'after', 'before']);
const QUOTE_MARKS = /^["“”«»„‘’']$/;
const NP_END = new Set([',', '.', ';', ':', '(', ')', 'and', 'that', 'which', 'who', 'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while']);

/** Heads of unnamed plural sources ("Obama administration officials said"): the group, not the entity it belongs to. */
const UNNAMED_GROUPS = new Set(
  'official source officials sources analysts experts people residents authorities diplomats members workers lawmakers leaders witnesses investigators prosecutors doctors staff aides advisers observers critics economists'.split(' '),
);
const PLACE_PREPOSITIONS = new Set(['of', 'from', 'in', 'at', 'near', 'around', 'outside', 'inside']);

const cache = new WeakMap<AnalysisContext, Attribution>();

/** The attribution facts of an article, computed once and shared by the figure, quote and source stages. */
export function attributionOf(ctx: AnalysisContext): Attribution {
  let a = cache.get(ctx);
  if (!a) {
    a = new Attribution(ctx);
    cache.set(ctx, a);
  }
  return a;
}

export class Attribution {
  readonly mentions: MentionIndex;
  readonly quotes: AttributedQuote[];
  /** The cues of each sentence, in text order. */
  readonly cues: Cue[][];
  private readonly entityById: Map<string, Entity>;
  private readonly sentenceStarts: number[];
  private personDescriptions: PersonDescription[] | undefined;
  private descriptions: Map<string, Described[]> | undefined;
  private readonly spans: QuotedSpan[];

  constructor(private readonly ctx: AnalysisContext) {
    this.mentions = new MentionIndex(ctx.entities);
    this.entityById = new Map(ctx.entities.map((e) => [e.id, e]));
    this.sentenceStarts = ctx.sentences.map((s) => s.start);
    this.spans = findQuotedSpans(ctx.text, ctx.blocks);
    this.cues = this.findAllCues(this.spans);
    this.quotes = this.attributeQuotes(this.spans);
  }

  entity(id: string | null): Entity | undefined {
    return id == null ? undefined : this.entityById.get(id);
  }

  /** Index of the sentence containing `pos` (or the last one starting before it). */
  sentenceAt(pos: number): number {
    return Math.max(0, partitionPoint(this.sentenceStarts.length, (i) => this.sentenceStarts[i]! <= pos) - 1);
  }

  /** The top-level quote containing `pos`, if any. */
  quoteAt(pos: number): AttributedQuote | null {
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quotes[mid]!;
      if (pos < q.open) hi = mid - 1;
      else if (pos >= q.close) lo = mid + 1;
      else return q;
    }
    return null;
  }

  /** The cue nearest to `span` in the given sentences, preferring cues that name someone. */
  nearestCue(span: Span, fromSentence: number, toSentence: number): Cue | null {
    let best: Cue | null = null;
    let bestScore = Infinity;
    for (let s = fromSentence; s <= toSentence; s++) {
      for (const cue of this.cues[s] ?? []) {
        const distance = cue.start >= span.end ? cue.start - span.end : Math.max(0, span.start - cue.end);
        const score = distance + (cue.speaker.entity || cue.speaker.text ? 0 : 10000);
        if (score < bestScore) {
          best = cue;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /** The last cue naming a speaker in the sentences before `sentence` in the same paragraph (an attribution carried over). */
  cueBefore(sentence: number): Cue | null {
    const block = this.ctx.sentences[sentence]?.block;
    for (let s = sentence - 1; s >= 0 && this.ctx.sentences[s]!.block === block; s--) {
      const cue = [...this.cues[s]!].reverse().find((c) => named(c.speaker));
      if (cue) return cue;
    }
    return null;
  }

  // ---- cues ---------------------------------------------------------------------------------

  private findAllCues(spans: QuotedSpan[]): Cue[][] {
    let q = 0;
    let lastSpeakerBlock = -1;
    let lastSpeaker: Speaker = NOBODY;
    return this.ctx.sentences.map((sentence, index) => {
      // which tokens lie inside quotation marks (spans and sentences are both in text order)
      while (q < spans.length && spans[q]!.close <= sentence.start) q++;
      let k = q;
      const quoted = sentence.tokens.map((t) => {
        while (k < spans.length && spans[k]!.close < t.end) k++;
        const sp = spans[k];
        return !!sp && t.start >= sp.open && t.end <= sp.close;
      });
      const context = { sentence, quoted, index, lastSpeaker: sentence.block === lastSpeakerBlock ? lastSpeaker : NOBODY };
      const cues = this.cuesOf(context);
      for (const cue of cues) {
        if (cue.speaker.entity) {
          lastSpeaker = cue.speaker;
          lastSpeakerBlock = sentence.block;
          context.lastSpeaker = cue.speaker;
        }
      }
      return cues;
    });
  }

  private cuesOf(c: SentenceContext): Cue[] {
    const { tokens } = c.sentence;
    const cues: Cue[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (c.quoted[i]) continue;
      const word = tokens[i]!.text.toLowerCase();
      const next = tokens[i + 1]?.text.toLowerCase();
      const cue = (speaker: Speaker, according = false, kind: CueKind = QUESTION_VERBS.has(word) ? 'asks' : 'states'): Cue => ({ start: tokens[i]!.start, end: tokens[i]!.end, speaker, sentence: c.index, according, kind });
      if (word === 'according' && next === 'to') {
        cues.push(cue(this.phraseSpeaker(c, i + 2), true));
      } else if (this.isSpeechVerb(c, i)) {
        const after = word === 'told' ? null : this.subjectAfter(c, i + (next === 'on' || next === 'out' ? 2 : 1), i);
        // "…, reported Jane Roe" names the speaker after the verb; otherwise look for the subject before it
        const speaker = after?.entity && this.isPersonOrOrg(after.entity) ? after : this.subjectBefore(c, i) ?? after;
        cues.push(cue(speaker ?? NOBODY));
      } else if (this.isNamingCue(c, i)) {
        const speaker = this.subjectBefore(c, i);
        if (speaker && (speaker.entity || isUnnamedGroup(speaker.text))) cues.push(cue(speaker, false, 'names'));
      } else if (SPEECH_PARTICIPLES.has(word) || (word === 'firing' && next === 'back')) {
        // "with Israel saying … and the government firing back that …": a name right before the participle is its subject
        const own = i > 0 ? this.mentionEndingAt(tokens[i - 1]!, c.sentence) : undefined;
        const previous = cues[cues.length - 1];
        cues.push(cue(own && !(own.entity.type === 'LOC' && this.afterPreposition(c.sentence, own)) ? this.speakerOf(own) : previous && !previous.according ? previous.speaker : this.sentenceSubject(c, i)));
      }
    }
    return cues;
  }

  /**
   * A reporting verb used as one: not a capitalised word inside the sentence ("United States"),
   * not followed by "to" ("said to be"; "told" and an active "claimed to have" excepted).
   */
  private isSpeechVerb(c: SentenceContext, i: number): boolean {
    const { tokens } = c.sentence;
    const t = tokens[i]!;
    const word = t.text.toLowerCase();
    const next = tokens[i + 1]?.text.toLowerCase();
    if (!(SPEECH_VERBS.has(word) || (word === 'went' && next === 'on') || (word === 'pointed' && next === 'out') || (['fired', 'hit'].includes(word) && next === 'back'))) return false;
    if (i > 0 && /^\p{Lu}/u.test(t.text) && !QUOTE_MARKS.test(tokens[i - 1]!.text)) return false;
    // "X claimed to have “evidence”" quotes X; "X is said to be" does not name who says it
    return word === 'told' || next !== 'to' || (CLAIMS.has(word) && !PASSIVE.has(tokens[i - 1]?.text.toLowerCase() ?? '') && this.quoteInClause(c, i));
  }

  /**
   * A verb giving a quoted term someone's words: "what X calls “…”", "X considers to be “…”",
   * "X dubbed it “…”", "X, using the term “…”". A quote must open in the same clause.
   */
  private isNamingCue(c: SentenceContext, i: number): boolean {
    const { tokens } = c.sentence;
    const word = tokens[i]!.text.toLowerCase();
    const term = NAMING_VERBS.has(word) || (USING.has(word) && tokens[i + 1]?.text.toLowerCase() === 'the' && TERM_NOUNS.has(tokens[i + 2]?.text.toLowerCase() ?? ''));
    return term && this.quoteInClause(c, i);
  }

  /** A quote opens after token `i` before the clause ends. */
  private quoteInClause(c: SentenceContext, i: number): boolean {
    const { tokens } = c.sentence;
    for (let k = i + 1; k < tokens.length && k <= i + 12 && !/^[,;:.]$/.test(tokens[k]!.text); k++) if (c.quoted[k]) return true;
    return false;
  }

  private isPersonOrOrg(id: string): boolean {
    const type = this.entityById.get(id)?.type;
    return type === 'PER' || type === 'ORG';
  }

  /** The speaker named by the phrase starting at token `from` ("according to the UN, which ..."). */
  private phraseSpeaker(c: SentenceContext, from: number): Speaker {
    const { tokens } = c.sentence;
    const to = phraseEnd(tokens, from, c.quoted, 12);
    if (to === from) return NOBODY;
    const span = { start: tokens[from]!.start, end: tokens[to - 1]!.end };
    const found = this.mentions.within(span.start, span.end);
    const named = found.find((m) => m.entity.type !== 'LOC') ?? found[0];
    if (named) return this.speakerOf(named);
    return this.roleSpeaker(tokens.slice(from, to), span.start);
  }

  /** The subject of the verb at token `v`, read backwards: a name, a pronoun, an apposition or a role noun. */
  private subjectBefore(c: SentenceContext, v: number): Speaker | null {
    const { tokens } = c.sentence;
    let j = v - 1;
    while (j >= 0 && !c.quoted[j] && (SUBJECT_VERB_FILLERS.has(tokens[j]!.text.toLowerCase()) || TIME_WORDS.has(tokens[j]!.text.toLowerCase()))) j--;
    if (j < 0 || c.quoted[j] || QUOTE_MARKS.test(tokens[j]!.text)) return null;
    if (PASSIVE.has(tokens[j]!.text.toLowerCase())) return NOBODY; // "it was described as …": the subject is not the speaker
    const t = tokens[j]!;
    const lower = t.text.toLowerCase();
    if (PRONOUNS.has(lower)) return this.pronounSpeaker(t.text, t.start, c);
    const ending = this.mentionEndingAt(t, c.sentence);
    if (ending && !(ending.entity.type === 'LOC' && this.afterPreposition(c.sentence, ending))) return this.speakerOf(ending);
    if (t.text === ',') return this.appositionSubject(c, j);
    if (lower === 'and') return this.sentenceSubject(c, j);
    if (!/^\p{L}/u.test(t.text) || CLAUSE_WORDS.has(lower)) return null;
    const phrase = nounPhraseBefore(tokens, j, c.quoted);
    if (phrase.some((p) => NEGATORS.has(p.text.toLowerCase()))) return NOBODY; // "no group claimed responsibility"
    // "the military official from the city of X": the head comes before the first preposition
    const firstPreposition = phrase.findIndex((p, i) => i > 0 && PLACE_PREPOSITIONS.has(p.text.toLowerCase()));
    const headed = firstPreposition > 0 ? phrase.slice(0, firstPreposition) : phrase;
    const head = headed[headed.length - 1]!.text.toLowerCase();
    const text = phrase.map((p) => p.text).join(' ');
    if (UNNAMED_GROUPS.has(head)) return { entity: null, text };
    // "the Kremlin and its media": the possessor named in the first conjunct
    if (/^(?:its|their)$/i.test(phrase[0]!.text) && tokens[j - phrase.length]?.text === 'and') return this.subjectBefore(c, j - phrase.length) ?? { entity: null, text };
    // a name may begin before the phrase read back ("The Post and Courier newspaper": the phrase stops at "and")
    const inside = this.mentions.lastBefore(headed[headed.length - 1]!.end, (m) => m.end > headed[0]!.start && m.entity.type !== 'LOC', 4);
    return inside ? this.speakerOf(inside) : { entity: this.describedEntity(headed.map((p) => p.text), t.start), text };
  }

  /** "“…,” Dr. Jane Roe, the director of the hospital, said": the first person (or organisation) of the clause. */
  private appositionSubject(c: SentenceContext, comma: number): Speaker | null {
    const { tokens } = c.sentence;
    let k = comma - 1;
    while (k >= 0 && !c.quoted[k] && !QUOTE_MARKS.test(tokens[k]!.text) && ![';', ':'].includes(tokens[k]!.text)) k--;
    if (k + 1 >= comma) return null;
    const found = this.mentions.within(tokens[k + 1]!.start, tokens[comma]!.start);
    const named = found.find((m) => m.entity.type === 'PER') ?? found.find((m) => m.entity.type === 'ORG') ?? found.find((m) => m.entity.type === 'MISC');
    return named ? this.speakerOf(named) : null;
  }

  /** The speaker after an inverted verb ("…,” said Jane Roe" / "confirmed the mayor"). */
  private subjectAfter(c: SentenceContext, from: number, verb: number): Speaker | null {
    const { tokens } = c.sentence;
    const prev = tokens[verb - 1];
    const inverted = !prev || c.quoted[verb - 1] || QUOTE_MARKS.test(prev.text) || prev.text === ',';
    const first = tokens[from];
    if (!inverted || !first) return null;
    const lower = first.text.toLowerCase();
    if (PRONOUNS.has(lower)) return this.pronounSpeaker(first.text, first.start, c);
    const to = phraseEnd(tokens, from, c.quoted, 8);
    if (to === from) return null;
    const named = this.mentions.within(first.start, tokens[to - 1]!.end)[0];
    if (named && named.start === first.start) return this.speakerOf(named);
    if (DETERMINERS.has(lower) || /^\p{Ll}/u.test(first.text)) return this.roleSpeaker(tokens.slice(from, to), first.start);
    return named ? this.speakerOf(named) : null;
  }

  /** The main subject for a participle without an earlier reporting verb ("X dampened hopes, stressing ..."). */
  private sentenceSubject(c: SentenceContext, before: number): Speaker {
    const { tokens } = c.sentence;
    const found = this.mentions.within(c.sentence.start, tokens[before]!.start);
    const named = found.find((m) => m.entity.type === 'PER') ?? found.find((m) => m.entity.type === 'ORG');
    return named ? this.speakerOf(named) : NOBODY;
  }

  private afterPreposition(sentence: Sentence, m: EntityMention): boolean {
    const i = sentence.tokens.findIndex((t) => t.start === m.start);
    return i > 0 && PLACE_PREPOSITIONS.has(sentence.tokens[i - 1]!.text.toLowerCase());
  }

  private mentionEndingAt(t: Token, sentence: Sentence): EntityMention | undefined {
    return this.mentions.within(sentence.start, t.end).find((m) => m.end === t.end || (m.end === t.start && /^['’]s$/i.test(t.text)));
  }

  /** he/she: the block's last speaker, else the last person named; it/they/we: the last organisation named in the block. */
  private pronounSpeaker(word: string, pos: number, c: SentenceContext): Speaker {
    const pronoun = word.toLowerCase();
    if (pronoun === 'he' || pronoun === 'she' || pronoun === 'i') {
      if (c.lastSpeaker.entity) return { entity: c.lastSpeaker.entity, text: word };
      const person = this.personBefore(pos);
      return person ? { entity: person, text: word } : NOBODY;
    }
    const block = this.ctx.blocks[c.sentence.block];
    const org = this.mentions.lastBefore(pos, (m) => m.entity.type === 'ORG' && (!block || m.start >= block.start), 30);
    return org ? { entity: org.entity.id, text: word } : NOBODY;
  }

  /** The person a "he" or "she" at `pos` most likely refers to: the last person who was a sentence's subject, else the last named. */
  personBefore(pos: number): string | null {
    const person = this.mentions.lastBefore(pos, (m) => m.entity.type === 'PER' && this.isSubjectPerson(m), 60) ?? this.mentions.lastBefore(pos, (m) => m.entity.type === 'PER');
    const described = this.personDescriptionBefore(pos);
    return described && (!person || described.start > person.end) ? described.entity : (person?.entity.id ?? null);
  }

  /** "the president", "the mayor's": the last description of a person by their role before `pos`, so that a later "he" can follow it. */
  private personDescriptionBefore(pos: number): PersonDescription | null {
    const descriptions = (this.personDescriptions ??= this.findPersonDescriptions());
    return descriptions[partitionPoint(descriptions.length, (i) => descriptions[i]!.start < pos) - 1] ?? null;
  }

  private findPersonDescriptions(): PersonDescription[] {
    const out: PersonDescription[] = [];
    let q = 0;
    for (const sentence of this.ctx.sentences) {
      sentence.tokens.forEach((t, i) => {
        const noun = sentence.tokens[i + 1];
        if (t.text.toLowerCase() !== 'the' || !noun || !/^\p{Ll}+$/u.test(noun.text)) return;
        // a quote's own words are not the narrator's references
        while (q < this.spans.length && this.spans[q]!.close <= t.start) q++;
        if (this.spans[q] && this.spans[q]!.open <= t.start) return;
        // "the harbour master seemed": the longest run of lower-case words that describes someone
        const run: string[] = [];
        for (let k = i + 1; k < sentence.tokens.length && run.length < 3 && /^\p{Ll}+$/u.test(sentence.tokens[k]!.text); k++) run.push(sentence.tokens[k]!.text);
        for (let n = run.length; n > 0; n--) {
          const entity = this.describedEntity(run.slice(0, n), t.start);
          if (!entity) continue;
          if (this.entityById.get(entity)?.type === 'PER') out.push({ start: t.start, entity });
          break;
        }
      });
    }
    return out;
  }

  /** The first person named in its sentence: the likely subject a later "he" or "she" refers to. */
  private isSubjectPerson(m: EntityMention): boolean {
    const sentence = this.ctx.sentences[this.sentenceAt(m.start)]!;
    return this.mentions.within(sentence.start, m.end).find((x) => x.entity.type === 'PER') === m;
  }

  /**
   * A role noun phrase ("the mayor", "the Ukrainian president", "the ministry") resolved to the
   * most recently mentioned entity whose role or name contains its head noun; otherwise the
   * phrase itself as an unnamed source ("officials").
   */
  private roleSpeaker(phrase: Token[], pos: number): Speaker {
    const words = phrase.map((t) => t.text).filter((w) => /^\p{L}/u.test(w));
    return { entity: this.describedEntity(words, pos), text: words.join(' ') || null };
  }

  /**
   * The entity a description refers to ("the Ukrainian president", "the hospital"): the most
   * recently mentioned one whose role or name contains the head noun, preferring those that
   * match more of the description's words.
   */
  describedEntity(words: string[], pos: number): string | null {
    const content = words.filter((w) => !DETERMINERS.has(w.toLowerCase()));
    const headWord = content[content.length - 1];
    if (!headWord || /^\p{Lu}\p{Ll}/u.test(headWord)) return null; // a name, not a description ("the NGO" is one)
    const head = headWord.toLowerCase();
    if (head === 'latter' || head === 'former') return null;
    if (CLAUSE_WORDS.has(head) || PLACE_PREPOSITIONS.has(head) || NP_END.has(head)) return null; // "that in addition": no noun at all
    // entities described by the head noun, those matching the most of the phrase's words first
    const has = (described: Set<string>, w: string) => described.has(w) || (w.endsWith('s') && described.has(w.slice(0, -1)));
    this.descriptions ??= this.indexDescriptions();
    const candidates = new Set([...(this.descriptions.get(head) ?? []), ...(this.descriptions.get(head.replace(/s$/, '')) ?? [])]);
    let best = new Set<string>();
    let bestScore = 0;
    for (const d of candidates) {
      // a word of the name ("the hospital" -> "Al-Shifa Hospital") weighs more than one of the role
      const score = content.reduce((sum, w) => sum + (has(d.name, w.toLowerCase()) ? 2 : has(d.role, w.toLowerCase()) ? 1 : 0), 0);
      if (score > bestScore) [best, bestScore] = [new Set([d.id]), score];
      else if (score === bestScore) best.add(d.id);
    }
    const recent = best.size ? this.mentions.lastBefore(pos, (m) => best.has(m.entity.id), 400) : null;
    return recent?.entity.id ?? (best.size === 1 ? [...best][0]! : null);
  }

  /** Each entity under the words that can head a description of it: its role's head and the words of its name. */
  private indexDescriptions(): Map<string, Described[]> {
    const index = new Map<string, Described[]>();
    const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
    for (const e of this.ctx.entities) {
      const d: Described = { id: e.id, name: words(e.name), role: words(e.role ?? '') };
      const head = roleHead(e.role);
      for (const key of head ? new Set([...d.name, head]) : d.name) {
        const list = index.get(key);
        if (list) list.push(d);
        else index.set(key, [d]);
      }
    }
    return index;
  }

  private speakerOf(m: EntityMention): Speaker {
    return { entity: m.entity.id, text: this.ctx.text.slice(m.start, m.end) };
  }

  // ---- quotes -------------------------------------------------------------------------------

  /**
   * The speaker of each quote: the nearest cue in the sentences the quote spans; else the previous
   * quote's speaker when it follows on in the same or the preceding paragraph; else a cue elsewhere
   * in its paragraph.
   */
  private attributeQuotes(spans: QuotedSpan[]): AttributedQuote[] {
    const out: AttributedQuote[] = [];
    for (const span of spans) {
      const first = this.sentenceAt(span.open);
      const last = this.sentenceAt(Math.max(span.open, span.close - 1));
      const cue = this.nearestCue({ start: span.open, end: span.close }, first, Math.min(last + 1, this.sameBlockLast(last)));
      let speaker = named(cue?.speaker) ?? this.colonSpeaker(span) ?? NOBODY;
      const previous = out[out.length - 1];
      if (!named(speaker) && previous && this.followsOn(previous, span)) speaker = previous.speaker;
      if (!named(speaker)) speaker = this.blockSpeaker(span) ?? this.previousBlockSpeaker(span) ?? NOBODY;
      out.push({ ...span, speaker, informs: !(cue && cue.kind !== 'states' && speaker === cue.speaker) });
    }
    // a sub-heading made of a quote ("3. “Not some irregular channel”") is said by whoever says it in the section
    out.forEach((q, i) => {
      if (named(q.speaker) || !this.isHeadingQuote(q)) return;
      const next = out.slice(i + 1, i + 4).find((n) => named(n.speaker) && n.block <= q.block + 3);
      if (next) [q.speaker, q.informs] = [next.speaker, next.informs];
    });
    return out;
  }

  /** "Jane Roe is blunt about it: “…”": a quote a clause introduces with a colon is said by that clause's subject. */
  private colonSpeaker(span: QuotedSpan): Speaker | null {
    if (!/:\s*$/.test(this.ctx.text.slice(Math.max(0, span.open - 3), span.open))) return null;
    const sentence = this.ctx.sentences[this.sentenceAt(span.open)]!;
    const found = this.mentions.within(sentence.start, span.open);
    const subject = found.find((m) => m.entity.type === 'PER') ?? found.find((m) => m.entity.type === 'ORG');
    return subject ? this.speakerOf(subject) : null;
  }

  private isHeadingQuote(q: QuotedSpan): boolean {
    const block = this.ctx.blocks[q.block];
    if (!block) return false;
    const outside = this.ctx.text.slice(block.start, q.open) + this.ctx.text.slice(q.close, block.end);
    return outside.replace(/[\s\d.)]/g, '').length <= 2;
  }

  /** A quote opening its paragraph with no cue continues the previous paragraph's last speaker. */
  private previousBlockSpeaker(span: QuotedSpan): Speaker | null {
    const block = this.ctx.blocks[span.block];
    if (!block || span.open - block.start > 1 || span.block === 0) return null;
    const previous = this.ctx.blocks[span.block - 1]!;
    const from = this.sentenceAt(previous.start);
    const to = this.sentenceAt(Math.max(previous.start, previous.end - 1));
    for (let s = to; s >= from; s--) {
      const cue = [...(this.cues[s] ?? [])].reverse().find((c) => c.speaker.entity);
      if (cue) return cue.speaker;
    }
    return null;
  }

  /** The last sentence index of the block `sentence` belongs to, so that a cue search never leaves the paragraph. */
  private sameBlockLast(sentence: number): number {
    const next = this.ctx.sentences[sentence + 1];
    return next && next.block === this.ctx.sentences[sentence]!.block ? sentence + 1 : sentence;
  }

  private followsOn(previous: AttributedQuote, span: QuotedSpan): boolean {
    if (previous.block === span.block) return true;
    const block = this.ctx.blocks[span.block];
    return previous.block === span.block - 1 && !!block && span.open - block.start < 2;
  }

  private blockSpeaker(span: QuotedSpan): Speaker | null {
    const block = this.ctx.blocks[span.block];
    if (!block) return null;
    const from = this.sentenceAt(block.start);
    const to = this.sentenceAt(Math.max(block.start, block.end - 1));
    const cue = this.nearestCue({ start: span.open, end: span.close }, from, to);
    return cue && (cue.speaker.entity || cue.speaker.text) ? cue.speaker : null;
  }
}

/** Where the noun phrase starting at token `from` ends: at punctuation, a clause word or a preposition ("and" only before a lower-case word). */
function phraseEnd(tokens: Token[], from: number, quoted: boolean[], max: number): number {
  let to = from;
  for (; to < tokens.length && to - from < max && !quoted[to]; to++) {
    const word = tokens[to]!.text; // case kept: "WHO" is a name, "who" a clause word
    if (NP_END.has(word) && !(word === 'and' && /^\p{Lu}/u.test(tokens[to + 1]?.text ?? ''))) break;
  }
  return to;
}

/**
 * The head noun of a role: the last word before any complement ("NGO Secretary-General" ->
 * "general", "doctor working at the hospital" -> "doctor", "mayor of X" -> "mayor"). A
 * description names an entity by its head: "the NGO" is not its secretary-general.
 */
function roleHead(role: string | null): string | null {
  const words = (role ?? '').toLowerCase().split(/\s+(?:of|at|in|on|for|to|from|with|who|which|since)\s|,/u)[0]!.split(/[^\p{L}]+/u).filter(Boolean);
  while (words.length > 1 && /ing$/.test(words[words.length - 1]!)) words.pop(); // "doctor working"
  return words[words.length - 1] ?? null;
}

/** The noun phrase ending at token `j`, read backwards ("the military official from the city of X"). */
function nounPhraseBefore(tokens: Token[], j: number, quoted: boolean[]): Token[] {
  let k = j;
  while (k > 0 && j - k < 10) {
    const prev = tokens[k - 1]!;
    const prevLower = prev.text.toLowerCase();
    if (quoted[k - 1] || !/^\p{L}/u.test(prev.text) || CLAUSE_WORDS.has(prev.text)) break;
    if (DETERMINERS.has(tokens[k]!.text.toLowerCase()) && !PLACE_PREPOSITIONS.has(prevLower)) break;
    k--;
  }
  return tokens.slice(k, j + 1);
}

function isUnnamedGroup(text: string | null): boolean {
  return UNNAMED_GROUPS.has((text ?? '').split(' ').pop()!.toLowerCase());
}

/** The speaker when it names someone (an entity or at least words), else null. */
function named(speaker: Speaker | undefined): Speaker | null {
  return speaker && (speaker.entity || speaker.text) ? speaker : null;
}

/** "the president" at `start`, describing the person `entity`. */
interface PersonDescription {
  start: number;
  entity: string;
}

/** An entity as descriptions can name it: the words of its name and of its role. */
interface Described {
  id: string;
  name: Set<string>;
  role: Set<string>;
}

interface SentenceContext {
  sentence: Sentence;
  quoted: boolean[];
  index: number;
  lastSpeaker: Speaker;
}
