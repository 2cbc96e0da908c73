import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseInput } from './analyze-input';
import { repoRoot } from './shared-data';

const fixture = (path: string) => join(repoRoot, 'tests/fixtures', path);

describe('analyseInput (npm run analyze)', () => {
  it('analyses the bundled sample page into a gloss.analysis/1 document whose offsets hold', async () => {
    const analysis = await analyseInput(fixture('seed/page.html'));
    expect(analysis.schema).toBe('gloss.analysis/1');
    expect(analysis.article).toBe(true);
    expect(analysis.lang).toBe('en');
    const mariupol = analysis.entities.find((e) => e.name === 'Mariupol');
    expect(mariupol?.type).toBe('LOC');
    for (const e of analysis.entities) for (const m of e.mentions) expect([e.name, ...e.aliases]).toContain(analysis.text.slice(m.start, m.end));
    const stuck = analysis.figures.find((f) => f.value === 160000);
    expect(stuck?.about).toBe(mariupol?.id);
    expect(analysis.entities.find((e) => e.id === stuck?.source)?.name).toMatch(/Bo[iï]t?chenko/);
    expect(analysis.links.some((l) => analysis.text.slice(l.start, l.end) === l.text)).toBe(true);
  });

  it('reads a plain-text article: the first line is the title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-analyze-'));
    const file = join(dir, 'article.txt');
    writeFileSync(
      file,
      [
        'Storm closes port',
        'The port of Halden was closed on Monday after the storm that had been forecast for the whole of the week, the mayor, Ida Lund, said.',
        'She said that the ferries would not sail again before Thursday and that about 300 people had been moved from their homes near the harbour.',
        'The coast guard said it was ready to help if the wind got stronger in the night.',
      ].join('\n\n'),
    );
    const analysis = await analyseInput(file);
    expect(analysis.title).toBe('Storm closes port');
    expect(analysis.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Halden', 'Ida Lund']));
  });

  it('gives "article": false on a page without an article', async () => {
    const analysis = await analyseInput(fixture('article/nav-only.html'));
    expect(analysis.article).toBe(false);
    expect(analysis.entities).toEqual([]);
  });

  it('invents no English entities on a French page', async () => {
    const analysis = await analyseInput(fixture('article/french-page.html'));
    expect(analysis.lang).toBe('fr');
    expect(analysis.entities).toEqual([]);
    expect(analysis.figures).toEqual([]);
  });

  it('fails with a one-line message naming an unreadable input', async () => {
    await expect(analyseInput('/nonexistent/page.html')).rejects.toThrow(/^cannot read \/nonexistent\/page\.html: no such file$/);
    await expect(analyseInput(repoRoot)).rejects.toThrow(/is a directory/);
  });
});
