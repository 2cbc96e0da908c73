/**
 * The options page's "Wikipedia look-ups" section: what a look-up sends (in plain words), on and
 * off for every site, and the sites where they stay off. Shares its explanation with the
 * first-run page.
 */
import { useEffect, useState } from 'preact/hooks';
import { siteKey, updateSettings, withLookupsDisabledOn, type Settings, type SettingsStore } from '../../settings/settings';
import { turnOffLookups, turnOnLookups, WIKIPEDIA_ORIGINS, type LookupsChange, type OriginPermissions } from './lookups';

/** What a look-up sends, where and when: the same words on the first-run page and the options page. */
export function LookupsExplanation() {
  return (
    <div class="lookups-explanation">
      <p>
        When you open a name’s popover, Gloss can look the name up on Wikipedia, to say who or what it is even when the article
        does not.
      </p>
      <ul>
        <li>
          A look-up sends <strong>only the name and the article’s language</strong> (for example “Mariupol”, English) to Wikipedia
          in that language (en.wikipedia.org), and only when a popover opens: never the article’s text, its address, or the other
          names on the page.
        </li>
        <li>Wikipedia sees the request come from your browser, as for any visit to it.</li>
        <li>Answers are kept on this device for a while, so the same name is not asked for again.</li>
        <li>
          With look-ups off, nothing is sent: a popover still says what the article says, what earlier articles you read said, and,
          for places, facts bundled with Gloss.
        </li>
      </ul>
    </div>
  );
}

export interface LookupsSectionProps {
  /** The options as loaded by the page (`lookups`, `lookupsDisabledSites`). */
  settings: Settings;
  /** Where the settings are kept; the section saves its own changes. */
  store: SettingsStore;
  /** The browser's permission calls for Wikipedia's origins. */
  permissions: OriginPermissions;
  /** The section saved these settings (the page keeps them, so its own later saves carry them). */
  onSettings(settings: Settings): void;
}

export function LookupsSection({ settings, store, permissions, onSettings }: LookupsSectionProps) {
  const [newSite, setNewSite] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // Look-ups on but the permission taken back in the browser's own settings: say so.
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    permissions.contains(WIKIPEDIA_ORIGINS).then(setGranted, () => setGranted(null));
  }, [permissions, settings.lookups]);

  function report(change: LookupsChange, error: boolean): void {
    setMessage({ text: change.message, error });
    if (change.settings) onSettings(change.settings);
  }

  function turnOn(): void {
    // No await before the request: it must run inside the click.
    turnOnLookups(permissions, store).then(
      (change) => {
        if (change.settings) setGranted(true);
        report(change, change.settings === null);
      },
      (error: unknown) => setMessage({ text: `Could not save: ${String(error)}`, error: true }),
    );
  }

  function turnOff(): void {
    turnOffLookups(permissions, store).then(
      (change) => report(change, false),
      (error: unknown) => setMessage({ text: `Could not save: ${String(error)}`, error: true }),
    );
  }

  function setSite(site: string, off: boolean): void {
    updateSettings(store, (current) => withLookupsDisabledOn(current, site, off)).then(
      (next) => report({ settings: next, message: off ? `Look-ups are off on ${site}.` : `Look-ups are on again on ${site}.` }, false),
      (error: unknown) => setMessage({ text: `Could not save: ${String(error)}`, error: true }),
    );
  }

  function addSite(event: Event): void {
    event.preventDefault();
    const site = siteKey(newSite);
    if (!site) return setMessage({ text: `"${newSite}" is not a site name.`, error: true });
    setNewSite('');
    setSite(site, true);
  }

  const missingPermission = settings.lookups && granted === false;
  return (
    <section class="lookups" aria-labelledby="lookups-title">
      <h2 id="lookups-title">Wikipedia look-ups</h2>
      <LookupsExplanation />
      <p class="lookups-state">
        {!settings.lookups
          ? 'Look-ups are off.'
          : missingPermission
            ? 'Look-ups are on, but the browser no longer lets Gloss reach Wikipedia: turn them on again to allow it.'
            : 'Look-ups are on.'}
      </p>
      {settings.lookups && !missingPermission ? (
        <button type="button" class="lookups-off" onClick={turnOff}>
          Turn off look-ups
        </button>
      ) : (
        <button type="button" class="lookups-on" onClick={turnOn}>
          Turn on look-ups
        </button>
      )}
      <h3 id="lookups-sites-title">Sites where look-ups are off</h3>
      {settings.lookupsDisabledSites.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="sites lookups-sites" aria-labelledby="lookups-sites-title">
          {settings.lookupsDisabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={`Turn look-ups on again on ${site}`} onClick={() => setSite(site, false)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="lookups-site-form" onSubmit={addSite}>
        <label for="lookups-site">Turn off look-ups on</label>{' '}
        <input id="lookups-site" type="text" placeholder="news.example" value={newSite} onInput={(event) => setNewSite(event.currentTarget.value)} />{' '}
        <button type="submit">Add</button>
      </form>
      <p class={message?.error ? 'error' : 'message'} role="status">
        {message?.text}
      </p>
    </section>
  );
}
