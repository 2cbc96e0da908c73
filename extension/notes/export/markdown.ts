/**
 * Notes as a Markdown document a person reads: one section per article (its title linking to it),
 * each note as the quoted passage, then the reader's words, tags and the entity it is on. Page
 * text and the reader's text are escaped, so a quote holding `*`, `[` or `<script>` shows as typed
 * and never turns into emphasis, a link or HTML.
 */
import { KIND_LABEL } from '../../ui/entity-card';
import type { Note } from '../types';

/** Characters that start Markdown (CommonMark + GitHub tables and strikethrough) anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

/** A line start that would make a heading, list, rule or setext underline (`>` is escaped inline). */
const BLOCK_START = /^([#+=-]|\d+(?=[.)]))/;

/** One line of page or reader text, escaped so that it renders as itself. */
function escapeLine(line: string): string {
  // An ordered-list marker is escaped after its digits ("1\."): a backslash before a digit is literal.
  return line.replace(INLINE_SPECIAL, '\\$&').replace(BLOCK_START, (marker: string) => (/\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}

/**
 * Text of several lines as Markdown lines: each escaped, line breaks kept as hard breaks (a
 * trailing backslash), blank lines kept as paragraph breaks.
 */
function escapeText(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => escapeLine(line.trim()));
  return lines.map((line, index) => (line !== '' && (lines[index + 1] ?? '') !== '' ? `${line}\\` : line));
}

/** A URL as a Markdown link destination: in angle brackets, so parentheses and spaces cannot end it. */
function linkDestination(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

/** One note: the quote as a block quote, then the body, tags and entity. */
function noteLines(note: Note): string[] {
  const lines = escapeText(note.quote.exact).map((line) => (line === '' ? '>' : `> ${line}`));
  if (note.body.trim() !== '') lines.push('', ...escapeText(note.body.trim()));
  const details: string[] = [];
  if (note.tags.length > 0) details.push(`Tags: ${note.tags.map(escapeLine).join(', ')}`);
  if (note.entity) details.push(`On: ${escapeLine(note.entity.name)} (${KIND_LABEL[note.entity.type].toLowerCase()})`);
  details.push(`Noted ${note.created.slice(0, 10)}${note.modified.slice(0, 10) !== note.created.slice(0, 10) ? `, edited ${note.modified.slice(0, 10)}` : ''}`);
  lines.push('', details.join(' · '));
  return lines;
}

/**
 * The notes as Markdown. Articles come in the order of their first note in `notes`, and an
 * article's notes in the order of their place in the article. `now` is the date in the heading.
 */
export function exportMarkdown(notes: readonly Note[], now: Date = new Date()): string {
  const byArticle = new Map<string, Note[]>();
  for (const note of notes) {
    const article = byArticle.get(note.url);
    if (article) article.push(note);
    else byArticle.set(note.url, [note]);
  }
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const out = [
    '# Gloss notes',
    '',
    `Exported ${now.toISOString().slice(0, 10)}: ${count(notes.length, 'note', 'notes')} from ${count(byArticle.size, 'article', 'articles')}.`,
  ];
  for (const [url, articleNotes] of byArticle) {
    // The title the newest note saw: a page's title may have changed between notes.
    const title = articleNotes.reduce((latest, note) => (note.created > latest.created ? note : latest)).title.trim();
    out.push('', `## [${escapeLine(title || url)}](${linkDestination(url)})`);
    const ordered = [...articleNotes].sort((a, b) => a.position.start - b.position.start);
    for (const [index, note] of ordered.entries()) {
      out.push('', ...(index > 0 ? ['---', ''] : []), ...noteLines(note));
    }
  }
  return `${out.join('\n')}\n`;
}
