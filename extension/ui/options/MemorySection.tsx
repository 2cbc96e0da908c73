/**
 * The options page's "Memory" section: what Gloss remembers of the articles read, the sites where
 * memory is paused, "forget this site" and "clear all memory".
 */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleRecord } from '../../notes/types';
import { siteKey } from '../../settings/settings';
import type { NotesClient } from '../library/notes-client';

export interface MemorySectionProps {
  /** The background's memory calls. */
  client: Pick<NotesClient, 'articles' | 'forget'>;
  /** Sites where memory is paused (from the settings). */
  pausedSites: readonly string[];
  /** Pauses (or resumes) memory on `site`; the options page saves the settings. */
  onPause(site: string, paused: boolean): void;
}

/** One site's remembered articles. */
export interface RememberedSite {
  site: string;
  articles: number;
}

/** The sites Gloss remembers articles of, the most articles first. */
export function rememberedSites(articles: readonly ArticleRecord[]): RememberedSite[] {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(article.site, (counts.get(article.site) ?? 0) + 1);
  return [...counts].map(([site, count]) => ({ site, articles: count })).sort((a, b) => b.articles - a.articles || a.site.localeCompare(b.site));
}

const articlesText = (count: number): string => `${count} ${count === 1 ? 'article' : 'articles'}`;

export function MemorySection({ client, pausedSites, onPause }: MemorySectionProps) {
  const [articles, setArticles] = useState<ArticleRecord[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [newSite, setNewSite] = useState('');

  async function load(): Promise<void> {
    const reply = await client.articles();
    if (reply.ok) setArticles(reply.articles);
    else setMessage({ text: `Could not read what Gloss remembers: ${reply.error}`, error: true });
  }
  useEffect(() => void load(), [client]);

  async function forget(site: string | null): Promise<void> {
    setConfirmingClear(false);
    const reply = await client.forget(site);
    if (!reply.ok) return setMessage({ text: `Could not forget ${site ?? 'the articles'}: ${reply.error}`, error: true });
    setMessage({ text: site ? `Gloss forgot what it read on ${site}.` : 'Gloss forgot every article it read. Your notes are kept.', error: false });
    await load();
  }

  function pause(event: Event): void {
    event.preventDefault();
    const site = siteKey(newSite);
    if (!site) return setMessage({ text: `"${newSite}" is not a site name.`, error: true });
    setNewSite('');
    onPause(site, true);
  }

  const sites = rememberedSites(articles ?? []);
  return (
    <section class="memory" aria-labelledby="memory-title">
      <h2 id="memory-title">Memory</h2>
      <p>
        Gloss remembers the names, roles and figures of the articles you read, on this device only, so that a name’s popover
        can tell you what other articles said about it.
      </p>
      <p class="memory-count">{articles === null ? 'Counting the articles remembered…' : `${articlesText(articles.length)} remembered.`}</p>
      {sites.length > 0 && (
        <ul class="sites remembered-sites" aria-label="Sites remembered">
          {sites.map(({ site, articles: count }) => (
            <li key={site}>
              <span>
                {site} <span class="count">{articlesText(count)}</span>
              </span>
              <button type="button" aria-label={`Forget this site: ${site}`} onClick={() => void forget(site)}>
                Forget this site
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 id="paused-title">Pause memory on a site</h3>
      {pausedSites.length === 0 ? (
        <p class="empty">Memory is on for every site.</p>
      ) : (
        <ul class="sites paused-sites" aria-labelledby="paused-title">
          {pausedSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={`Remember articles on ${site} again`} onClick={() => onPause(site, false)}>
                Resume
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="pause-form" onSubmit={pause}>
        <label for="pause-site">Pause memory on</label>{' '}
        <input id="pause-site" type="text" placeholder="news.example" value={newSite} onInput={(event) => setNewSite(event.currentTarget.value)} />{' '}
        <button type="submit">Pause</button>
      </form>
      <div class="clear-memory">
        {confirmingClear ? (
          <div role="alertdialog" aria-labelledby="confirm-forget-text">
            <p id="confirm-forget-text">Forget all {articlesText(articles?.length ?? 0)} Gloss remembers? Your notes stay.</p>
            <button type="button" class="danger" onClick={() => void forget(null)}>
              Forget everything
            </button>{' '}
            <button type="button" onClick={() => setConfirmingClear(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirmingClear(true)}>
            Clear all memory…
          </button>
        )}
      </div>
      <p class={message?.error ? 'error' : 'message'} role="status">
        {message?.text}
      </p>
    </section>
  );
}
