/**
 * The first-run page, opened once when Gloss is installed: how to use it, and the one choice that
 * sends anything anywhere, Wikipedia look-ups, explained before it is made. Look-ups stay off
 * unless the reader turns them on here or in the options.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, type SettingsStore } from '../../settings/settings';
import { turnOffLookups, turnOnLookups, type LookupsChange, type OriginPermissions } from '../options/lookups';
import { LookupsExplanation } from '../options/LookupsSection';

export interface WelcomeAppProps {
  /** Where the settings are kept (`browser.storage.local`). */
  store: SettingsStore;
  /** The browser's permission calls for Wikipedia's origins. */
  permissions: OriginPermissions;
}

export function WelcomeApp({ store, permissions }: WelcomeAppProps) {
  const [lookups, setLookups] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    loadSettings(store).then(
      (settings) => setLookups(settings.lookups),
      (error: unknown) => setMessage({ text: `Could not read the options: ${String(error)}`, error: true }),
    );
  }, [store]);

  function apply(change: Promise<LookupsChange>): void {
    change.then(
      (done) => {
        if (done.settings) setLookups(done.settings.lookups);
        setMessage({ text: done.message, error: done.settings === null });
      },
      (error: unknown) => setMessage({ text: `Could not save: ${String(error)}`, error: true }),
    );
  }

  return (
    <main class="options welcome">
      <h1>Gloss is ready</h1>
      <p>
        Open a news article: Gloss underlines the people, organisations and places it names. Rest the pointer on a name, or press{' '}
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>G</kbd> to reach the names by keyboard, and a popover says what the article says about
        it. Everything is worked out inside your browser.
      </p>
      <section class="lookups" aria-labelledby="welcome-lookups-title">
        <h2 id="welcome-lookups-title">Wikipedia look-ups</h2>
        <LookupsExplanation />
        <p class="lookups-state">{lookups === null ? '' : lookups ? 'Look-ups are on.' : 'Look-ups are off until you turn them on.'}</p>
        <div class="lookups-choice">
          {/* turnOnLookups asks for the permission before anything else: it stays inside this click. */}
          <button type="button" class="lookups-on" disabled={lookups === true} onClick={() => apply(turnOnLookups(permissions, store))}>
            Turn on look-ups
          </button>
          <button type="button" class="lookups-keep-off" onClick={() => apply(turnOffLookups(permissions, store))}>
            Keep them off
          </button>
        </div>
        <p class={message?.error ? 'error' : 'message'} role="status">
          {message?.text}
        </p>
        <p>You can change this at any time, for every site or for one, in Gloss’s options.</p>
      </section>
    </main>
  );
}
