/**
 * Re-attaching notes, for `npm run bench`: 50 notes made on a long article (~50,000 characters,
 * generated from a fixed seed so every run times the same text), re-attached on an edited copy
 * (a paragraph inserted near the top, two letters swapped inside 8 quotes as a typo made or fixed
 * would, one noted passage removed),
 * with `reanchorAll` beside the simplest approach, measured in the same run: an approximate
 * search (approx-string-match) of every quote over the whole text, with no position or exact
 * shortcut.
 */
import { performance } from 'node:perf_hooks';
import approxSearch from 'approx-string-match';
import { describeSpan } from '../notes/anchoring/describe';
import { reanchorAll, type Placement } from '../notes/anchoring/reanchor';
import type { Note } from '../notes/types';
import { median } from './stats';

const NOTE_COUNT = 50;
const ARTICLE_CHARS = 50_000;
const TYPO_NOTES = 8;
const TIMED_RUNS = 21;

/** A small deterministic random source (mulberry32), so the article and the notes are the same every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = 'the of and to a in that is was he for it with as his on be at by had are but from or have an they which one were all we her she there would their will when who him been has more if no out so said what up its about than into them can only other new some could these two may first then do any like my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ');
const SYLLABLES = 'ka lo mi ren tas vel or an dri mon sel ba tu rik fen ola mar is ten cor vi nad pel gra sto lum'.split(' ');

/** A long article: paragraphs of sentences mixing common words, made-up words and names. */
function generateArticle(random: () => number, length: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(''));
  // Zipf-like: a few made-up words are frequent, most are rare, as in real text.
  const word = () => (random() < 0.45 ? pick(FUNCTION_WORDS) : vocabulary[Math.floor(vocabulary.length ** random()) - 1]!);
  const name = () => pick(vocabulary).replace(/^./, (c) => c.toUpperCase());
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 18) }, () => (random() < 0.06 ? `${name()} ${name()}` : word()));
    if (random() < 0.3) words.splice(Math.floor(random() * words.length), 0, `${Math.floor(random() * 1000)}`);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const paragraph = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** The edited article, the notes made on the original, and where each note's passage now starts (null: removed). */
interface Scenario {
  text: string;
  notes: Note[];
  expected: Map<string, number | null>;
}

function scenario(): Scenario {
  const random = seeded(5);
  const original = generateArticle(random, ARTICLE_CHARS);
  const words = [...original.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Notes on runs of 1 to 10 words, spread over the article, one per slice of it.
  const notes: Note[] = Array.from({ length: NOTE_COUNT }, (_, i) => {
    const first = Math.floor(((i + random()) / NOTE_COUNT) * (words.length - 12));
    const last = first + Math.floor(random() * 10);
    const { quote, position } = describeSpan(original, words[first]!.start, words[last]!.end);
    const time = new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
    return {
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: 'https://news.example/long-read',
      title: 'A long read',
      quote,
      position,
      entity: null,
      body: '',
      tags: [],
      colour: 'yellow',
      created: time,
      modified: time,
      anchor: 'anchored',
    };
  });

  // Edits, from the end of the text backwards so earlier offsets stay valid while editing.
  let text = original;
  // One noted passage removed (note 40's, with a little around it).
  const removed = notes[40]!.position;
  const removedFrom = Math.max(0, removed.start - 5);
  const removedTo = removed.end + 5;
  // Typos inside 8 quotes of at least 6 characters (two letters swapped, so the length stays the same).
  const typoNotes = notes.filter((note, i) => i % 5 === 2 && note.quote.exact.length >= 6).slice(0, TYPO_NOTES);
  const swaps = typoNotes.map((note) => note.position.start + Math.floor(note.quote.exact.length / 2) - 1);
  for (const at of swaps.filter((at) => at > removedTo).sort((a, b) => b - a)) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  text = text.slice(0, removedFrom) + text.slice(removedTo);
  for (const at of swaps.filter((at) => at < removedFrom).sort((a, b) => b - a)) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  // A paragraph inserted after the first one.
  const insertAt = original.indexOf('\n\n') + 2;
  const inserted = 'Editor\'s note: this article was updated on 25 November with a correction and new figures from the council, which were not available when it was first published.\n\n';
  text = text.slice(0, insertAt) + inserted + text.slice(insertAt);

  const moved = (offset: number) => offset + (offset >= insertAt ? inserted.length : 0) - (offset >= removedTo ? removedTo - removedFrom : 0);
  const expected = new Map(notes.map((note) => [note.id, note.position.end > removedFrom && note.position.start < removedTo ? null : moved(note.position.start)]));
  return { text, notes, expected };
}

/** The simplest approach: each quote searched approximately over the whole text, the match with fewest errors taken. */
function fullScan(text: string, notes: readonly Note[]): Map<string, Placement | null> {
  const placements = new Map<string, Placement | null>();
  for (const note of notes) {
    const exact = note.quote.exact;
    const [best] = approxSearch(text, exact, Math.min(256, Math.floor(exact.length / 2)));
    placements.set(note.id, best ? { start: best.start, end: best.end, how: 'fuzzy' } : null);
  }
  return placements;
}

/** Median time of `TIMED_RUNS` runs after a warm-up run, and the last run's result. */
function timed<T>(run: () => T): { ms: number; result: T } {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

/**
 * The benchmark's table, header first: for each approach, the median time to re-attach all the
 * notes, and how many it put in the right place (within 2 characters of where the passage went),
 * in a wrong place, or left orphaned, beside the 50 ms goal.
 */
export function benchAnchoring(): string[][] {
  const { text, notes, expected } = scenario();
  const rows = [['re-attaching 50 notes, ~50k-char article (edited)', 'median', 'right place', 'wrong place', 'orphaned', 'how (position/exact/fuzzy)']];
  const approaches: [string, () => Map<string, Placement | null>][] = [
    ['reanchorAll: position, exact, then fuzzy', () => reanchorAll(text, notes)],
    ['full scan: approx-string-match every quote', () => fullScan(text, notes)],
  ];
  for (const [label, run] of approaches) {
    const { ms, result } = timed(run);
    let right = 0;
    let wrong = 0;
    let orphaned = 0;
    const how = { position: 0, exact: 0, fuzzy: 0 };
    for (const note of notes) {
      const placement = result.get(note.id) ?? null;
      const target = expected.get(note.id) ?? null;
      if (placement === null) {
        if (target === null) right += 1;
        else orphaned += 1;
        continue;
      }
      how[placement.how] += 1;
      if (target !== null && Math.abs(placement.start - target) <= 2) right += 1;
      else wrong += 1;
    }
    rows.push([label, `${ms.toFixed(1)} ms`, `${right}/${notes.length}`, String(wrong), String(orphaned), `${how.position}/${how.exact}/${how.fuzzy}`]);
  }
  rows.push([`goal (text ${text.length.toLocaleString('en')} chars)`, '< 50 ms', '', '', '', '']);
  return rows;
}
