import { render } from 'preact';
import { browser } from 'wxt/browser';
import { notesClient } from '../../extension/ui/library/notes-client';
import { OptionsApp } from '../../extension/ui/options/OptionsApp';
import { syncClient } from '../../extension/ui/options/sync-client';
import '../../extension/ui/page.css';
import '../../extension/ui/options/memory.css';
import '../../extension/ui/options/sync.css';

const send = (request: unknown) => browser.runtime.sendMessage(request);
const sync = { client: syncClient(send), requestOrigins: (origins: string[]) => browser.permissions.request({ origins }) };

const permissions = {
  request: (origins: string[]) => browser.permissions.request({ origins }),
  remove: (origins: string[]) => browser.permissions.remove({ origins }),
  contains: (origins: string[]) => browser.permissions.contains({ origins }),
};

render(<OptionsApp store={browser.storage.local} client={notesClient(send)} sync={sync} permissions={permissions} />, document.getElementById('app')!);
