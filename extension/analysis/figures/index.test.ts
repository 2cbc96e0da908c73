import { describe, expect, it } from 'vitest';
import { contextOf, type EntitySpec } from '../attribution/testing';
import { findFigures } from './index';

const PEOPLE: EntitySpec[] = [
  { name: 'Maria Lindqvist', type: 'PER', role: 'mayor of Brekka' },
  { name: 'Tomas Berg', type: 'PER', role: 'harbour master' },
  { name: 'Brekka', type: 'LOC', role: 'fishing town' },
  { name: 'Northern Ferry Company', type: 'ORG' },
  { name: 'Coast Guard', type: 'ORG' },
];

function figure(text: string, specs: EntitySpec[] = PEOPLE) {
  const ctx = contextOf(text, specs);
  const name = (id: string | null) => ctx.entities.find((e) => e.id === id)?.name ?? null;
  return findFigures(ctx).map((f) => ({ text: f.text, about: name(f.about), source: name(f.source), sourceText: f.sourceText }));
}

describe('figure source', () => {
  it('reads "according to X"', () => {
    expect(figure('About 300 boats are moored in Brekka, according to the Coast Guard.')[0]).toMatchObject({ source: 'Coast Guard' });
  });

  it('reads "X said" and "said X"', () => {
    expect(figure('Maria Lindqvist said 40 families had left.')[0]).toMatchObject({ source: 'Maria Lindqvist' });
    expect(figure('Some 40 families have left, said Tomas Berg.')[0]).toMatchObject({ source: 'Tomas Berg' });
  });

  it('resolves a pronoun to the person last named as a subject', () => {
    expect(figure('Tomas Berg inspected the pier on Monday. He estimated that 12 boats were damaged.')[0]).toMatchObject({ source: 'Tomas Berg', sourceText: 'He' });
  });

  it('resolves a role noun through the entity roles', () => {
    expect(figure('Maria Lindqvist and Tomas Berg met the crews.\n\nThe harbour master said 12 boats sank.')[0]).toMatchObject({ source: 'Tomas Berg' });
  });

  it('carries an attribution over to the next sentence of the paragraph', () => {
    const [, second] = figure('The town lost 40 families, Maria Lindqvist said. Before the storm it had 900 homes.');
    expect(second).toMatchObject({ text: '900 homes', source: 'Maria Lindqvist' });
  });

  it('gives the speaker of the quote the figure is in', () => {
    expect(figure('“We lost 14 boats in one night,” Tomas Berg told reporters.')[0]).toMatchObject({ source: 'Tomas Berg' });
  });

  it('names an unnamed source by its words and leaves the entity empty', () => {
    expect(figure('At least 20 people were rescued, officials said.')[0]).toMatchObject({ source: null, sourceText: 'officials' });
  });

  it('has no source when the outlet states the figure itself', () => {
    expect(figure('The Northern Ferry Company runs 6 ships.')[0]).toMatchObject({ source: null });
  });
});

