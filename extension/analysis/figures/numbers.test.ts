import { describe, expect, it } from 'vitest';
import { contextOf } from '../attribution/testing';
import { findFigures } from './index';
import { wordValue } from './numbers';

const figures = (text: string) => findFigures(contextOf(text, [])).map((f) => [f.text, f.value]);

describe('number parsing', () => {
  it('reads digits with separators, decimals and scale words', () => {
    expect(figures('The town has 12,450 residents. The fund holds 2.7 billion dollars.')).toEqual([
      ['12,450 residents', 12450],
      ['2.7 billion dollars', 2.7e9],
    ]);
  });

  it('reads money with currency signs and short scales', () => {
    expect(figures('The club paid $3bn for the stadium and £40m for the land.')).toEqual([
      ['$3bn', 3e9],
      ['£40m', 4e7],
    ]);
  });

  it('reads spelled-out numbers and vague plurals as their lower bound', () => {
    expect(figures('Twelve ferries and a thousand cars crossed. Tens of thousands of fans waited, and hundreds of stewards watched.')).toEqual([
      ['Twelve ferries', 12],
      ['a thousand cars', 1000],
      ['Tens of thousands of fans', 10000],
      ['hundreds of stewards', 100],
    ]);
    expect(wordValue('three hundred and twenty-five')).toBe(325);
  });

  it('takes the lower bound of a range and keeps percentages as the percent number', () => {
    expect(figures('The river rose 15-20 metres. Turnout was 61.4% and prices fell 3 percent.')).toEqual([
      ['15-20 metres', 15],
      ['61.4%', 61.4],
      ['3 percent', 3],
    ]);
  });

  it('reads fractions, halves and multipliers', () => {
    expect(figures('Only 5/16 of the seats were sold. More than half the crew left, and losses grew fourfold.')).toEqual([
      ['Only 5/16', 0.3125],
      ['More than half', 0.5],
      ['fourfold', 4],
    ]);
  });

  it('counts consecutive events and durations', () => {
    expect(figures('The index fell for a sixth straight day after a ten-day strike that lasted about a month.')).toEqual([
      ['sixth straight day', 6],
      ['ten-day strike', 10],
      ['about a month', 1],
    ]);
  });

  it('keeps the hedge and the counted noun in the text', () => {
    const [f] = findFigures(contextOf('Rescuers found nearly 2.5 million litres of oil.', []));
    expect(f).toMatchObject({ text: 'nearly 2.5 million litres', value: 2.5e6, unit: 'litres' });
    expect(findFigures(contextOf('She faces up to twelve years in prison.', []))[0]).toMatchObject({ text: 'up to twelve years in prison', value: 12, unit: 'years in prison' });
  });

  it('reads ages', () => {
    expect(figures('A 34-year-old driver was hurt.')).toEqual([['34-year-old driver', 34]]);
  });
});

describe('what is not a figure', () => {
  it('skips dates, years and clock times', () => {
    expect(figures('On 14 July 2019 at 10:30 the ferry left; by March 3 it was back, and in 1998 it sank.')).toEqual([]);
  });

  it('skips a day written between commas before its year', () => {
    expect(figures('The photo is dated Friday, Dec, 4, 2015 and shows the quay.')).toEqual([]);
  });

  it('skips relative times', () => {
    expect(figures('Three weeks ago the dam broke. Less than 48 hours after the vote, he resigned. A day after that, it rained.')).toEqual([]);
  });

  it('skips ordinals and ranks', () => {
    expect(figures('It is the country’s third city and the 2nd largest port.')).toEqual([]);
  });

  it('skips numbers that belong to names and instruments', () => {
    expect(figures('Shares of the Airbus A350 maker rose as the FTSE 100 gained and 30-year bonds and three-month copper slipped; COVID-19 spread.')).toEqual([]);
  });

  it('skips "one" used as a pronoun and numbered list items', () => {
    expect(figures('One of them said no one knew.\n\n2. The second point')).toEqual([]);
  });
});
