/**
 * Language of an article: the page's declared language, checked against the text.
 *
 * Written by hand: the detectors on npm (franc, cld, languagedetect) ship n-gram tables of
 * 100 KB to several MB for hundreds of languages, while the extension only needs to tell
 * whether a news text is English (the pipeline analyses English only) and to name the common
 * other languages. The most frequent function words of a language make up a third or more of
 * any running text in it, so counting them is reliable on a few sentences.
 */

const STOP_WORDS: Record<string, string> = {
  en: 'the and of to in is that for it was on with as he she by at from his her have has are were this be said not but they which an or had been will would who their its',
  fr: 'le la les de des du et est un une en que qui dans pour pas sur au aux avec ce il elle sont ont par plus ne se son sa ses cette été leur mais ou où nous vous',
  es: 'el la los las de del y en que un una por con para es se su sus al lo como más pero fue ha han este esta sobre entre también dijo muy ya',
  de: 'der die das und ist nicht den dem des ein eine einer mit von zu auf für im sich auch es sie wird wurde werden bei nach aus hat sind dass noch wie',
  ru: 'и в не на что с по как это он она к из за от о но был была его для так все уже также было быть они мы же',
  it: 'il lo la gli le di del della e è che un una per con non sono da nel nella alla si ha come più anche dei delle degli ma questo',
  pt: 'o a os as de do da dos das e é que um uma em no na para com não por se foi ao mais como seu sua pelo pela ele também já',
  nl: 'de het een en van is dat op te in niet met voor zijn er aan ook als bij door wordt werd maar naar om heeft deze dit worden hij',
};

const STOP_WORD_SETS = Object.fromEntries(Object.entries(STOP_WORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]));

/** Scripts that name their language on their own (or the most common one written in them). */
const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Thai}/gu, 'th'],
];

/** Below this many words the text says too little: trust the page's declaration. */
const MIN_WORDS = 20;
/** Share of words that must be stop words of the winning language for a confident guess. */
const MIN_SHARE = 0.12;
const WORD = /\p{L}+/gu;
const LETTER = /\p{L}/gu;
/** Below this many letters the script says too little. */
const MIN_LETTERS = 40;

export interface LanguageGuess {
  lang: string;
  /** True when the text is long enough and clearly in `lang`. */
  confident: boolean;
}

/** Guesses the language of `text` from its script and its function words. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, 20_000);
  // Scripts first: Chinese and Japanese do not separate words with spaces.
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters >= MIN_LETTERS) {
    for (const [script, lang] of SCRIPTS) {
      const count = sample.match(script)?.length ?? 0;
      if (count > letters * 0.3) return { lang, confident: true };
    }
  }
  const words = sample.toLowerCase().match(WORD) ?? [];
  if (words.length < MIN_WORDS) return { lang: 'und', confident: false };
  const scores = Object.entries(STOP_WORD_SETS).map(([lang, set]) => ({ lang, hits: words.filter((w) => set.has(w)).length }));
  scores.sort((a, b) => b.hits - a.hits);
  const [best, second] = scores as [{ lang: string; hits: number }, { lang: string; hits: number }];
  // Languages share short words ("de", "la", "a"): require a clear lead over the runner-up too.
  const confident = best.hits >= words.length * MIN_SHARE && best.hits >= second.hits * 1.3;
  return { lang: confident ? best.lang : 'und', confident };
}

/** The primary subtag of a BCP 47 tag ("en-GB" → "en"), or null for an empty one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * The article's language: the declared one unless the text clearly says otherwise. English is
 * only ever given to text that reads as English when there is enough of it, because the
 * pipeline runs its English models on exactly that.
 */
export function articleLanguage(declared: string | null, text: string): string {
  const guess = detectLanguage(text);
  if (guess.confident) return guess.lang;
  const words = text.match(WORD)?.length ?? 0;
  if (declared === 'en' && words >= MIN_WORDS) return 'und';
  return declared ?? guess.lang;
}
