/**
 * Turning Wikipedia look-ups on and off, shared by the first-run page and the options page. On
 * needs the host permission for Wikipedia, asked in the reader's click (browsers grant optional
 * permissions only in a user gesture), and then the setting; off drops both.
 */
import { updateSettings, type Settings, type SettingsStore } from '../../settings/settings';

/** The origins a look-up reaches: every language's Wikipedia (en.wikipedia.org, fr.wikipedia.org…). */
export const WIKIPEDIA_ORIGINS = ['https://*.wikipedia.org/*'];

/** The browser's optional-permission calls for origins (`browser.permissions`, narrowed). */
export interface OriginPermissions {
  /** Asks the reader; call it first thing in a click handler, before any `await`. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
}

/**
 * Firefox's data-collection consent (manifest `data_collection_permissions.optional`): a look-up
 * sends a name read on a web page to Wikipedia, which Firefox's taxonomy calls website content.
 * It is asked for, and given back, together with the origins, in one prompt.
 */
export const LOOKUP_DATA_COLLECTION = ['websiteContent'];

/** `browser.permissions` as OriginPermissions; `dataCollection` goes with every request (Firefox). */
export function originPermissions(
  api: {
    request(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    contains(permissions: { origins: string[] }): Promise<boolean>;
  },
  dataCollection: string[] = [],
): OriginPermissions {
  // `data_collection` is not in the type definitions yet: Firefox 140+ only.
  const withData = (origins: string[]) => (dataCollection.length > 0 ? ({ origins, data_collection: dataCollection } as { origins: string[] }) : { origins });
  return {
    request: (origins) => api.request(withData(origins)),
    remove: (origins) => api.remove(withData(origins)),
    contains: (origins) => api.contains({ origins }),
  };
}

/** What turning look-ups on or off came to: the settings saved, and a sentence for the reader. */
export interface LookupsChange {
  settings: Settings | null;
  message: string;
}

/**
 * Asks for Wikipedia's origins and, when granted, turns look-ups on. The request is made before
 * anything else is awaited, so it still counts as the click's gesture.
 */
export async function turnOnLookups(permissions: OriginPermissions, store: SettingsStore): Promise<LookupsChange> {
  const asking = permissions.request(WIKIPEDIA_ORIGINS);
  let granted: boolean;
  try {
    granted = await asking;
  } catch (error) {
    return { settings: null, message: `Look-ups stay off: the browser refused to ask (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!granted) return { settings: null, message: 'Look-ups stay off: Gloss was not allowed to reach Wikipedia.' };
  const settings = await updateSettings(store, (current) => ({ ...current, lookups: true }));
  return { settings, message: 'Look-ups are on: a popover asks Wikipedia about its name.' };
}

/** Turns look-ups off and gives the permission back (it is asked for again when they are turned on). */
export async function turnOffLookups(permissions: OriginPermissions, store: SettingsStore): Promise<LookupsChange> {
  const settings = await updateSettings(store, (current) => ({ ...current, lookups: false }));
  await permissions.remove(WIKIPEDIA_ORIGINS).catch(() => false);
  return { settings, message: 'Look-ups are off: nothing is sent to Wikipedia.' };
}
