import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryApp } from '../../extension/ui/library/LibraryApp';
import { notesClient } from '../../extension/ui/library/notes-client';
import '../../extension/ui/page.css';
import '../../extension/ui/library/library.css';

render(<LibraryApp client={notesClient((request) => browser.runtime.sendMessage(request))} />, document.getElementById('app')!);
