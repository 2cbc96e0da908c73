import { render } from 'preact';
import { browser } from 'wxt/browser';
import { notesClient } from '../../extension/ui/library/notes-client';
import { OptionsApp } from '../../extension/ui/options/OptionsApp';
import '../../extension/ui/page.css';
import '../../extension/ui/options/memory.css';

render(<OptionsApp store={browser.storage.local} client={notesClient((request) => browser.runtime.sendMessage(request))} />, document.getElementById('app')!);
