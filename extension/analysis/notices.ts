/**
 * What the reader is told about an analysis that covers less than the page: an article cut to
 * its first words, or one in a language the recogniser does not read. One plain sentence each,
 * shown as lines in the toolbar popup and set on the page's Gloss host (`data-gloss-notice`).
 *
 * Written without `Intl`: its first use on a page loads locale data, which cost 25–35 ms of the
 * page's main thread in Chromium.
 */
import type { Analysis } from './types';

/** English names of the languages the language check tells apart (article/language.ts). */
const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabic', de: 'German', el: 'Greek', es: 'Spanish', fr: 'French', he: 'Hebrew', hi: 'Hindi', it: 'Italian',
  ja: 'Japanese', ko: 'Korean', nl: 'Dutch', pt: 'Portuguese', ru: 'Russian', th: 'Thai', zh: 'Chinese',
};

/** The plain sentences for `analysis`, in the order shown; none for a whole English article. */
export function analysisNotices(analysis: Pick<Analysis, 'article' | 'lang' | 'truncated'>): string[] {
  if (!analysis.article) return [];
  const notices: string[] = [];
  if (analysis.truncated) notices.push(`Too long: analysed the first ${thousands(analysis.truncated.words)} words.`);
  // analyse() recognises names in English only (its models are English).
  if (analysis.lang !== 'en') notices.push(`${languageOf(analysis.lang)}: Gloss recognises names in English articles only.`);
  return notices;
}

/** "This article is in German", "… in another language (sv)", or "This article's language is unclear". */
function languageOf(lang: string): string {
  if (lang === 'und') return "This article's language is unclear";
  const name = LANGUAGE_NAMES[lang];
  return name ? `This article is in ${name}` : `This article is in another language (${lang})`;
}

/** 50000 → "50,000". */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
