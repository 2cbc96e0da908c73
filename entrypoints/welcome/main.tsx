import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '../../extension/ui/welcome/WelcomeApp';
import { LOOKUP_DATA_COLLECTION, originPermissions } from '../../extension/ui/options/lookups';
import '../../extension/ui/page.css';
import '../../extension/ui/options/lookups.css';

render(<WelcomeApp store={browser.storage.local} permissions={originPermissions(browser.permissions, import.meta.env.FIREFOX ? LOOKUP_DATA_COLLECTION : [])} />, document.getElementById('app')!);
