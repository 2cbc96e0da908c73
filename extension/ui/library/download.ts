/** Saving text the background made (an export) as a file the reader downloads. */

/** How long the file's object URL lives: Firefox reads it after the click returns. */
const URL_LIFETIME_MS = 60_000;

/**
 * Offers `text` as a download named `filename` (Blob + object URL + `<a download>`), in `doc`'s
 * window. The link goes into the document for the click: Firefox ignores clicks on detached links.
 */
export function downloadText(filename: string, mime: string, text: string, doc: Document = document): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), URL_LIFETIME_MS);
}
