/**
 * The analysis, scope and map routes in process, on the demo store with an empty warehouse: each
 * user's home area, bad parameters named in the answer, and a plain message when there is no data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisScope, Boundaries } from '../../api/index.js';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
});

describe('analysis routes', () => {
  it("open on each user's organisation's area", async () => {
    const analyst = await demo.as('r.patel');
    const scope = (await analyst.get<AnalysisScope>('/api/trends/scope')).body;
    expect(scope.home).toEqual({
      organisation: 'Warwickshire and West Mercia Police alliance',
      forces: ['warwickshire', 'west-mercia'],
      csp: null,
    });
    // The user's own forces are offered by name even before any month is imported.
    expect(scope.forces.map((f) => [f.name, f.months])).toEqual([
      ['Warwickshire Police', 0],
      ['West Mercia Police', 0],
    ]);
    const rugby = (await (await demo.as('rugby.csp')).get<AnalysisScope>('/api/trends/scope')).body;
    expect(rugby.home).toMatchObject({ forces: ['warwickshire'], csp: 'Rugby' });
  });

  it('name the parameter that is wrong, and say when the warehouse holds nothing yet', async () => {
    const analyst = await demo.as('r.patel');
    const css = await analyst.get('/api/analysis/css?year=2017');
    expect(css.status).toBe(400);
    expect(fieldsOf(css.body)).toEqual(['year']);
    const rates = await analyst.get('/api/analysis/rates?by=ward');
    expect(fieldsOf(rates.body)).toEqual(['by']);
    const empty = await analyst.get<{ error: { message: string } }>('/api/analysis/rates');
    expect(empty.body.error.message).toContain('The warehouse holds no street data yet');
  });

  it("serve a force's CSP boundaries, and say which forces have no LSOA boundaries", async () => {
    const analyst = await demo.as('r.patel');
    const csps = (await analyst.get<Boundaries>('/api/map/boundaries?level=csp&force=warwickshire')).body;
    expect(csps.features.map((f) => f.properties.name).sort()).toEqual([
      'North Warwickshire',
      'Nuneaton and Bedworth',
      'Rugby',
      'South Warwickshire',
    ]);
    const lsoas = (await analyst.get<Boundaries>('/api/map/boundaries?level=lsoa&force=warwickshire,kent')).body;
    expect(lsoas.features).toHaveLength(339);
    expect(lsoas.without).toEqual(['kent']);
  });
});
