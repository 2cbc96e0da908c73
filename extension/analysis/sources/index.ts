import { attributionOf, type Attribution } from '../attribution';
import type { EntityMention } from '../attribution/mentions';
import type { AnalysisContext, Entity, Figure, Link, Quote, Source, Span } from '../types';

/** Nouns that make a named thing a cited document: "its 2021-2022 report", "the Amnesty study". */
const DOCUMENT = /\b(?:report|study|survey|statement|investigation|analysis|review|poll|data|figures|tweet|post|interview|release)s?\b/i;
/** "an investigation by X", "in an interview with X", "a report from X": X is relied on. */
const CITED_BY = /\b(?:investigation|interview|report|reporting|study|survey|analysis|statement|data|figures|poll|review|documents?|tweet)\s+(?:by|with|from|of)\s+(?:the\s+)?(?:(?:[^\s,.;]+\s+){1,4}(?:and|&)\s+(?:the\s+)?)?$/i;

/**
 * The sources the article relies on: every entity named as a speaker (a cue, a quote, a figure's
 * source) or as the author of a document it cites, with the links the page gives in the
 * attributing sentence or whose text names the source.
 */
export function findSources(ctx: AnalysisContext, figures: Figure[], quotes: Quote[]): Source[] {
  const a = attributionOf(ctx);
  const cited = new Map<string, Span[]>(); // entity id -> where it is cited
  const cite = (id: string | null, at: Span) => {
    if (!id || !a.entity(id)) return;
    const list = cited.get(id) ?? [];
    list.push(at);
    cited.set(id, list);
  };
  // someone who only asks ("…?” the senator asked) or names a thing ("what X calls “…”") gives no information
  for (const cues of a.cues) for (const cue of cues) if (cue.kind === 'states') cite(cue.speaker.entity, cue);
  const uninformative = new Set(a.quotes.filter((q) => !q.informs).map((q) => q.start));
  for (const q of quotes) if (!uninformative.has(q.start)) cite(q.speaker, q);
  for (const f of figures) cite(f.source, f);
  for (const m of nestedSpeakers(ctx.text, a)) cite(m.entity.id, m);
  for (const m of a.mentions.all) if (isCitedDocument(ctx.text, m)) cite(m.entity.id, m);
  const firstCited = (at: Span[]) => Math.min(...at.map((s) => s.start));
  const sources: (Source & { at: number })[] = [...cited].map(([id, at]) => {
    const entity = a.entity(id)!;
    return { entity: id, name: entity.name, links: linksFor(ctx, a, entity, at), at: firstCited(at) };
  });
  const linked = new Set(sources.flatMap((s) => s.links));
  for (const link of linkedDocuments(ctx, a)) if (!linked.has(link.href)) sources.push({ entity: null, name: link.text, links: [link.href], at: link.start });
  return sources.sort((x, y) => x.at - y.at).map(({ at: _at, ...source }) => source);
}

/** A reporting verb right after a name inside a quote: "“ ‘…,’ [Roe] said.”" */
const NESTED_CUE = /^\]?\s+(?:said|says|told|added|wrote)\b/;

/** The people a quoted source itself quotes ("The Gazette reported: “ ‘…,’ [Roe] said.”"): the article relies on them too. */
function nestedSpeakers(text: string, a: Attribution): EntityMention[] {
  return a.quotes.flatMap((q) => a.mentions.within(q.start, q.end).filter((m) => m.entity.type !== 'LOC' && NESTED_CUE.test(text.slice(m.end, m.end + 10))));
}

/** A linked document the recogniser did not name ("its 2021-2022 report" pointing at the report): cited by the link itself. */
function linkedDocuments(ctx: AnalysisContext, a: Attribution): Link[] {
  return ctx.links.filter((link) => DOCUMENT.test(link.text) && a.mentions.within(link.start, link.end).length === 0);
}

/** "an investigation by X" (X not a place: places author no documents), a named report. */
function isCitedDocument(text: string, m: Span & { entity: Entity }): boolean {
  if (m.entity.type !== 'LOC' && CITED_BY.test(text.slice(Math.max(0, m.start - 60), m.start))) return true; // room for "an investigation by +972 Magazine and The "
  return m.entity.type === 'MISC' && DOCUMENT.test(text.slice(m.start, m.end));
}

/** The links in the sentences citing the entity that name it, else any link overlapping one of its mentions. */
function linksFor(ctx: AnalysisContext, a: Attribution, entity: Entity, at: Span[]): string[] {
  const hrefs = new Set<string>();
  const names = nameMatcher([entity.name, ...entity.aliases]);
  for (const link of ctx.links) {
    if ((names && names.test(link.text)) || entity.mentions.some((m) => overlaps(m, link) && at.some((s) => sameSentence(a, s, link)))) hrefs.add(link.href);
  }
  return [...hrefs];
}

/** One pattern for a link text naming any of the forms as a whole word ("the WHO report", not "whole"). */
function nameMatcher(forms: string[]): RegExp | null {
  const escaped = forms.filter((n) => n.length > 1).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length ? new RegExp(`(?:^|[^\\p{L}])(?:${escaped.join('|')})(?:$|[^\\p{L}])`, 'iu') : null;
}

function overlaps(x: Span, y: Span): boolean {
  return x.start < y.end && y.start < x.end;
}

function sameSentence(a: Attribution, x: Span, y: Span): boolean {
  return a.sentenceAt(x.start) === a.sentenceAt(y.start);
}
