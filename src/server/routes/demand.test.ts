/**
 * The demand routes in process (issue 17): the real San Diego calls for service and a few
 * missing-person episodes imported for West Mercia through the warehouse import, generated
 * Warwickshire street crime for the forecast. Incidents and missing episodes are read only by
 * users of the force or its alliance; crime forecasts by any logged-in user; empty states say
 * what to import.
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

  it('refuse users outside the force and its alliance, whatever their clearance, and answer 401 to nobody', async () => {
    for (const user of ['rugby.csp', 'opcc.reader']) {
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
    const none = await analyst.get<Err>('/api/analysis/demand-profile?force=warwickshire');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('No incidents of warwickshire are held');
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
