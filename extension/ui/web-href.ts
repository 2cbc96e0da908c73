/** Only web links are shown: a page's hrefs (and an imported note's URL) could be `javascript:` URLs. */
export function webHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
