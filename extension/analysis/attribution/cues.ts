/**
 * Speech cues: the words of a sentence that say who states it ("X said", "said X",
 * "according to X", "she estimated", "the mayor told"). Hand-written patterns over the
 * sentence tokens: news attribution uses a small closed set of verbs and orders, and the
 * general-purpose parsers available to us (compromise) do not resolve the speaker to an entity.
 */

/** Finite reporting verbs: "X said", "said X". */
export const SPEECH_VERBS = new Set(
  (
    'said says say told tells added adds wrote writes noted notes estimated estimates confirmed confirms ' +
    'warned warns reported reports stressed stresses explained explains announced announces claimed claims ' +
    'stated states insisted insists argued argues recounted recounts remarked indicated indicates testified ' +
    'testifies acknowledged acknowledges tweeted tweets posted asked asks replied replies responded observed ' +
    'emphasized emphasised admitted admits conceded cautioned predicted suggested concluded recalled recalls ' +
    'maintained declared alleged revealed commented described describes urged urges ' +
    'continued complained complains denied denies agreed agrees vowed vows pledged promised promises ' +
    'predicts projected forecast forecasts calculated counted speak speaks spoke'
  ).split(' '),
);

/** Participles that continue the previous clause's speaker ("..., stressing that"). */
export const SPEECH_PARTICIPLES = new Set(
  (
    'saying adding noting warning stressing estimating insisting arguing explaining accusing describing ' +
    'claiming emphasizing emphasising recalling confirming telling calling urging'
  ).split(' '),
);

/** Words between a subject and its verb that do not change who speaks ("X later said", "X has said"). */
export const SUBJECT_VERB_FILLERS = new Set(
  (
    'has had have also later earlier then previously reportedly once further again recently repeatedly ' +
    'separately simply just still first publicly privately would will could should might may must can did does do'
  ).split(' '),
);

/** Time phrases that may sit between a subject and its verb ("X on Tuesday night confirmed"). */
export const TIME_WORDS = new Set(
  (
    'on monday tuesday wednesday thursday friday saturday sunday night morning evening afternoon late ' +
    'last this week today yesterday tonight'
  ).split(' '),
);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
