/** Gloss's CSS inside its shadow root (the page's highlight colours are in highlights.css). */
import type { EntityType } from '../analysis/types';
import { NOTE_COLOURS, type NoteColour } from '../notes/types';
import { BACKGROUND_CSS } from './background/background.css';

/** Highlight names registered in `CSS.highlights`, one per entity kind, plus focus and flash. */
export const HIGHLIGHT_NAME: Record<EntityType, string> = {
  PER: 'gloss-per',
  ORG: 'gloss-org',
  LOC: 'gloss-loc',
  MISC: 'gloss-misc',
};
export const FOCUS_HIGHLIGHT = 'gloss-focus';
export const FLASH_HIGHLIGHT = 'gloss-flash';
/** One highlight name per note colour: `gloss-note-yellow`, … */
export const NOTE_HIGHLIGHT: Record<NoteColour, string> = Object.fromEntries(NOTE_COLOURS.map((colour) => [colour, `gloss-note-${colour}`])) as Record<NoteColour, string>;

/** The note colours (highlights.css paints the page's notes in the same ones). */
const NOTE_RGB: Record<NoteColour, string> = {
  yellow: '250, 204, 21',
  green: '74, 222, 128',
  blue: '96, 165, 250',
  pink: '244, 114, 182',
  purple: '192, 132, 252',
};

/** The kinds' colours (highlights.css paints the page's marks in the same ones). */
const COLOURS: Record<EntityType, string> = {
  PER: '59, 130, 246',
  ORG: '168, 85, 247',
  LOC: '16, 185, 129',
  MISC: '245, 158, 11',
};

/**
 * The host's own look. The page's CSS reaches the host element (`* { all: unset !important }`,
 * `gloss-host { display: none !important }`), but for !important declarations the shadow tree's
 * `:host` rule wins over the page's (CSS Cascade 5, context), so every property is set here.
 */
const HOST_CSS = `:host {
  all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; z-index: 2147483647 !important;
}`;

