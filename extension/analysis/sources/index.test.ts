import { describe, expect, it } from 'vitest';
import { contextOf, linkOn, type EntitySpec } from '../attribution/testing';
import { findFigures } from '../figures';
import { findQuotes } from '../quotes';
import { findSources } from './index';

const SPECS: EntitySpec[] = [
  { name: 'World Health Organization', type: 'ORG', aliases: ['WHO'] },
  { name: 'Lena Vogt', type: 'PER', role: 'epidemiologist' },
  { name: 'Harbor Gazette', type: 'ORG' },
  { name: 'Annual Outbreak Report', type: 'MISC', aliases: ['outbreak report'] },
  { name: 'Lisbon', type: 'LOC' },
];

function sources(text: string, links: { phrase: string; href: string }[] = []) {
  const ctx = contextOf(text, SPECS, links.map((l) => linkOn(text, l.phrase, l.href)));
  return findSources(ctx, findFigures(ctx), findQuotes(ctx)).map((s) => ({ name: s.name, links: s.links }));
}

describe('sources cited', () => {
  it('lists who is quoted, who is said to say and who is relied on, once each', () => {
    const text = 'Cases doubled, according to the WHO. “We are worried,” said Lena Vogt. Lena Vogt added that 30 clinics had closed. The WHO said testing would resume in Lisbon.';
    expect(sources(text).map((s) => s.name)).toEqual(['World Health Organization', 'Lena Vogt']);
  });

  it('takes the link whose text names the source', () => {
    const text = 'Cases doubled, according to the WHO, which asked for calm.';
    expect(sources(text, [{ phrase: 'the WHO', href: 'https://who.example/data' }])).toEqual([{ name: 'World Health Organization', links: ['https://who.example/data'] }]);
  });

  it('takes a link on the attribution in the same sentence', () => {
    const text = 'Lena Vogt said in an interview that the season was mild.';
    expect(sources(text, [{ phrase: 'Lena Vogt', href: 'https://news.example/vogt' }])).toEqual([{ name: 'Lena Vogt', links: ['https://news.example/vogt'] }]);
  });

  it('counts media and documents that the article relies on', () => {
    const text = 'In an interview with the Harbor Gazette, officials blamed the heat. The figures come from the outbreak report.';
    expect(sources(text, [{ phrase: 'outbreak report', href: 'https://who.example/report.pdf' }])).toEqual([
      { name: 'Harbor Gazette', links: [] },
      { name: 'Annual Outbreak Report', links: ['https://who.example/report.pdf'] },
    ]);
  });

  it('cites a linked document that no entity names', () => {
    const text = 'The agency warned of shortages in its latest annual review.';
    expect(sources(text, [{ phrase: 'its latest annual review', href: 'https://agency.example/review' }])).toEqual([
      { name: 'its latest annual review', links: ['https://agency.example/review'] },
    ]);
  });

  it('cites the person a quoted source quotes', () => {
    const text = 'The Harbor Gazette reported on the hearing:\n\n“ ‘The wards are full,’ [Vogt] said.”';
    expect(sources(text).map((s) => s.name)).toEqual(['Harbor Gazette', 'Lena Vogt']);
  });

  it('does not cite someone who only asks the questions', () => {
    const text = 'Lena Vogt asked the WHO about the clinics. “Were they ever inspected?” she asked.\n\n“Twice a year,” the WHO said.';
    expect(sources(text).map((s) => s.name)).toEqual(['World Health Organization']);
  });

  it('does not cite someone only for the name they give a thing', () => {
    const text = '2. “Silent wave”\n\nLena Vogt dubbed the outbreak the “silent wave”. Cases doubled, the WHO said.';
    expect(sources(text).map((s) => s.name)).toEqual(['World Health Organization']);
  });

  it('reads a long "an investigation by X and Y" and cites no place as a document’s author', () => {
    const text = 'The findings come from an investigation by the Harbor Gazette and the World Health Organization.';
    expect(sources(text).map((s) => s.name)).toEqual(['Harbor Gazette', 'World Health Organization']);
    expect(sources('The report from Lisbon was grim.')).toEqual([]);
  });

  it('gives a participle its own subject and reads "fired back"', () => {
    expect(sources('The WHO warned of shortages, with Lena Vogt saying the wards were full.').map((s) => s.name)).toEqual(['World Health Organization', 'Lena Vogt']);
    expect(sources('Lena Vogt fired back that the data were old.').map((s) => s.name)).toEqual(['Lena Vogt']);
  });

  it('does not take a belief for a statement', () => {
    expect(sources('Lena Vogt still believed the clinics would reopen.')).toEqual([]);
  });

  it('does not cite places or entities that are only mentioned', () => {
    expect(sources('The WHO opened an office in Lisbon, where Lena Vogt works.')).toEqual([]);
  });
});
