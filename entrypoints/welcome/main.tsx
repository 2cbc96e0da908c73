import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '../../extension/ui/welcome/WelcomeApp';
import { originPermissions } from '../../extension/ui/options/lookups';
import '../../extension/ui/page.css';
import '../../extension/ui/options/lookups.css';

render(<WelcomeApp store={browser.storage.local} permissions={originPermissions(browser.permissions)} />, document.getElementById('app')!);
