/** The options page: which kinds of name to mark, the sites where Gloss is off, Wikipedia look-ups, its memory and sync. */
import { useEffect, useState } from 'preact/hooks';
import type { EntityType } from '../../analysis/types';
import {
  ENTITY_TYPES,
  loadSettings,
  saveSettings,
  siteKey,
  withMemoryPaused,
  withSiteDisabled,
  withSiteEnabled,
  type Settings,
  type SettingsStore,
} from '../../settings/settings';
import type { NotesClient } from '../library/notes-client';
import type { OriginPermissions } from './lookups';
import { LookupsSection } from './LookupsSection';
import { MemorySection } from './MemorySection';
import { SyncSection, type SyncSectionProps } from './SyncSection';

const TYPE_LABEL: Record<EntityType, string> = {
  PER: 'People',
  ORG: 'Organisations',
  LOC: 'Places',
  MISC: 'Other names (events, reports, products)',
};

export interface OptionsAppProps {
  /** Where the settings are kept (`browser.storage.local`). */
  store: SettingsStore;
  /** The background, for the memory section. */
  client: Pick<NotesClient, 'articles' | 'forget'>;
  /** The background's sync and the permission prompt, for the sync section (shown when given). */
  sync?: SyncSectionProps;
  /** The browser's permission calls, for the Wikipedia look-ups section (shown when given). */
  permissions?: OriginPermissions;
}

export function OptionsApp({ store, client, sync, permissions }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [newSite, setNewSite] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    loadSettings(store).then(setSettings, (error: unknown) => setMessage(`Could not read the options: ${String(error)}`));
  }, [store]);

  async function save(next: Settings, done: string): Promise<void> {
    setSettings(next);
    try {
      await saveSettings(store, next);
      setMessage(done);
    } catch (error) {
      setMessage(`Could not save: ${String(error)}`);
    }
  }

  if (!settings) return <main class="options">{message || 'Loading…'}</main>;

  function addSite(event: Event): void {
    event.preventDefault();
    const site = siteKey(newSite);
    if (!site) return setMessage(`"${newSite}" is not a site name.`);
    setNewSite('');
    void save(withSiteDisabled(settings!, site), `Gloss is now off on ${site}.`);
  }

  return (
    <main class="options">
      <h1>Gloss options</h1>
      <fieldset>
        <legend>Mark these names on pages</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              name={type}
              checked={settings.mark[type]}
              onChange={(event) =>
                void save({ ...settings, mark: { ...settings.mark, [type]: event.currentTarget.checked } }, 'Saved.')
              }
            />{' '}
            {TYPE_LABEL[type]}
          </label>
        ))}
      </fieldset>
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">Sites where Gloss is off</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="empty disabled-sites-empty">None: Gloss runs on every site.</p>
        ) : (
          <ul class="sites disabled-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" aria-label={`Turn Gloss on again on ${site}`} onClick={() => void save(withSiteEnabled(settings, site), `Gloss is on again on ${site}.`)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addSite}>
          <label for="new-site">Turn off on</label>{' '}
          <input id="new-site" type="text" placeholder="news.example" value={newSite} onInput={(event) => setNewSite(event.currentTarget.value)} />{' '}
          <button type="submit">Add</button>
        </form>
      </section>
      {permissions && (
        <LookupsSection
          settings={settings}
          store={store}
          permissions={permissions}
          onSettings={setSettings}
        />
      )}
      <MemorySection
        client={client}
        pausedSites={settings.memoryPausedSites}
        onPause={(site, paused) =>
          void save(withMemoryPaused(settings, site, paused), paused ? `Memory is paused on ${site}.` : `Gloss remembers articles on ${site} again.`)
        }
      />
      {sync && <SyncSection {...sync} />}
      <p class="message" role="status">
        {message}
      </p>
    </main>
  );
}
