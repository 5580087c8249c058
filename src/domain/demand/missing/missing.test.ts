/**
 * Missing-people analysis on hand-made episodes; expected values worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { ageBandOf, type AddressType, type AgeBand, type MissingEpisode, type Risk } from './episode.js';
import { missingLocations } from './locations.js';
import { repeatMissing } from './repeats.js';
import { missingSummary } from './summary.js';
import { missingChangeOnLastYear, monthlyEpisodes } from './trends.js';

let serial = 0;
function episode(
  person: string,
  reported: string,
  hours: number | null,
  o: { risk?: Risk; age?: AgeBand; lac?: boolean; type?: AddressType; from?: string; area?: string } = {},
): MissingEpisode {
  const t = Date.parse(`${reported}:00Z`);
  return {
    id: `M${serial++}`,
    person,
    reported: { utc: t, local: t },
    found: hours === null ? null : { utc: t + hours * 3_600_000, local: t + hours * 3_600_000 },
    risk: o.risk ?? 'medium',
    ageBand: o.age ?? '15-17',
    lookedAfter: o.lac ?? null,
    addressType: o.type ?? 'home',
    missingFrom: o.from ?? null,
    missingFromArea: o.area ?? null,
    foundArea: null,
  };
}

// P1: a looked-after child missing from care home H1 four times in 80 days (a repeat).
// P2: three times, but spread over 200 days (not a repeat under 3 in 90 days).
// P3: an adult, once, still missing. P4: a child at home, once, high risk.
const episodes = [
  episode('P1', '2018-01-01T22:00', 5, { lac: true, type: 'care-home', from: 'H1', area: 'E01000001', risk: 'high' }),
  episode('P1', '2018-01-20T22:00', 30, { lac: true, type: 'care-home', from: 'H1', area: 'E01000001' }),
  episode('P1', '2018-02-15T22:00', 2, { lac: true, type: 'care-home', from: 'H1', area: 'E01000001' }),
  episode('P1', '2018-03-22T22:00', 100, { lac: true, type: 'care-home', from: 'H1', area: 'E01000001' }),
  episode('P2', '2018-01-05T10:00', 10, { lac: true, type: 'care-home', from: 'H2', area: 'E01000002' }),
  episode('P2', '2018-04-10T10:00', 200, { lac: true, type: 'care-home', from: 'H2', area: 'E01000002' }),
  episode('P2', '2018-07-20T10:00', 3, { lac: true, type: 'care-home', from: 'H1', area: 'E01000001' }),
  episode('P3', '2018-03-01T09:00', null, { age: '40-59', risk: 'low' }),
  episode('P4', '2018-03-02T09:00', 8, { age: '12-14', risk: 'high', lac: false }),
];

describe('repeat missing people', () => {
  it('finds people with 3 or more episodes within 90 days, with their most in any window', () => {
    const r = repeatMissing(episodes);
    // P1: 1 Jan to 22 Mar is 80 days, so all four episodes fall in one 90-day window. P2's three
    // episodes span 196 days: never more than one in 90 days.
    expect(r.persons.map((p) => [p.person, p.episodes, p.mostInWindow])).toEqual([['P1', 4, 4]]);
    // 5 + 30 + 2 + 100 hours
    expect(r.persons[0]!.hoursMissing).toBe(137);
    expect(r.persons[0]).toMatchObject({ child: true, lookedAfter: true, highRiskEpisodes: 1 });
    expect(r.shareOfEpisodes).toBeCloseTo(4 / 9, 12);
    expect(r.people).toBe(4);
  });

  it('lets the definition be changed: 2 in 120 days makes P2 a repeat too', () => {
    const r = repeatMissing(episodes, { episodes: 2, withinDays: 120 });
    expect(r.persons.map((p) => p.person)).toEqual(['P1', 'P2']);
  });
});

describe('missing summary', () => {
  const s = missingSummary(episodes);

  it('counts episodes, people, children and children looked after', () => {
    expect(s).toMatchObject({ episodes: 9, people: 4, childEpisodes: 8, lookedAfterEpisodes: 7 });
    expect(s.lookedAfterShareOfChildren).toBeCloseTo(7 / 8, 12);
    expect(s.highRiskShare).toBeCloseTo(2 / 9, 12);
    expect(s.stillMissing).toBe(1);
  });

  it('gives time missing as a median and in bands', () => {
    // Ended episodes: 5, 30, 2, 100, 10, 200, 3, 8 hours -> sorted 2 3 5 8 10 30 100 200, median 9.
    expect(s.hoursMissing.median).toBe(9);
    expect(s.hoursMissing.bands).toEqual([
      { band: 'under 6 hours', episodes: 3 },
      { band: '6 to 24 hours', episodes: 2 },
      { band: '1 to 3 days', episodes: 1 },
      { band: '3 to 7 days', episodes: 1 },
      { band: 'over 7 days', episodes: 1 },
    ]);
  });

  it('breaks episodes down by risk, age and where people went missing from', () => {
    expect(s.byRisk).toEqual([
      { risk: 'high', episodes: 2 },
      { risk: 'medium', episodes: 6 },
      { risk: 'low', episodes: 1 },
    ]);
    expect(s.byAddressType).toEqual([
      { addressType: 'home', episodes: 2 },
      { addressType: 'care-home', episodes: 7 },
    ]);
  });
});

describe('care homes ranked by episodes', () => {
  it('ranks H1 (5 episodes, 2 people, 1 repeat person) above H2 (2 episodes)', () => {
    expect(missingLocations(episodes)).toEqual([
      {
        location: 'H1',
        area: 'E01000001',
        episodes: 5,
        people: 2,
        lookedAfterEpisodes: 5,
        highRiskEpisodes: 1,
        repeatPeople: 1,
        medianHoursMissing: 5,
      },
      {
        location: 'H2',
        area: 'E01000002',
        episodes: 2,
        people: 1,
        lookedAfterEpisodes: 2,
        highRiskEpisodes: 0,
        repeatPeople: 0,
        medianHoursMissing: 105,
      },
    ]);
  });

  it('can list other address types and leave out places with few episodes', () => {
    expect(missingLocations(episodes, { minimumEpisodes: 3 }).map((r) => r.location)).toEqual(['H1']);
    expect(missingLocations(episodes, { addressTypes: ['home'] })).toEqual([]); // no references for homes
  });
});

describe('missing trends', () => {
  it('counts episodes a month, with zeros for months without any', () => {
    expect(monthlyEpisodes(episodes, '2017-12', '2018-08')).toEqual({
      start: '2017-12',
      frequency: 'month',
      values: [0, 3, 1, 3, 1, 0, 0, 1, 0], // Jan: P1 x2 + P2; Mar: P1, P3, P4
    });
  });

  it('tests the change on last year as crime is', () => {
    const year = (y: number, n: number) =>
      Array.from({ length: n }, (_, k) =>
        episode(`Q${y}-${k}`, `${y}-03-${String((k % 28) + 1).padStart(2, '0')}T12:00`, 1),
      );
    const rows = missingChangeOnLastYear([...year(2017, 20), ...year(2018, 60)], {
      from: '2018-03-01',
      to: '2018-03-31',
      previousFrom: '2017-03-01',
      previousTo: '2017-03-31',
    });
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'all',
        current: 60,
        previous: 20,
        change: 40,
        percentChange: 200,
        flag: 'significantly-above',
      }),
    ]);
  });

  it('puts ages into the bands used for children and adults', () => {
    expect([0, 11, 12, 14, 15, 17, 18, 24, 25, 39, 40, 59, 60, Number.NaN].map(ageBandOf)).toEqual([
      '0-11',
      '0-11',
      '12-14',
      '12-14',
      '15-17',
      '15-17',
      '18-24',
      '18-24',
      '25-39',
      '25-39',
      '40-59',
      '40-59',
      '60+',
      'unknown',
    ]);
  });
});
