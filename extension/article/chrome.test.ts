import { describe, expect, it } from 'vitest';
import { isArticleBlock } from './chrome';

describe('isArticleBlock', () => {
  it('drops bylines, datelines-as-metadata, credits and widgets', () => {
    for (const chrome of [
      'By Justine Coleman - 11/18/19 11:04 PM EST',
      'Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR',
      'Published 7:07 PM EST Nov 19, 2019',
      'November 20, 2019 / 1:07 AM / CBS News',
      'Heba Habib contributed to this report.',
      'Contributing: Kristine Phillips',
      '(Reporting by Jane Roe; Editing by John Poe)',
      '© Aaron Schwartz',
      'Advertisement',
      'Continue reading the main story',
      'Read more: Ferry timetable changes from June',
      'Seguir leyendo:',
      '[Read: Why Tunisia suffers from Islamist violence]',
      'More from UK',
      '1 / 5',
      '___',
      '0',
    ]) {
      expect(isArticleBlock(chrome, 0), chrome).toBe(false);
    }
  });

  it('drops blocks made of link text', () => {
    expect(isArticleBlock('Five things we learned from Obama interview', 40)).toBe(false);
  });

  it('keeps sentences that start like chrome', () => {
    for (const text of [
      'By the end of the year, prices had risen by a third.',
      'Por otra parte, el gobierno anunció nuevas medidas.',
      'Trending topics on social media included the vote.',
      'Related to the case, three men were charged on Monday.',
      'WASHINGTON (AP) — The Senate voted on Tuesday to extend the program.',
      'Cost of the works',
    ]) {
      expect(isArticleBlock(text, 0), text).toBe(true);
    }
  });
});
