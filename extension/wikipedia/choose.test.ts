import { describe, expect, it } from 'vitest';
import { chooseArticle, CONFIDENCE_THRESHOLD, scoreCandidates } from './choose';
import type { EntityContext, SearchCandidate } from './types';

function context(partial: Partial<EntityContext> & Pick<EntityContext, 'name' | 'type'>): EntityContext {
  return { role: null, aliases: [], nearby: [], lang: 'en', ...partial };
}

function candidate(title: string, description: string | null, excerpt: string | null = null): SearchCandidate {
  return { key: title.replace(/ /g, '_'), title, description, excerpt };
}

const kherson = [
  candidate('Kherson Oblast', 'Oblast of Ukraine', '<span class="searchmatch">Kherson</span> Oblast is an oblast in southern Ukraine'),
  candidate('Kherson', 'City in southern Ukraine', '<span class="searchmatch">Kherson</span> is a port city of Ukraine'),
  candidate('Kherson (disambiguation)', 'Topics referred to by the same term', null),
  candidate('Kherson International Airport', 'Airport in Kherson, Ukraine', null),
];

describe('chooseArticle', () => {
  it('shows no film for a nickname in the news, nor a building for an organisation, on the name alone', () => {
    const amigos = [candidate('Three Amigos', '1986 film by John Landis', '<span class="searchmatch">Three Amigos</span> is a 1986 American western comedy film')];
    expect(chooseArticle(context({ name: 'Three Amigos', type: 'MISC', nearby: ['Gordon Sondland', 'Kurt Volker', 'Ukraine'] }), amigos).title).toBeNull();
    const house = [candidate('House', 'Building for human habitation', 'A <span class="searchmatch">house</span> is a single-unit residential building')];
    expect(chooseArticle(context({ name: 'House', type: 'ORG', nearby: ['Boris Johnson'] }), house).title).toBeNull();
  });

  it('takes Kherson the city, not the oblast, for a place named as a city', () => {
    const choice = chooseArticle(context({ name: 'Kherson', type: 'LOC', nearby: ['Ukraine', 'Russia', 'Mykolaiv'] }), kherson);
    expect(choice.title).toBe('Kherson');
    expect(choice.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it('takes the oblast when the page says region', () => {
    const choice = chooseArticle(context({ name: 'Kherson region', type: 'LOC', nearby: ['Ukraine'] }), kherson);
    expect(choice.title).toBe('Kherson Oblast');
  });

  it('takes a title with a qualifier: "Kherson (city)"', () => {
    const candidates = [
      candidate('Kherson Oblast', 'Oblast of Ukraine'),
      candidate('Kherson (city)', null, 'Kherson is a port on the Dnieper in Ukraine'),
    ];
    expect(chooseArticle(context({ name: 'Kherson', type: 'LOC', nearby: ['Ukraine'] }), candidates).title).toBe('Kherson (city)');
  });

  it('takes the Wagner Group, the military company, not Richard Wagner the composer', () => {
    const candidates = [
      candidate('Richard Wagner', 'German composer (1813–1883)', 'Wilhelm Richard <span class="searchmatch">Wagner</span> was a German composer'),
      candidate('Wagner Group', 'Russian state-funded private military company', 'The <span class="searchmatch">Wagner</span> <span class="searchmatch">Group</span>'),
      candidate('Wagner (disambiguation)', 'Topics referred to by the same term', '<span class="searchmatch">Wagner</span> may refer to:'),
    ];
    const ctx = context({ name: 'Wagner group', type: 'ORG', nearby: ['Russia', 'Ukraine', 'Bakhmut'] });
    expect(chooseArticle(ctx, candidates).title).toBe('Wagner Group');
    const composer = scoreCandidates(ctx, candidates)[0]!;
    expect(composer.score).toBeLessThan(CONFIDENCE_THRESHOLD);
    expect(composer.reasons.join(' ')).toMatch(/kind PER is not ORG/);
  });

  it('takes Dmitry Peskov the Kremlin spokesman for "Peskov"', () => {
    const candidates = [
      candidate('Peskov', 'Topics referred to by the same term', 'Peskov is a Russian surname'),
      candidate('Vasily Peskov', 'Soviet journalist and writer (1930–2013)', null),
      candidate('Dmitry Peskov', 'Russian diplomat and Press Secretary of the President of Russia', 'Dmitry Sergeyevich Peskov (born 17 October 1967)'),
    ];
    const ctx = context({ name: 'Peskov', type: 'PER', role: 'Kremlin spokesman', nearby: ['Russia', 'Kremlin', 'Ukraine'] });
    const choice = chooseArticle(ctx, candidates);
    expect(choice.title).toBe('Dmitry Peskov');
    expect(choice.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it('matches accents and transliterations: Boïtchenko, Sergei, Zelensky', () => {
    const boychenko = [candidate('Vadym Boychenko', 'Ukrainian politician, mayor of Mariupol', null)];
    expect(chooseArticle(context({ name: 'Vadim Boïtchenko', type: 'PER', role: 'mayor' }), boychenko).title).toBe('Vadym Boychenko');
    const lavrov = [candidate('Sergey Lavrov', 'Russian diplomat (born 1950)', null)];
    expect(chooseArticle(context({ name: 'Sergei Lavrov', type: 'PER' }), lavrov).title).toBe('Sergey Lavrov');
    const zelensky = [candidate('Volodymyr Zelenskyy', 'President of Ukraine since 2019', null)];
    expect(chooseArticle(context({ name: 'Volodymyr Zelensky', type: 'PER' }), zelensky).title).toBe('Volodymyr Zelenskyy');
  });

  it('chooses none when no candidate is the entity', () => {
    const candidates = [
      candidate('Boychenko', 'Family name', null),
      candidate('Yuriy Boychenko', 'Ukrainian footballer (born 1985)', null),
      candidate('Mariupol', 'City in Donetsk Oblast, Ukraine', null),
    ];
    const choice = chooseArticle(context({ name: 'Vadim Boychenko', type: 'PER', role: 'mayor', nearby: ['Mariupol'] }), candidates);
    expect(choice.title).toBeNull();
    expect(choice.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
  });

  it('chooses none when only a disambiguation page comes back', () => {
    const candidates = [
      candidate('Humeniuk', 'Topics referred to by the same term', '<span class="searchmatch">Humeniuk</span> may refer to:'),
    ];
    expect(chooseArticle(context({ name: 'Humeniuk', type: 'PER' }), candidates)).toEqual({ title: null, confidence: 0 });
    expect(chooseArticle(context({ name: 'Humeniuk', type: 'PER' }), [])).toEqual({ title: null, confidence: 0 });
  });

  it('lowers confidence when two candidates fit equally', () => {
    const candidates = [
      candidate('John Smith (footballer)', 'English footballer (born 1990)', null),
      candidate('John Smith (politician)', 'British politician (born 1951)', null),
    ];
    const choice = chooseArticle(context({ name: 'John Smith', type: 'PER' }), candidates);
    expect(choice.title).toBeNull();
  });

  it('takes Washington, D.C. over the state, and a country over a region of its name', () => {
    const washington = [
      candidate('Washington (state)', 'State of the United States', 'Washington, officially the State of Washington, is a state in the Pacific Northwest'),
      candidate('Washington, D.C.', 'Capital city of the United States', 'Washington, D.C., formally the District of Columbia'),
      candidate('George Washington', 'President of the United States from 1789 to 1797', null),
    ];
    expect(chooseArticle(context({ name: 'Washington', type: 'LOC', nearby: ['US', 'Congress'] }), washington).title).toBe('Washington, D.C.');
    const syria = [candidate('Syria', 'Country in West Asia', null), candidate('Syria (region)', 'Region in West Asia', null)];
    expect(chooseArticle(context({ name: 'Syria', type: 'LOC' }), syria).title).toBe('Syria');
  });

  it('takes the page that says it is called so ("or simply the Kremlin"), not a common noun', () => {
    const candidates = [
      candidate('Kremlin', 'Fortified central complex in Russian cities', 'A <span class="searchmatch">kremlin</span> is a major fortified central complex found in historic Russian cities'),
      candidate('Moscow Kremlin', 'Fortified complex in Moscow, Russia', 'The Moscow Kremlin, or simply the <span class="searchmatch">Kremlin</span>, is a fortified complex in Moscow'),
    ];
    expect(chooseArticle(context({ name: 'Kremlin', type: 'ORG', nearby: ['Russia', 'Ukraine'] }), candidates).title).toBe('Moscow Kremlin');
  });

  it('matches names word for word: "US Congress", "Indonesian government", "Al Aqsa Martyrs Hospital"', () => {
    const congress = [candidate('United States Congress', 'Legislature of the United States', null), candidate('United States Senate', 'Upper house of the United States Congress', null)];
    expect(chooseArticle(context({ name: 'US Congress', type: 'ORG' }), congress).title).toBe('United States Congress');
    const indonesia = [candidate('Government of Indonesia', 'National government of Indonesia', null), candidate('Indonesia', 'Country in Southeast Asia', null)];
    expect(chooseArticle(context({ name: 'Indonesian government', type: 'ORG' }), indonesia).title).toBe('Government of Indonesia');
    const hospital = [candidate('Al-Aqsa Martyrs Hospital', 'Hospital in Deir al-Balah, Gaza Strip', null), candidate('Al-Aqsa Mosque', 'Mosque in Jerusalem', null)];
    expect(chooseArticle(context({ name: 'Al Aqsa Martyrs Hospital', type: 'LOC', nearby: ['Gaza'] }), hospital).title).toBe('Al-Aqsa Martyrs Hospital');
  });

  it('keeps to the given name the page used, even when it later says only the surname', () => {
    const candidates = [candidate('Reeves', 'Topics referred to by the same term', null), candidate('Keanu Reeves', 'Canadian actor (born 1964)', null)];
    expect(chooseArticle(context({ name: 'Eric Reeves', type: 'PER', aliases: ['Reeves'] }), candidates).title).toBeNull();
  });

  it('doubts a namesake whose page shares nothing with what the article says, or a place the article never names', () => {
    const singer = [candidate('Felicia Sanders', 'American singer (1922–1975)', 'Felicia Sanders was an American cabaret and pop singer')];
    expect(chooseArticle(context({ name: 'Felicia Sanders', type: 'PER', role: 'witness', nearby: ['Charleston'] }), singer).title).toBeNull();
    const council = [
      candidate('National Security Council (United Kingdom)', 'Cabinet committee of the United Kingdom', null),
      candidate('NSC', 'Topics referred to by the same term', null),
    ];
    expect(chooseArticle(context({ name: 'NSC', type: 'ORG', nearby: ['Washington', 'Ukraine'] }), council).title).toBeNull();
    expect(chooseArticle(context({ name: 'NSC', type: 'ORG', nearby: ['Britain', 'London'] }), council).title).toBe('National Security Council (United Kingdom)');
  });

  it('is deterministic and explains each score', () => {
    const ctx = context({ name: 'Kherson', type: 'LOC', nearby: ['Ukraine'] });
    expect(chooseArticle(ctx, kherson)).toEqual(chooseArticle(ctx, kherson));
    const [oblast, city] = scoreCandidates(ctx, kherson);
    expect(city!.reasons).toContain('exact title');
    expect(oblast!.reasons.join(' ')).toMatch(/region/);
  });
});
