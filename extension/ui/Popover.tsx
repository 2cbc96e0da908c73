/** The entity popover: what the article says about one name, rendered inside Gloss's shadow root. */
import type { Source } from '../analysis/types';
import type { EntityMemory, Note } from '../notes/types';
import { BackgroundSection, type PopoverBackground } from './background/BackgroundSection';
import type { EntityCard } from './entity-card';
import { EntityMemorySection } from './notes/EntityMemorySection';
import { EntityNotes } from './notes/EntityNotes';
import { webHref } from './web-href';

export interface PopoverProps {
  card: EntityCard;
  /** Index in `card.mentions` of the mention the popover is anchored to, or -1. */
  currentMention: number;
  /** Scroll to and flash the entity's mention at this index in `card.mentions`. */
  onGoToMention(index: number): void;
  onClose(): void;
  /** The reader's notes on the entity and what earlier articles said of it (absent: no notes section). */
  notes?: PopoverNotes;
  /** Wikipedia's answer and the gazetteer's facts (absent: only what the article says). */
  background?: PopoverBackground;
}

/** What the popover shows of the reader's notes and memory for its entity. */
export interface PopoverNotes {
  notes: readonly Note[];
  /** Earlier articles that mention the entity, or null when none (or not known yet). */
  memory: EntityMemory | null;
  /** Opens the note editor on the entity's first mention. */
  onAddNote(): void;
  onShowNote(id: string): void;
}

export { webHref };

function linkLabel(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.hostname.replace(/^www\./, '')}${path.length > 24 ? `${path.slice(0, 23)}…` : path}`;
}

function WebLink({ href }: { href: string }) {
  const safe = webHref(href);
  if (!safe) return null;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {linkLabel(safe)}
    </a>
  );
}

function MentionNav({ count, current, onGoToMention }: { count: number; current: number; onGoToMention(index: number): void }) {
  const previous = current <= 0 ? count - 1 : current - 1;
  const next = current < 0 || current >= count - 1 ? 0 : current + 1;
  const where = current >= 0 ? `Mention ${current + 1} of ${count}` : `${count} mentions`;
  return (
    <nav class="mentions" aria-label="Mentions in the article">
      <span class="count">{where}</span>
      <button type="button" class="previous" disabled={count < 2} onClick={() => onGoToMention(previous)}>
        ‹ Previous
      </button>
      <button type="button" class="next" disabled={count < 2} onClick={() => onGoToMention(next)}>
        Next ›
      </button>
    </nav>
  );
}

function ArticleSources({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <details class="article-sources">
      <summary>Sources in this article ({sources.length})</summary>
      <ul>
        {sources.map((source, index) => (
          <li key={`${source.name}-${index}`}>
            {source.name}
            {source.links.map((href) => (
              <span key={href}>
                {' '}
                <WebLink href={href} />
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

const NO_BACKGROUND: PopoverBackground = { wikipedia: null, place: null };

export function Popover({ card, currentMention, onGoToMention, onClose, notes, background = NO_BACKGROUND }: PopoverProps) {
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <div class="popover" role="dialog" aria-label={card.name} tabIndex={-1} onKeyDown={closeOnEscape} data-entity-id={card.id}>
      <header>
        <h2 class="name">{card.name}</h2>
        <span class={`kind kind-${card.type}`}>{card.kind}</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {card.role && <p class="role">{card.role}</p>}
      {card.aliases.length > 0 && <p class="aliases">Also written: {card.aliases.join(', ')}</p>}
      <BackgroundSection {...background} firstSentence={card.firstSentence} />
      {card.figures.length > 0 && (
        <section class="figures" aria-label="Figures">
          <h3>Figures</h3>
          <ul>
            {card.figures.map((figure, index) => (
              <li key={index}>
                <span class="figure">{figure.text}</span> <span class="stated-by">— {figure.statedBy}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.quotes.length > 0 && (
        <section class="quotes" aria-label="Quotes">
          <h3>Said</h3>
          <ul>
            {card.quotes.map((quote, index) => (
              <li key={index}>
                <q>{quote}</q>
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.states.length > 0 && (
        <section class="states" aria-label="Figures it gives">
          <h3>Figures it gives</h3>
          <ul>
            {card.states.map((figure, index) => (
              <li key={index}>
                <span class="figure">{figure.text}</span>
                {figure.about && <span class="about"> (about {figure.about})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.links.length > 0 && (
        <section class="links" aria-label="Links">
          <h3>Links</h3>
          <ul>
            {card.links.map((href) => (
              <li key={href}>
                <WebLink href={href} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes?.memory && <EntityMemorySection memory={notes.memory} />}
      {notes && <EntityNotes notes={notes.notes} onAddNote={notes.onAddNote} onShowNote={notes.onShowNote} />}
      {card.mentions.length > 0 && (
        <MentionNav count={card.mentions.length} current={currentMention} onGoToMention={onGoToMention} />
      )}
      <ArticleSources sources={card.articleSources} />
    </div>
  );
}
