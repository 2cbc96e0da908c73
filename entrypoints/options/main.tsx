import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../extension/ui/options/OptionsApp';
import '../../extension/ui/page.css';

render(<OptionsApp store={browser.storage.local} />, document.getElementById('app')!);
