import { render } from 'preact';
import { browser } from 'wxt/browser';
import { notesClient } from '../../extension/ui/library/notes-client';
import { LOOKUP_DATA_COLLECTION, originPermissions } from '../../extension/ui/options/lookups';
import { OptionsApp } from '../../extension/ui/options/OptionsApp';
import { syncClient } from '../../extension/ui/options/sync-client';
import '../../extension/ui/page.css';
import '../../extension/ui/options/lookups.css';
import '../../extension/ui/options/memory.css';
import '../../extension/ui/options/sync.css';

const send = (request: unknown) => browser.runtime.sendMessage(request);
const sync = { client: syncClient(send), requestOrigins: (origins: string[]) => browser.permissions.request({ origins }) };

render(<OptionsApp store={browser.storage.local} client={notesClient(send)} sync={sync} permissions={originPermissions(browser.permissions, import.meta.env.FIREFOX ? LOOKUP_DATA_COLLECTION : [])} />, document.getElementById('app')!);
