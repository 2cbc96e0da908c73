import type { Entity, Mention, Sentence } from '../types';
import { clusterMentions, clusterType, type Cluster } from './coref';
import { defaultWeights } from './default-model';
import { joinFragments } from './join';
import { isAcronym, nameKey, TITLE_WORDS } from './names';
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
  const mentions = refineMentions(text, sentences, joinFragments(text, sentences, recognizeMentions(text, sentences, weights)));
  const located = locate(agreeOnTypes(mentions), sentences);
  const clusters = clusterMentions(located.map(l => l.mention), bracketedAcronyms(located));
  return clusters.map((cluster, i) => toEntity(cluster, `e${i + 1}`, text, located));
}

function locate(mentions: Mention[], sentences: Sentence[]): Located[] {
  return mentions.flatMap(mention => {
    const sentence = sentences.find(s => s.start <= mention.start && mention.end <= s.end);
    if (!sentence) return [];
    const first = sentence.tokens.findIndex(t => t.start === mention.start);
    const last = sentence.tokens.findIndex(t => t.end === mention.end);
    return first >= 0 && last >= first ? [{ mention, sentence, first, last }] : [];
  });
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

function toEntity(cluster: Cluster, id: string, text: string, located: Located[]): Entity {
  const name = cluster.head.text;
  const where = cluster.mentions.map(m => located.find(l => l.mention === m)!);
  const forms = [...cluster.mentions.map(m => m.text), ...where.flatMap(titledForm)];
  const role = where.map(l => roleAround(l, text, located)).find(role => role !== null) ?? null;
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

function roleAround({ mention, sentence, first, last }: Located, text: string, located: Located[]): string | null {
  const others = located.filter(l => l.sentence === sentence && l.mention !== mention);
  const inName = (i: number) => others.some(o => o.first <= i && i <= o.last);
  return findRole(text, sentence.tokens, first, last, inName);
}
