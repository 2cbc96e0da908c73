import { describe, expect, it } from 'vitest';
import { articleLanguage, detectLanguage, primaryLanguage } from './language';

const SAMPLES: Record<string, string> = {
  en: 'The mayor said on Monday that the bridge would reopen in the spring, and that the city had been working with the contractor for two years to finish the repairs before the summer.',
  fr: "Le maire a déclaré lundi que le pont rouvrirait au printemps, et que la ville avait travaillé avec l'entreprise pendant deux ans pour terminer les travaux avant l'été.",
  es: 'El alcalde dijo el lunes que el puente volvería a abrir en la primavera, y que la ciudad había trabajado con la empresa durante dos años para terminar las obras antes del verano.',
  de: 'Der Bürgermeister sagte am Montag, dass die Brücke im Frühjahr wieder geöffnet wird, und dass die Stadt seit zwei Jahren mit der Firma an den Reparaturen arbeitet, die noch vor dem Sommer fertig sein sollen.',
  ru: 'Мэр заявил в понедельник, что мост снова откроют весной, и что город уже два года работает с подрядчиком, чтобы закончить ремонт до лета, но это было не так просто, как он думал.',
  it: "Il sindaco ha detto lunedì che il ponte sarà riaperto in primavera, e che la città ha lavorato con l'impresa per due anni per finire i lavori prima dell'estate, anche se non è stato facile.",
  pt: 'O prefeito disse na segunda-feira que a ponte será reaberta na primavera, e que a cidade trabalhou com a empresa durante dois anos para terminar as obras antes do verão, o que não foi fácil.',
  nl: 'De burgemeester zei maandag dat de brug in het voorjaar weer open gaat, en dat de stad al twee jaar met de aannemer werkt om de reparaties voor de zomer af te ronden, maar dat is niet eenvoudig.',
};

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    it(`recognises ${lang}`, () => expect(detectLanguage(text)).toEqual({ lang, confident: true }));
  }

  it('names languages by their script', () => {
    expect(detectLanguage('市长周一表示，这座桥将在春天重新开放，城市与承包商合作了两年，以便在夏天之前完成修复工作。这座桥是城市最重要的交通要道之一，每天有四万辆车通过。').lang).toBe('zh');
    expect(detectLanguage('قال رئيس البلدية يوم الاثنين إن الجسر سيعاد فتحه في الربيع وإن المدينة عملت مع المقاول لمدة عامين لإنهاء الإصلاحات قبل الصيف وهذا الجسر من أهم الطرق في المدينة').lang).toBe('ar');
  });

  it('does not guess on a few words', () => {
    expect(detectLanguage('Bridge reopens')).toEqual({ lang: 'und', confident: false });
  });
});

describe('articleLanguage', () => {
  it('trusts the text over the declaration', () => {
    expect(articleLanguage('en', SAMPLES.fr!)).toBe('fr');
    expect(articleLanguage('fr', SAMPLES.en!)).toBe('en');
  });

  it('never calls a long text English when it does not read as English', () => {
    const polish = 'Burmistrz powiedział w poniedziałek, że most zostanie ponownie otwarty wiosną, a miasto od dwóch lat współpracuje z wykonawcą, aby zakończyć naprawy przed latem, chociaż nie było łatwo.';
    expect(articleLanguage('en', polish)).toBe('und');
    expect(articleLanguage('pl', polish)).toBe('pl');
  });

  it('keeps the declaration for short texts', () => {
    expect(articleLanguage('en', 'Bridge reopens')).toBe('en');
  });
});

describe('primaryLanguage', () => {
  it('reads the primary subtag', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage(' pt_BR ')).toBe('pt');
    expect(primaryLanguage('')).toBeNull();
    expect(primaryLanguage('x')).toBeNull();
  });
});
