/**
 * Demand profiles on a hand-made week whose answers are worked out by hand in the comments.
 * 2018-07-02 and 2018-07-09 are Mondays, 2018-07-03 a Tuesday, 2018-07-08 a Sunday.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../incident.js';
import { incidentTable } from '../incident-table.js';
import type { DemandClass, Grade, Outcome } from '../vocabulary.js';
import { breakdown, crossTab } from './breakdown.js';
import { changeOnLastYear, yearEarlier } from './change.js';
import { dayInTheLife } from './day-in-the-life.js';
import { hourWeekProfile } from './hour-week.js';
import { nonCrimeDemand } from './non-crime.js';
import { spread, timeSpent } from './time-spent.js';

interface Spec {
  at: string;
  cls: DemandClass;
  grade?: Grade;
  outcome?: Outcome;
  area?: string;
  crime?: boolean;
  mh?: boolean;
  officer?: number;
  arrivedAfter?: number;
  closedAfter?: number;
}

let serial = 0;
function incident(s: Spec): Incident {
  const t = Date.parse(`${s.at}:00Z`);
  const after = (m: number | undefined) => (m === undefined ? null : { utc: t + m * 60_000, local: t + m * 60_000 });
  return {
    id: `I${serial++}`,
    opened: { utc: t, local: t },
    arrived: after(s.arrivedAfter),
    closed: after(s.closedAfter),
    openingCode: s.cls.toUpperCase(),
    closingCode: null,
    disposition: null,
    demandClass: s.cls,
    grade: s.grade ?? 'unknown',
    outcome: s.outcome ?? 'unknown',
    area: s.area ? { kind: 'lsoa', code: s.area } : null,
    crimeRelated: s.crime ?? null,
    mentalHealth: s.mh ?? false,
    officerMinutes: s.officer ?? null,
    units: 1,
  };
}

const week = incidentTable([
  incident({
    at: '2018-07-02T08:15',
    cls: 'crime',
    grade: 'emergency',
    outcome: 'arrest',
    area: 'A',
    officer: 60,
    arrivedAfter: 10,
    closedAfter: 120,
  }),
  incident({
    at: '2018-07-02T08:45',
    cls: 'anti-social-behaviour',
    grade: 'priority',
    outcome: 'no-further-action',
    area: 'A',
    officer: 30,
    arrivedAfter: 20,
  }),
  incident({
    at: '2018-07-09T08:05',
    cls: 'concern-for-welfare',
    grade: 'priority',
    outcome: 'no-further-action',
    area: 'B',
    officer: 90,
  }),
  incident({ at: '2018-07-03T23:59', cls: 'mental-health', grade: 'emergency', outcome: 'other', area: 'B', mh: true }),
  incident({ at: '2018-07-08T00:00', cls: 'missing-person', grade: 'scheduled', outcome: 'unknown' }),
  // Classed as crime by the call taker, but the record says it was not crime-related.
  incident({
    at: '2018-07-08T14:30',
    cls: 'crime',
    grade: 'resolved-without-deployment',
    outcome: 'cancelled',
    area: 'A',
    crime: false,
  }),
]);

describe('hour x weekday profile', () => {
  const p = hourWeekProfile(week);

  it('counts by local weekday (Monday first) and hour', () => {
    expect(p.counts[0]![8]).toBe(3); // two Mondays at 08:xx
    expect(p.counts[1]![23]).toBe(1); // Tuesday 23:59
    expect(p.counts[6]![0]).toBe(1); // Sunday midnight
    expect(p.counts[6]![14]).toBe(1);
    expect(p.counts.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('divides each weekday by the days of it covered: 3 incidents over 2 Mondays is 1.5 a day', () => {
    expect(p.days).toBe(4); // 2, 3, 8 and 9 July
    expect(p.daysByWeekday).toEqual([2, 1, 0, 0, 0, 0, 1]);
    expect(p.perDay[0]![8]).toBe(1.5);
    expect(p.perDay[3]![8]).toBeNaN(); // no Thursday covered
    expect(p.peak).toEqual({ weekday: 0, hour: 8, perDay: 1.5 });
    expect(p.hourly[8]).toBe(0.75); // 3 incidents over 4 days
  });

  it('uses the covered days given by the caller, so a day with no incidents still counts', () => {
    const days = ['2018-07-02', '2018-07-03', '2018-07-04', '2018-07-08', '2018-07-09'];
    expect(hourWeekProfile(week, { coveredDays: days }).daysByWeekday).toEqual([2, 1, 1, 0, 0, 0, 1]);
  });

  it('keeps only the dates asked for', () => {
    expect(
      hourWeekProfile(week, { from: '2018-07-08', to: '2018-07-08' })
        .counts.flat()
        .reduce((a, b) => a + b, 0),
    ).toBe(2);
  });
});

describe('breakdowns', () => {
  it('by class: counts, shares and per day, largest first', () => {
    const b = breakdown(week, 'class');
    expect(b.rows[0]).toEqual({ key: 'crime', count: 2, share: 2 / 6, perDay: 0.5 });
    expect(b.rows.map((r) => r.key)).toEqual([
      'crime',
      'anti-social-behaviour',
      'concern-for-welfare',
      'mental-health',
      'missing-person',
    ]);
  });

  it('by area, with incidents without an area as (none)', () => {
    expect(breakdown(week, 'area').rows.map((r) => [r.key, r.count])).toEqual([
      ['A', 3],
      ['B', 2],
      ['(none)', 1],
    ]);
  });

  it('area x grade', () => {
    const t = crossTab(week, 'area', 'grade');
    expect(t.rows).toEqual(['A', 'B', '(none)']);
    expect(t.columns).toEqual(['emergency', 'priority', 'scheduled', 'resolved-without-deployment']);
    expect(t.counts).toEqual([
      [1, 1, 0, 1],
      [1, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    expect(t.columnTotals).toEqual([2, 2, 1, 1]);
  });
});

describe('non-crime demand', () => {
  it('counts by the record’s crime flag where it has one, else by class', () => {
    const d = nonCrimeDemand(week);
    expect(d).toMatchObject({ total: 6, crime: 1, notCrime: 5 });
    expect(d.shareNotCrime).toBeCloseTo(5 / 6, 12);
    expect(d.byClass.find((c) => c.demandClass === 'mental-health')).toEqual({
      demandClass: 'mental-health',
      count: 1,
      shareOfAll: 1 / 6,
    });
  });
});

describe('time spent', () => {
  const t = timeSpent(week);

  it('adds officer time by class: 60 + 30 + 90 minutes is 3 hours, half of it welfare', () => {
    expect(t.officer.incidents).toBe(3);
    expect(t.officer.hours).toBe(3);
    expect(t.officer.byClass[0]).toEqual({ demandClass: 'concern-for-welfare', hours: 1.5, shareOfHours: 0.5 });
  });

  it('gives response times (10 and 20 minutes: median 15) and durations where recorded', () => {
    expect(t.responseMinutes).toMatchObject({ incidents: 2, median: 15, p90: 20 });
    expect(t.responseMinutes.byGrade.map((g) => [g.grade, g.spread.median])).toEqual([
      ['emergency', 10],
      ['priority', 20],
    ]);
    expect(t.durationMinutes).toEqual({ incidents: 1, median: 120, p90: 120 });
  });

  it('takes the 90th percentile by nearest rank', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ incidents: 10, median: 5.5, p90: 9 });
  });
});

describe('a day in the life', () => {
  it('averages each figure over the 4 days covered, saying where it came from', () => {
    const d = dayInTheLife(week);
    expect(d.days).toBe(4);
    expect(d.incidents).toEqual({ perDay: 1.5, total: 6, source: 'incidents opened' });
    expect(d.crimes).toEqual({ perDay: 0.25, total: 1, source: 'crime-related incidents' });
    expect(d.arrests).toEqual({ perDay: 0.25, total: 1, source: 'incidents closed with an arrest' });
    expect(d.missingReports).toEqual({ perDay: 0.25, total: 1, source: 'missing-person incidents' });
    expect(d.mentalHealth).toEqual({
      perDay: 0.25,
      total: 1,
      source: 'incidents with a mental-health class or qualifier',
    });
  });

  it('uses recorded crimes and missing episodes when given, and no arrest figure when no outcome is recorded', () => {
    const noOutcomes = incidentTable([incident({ at: '2018-07-02T08:15', cls: 'crime' })]);
    const d = dayInTheLife(noOutcomes, {}, { recordedCrimes: 10, missingEpisodes: 3 });
    expect(d.crimes).toEqual({ perDay: 10, total: 10, source: 'recorded crimes' });
    expect(d.missingReports.total).toBe(3);
    expect(d.arrests).toEqual({ perDay: null, total: null, source: 'not recorded in the incident data' });
  });
});

describe('change on last year', () => {
  // July 2017: 2 crimes and 1 ASB incident a day; July 2018: 4 crimes and 1 ASB a day.
  const days = (year: number) => Array.from({ length: 31 }, (_, d) => `${year}-07-${String(d + 1).padStart(2, '0')}`);
  const make = (year: number, crimes: number) =>
    days(year).flatMap((day) => [
      ...Array.from({ length: crimes }, (_, k) => incident({ at: `${day}T1${k}:00`, cls: 'crime' })),
      incident({ at: `${day}T20:00`, cls: 'anti-social-behaviour' }),
    ]);
  const table = incidentTable([...make(2017, 2), ...make(2018, 4)]);

  it('flags the doubling of crime as significantly above and the steady ASB as similar', () => {
    const c = changeOnLastYear(table, { from: '2018-07-01', to: '2018-07-31', by: 'class' });
    expect(c.previous).toEqual({ from: '2017-07-01', to: '2017-07-31', days: 31 });
    const crime = c.rows.find((r) => r.key === 'crime')!;
    expect(crime).toMatchObject({
      current: 124,
      previous: 62,
      change: 62,
      percentChange: 100,
      flag: 'significantly-above',
    });
    expect(crime.qValue!).toBeLessThan(1e-4); // z = 62 / sqrt(186) = 4.5: p about 5e-6, doubled by BH over two rows
    expect(c.rows.find((r) => r.key === 'anti-social-behaviour')).toMatchObject({
      current: 31,
      previous: 31,
      change: 0,
      flag: 'similar',
    });
  });

  it('compares daily rates when the periods cover different numbers of days', () => {
    const c = changeOnLastYear(table, {
      from: '2018-07-01',
      to: '2018-07-15',
      previousFrom: '2017-07-01',
      previousTo: '2017-07-31',
    });
    // 15 days x 5 = 75 now; 93 over 31 days last year is 45 for 15 days.
    expect(c.rows[0]).toMatchObject({ key: 'all', current: 75, previous: 93, change: 30 });
  });

  it('says insufficient data when the year before has no data', () => {
    const c = changeOnLastYear(table, { from: '2017-07-01', to: '2017-07-31' });
    expect(c.rows.every((r) => r.flag === 'insufficient-data')).toBe(true);
  });

  it('moves 29 February back to 28 February', () => {
    expect(yearEarlier('2020-02-29')).toBe('2019-02-28');
    expect(yearEarlier('2018-07-01')).toBe('2017-07-01');
  });
});