describe('figure about', () => {
  it('takes the place named in the figure’s clause', () => {
    expect(figure('The storm destroyed 35 homes in Brekka.')[0]).toMatchObject({ about: 'Brekka' });
  });

  it('takes the nearest entity before the figure', () => {
    expect(figure('The Northern Ferry Company cancelled 18 crossings.')[0]).toMatchObject({ about: 'Northern Ferry Company' });
  });

  it('follows "there" to the place named before', () => {
    expect(figure('The storm reached Brekka at dawn. About 500 people are still stuck there.')[0]).toMatchObject({ text: 'About 500 people', about: 'Brekka' });
  });

  it('follows "the town" to the last place named', () => {
    const [f] = figure('Brekka was cut off.\n\nRoads into the town were closed for 3 days.');
    expect(f).toMatchObject({ about: 'Brekka' });
  });

  it('reads a demonym in the counted noun', () => {
    expect(figure('Nearly 2 million Norwegians watched.', [{ name: 'Norway', type: 'LOC' }])[0]).toMatchObject({ about: 'Norway' });
  });

  it('does not take the figure’s own source as what it is about', () => {
    expect(figure('There are 60 trawlers in Brekka, said Tomas Berg.')[0]).toMatchObject({ about: 'Brekka', source: 'Tomas Berg' });
  });

  it('ties an age to the person it describes', () => {
    expect(figure('The 52-year-old Tomas Berg retired.')[0]).toMatchObject({ about: 'Tomas Berg' });
  });

  it('does not read "the area where …" as a place pointing back', () => {
    const [f] = figure('Tomas Berg toured Brekka.\n\nWith 3 weeks left in office, he said safety was the area where he had failed.');
    expect(f).toMatchObject({ text: '3 weeks', about: 'Tomas Berg' });
  });

  it('takes the possessor in the figure’s "of" phrase', () => {
    expect(figure('Tomas Berg retired in May. Brekka honoured the 30 years of his service.')[0]).toMatchObject({ about: 'Tomas Berg' });
    expect(figure('Some 15% of the Northern Ferry Company’s ships sail from Brekka.')[0]).toMatchObject({ about: 'Northern Ferry Company' });
  });

  it('ties a figure in an apposition to the name it describes', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Skarvik', type: 'LOC' }];
    expect(figure('Crews reached Skarvik, a fishing village about 12 km west of Brekka, at noon.', specs)[0]).toMatchObject({ about: 'Skarvik' });
  });

  it('gives the toll of a ", killing …" clause to the main clause’s subject', () => {
    expect(figure('Tomas Berg’s men blew up the Coast Guard station in Brekka, killing 4 guards.')[0]).toMatchObject({ about: 'Tomas Berg' });
  });

  it('resolves a possessed description to the entity it describes', () => {
    const specs: EntitySpec[] = [{ name: 'Norway', type: 'LOC' }, { name: 'Brekka Harbour', type: 'LOC' }];
    expect(figure('Fire broke out at Norway’s oldest harbour on Monday, damaging 20 boats.', specs)[0]).toMatchObject({ about: 'Brekka Harbour' });
  });

  it('reads "the Nordic nation" as the last place, not as a name', () => {
    const specs: EntitySpec[] = [{ name: 'Norway', type: 'LOC' }, { name: 'Nordic', type: 'MISC' }];
    expect(figure('Floods hit Norway on Sunday. It was the worst flood in the Nordic nation in more than 40 years.', specs)[0]).toMatchObject({ about: 'Norway' });
  });

  it('takes a place in a chain of locative phrases, not one after an agent or goal', () => {
    expect(figure('Gunmen killed 12 people in an attack outside a chapel in the town of Brekka.')[0]).toMatchObject({ about: 'Brekka' });
    expect(figure('The Northern Ferry Company allowed 2 inspections by engineers to a dock near Brekka.')[0]).toMatchObject({ about: 'Northern Ferry Company' });
  });

  it('prefers a named site to the town that only locates it', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Skarvik Chapel', type: 'LOC' }];
    expect(figure('Tomas Berg entered Skarvik Chapel in downtown Brekka and sat with 12 fishermen.', specs)[0]).toMatchObject({ about: 'Skarvik Chapel' });
  });

  it('follows "he" to a person last described by their role, outside quotes', () => {
    expect(figure('Maria Lindqvist interviewed Tomas Berg.\n\nThe harbour master smiled. He has sold 40 boats.')[0]).toMatchObject({ about: 'Tomas Berg' });
    expect(figure('Tomas Berg said the town would “need the mayor back”. He owns 9 boats.')[0]).toMatchObject({ about: 'Tomas Berg' });
  });

  it('does not take a member for what a count is about ("X is one of 14 …")', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Skarvik Chapel', type: 'LOC' }];
    expect(figure('Skarvik Chapel is one of 14 chapels that closed in Brekka.', specs)[0]).toMatchObject({ about: 'Brekka' });
  });

  it('gives a figure in a relative clause to its antecedent, past a reporting clause and an apposition', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Skarvik', type: 'LOC' }];
    const figures = figure('Crews reached Skarvik, a village near Brekka, the Coast Guard said, which saw 3 floods this year.', specs);
    expect(figures.find((f) => f.text.startsWith('3'))).toMatchObject({ about: 'Skarvik' });
  });

  it('passes over earlier speakers, their affiliations and dash asides, then takes the previous paragraph’s subject', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Skarvik Chapel', type: 'LOC' }, { name: 'Oslo', type: 'LOC' }];
    const aside = figure('Skarvik Chapel was hit by the storm.\n\nMaria Lindqvist said the victims — from Brekka and Oslo — were fishermen. Two sailors died, officials said.', specs);
    expect(aside.find((f) => f.text.startsWith('Two'))).toMatchObject({ about: 'Skarvik Chapel' });
    const affiliation = figure('Brekka flooded overnight.\n\n“The roads are gone,” said Tomas Berg, a pilot at the Northern Ferry Company. About 300 people have left.');
    expect(affiliation[0]).toMatchObject({ about: 'Brekka' });
  });

  it('keeps a person’s figure in their own words about them before looking at the paragraph before', () => {
    expect(figure('Brekka flooded.\n\n“I have fished here for 40 years,” Tomas Berg said.')[0]).toMatchObject({ about: 'Tomas Berg' });
  });

  it('does not read a function word after "that" as a description', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Embassy in Oslo', type: 'LOC' }];
    expect(figure('Storms hit Brekka.\nMaria Lindqvist said that in addition 40 boats sank.', specs)[0]).toMatchObject({ about: 'Brekka' });
  });

  it('does not take the point a distance is measured from', () => {
    const specs: EntitySpec[] = [...PEOPLE, { name: 'Skarvik', type: 'LOC' }];
    expect(figure('Rescuers reached Skarvik, 40 km east of Brekka.', specs)[0]).toMatchObject({ about: 'Skarvik' });
  });

  it('keeps a place that reports its own figures as what they are about', () => {
    expect(figure('Brekka has reported 40 cases of flu.')[0]).toMatchObject({ about: 'Brekka', source: 'Brekka' });
  });
});
