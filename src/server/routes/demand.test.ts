/**
 * The demand routes in process (issue 17): the real San Diego calls for service and a few
 * missing-person episodes imported for West Mercia through the warehouse import, generated
 * Warwickshire street crime for the forecast. Incidents and missing episodes are read by users
 * of the force, its alliance and its OPCC, and by a CSP's users for their own CSP only; crime
 * forecasts by any logged-in user; empty states say what to import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandProfileAnswer, ForecastAnswer, MissingAnswer } from '../../api/index.js';
import { generateAllianceDataset } from '../../demo/alliance.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import { pseudonymiser } from '../../demand/missing/pseudonymiser.js';
import { importDemandFile } from '../../warehouse/demand/import-demand.js';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, writeInput } from '../../../test/temp-workspace.js';

type Err = { error: { message: string } };

describeWithSharedData('demand routes', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await demoApp();
    const ws = demo.options.workspace;
    const common = { force: 'west-mercia', user: 'tester', threads: 1, memoryLimit: '512MB' };
    await importDemandFile(ws, {
      ...common,
      file: sharedData('incidents', 'san_diego', 'pd_calls_for_service_2023_datasd.csv'),
      mapping: await resolveMapping('san-diego'),
    });
    const dir = await tempDir('stra-demand-routes-', 'file');
    const episodes = await writeInput(
      dir,
      'missing.csv',
      [
        'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa',
        'M1,WM/P1,2018-03-01T20:00:00,2018-03-02T06:00:00,high,15,Y,care-home,CH-7,E01031036,E01031035',
        'M2,WM/P1,2018-03-09T20:00:00,2018-03-10T02:00:00,medium,15,Y,care-home,CH-7,E01031036,',
        'M3,WM/P1,2018-03-20T21:00:00,2018-03-21T09:00:00,medium,15,Y,care-home,CH-7,E01031036,',
        'M4,WM/P2,2018-03-05T10:00:00,2018-03-05T18:00:00,low,34,N,home,,E01031040,',
      ].join('\n'),
    );
    await importDemandFile(ws, {
      ...common,
      file: episodes,
      mapping: await resolveMapping('openstra-missing'),
      pseudonymiser: pseudonymiser('k'.repeat(32)),
    });
    // Three Warwickshire incidents: two in Rugby (LSOAs E01031129, E01031159), one in Nuneaton.
    const incidents = await writeInput(
      dir,
      'warwickshire-incidents.csv',
      [
        'incident_id,opened_at,arrived_at,closed_at,opening_code,closing_code,category,grade,outcome,lsoa_code,beat,crime_related,mental_health,officer_minutes',
        'W1,2018-03-01T22:14:05,2018-03-01T22:26:05,2018-03-02T01:05:00,CONCERN FOR SAFETY,MENTAL HEALTH,mental-health,priority,no-further-action,E01031129,,N,Y,170',
        'W2,2018-03-02T10:15:30,2018-03-02T10:45:30,2018-03-02T11:40:00,THEFT,THEFT FROM PERSON,crime,scheduled,crime-report,E01031159,,Y,N,25',
        'W3,2018-03-03T09:00:00,,,THEFT,THEFT FROM PERSON,crime,scheduled,crime-report,E01031110,,Y,N,',
      ].join('\n'),
    );
    await importDemandFile(ws, {
      ...common,
      force: 'warwickshire',
      file: incidents,
      mapping: await resolveMapping('openstra-incidents'),
    });
  }, 120_000);

  it("give the force's demand profile to its alliance: hour x weekday, type, share not crime", async () => {
    const analyst = await demo.as('r.patel');
    const answer = await analyst.get<DemandProfileAnswer>('/api/analysis/demand-profile?force=west-mercia');
    expect(answer.status).toBe(200);
    const p = answer.body;
    expect(p).toMatchObject({ incidents: 28_951, days: 22, from: '2023-01-01', to: '2023-01-22' });
    expect(p.coverage).toEqual([
      { month: '2023-01', rows: 28_951, daysWithData: 22, daysInMonth: 31, complete: false },
    ]);
    expect(p.hourWeek).toHaveLength(7);
    expect(p.hourWeek.every((row) => row.length === 24)).toBe(true);
    // The CLI's figures (stra demand profile --force san-diego): 84.4% not crime, Wednesday 09:00 busiest.
    expect(p.nonCrime.share).toBeCloseTo(0.844, 3);
    expect(p.peak).toMatchObject({ weekday: 2, hour: 9 });
    expect(p.peak!.perDay).toBeCloseTo(100, 0);
    // Averages per covered day add up to the incidents.
    const perDaySum = p.byClass.reduce((a, r) => a + r.perDay, 0);
    expect(perDaySum * p.days).toBeCloseTo(p.incidents, 0);
  });

  it('give outcomes, closing codes, area x grade, time spent and the change on last year (tested as crime)', async () => {
    const analyst = await demo.as('r.patel');
    const p = (await analyst.get<DemandProfileAnswer>('/api/analysis/demand-profile?force=west-mercia')).body;
    expect(p.csp).toBeNull();
    expect(p.byOutcome.reduce((a, r) => a + r.count, 0)).toBe(28_951);
    // San Diego's dispositions are read as outcomes (the mapping's), and it has no closing codes.
    expect(p.byOutcome.map((r) => r.key)).toContain('arrest');
    expect(p.byClosingCode).toEqual([]);
    expect(p.areaByGrade.rows).toHaveLength(15);
    expect(p.areaByGrade.counts[0]!.reduce((a, b) => a + b, 0)).toBe(p.areaByGrade.rowTotals[0]);
    // One timestamp per call: no time spent, said as not recorded, never as zero.
    expect(p.timeSpent).toMatchObject({ officerIncidents: 0, response: { incidents: 0, median: null } });
    // Nothing held a year earlier: no comparison, and why.
    expect(p.change).toBeNull();
    expect(p.changeUnavailable).toContain('2022-01-01 to 2022-01-22');
    const week = (
      await analyst.get<DemandProfileAnswer>(
        '/api/analysis/demand-profile?force=west-mercia&from=2023-01-09&to=2023-01-15',
      )
    ).body;
    expect(week).toMatchObject({ from: '2023-01-09', to: '2023-01-15', days: 7 });
    expect(week.incidents).toBeLessThan(10_000);
    const w = (await analyst.get<DemandProfileAnswer>('/api/analysis/demand-profile?force=warwickshire')).body;
    expect(w.timeSpent.officerIncidents).toBe(2);
    expect(w.timeSpent.officerHours).toBeCloseTo(195 / 60, 6);
    expect(w.timeSpent.response).toMatchObject({ incidents: 2 });
    expect(w.byClosingCode.map((r) => [r.key, r.count])).toEqual([
      ['THEFT FROM PERSON', 2],
      ['MENTAL HEALTH', 1],
    ]);
  });

  it("let the force's OPCC read its aggregates, and a CSP's users their own CSP's only", async () => {
    const opcc = await demo.as('opcc.reader');
    expect((await opcc.get('/api/analysis/demand-profile?force=west-mercia')).status).toBe(200);
    const csp = await demo.as('rugby.csp'); // a Warwickshire CSP
    const whole = await csp.get<Err>('/api/analysis/demand-profile?force=warwickshire');
    expect(whole.status).toBe(403);
    expect(whole.body.error.message).toContain('for Rugby only');
    const other = await csp.get<Err>('/api/analysis/demand-profile?force=warwickshire&csp=Nuneaton%20and%20Bedworth');
    expect(other.status).toBe(403);
    const rugby = await csp.get<DemandProfileAnswer>('/api/analysis/demand-profile?force=warwickshire&csp=Rugby');
    expect(rugby.status).toBe(200);
    expect(rugby.body).toMatchObject({ csp: 'Rugby', incidents: 2 });
    const forecast = await csp.get<Err>('/api/analysis/forecast?series=incidents&force=warwickshire');
    expect(forecast.status).toBe(403);
    const analyst = await demo.as('r.patel');
    const nuneaton = await analyst.get<DemandProfileAnswer>(
      '/api/analysis/demand-profile?force=warwickshire&csp=Nuneaton%20and%20Bedworth',
    );
    expect(nuneaton.body.incidents).toBe(1);
  });

  it('refuse users outside the force, its alliance and its OPCC, whatever their clearance', async () => {
    for (const user of ['rugby.csp']) {
      const client = await demo.as(user);
      for (const path of [
        '/api/analysis/demand-profile?force=west-mercia',
        '/api/analysis/missing?force=west-mercia',
      ]) {
        const answer = await client.get<Err>(path);
        expect(answer.status, `${user} ${path}`).toBe(403);
        expect(answer.body.error.message).toContain("west-mercia's incidents and missing-person episodes");
        expect(JSON.stringify(answer.body)).not.toContain('28951');
      }
    }
    const admin = await demo.as('admin'); // a member of every organisation
    expect((await admin.get('/api/analysis/demand-profile?force=west-mercia')).status).toBe(200);
  });

  it('say what to import when a force has no incidents, and name a bad parameter', async () => {
    const analyst = await demo.as('r.patel');
    const none = await analyst.get<Err>(
      '/api/analysis/demand-profile?force=warwickshire&from=2020-01-01&to=2020-01-31',
    );
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('No incidents of warwickshire are held for these days');
    expect(none.body.error.message).toContain('stra demand import');
    const noMissing = await analyst.get<Err>('/api/analysis/missing?force=warwickshire');
    expect(noMissing.status).toBe(404);
    expect(noMissing.body.error.message).toContain('--mapping openstra-missing');
    expect(fieldsOf((await analyst.get('/api/analysis/demand-profile')).body)).toEqual(['force']);
    expect(fieldsOf((await analyst.get('/api/analysis/demand-profile?force=west-mercia&from=2023-1-1')).body)).toEqual([
      'from',
    ]);
    expect(fieldsOf((await analyst.get('/api/analysis/missing?force=west-mercia&episodes=1')).body)).toEqual([
      'episodes',
    ]);
  });

  it('give missing people: the summary, repeats (3 in 90 days unless told) and care homes ranked', async () => {
    const analyst = await demo.as('r.patel');
    const m = (await analyst.get<MissingAnswer>('/api/analysis/missing?force=west-mercia')).body;
    expect(m.summary).toMatchObject({ episodes: 4, people: 2, childEpisodes: 3, lookedAfterEpisodes: 3 });
    expect(m.summary.highRiskShare).toBeCloseTo(0.25, 6);
    expect(m.repeats).toMatchObject({ definition: { episodes: 3, withinDays: 90 }, people: 1 });
    expect(m.repeats.shareOfEpisodes).toBeCloseTo(0.75, 6);
    expect(m.locations[0]).toMatchObject({ episodes: 3, people: 1, lookedAfterEpisodes: 3, repeatPeople: 1 });
    expect(m.monthly).toEqual([{ month: '2018-03', episodes: 4 }]);
    const four = (await analyst.get<MissingAnswer>('/api/analysis/missing?force=west-mercia&episodes=4')).body;
    expect(four.repeats.people).toBe(0);
    expect(m.byRisk.map((r) => [r.key, r.episodes])).toEqual([
      ['high', 1],
      ['medium', 2],
      ['low', 1],
    ]);
    expect(m.byAge.map((r) => [r.key, r.episodes])).toEqual([
      ['15-17', 3],
      ['25-39', 1],
    ]);
    expect(m.byAddressType.map((r) => [r.key, r.episodes])).toEqual([
      ['home', 1],
      ['care-home', 3],
    ]);
    // 10, 6, 12 and 8 hours missing.
    expect(m.hoursMissing).toMatchObject({ episodes: 4, median: 9 });
  });

  it('forecast incidents only with a reason when the months held are too few', async () => {
    const analyst = await demo.as('r.patel');
    const none = await analyst.get<Err>('/api/analysis/forecast?series=incidents&force=west-mercia');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('no complete month of incidents');
    // Four episodes on 1-21 March 2018: a part of one month, not a series.
    const missing = await analyst.get<Err>('/api/analysis/forecast?series=missing&force=west-mercia');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('no complete month of missing');
    const district = await analyst.get<Err>('/api/analysis/forecast?series=missing&force=west-mercia&district=Rugby');
    expect(district.status).toBe(400);
  });
});

describe('crime forecast route', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await demoApp();
    const generated = await tempDir('stra-forecast-route-', 'file');
    // Four years of generated Warwickshire street crime: the 48 months a backtest needs.
    await generateAllianceDataset({
      outDir: generated,
      seed: 17,
      from: '2014-04',
      to: '2018-03',
      kinds: ['street'],
      forces: ['warwickshire'],
    });
    await importInto(demo.options.workspace, [generated]);
  }, 300_000);
  afterAll(() => undefined);

  it('forecasts 12 months with 80% and 95% intervals, with the backtest it was chosen by', async () => {
    const reader = await demo.as('rugby.csp'); // crime is open data: any logged-in user
    const answer = await reader.get<ForecastAnswer>('/api/analysis/forecast?force=warwickshire&category=burglary');
    expect(answer.status).toBe(200);
    const f = answer.body;
    expect(f.refused).toBeNull();
    expect(f.history).toHaveLength(48);
    expect(f.history[0]).toMatchObject({ period: '2014-04' });
    expect(f.forecast!.rows.map((r) => r.period)).toEqual([
      '2018-04',
      '2018-05',
      '2018-06',
      '2018-07',
      '2018-08',
      '2018-09',
      '2018-10',
      '2018-11',
      '2018-12',
      '2019-01',
      '2019-02',
      '2019-03',
    ]);
    for (const r of f.forecast!.rows) {
      expect(r.lo95).toBeLessThanOrEqual(r.lo80);
      expect(r.lo80).toBeLessThanOrEqual(r.mean);
      expect(r.mean).toBeLessThanOrEqual(r.hi80);
      expect(r.hi80).toBeLessThanOrEqual(r.hi95);
    }
    const scored = f.forecast!.candidates.filter((c) => c.scored);
    expect(scored.length).toBeGreaterThanOrEqual(2);
    expect(f.forecast!.candidates.filter((c) => c.note === 'chosen')).toHaveLength(1);
    expect(f.forecast!.seasonalNaiveMase).toBeGreaterThan(0);
    // The year's total from simulated paths: inside the sum of the monthly bounds (which overstate it).
    const t = f.forecast!.total!;
    const sum = (k: 'lo80' | 'hi80' | 'mean') => f.forecast!.rows.reduce((a, r) => a + r[k], 0);
    expect(t.mean).toBeCloseTo(sum('mean'), 6);
    expect(t.lo80).toBeLessThan(t.mean);
    expect(t.hi80).toBeGreaterThan(t.mean);
    expect(t.lo95).toBeLessThan(t.lo80);
    expect(t.hi80 - t.lo80).toBeLessThan(sum('hi80') - sum('lo80'));
  }, 120_000);

  it('forecasts the crime of one CSP and of one district', async () => {
    const reader = await demo.as('r.patel');
    const csp = (await reader.get<ForecastAnswer>('/api/analysis/forecast?force=warwickshire&csp=Rugby')).body;
    expect(csp.series).toContain('Rugby');
    expect(csp.history).toHaveLength(48);
    const whole = (await reader.get<ForecastAnswer>('/api/analysis/forecast?force=warwickshire')).body;
    expect(csp.history.at(-1)!.value!).toBeLessThan(whole.history.at(-1)!.value!);
    expect(csp.forecast ?? csp.refused).not.toBeNull();
    const district = await reader.get<ForecastAnswer>('/api/analysis/forecast?force=warwickshire&district=Rugby');
    expect(district.status).toBe(200);
    expect(district.body.history.map((h) => h.value)).toEqual(csp.history.map((h) => h.value));
  }, 120_000);

  it('refuses a series too short, with the reason, and says what to import for a force with no crime', async () => {
    const reader = await demo.as('r.patel');
    const short = (await reader.get<ForecastAnswer>('/api/analysis/forecast?force=warwickshire&until=2016-03')).body;
    expect(short.forecast).toBeNull();
    expect(short.refused).toMatch(/short|months|periods/i);
    const none = await reader.get<Err>('/api/analysis/forecast?force=west-mercia');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('No police.uk street crime of west-mercia is held');
    expect(fieldsOf((await reader.get('/api/analysis/forecast?force=warwickshire&until=2016')).body)).toEqual([
      'until',
    ]);
  }, 60_000);
});
