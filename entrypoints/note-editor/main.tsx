/** The note editor, framed by the content script inside Gloss's shadow root (extension/ui/notes/editor-frame.ts). */
import { serveNoteEditor } from '../../extension/ui/notes/editor-frame-page';
import { SHADOW_CSS } from '../../extension/ui/styles';

// The shadow root's own rules (the editor looks as it did in the page); the frame is sized to the
// editor, and the frame element draws the box's rounded corners and shadow.
const FRAME_CSS = `
html, body { margin: 0; background: transparent; overflow: hidden; }
.note-layer { position: static; width: auto; }
.note-editor { width: 100%; box-shadow: none; }
`;
const sheet = new CSSStyleSheet();
sheet.replaceSync(SHADOW_CSS + FRAME_CSS);
document.adoptedStyleSheets = [sheet];

serveNoteEditor(window, document.getElementById('app')!);
