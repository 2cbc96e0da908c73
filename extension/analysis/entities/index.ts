import type { Entity, Mention, Sentence } from '../types';
import { clusterMentions, clusterType, type Cluster } from './coref';
import { defaultWeights } from './default-model';
import { documentContext } from './features';
import { joinFragments } from './join';
import { sentenceIndexOf } from './locate';
import { isAcronym, TITLE_WORDS } from './names';
import { recognizeMentions } from './recognize';
import { agreeOnTypes, refineMentions } from './refine';
import { describesPlace, findRole } from './roles';
import type { Weights } from './tagger';

/** A mention with where it sits in the sentences. */
interface Located {
  mention: Mention;
  sentence: Sentence;
  first: number;
  last: number;
}

/** Finds the named entities of an English text, merged into one record per real-world thing. */
export function findEntities(text: string, sentences: Sentence[], weights: Weights = defaultWeights()): Entity[] {
  const doc = documentContext(sentences); // the tagger's and the clean-up's view of the words, built once
  const mentions = refineMentions(text, sentences, joinFragments(text, sentences, recognizeMentions(text, sentences, weights, doc)), doc);
  const located = locate(agreeOnTypes(mentions), sentences);
  const clusters = clusterMentions(located.map(l => l.mention), bracketedAcronyms(located));
  const where = new Map(located.map(l => [l.mention, l]));
  const inSentence = bySentence(located);
  return clusters.map((cluster, i) => toEntity(cluster, `e${i + 1}`, text, where, inSentence));
}

function locate(mentions: Mention[], sentences: Sentence[]): Located[] {
  return mentions.flatMap(mention => {
    const sentence = sentences[sentenceIndexOf(sentences, mention)];
    if (!sentence) return [];
    const first = sentence.tokens.findIndex(t => t.start === mention.start);
    const last = sentence.tokens.findIndex(t => t.end === mention.end);
    return first >= 0 && last >= first ? [{ mention, sentence, first, last }] : [];
  });
}

/** The located mentions of each sentence, in text order (Map.groupBy needs Node 21). */
function bySentence(located: Located[]): Map<Sentence, Located[]> {
  const groups = new Map<Sentence, Located[]>();
  for (const l of located) {
    const group = groups.get(l.sentence);
    if (group) group.push(l);
    else groups.set(l.sentence, [l]);
  }
  return groups;
}

/** "the United Nations (UN)": every mention written "UN" abbreviates that mention. */
function bracketedAcronyms(located: Located[]): Map<Mention, Mention> {
  const expansionOf = new Map<string, Mention>();
  for (const { mention, sentence, last } of located) {
    const [open, inner, close] = sentence.tokens.slice(last + 1, last + 4);
    if (open?.text === '(' && close?.text === ')' && inner && isAcronym(inner.text) && !isAcronym(mention.text)) {
      expansionOf.set(inner.text, mention);
    }
  }
  const acronymOf = new Map<Mention, Mention>();
  for (const { mention } of located) {
    const expansion = expansionOf.get(mention.text);
    if (expansion) acronymOf.set(mention, expansion);
  }
  return acronymOf;
}

function toEntity(cluster: Cluster, id: string, text: string, where: Map<Mention, Located>, inSentence: Map<Sentence, Located[]>): Entity {
  const name = cluster.head.text;
  const located = cluster.mentions.map(m => where.get(m)!);
  const forms = [...cluster.mentions.map(m => m.text), ...located.flatMap(titledForm)];
  const role = located.map(l => roleAround(l, text, inSentence.get(l.sentence)!)).find(role => role !== null) ?? null;
  return {
    id,
    name,
    // The article's own description outranks the tagger: "Mariupol, a strategic port city" is a place.
    type: role && describesPlace(role) ? 'LOC' : clusterType(cluster),
    aliases: [...new Set(forms)].filter(form => form !== name),
    role,
    mentions: cluster.mentions.map(({ start, end }) => ({ start, end })),
  };
}

/** "President Zelensky", "Mr Mugabe": the name with the title written before it, as an alias. */
function titledForm({ mention, sentence, first }: Located): string[] {
  const title = sentence.tokens[first - 1];
  if (mention.type !== 'PER' || !title || !/^\p{Lu}/u.test(title.text) || !TITLE_WORDS.has(title.text.replace(/\.$/, '').toLowerCase())) return [];
  return [`${title.text} ${mention.text}`];
}

function roleAround({ mention, sentence, first, last }: Located, text: string, sameSentence: Located[]): string | null {
  const others = sameSentence.filter(l => l.mention !== mention);
  const inName = (i: number) => others.some(o => o.first <= i && i <= o.last);
  return findRole(text, sentence.tokens, first, last, inName);
}
