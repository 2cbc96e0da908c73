/**
 * The entity popover's memory: the other articles the reader read that mention the entity, and
 * the figures they gave about it with date and source, newest first, so a changed figure shows.
 */
import type { EntityMemory } from '../../notes/types';
import { webHref } from '../web-href';

export interface EntityMemorySectionProps {
  memory: EntityMemory;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "29 Mar 2022" from an ISO date as written (its own day, whatever the reader's time zone), or the input when it is no date. */
export function formatDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

export function EntityMemorySection({ memory }: EntityMemorySectionProps) {
  const count = memory.articles.length;
  if (count === 0) return null;
  return (
    <section class="memory" aria-label="Earlier articles">
      <h3>
        In {count} other {count === 1 ? 'article' : 'articles'} you read
      </h3>
      <ul class="memory-articles">
        {memory.articles.map((article) => {
          const href = webHref(article.url);
          const when = [article.outlet, article.published && formatDay(article.published)].filter(Boolean).join(', ');
          return (
            <li key={article.url}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {article.title || href}
                </a>
              ) : (
                article.title
              )}
              {when && <span class="when"> ({when})</span>}
            </li>
          );
        })}
      </ul>
      {memory.figures.length > 0 && (
        <ul class="memory-figures" aria-label="Figures in earlier articles">
          {memory.figures.map((figure, index) => (
            <li key={`${figure.url}-${index}`}>
              <span class="figure">{figure.text}</span>{' '}
              <span class="stated-by">
                — {figure.source ?? figure.title}, {formatDay(figure.date)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