export const SHADOW_CSS = `
${HOST_CSS}
.overlay { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.overlay .box { position: absolute; pointer-events: none; border-bottom: 2px solid; mix-blend-mode: multiply; }
${(Object.keys(COLOURS) as EntityType[])
  .map((type) => `.overlay .box.${HIGHLIGHT_NAME[type]} { background: rgba(${COLOURS[type]}, 0.14); border-color: rgba(${COLOURS[type]}, 0.7); }`)
  .join('\n')}
.overlay .box.${FOCUS_HIGHLIGHT} { background: rgba(250, 204, 21, 0.55); border-color: transparent; }
.overlay .box.${FLASH_HIGHLIGHT} { background: rgba(250, 204, 21, 0.85); border-color: transparent; }
${NOTE_COLOURS.map((colour) => `.overlay .box.${NOTE_HIGHLIGHT[colour]} { background: rgba(${NOTE_RGB[colour]}, 0.35); border-color: transparent; }`).join('\n')}
.visually-hidden { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.popover-layer { position: fixed; top: 0; left: 0; width: max-content; z-index: 2147483647; }
/* Gloss's UI cannot be selected (but the editor's fields): a page reads the document's selection,
   its text in both browsers and, in Firefox, the node it is in, whose root is this closed one. */
.popover-layer, .note-layer { -webkit-user-select: none; user-select: none; }
.note-layer textarea, .note-layer input[type="text"] { -webkit-user-select: text; user-select: text; }
.popover {
  box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: min(70vh, 520px); overflow: auto;
  padding: 12px 14px; border-radius: 10px; border: 1px solid #d4d4d8; background: #fff; color: #18181b;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
}
.popover:focus { outline: none; }
.popover:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.popover header { display: flex; align-items: baseline; gap: 8px; }
.popover h2 { margin: 0; font-size: 16px; font-weight: 650; flex: 1 1 auto; }
.popover h3 { margin: 10px 0 4px; font-size: 11px; font-weight: 650; letter-spacing: 0.05em; text-transform: uppercase; color: #52525b; }
.popover ul { margin: 0; padding-left: 18px; }
.popover li { margin: 2px 0; }
.popover p { margin: 6px 0 0; }
.popover .role { font-style: italic; }
.popover .aliases, .popover .stated-by, .popover .about, .popover .count { color: #52525b; }
.popover .kind { font-size: 12px; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
${(Object.keys(COLOURS) as EntityType[]).map((type) => `.popover .kind-${type} { background: rgba(${COLOURS[type]}, 0.16); }`).join('\n')}
.popover button { font: inherit; font-size: 13px; color: #18181b; background: #f4f4f5; border: 1px solid #d4d4d8; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.popover button:hover { background: #e4e4e7; }
.popover button:disabled { opacity: 0.5; cursor: default; }
.popover button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.popover button.close { border: none; background: none; font-size: 18px; line-height: 1; padding: 0 4px; }
.popover .mentions { display: flex; align-items: center; gap: 6px; margin-top: 10px; padding-top: 8px; border-top: 1px solid #e4e4e7; }
.popover .mentions .count { flex: 1 1 auto; font-size: 13px; }
.popover a { color: #1d4ed8; word-break: break-all; }
.popover details { margin-top: 8px; font-size: 13px; }
.popover summary { cursor: pointer; color: #3f3f46; }
.note-layer { position: fixed; top: 0; left: 0; width: max-content; z-index: 2147483647; }
.note-layer:empty { display: none; }
.note-layer > * { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #18181b; text-align: left; }
.note-layer .add-note { padding: 3px 10px; border-radius: 999px; border: 1px solid #a1a1aa; background: #18181b; color: #fff; font-size: 13px; cursor: pointer; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); }
.note-layer .add-note:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.note-editor, .note-card, .undo-delete {
  box-sizing: border-box; width: min(340px, calc(100vw - 16px)); padding: 10px 12px; border-radius: 10px; border: 1px solid #d4d4d8;
  background: #fff; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18);
}
.undo-delete { display: flex; align-items: center; gap: 8px; width: max-content; }
.note-editor label { display: block; margin-top: 6px; }
.note-editor .label, .colours legend { display: block; font-size: 11px; font-weight: 650; letter-spacing: 0.05em; text-transform: uppercase; color: #52525b; }
.note-editor textarea, .note-editor input[type="text"] { box-sizing: border-box; width: 100%; font: inherit; padding: 4px 6px; border: 1px solid #a1a1aa; border-radius: 6px; background: #fff; color: #18181b; }
.note-layer .quote, .popover .quote { margin: 0 0 4px; padding-left: 8px; border-left: 3px solid #d4d4d8; color: #3f3f46; font-style: italic; max-height: 4.5em; overflow: hidden; }
.colours { display: flex; gap: 6px; align-items: center; border: none; margin: 6px 0 0; padding: 0; }
.colours legend { float: left; margin-right: 6px; }
.swatch { display: inline-block; width: 20px; height: 20px; border-radius: 50%; border: 2px solid transparent; cursor: pointer; }
.swatch input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.swatch:has(input:checked) { border-color: #18181b; }
.swatch:has(input:focus-visible) { outline: 2px solid #2563eb; outline-offset: 1px; }
${NOTE_COLOURS.map((colour) => `.swatch-${colour}, .note-card.note-${colour} .quote, .note-link.note-${colour} { background-color: rgba(${NOTE_RGB[colour]}, 0.45); }`).join('\n')}
.note-card .body { margin: 4px 0; white-space: pre-wrap; word-break: break-word; }
.note-card .body.empty { color: #71717a; }
.note-card .tags { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 4px 0; padding: 0; }
.note-card .tags li { font-size: 12px; padding: 0 6px; border-radius: 999px; background: #f4f4f5; }
.note-layer .actions { display: flex; gap: 6px; margin-top: 8px; }
.note-layer .error { color: #b91c1c; margin: 6px 0 0; }
.note-layer button:not(.add-note) { font: inherit; font-size: 13px; color: #18181b; background: #f4f4f5; border: 1px solid #d4d4d8; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.note-layer button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.note-layer button.close { margin-left: auto; border: none; background: none; font-size: 18px; line-height: 1; padding: 0 4px; }
/* A sentence, not a label: "In 2 other articles you read". */
.popover .memory h3 { text-transform: none; letter-spacing: normal; font-size: 13px; }
.popover .memory-articles .when { color: #52525b; }
.popover .entity-notes { margin-top: 8px; }
.popover .entity-notes .note-link { text-align: left; border: none; border-radius: 4px; }
.popover .entity-notes .add-note { margin-top: 4px; }
@media (prefers-color-scheme: dark) {
  .note-editor, .note-card, .undo-delete { background: #18181b; color: #f4f4f5; border-color: #3f3f46; }
  .note-layer > * { color: #f4f4f5; }
  .note-editor textarea, .note-editor input[type="text"] { background: #27272a; color: #f4f4f5; border-color: #52525b; }
  .note-layer button:not(.add-note) { background: #27272a; color: #f4f4f5; border-color: #3f3f46; }
  .note-layer .quote { color: #d4d4d8; }

  .popover { background: #18181b; color: #f4f4f5; border-color: #3f3f46; }
  .popover h3, .popover .aliases, .popover .stated-by, .popover .about, .popover .count, .popover summary { color: #a1a1aa; }
  .popover button { background: #27272a; color: #f4f4f5; border-color: #3f3f46; }
  .popover button:hover { background: #3f3f46; }
  .popover a { color: #93c5fd; }
  .popover .mentions { border-color: #3f3f46; }
}
${BACKGROUND_CSS}
`;
