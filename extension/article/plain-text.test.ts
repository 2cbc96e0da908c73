import { describe, expect, it } from 'vitest';
import { articleFromPlainText } from './plain-text';

const STORY = [
  'Harbour bridge reopens after repairs',
  '',
  'The harbour bridge reopened to traffic on Thursday morning, two years after engineers closed it when cracks were found in its cables.',
  '',
  '',
  'About 40,000 vehicles a day crossed the bridge before it closed, according to the regional transport office.',
  '',
].join('\r\n');

describe('articleFromPlainText', () => {
  it('takes the first line as the headline and splits blocks on blank lines', () => {
    const article = articleFromPlainText(STORY);
    expect(article.title).toBe('Harbour bridge reopens after repairs');
    expect(article.text).not.toContain('\r');
    expect(article.blocks.map((b) => article.text.slice(b.start, b.end))).toEqual([
      'Harbour bridge reopens after repairs',
      'The harbour bridge reopened to traffic on Thursday morning, two years after engineers closed it when cracks were found in its cables.',
      'About 40,000 vehicles a day crossed the bridge before it closed, according to the regional transport office.',
    ]);
    expect(article.lang).toBe('en');
    expect(article.links).toEqual([]);
  });

  it('splits on single line breaks when the file has no blank line', () => {
    const article = articleFromPlainText('Headline here\nFirst paragraph of the story.\nSecond paragraph of the story.');
    expect(article.blocks).toHaveLength(3);
  });

  it('splits the headline off a first block that runs on', () => {
    const article = articleFromPlainText('  Headline here\nStandfirst straight after it.\n\nBody paragraph.');
    expect(article.title).toBe('Headline here');
    expect(article.blocks.map((b) => article.text.slice(b.start, b.end))).toEqual(['Headline here', 'Standfirst straight after it.', 'Body paragraph.']);
  });

  it('gives an empty article for empty text', () => {
    expect(articleFromPlainText('\n\n')).toMatchObject({ title: '', blocks: [] });
  });
});
