/**
 * What the reader is told about an analysis that covers less than the page: an article cut to
 * its first words, or one in a language the recogniser does not read. One plain sentence each,
 * shown as lines in the toolbar popup and set on the page's Gloss host (`data-gloss-notice`).
 */
import type { Analysis } from './types';

/** The plain sentences for `analysis`, in the order shown; none for a whole English article. */
export function analysisNotices(analysis: Pick<Analysis, 'article' | 'lang' | 'truncated'>): string[] {
  if (!analysis.article) return [];
  const notices: string[] = [];
  if (analysis.truncated) notices.push(`Too long: analysed the first ${analysis.truncated.words.toLocaleString('en')} words.`);
  // analyse() recognises names in English only (its models are English).
  if (analysis.lang !== 'en') notices.push(`${languageOf(analysis.lang)}: Gloss recognises names in English articles only.`);
  return notices;
}

/** "This article is in German", or "This article's language is unclear". */
function languageOf(lang: string): string {
  let name: string | undefined;
  try {
    name = lang === 'und' ? undefined : new Intl.DisplayNames(['en'], { type: 'language' }).of(lang);
  } catch {
    name = undefined; // not a language tag
  }
  return name && name !== lang ? `This article is in ${name}` : "This article's language is unclear";
}
