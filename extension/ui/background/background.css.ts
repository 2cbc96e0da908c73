/** The popover's background section, inside Gloss's shadow root (included by ../styles.ts). */
export const BACKGROUND_CSS = `
.popover .background .wiki-extract {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4; line-clamp: 4; overflow: hidden;
}
.popover .background .wiki-description, .popover .background .first-mention .label { color: #52525b; }
.popover .background .wiki-credit, .popover .background .looking-up, .popover .background .lookup-failed { font-size: 12px; color: #71717a; }
@media (prefers-color-scheme: dark) {
  .popover .background .wiki-description, .popover .background .first-mention .label,
  .popover .background .wiki-credit, .popover .background .looking-up, .popover .background .lookup-failed { color: #a1a1aa; }
}
`;
