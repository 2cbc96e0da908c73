/** The toolbar popup: what Gloss found on this page, and the switch for this site. */
import { analysisNotices } from '../../analysis/notices';
import type { Analysis, Entity, EntityType } from '../../analysis/types';
import { entityNames, type SourceStatements, statedBy, statementsOf } from '../entity-card';
import { webHref } from '../Popover';

export interface PopupProps {
  /** The page's site key ("news.example"), or null when the popup can't tell (a browser page). */
  site: string | null;
  siteOff: boolean;
  /** The last analysis of this tab, or null when there is none yet. */
  analysis: Analysis | null;
  /** Gloss's state on the page (`data-gloss-state`), or null when no content script answered. */
  state: string | null;
  onShowEntity(entityId: string): void;
  onToggleSite(off: boolean): void;
  onOpenOptions(): void;
  /** Opens the reader's library of notes beside the page (called from the click, for the browser's gesture check). */
  onOpenLibrary(): void;
}

const GROUPS: { type: EntityType; title: string }[] = [
  { type: 'PER', title: 'People' },
  { type: 'ORG', title: 'Organisations' },
  { type: 'LOC', title: 'Places' },
  { type: 'MISC', title: 'Other' },
];

const STATE_TEXT: Record<string, string> = {
  finding: 'Looking for the article…',
  analysing: 'Reading the article…',
  'no-article': 'No article found on this page.',
  error: 'Gloss could not read this page.',
  off: 'Gloss is off on this site.',
};

function statusText({ state, analysis, siteOff }: Pick<PopupProps, 'state' | 'analysis' | 'siteOff'>): string | null {
  if (siteOff) return STATE_TEXT.off!;
  if (analysis) return analysis.entities.length === 0 ? 'No names recognised in this article.' : null;
  if (state === null) return 'Gloss does not run on this page.';
  return STATE_TEXT[state] ?? null;
}

function EntityGroup({ title, entities, onShowEntity }: { title: string; entities: Entity[]; onShowEntity(id: string): void }) {
  if (entities.length === 0) return null;
  return (
    <section aria-labelledby={`group-${title}`}>
      <h2 id={`group-${title}`}>
        {title} <span class="count">{entities.length}</span>
      </h2>
      <ul class="entities">
        {entities.map((entity) => (
          <li key={entity.id}>
            <button type="button" onClick={() => onShowEntity(entity.id)} title={entity.role ?? undefined}>
              <span class="name">{entity.name}</span>
              <span class="mentions" aria-label={`${entity.mentions.length} mentions`}>
                {entity.mentions.length}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What one source says: its figures, then the openings of its quotes. */
function SaysList({ statements }: { /** The source's figures and quote openings. */ statements: SourceStatements }) {
  const lines = [...statements.figures, ...statements.quotes.map((quote) => `“${quote}”`)];
  if (lines.length === 0) return null;
  return (
    <ul class="says">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function byMentions(a: Entity, b: Entity): number {
  return b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
}

export function PopupApp(props: PopupProps) {
  const { site, siteOff, analysis, onShowEntity, onToggleSite, onOpenOptions, onOpenLibrary } = props;
  const status = statusText(props);
  const nameOf = entityNames(analysis?.entities ?? []);
  return (
    <main class="popup">
      <header>
        <h1>Gloss</h1>
        {site && (
          <button type="button" class="site-toggle" onClick={() => onToggleSite(!siteOff)}>
            {siteOff ? `Turn on on ${site}` : 'Turn off on this site'}
          </button>
        )}
      </header>
      {status && <p class="status" role="status">{status}</p>}
      {analysis && !siteOff && analysisNotices(analysis).map((notice) => (
        <p key={notice} class="notice">
          {notice}
        </p>
      ))}
      {analysis && !siteOff && (
        <>
          {GROUPS.map(({ type, title }) => (
            <EntityGroup
              key={type}
              title={title}
              entities={analysis.entities.filter((entity) => entity.type === type).sort(byMentions)}
              onShowEntity={onShowEntity}
            />
          ))}
          {analysis.figures.length > 0 && (
            <section aria-labelledby="group-figures">
              <h2 id="group-figures">
                Figures <span class="count">{analysis.figures.length}</span>
              </h2>
              <ul class="figures">
                {analysis.figures.map((figure, index) => (
                  <li key={index}>
                    {figure.about ? (
                      <button type="button" onClick={() => onShowEntity(figure.about!)}>
                        {figure.text}
                      </button>
                    ) : (
                      <span>{figure.text}</span>
                    )}{' '}
                    <span class="stated-by">— {statedBy(figure, nameOf)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {analysis.sources.length > 0 && (
            <section aria-labelledby="group-sources">
              <h2 id="group-sources">
                Sources <span class="count">{analysis.sources.length}</span>
              </h2>
              <ul class="sources">
                {analysis.sources.map((source, index) => (
                  <li key={index}>
                    {nameOf(source.entity) !== null ? (
                      <button type="button" onClick={() => onShowEntity(source.entity!)}>
                        {source.name}
                      </button>
                    ) : (
                      <span>{source.name}</span>
                    )}
                    {source.links.map((href) => {
                      const safe = webHref(href);
                      return safe ? (
                        <a key={href} href={safe} target="_blank" rel="noopener noreferrer" class="source-link">
                          {new URL(safe).hostname.replace(/^www\./, '')}
                        </a>
                      ) : null;
                    })}
                    <SaysList statements={statementsOf(analysis, source.entity)} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <footer>
        <button type="button" class="link" onClick={onOpenLibrary}>
          Open library
        </button>{' '}
        <button type="button" class="link" onClick={onOpenOptions}>
          Options
        </button>
      </footer>
    </main>
  );
}
