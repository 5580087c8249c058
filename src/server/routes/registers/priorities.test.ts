/**
 * Partners' priorities through the API, as the demo users: the side-by-side matrix of the
 * Warwickshire table in 2016/17 gives the seed's cells; congruence with the approved 2016/17
 * Control Strategy; markings (an OFFICIAL-SENSITIVE priority is seen by no OFFICIAL analyst, and
 * by a CSP only when it is that CSP's own); a stale change answered 409 with the current record;
 * bad bodies naming their fields; the CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, fieldsOf, type DemoApp } from '../../../../test/demo-app.js';
import type {
  ErrorAnswer,
  PartnerPriority,
  PartnerPriorityWithHistory,
  PriorityCongruenceView,
  PriorityMatrixView,
  PriorityPartners,
  TaxonomyEntry,
} from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

const WARWICKSHIRE = [
  'csp-south-warwickshire',
  'csp-north-warwickshire',
  'csp-nuneaton-and-bedworth',
  'csp-rugby',
  'warwickshire-county',
];

const cell = (m: PriorityMatrixView, partner: string, heading: string) =>
  m.rows.find((r) => r.taxonomyId === heading)?.cells[m.columns.findIndex((c) => c.id === partner)];
const allWords = (m: PriorityMatrixView) => m.rows.flatMap((r) => r.cells.flat());

describe('the matrix', () => {
  it("gives the seed's Warwickshire table for 2016/17, partners as columns in the order asked", async () => {
    const analyst = await demo.as('k.hughes');
    const answer = await analyst.get<PriorityMatrixView>(
      `/api/priorities/matrix?period=2016/17&partners=${WARWICKSHIRE.join(',')}`,
    );
    expect(answer.status).toBe(200);
    const m = answer.body;
    expect(m.columns.map((c) => c.id)).toEqual(WARWICKSHIRE);
    expect(m.rows).toHaveLength(17);
    expect(cell(m, 'csp-rugby', 'asb')).toEqual(['ASB (focusing on personal)']);
    expect(cell(m, 'csp-south-warwickshire', 'asb')).toEqual(['ASB (focusing on street begging)']);
    expect(cell(m, 'csp-nuneaton-and-bedworth', 'drugs-alcohol')).toEqual([
      'Alcohol Related Harm',
      'Emerging drug trends',
    ]);
    expect(cell(m, 'csp-north-warwickshire', 'burglary')).toEqual(['Domestic Burglary (focusing on rural)']);
    expect(cell(m, 'warwickshire-county', 'sexual-violence')).toEqual(['Violent Crime (focusing on sexual violence)']);
    expect(cell(m, 'csp-rugby', 'cyber-crime')).toEqual([]);
    expect(m.marking).toBe('OFFICIAL');
  });

  it("keeps a partner's note under its column, never in a row", async () => {
    const analyst = await demo.as('k.hughes');
    const m = (
      await analyst.get<PriorityMatrixView>(
        '/api/priorities/matrix?period=2016-17&partners=worcestershire-county,csp-shropshire',
      )
    ).body;
    expect(m.period).toBe('2016/17');
    expect(m.columns[0]).toMatchObject({
      priorities: 1,
      notes: ['Community Safety Agreement not produced until after 2016/17 Police and Crime Plan'],
    });
    expect(allWords(m)).not.toContain(
      'Community Safety Agreement not produced until after 2016/17 Police and Crime Plan',
    );
  });

  it('names the bad fields of a matrix query, and an unknown partner', async () => {
    const analyst = await demo.as('k.hughes');
    const bad = await analyst.get('/api/priorities/matrix?period=2016&allRows=yes');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['allRows', 'period']);
    const unknown = await analyst.get('/api/priorities/matrix?period=2016/17&partners=csp-atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/csp-atlantis/);
  });

  it('offers the periods, the taxonomy and the partner organisations to choose from', async () => {
    const analyst = await demo.as('k.hughes');
    expect((await analyst.get<string[]>('/api/priorities/periods')).body).toContain('2016/17');
    const taxonomy = (await analyst.get<TaxonomyEntry[]>('/api/priorities/taxonomy')).body;
    expect(taxonomy[0]).toMatchObject({ id: 'reoffending', label: 'Reducing reoffending' });
    const orgs = (await analyst.get<PriorityPartners>('/api/priorities/partners')).body;
    expect(orgs.partners.find((p) => p.id === 'csp-rugby')).toMatchObject({ kind: 'csp', parentId: 'warwickshire' });
    expect(orgs.forces.map((f) => f.id)).toEqual(expect.arrayContaining(['warwickshire', 'west-mercia']));
  });
});

describe('congruence with the alliance priorities', () => {
  it('measures each partner against the approved 2016/17 Control Strategy', async () => {
    const analyst = await demo.as('r.patel');
    const view = (
      await analyst.get<PriorityCongruenceView>(
        `/api/assessments/1/priorities/congruence?partners=${WARWICKSHIRE.join(',')}`,
      )
    ).body;
    expect(view.period).toBe('2016/17');
    expect(view.strategyStatus).toBe('approved');
    expect(view.alliance.taxonomyIds).toEqual([
      'sexual-violence',
      'domestic-abuse',
      'road-safety',
      'cyber-crime',
      'cse',
      'serious-organised-crime',
    ]);
    const rugby = view.partners.find((p) => p.partnerId === 'csp-rugby')!;
    expect(rugby).toMatchObject({
      priorities: 7,
      shared: ['domestic-abuse', 'road-safety'],
      extra: ['reoffending', 'asb', 'violent-crime', 'drugs-alcohol', 'burglary'],
    });
    expect(rugby.coverage).toBeCloseTo(2 / 6);
    expect(view.partners.find((p) => p.partnerId === 'warwickshire-county')!.coverage).toBeCloseTo(4 / 6);
  });
});

describe('markings', () => {
  it('hides OFFICIAL-SENSITIVE priorities from an OFFICIAL analyst, and from a CSP unless they are its own', async () => {
    const cleared = await demo.as('r.patel');
    const add = (partnerId: string, wording: string) =>
      cleared.call<PartnerPriority>('POST', '/api/priorities', {
        partnerId,
        period: '2017/18',
        wording,
        taxonomyIds: ['serious-organised-crime'],
        marking: 'OFFICIAL-SENSITIVE',
      });
    const rugbys = await add('csp-rugby', 'County lines (sensitive)');
    const norths = await add('csp-north-warwickshire', 'Organised crime in rural areas (sensitive)');
    expect([rugbys.status, norths.status]).toEqual([201, 201]);
    const cleared2 = (await cleared.get<PriorityMatrixView>('/api/priorities/matrix?period=2017/18')).body;
    expect(allWords(cleared2)).toEqual(
      expect.arrayContaining(['County lines (sensitive)', 'Organised crime in rural areas (sensitive)']),
    );
    expect(cleared2.marking).toBe('OFFICIAL-SENSITIVE');

    const official = await demo.as('k.hughes');
    const m = (await official.get<PriorityMatrixView>('/api/priorities/matrix?period=2017/18')).body;
    expect(allWords(m).filter((w) => w.includes('(sensitive)'))).toEqual([]);
    expect(
      (await official.get<PartnerPriority[]>('/api/priorities?period=2017/18')).body.map((p) => p.wording),
    ).not.toContain('County lines (sensitive)');
    expect((await official.get<string>('/api/priorities.csv?period=2017/18')).body).not.toContain('(sensitive)');
    expect((await official.get(`/api/priorities/${rugbys.body.id}`)).status).toBe(404);

    const csp = await demo.as('rugby.csp');
    const seen = (await csp.get<PartnerPriority[]>('/api/priorities')).body;
    expect(seen.every((p) => p.partnerId === 'csp-rugby')).toBe(true);
    expect(seen.map((p) => p.wording)).toContain('County lines (sensitive)');
    expect(seen.map((p) => p.wording)).not.toContain('Organised crime in rural areas (sensitive)');
    const cspMatrix = (await csp.get<PriorityMatrixView>('/api/priorities/matrix?period=2017/18')).body;
    expect(allWords(cspMatrix)).toEqual(['County lines (sensitive)']);
    const csv = await csp.get<string>('/api/priorities.csv');
    expect(csv.body).not.toContain('Organised crime in rural areas');
    expect(csv.headers.get('x-protective-marking')).toBe('OFFICIAL-SENSITIVE');
    expect((await csp.get(`/api/priorities/${norths.body.id}`)).status).toBe(404);
  });
});

describe('changing a priority', () => {
  it('rewords it with a new version; a stale change gets 409 with the current record and its revisions', async () => {
    const first = await demo.as('r.patel');
    const second = await demo.as('k.hughes');
    const made = (
      await first.call<PartnerPriority>('POST', '/api/priorities', {
        partnerId: 'csp-rugby',
        period: '2017/18',
        wording: 'Violent Crime',
        taxonomyIds: ['violent-crime'],
      })
    ).body;
    const changed = await first.call<PartnerPriority>('PUT', `/api/priorities/${made.id}`, {
      expectedVersion: 1,
      wording: 'Violent Crime (focusing on sexual violence)',
      taxonomyIds: ['violent-crime', 'sexual-violence'],
      reason: 'Rugby CSP plan 2017-18',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, taxonomyIds: ['violent-crime', 'sexual-violence'] });
    const stale = await second.call<ErrorAnswer>('PUT', `/api/priorities/${made.id}`, {
      expectedVersion: 1,
      taxonomyIds: ['violent-crime'],
    });
    expect(stale.status).toBe(409);
    const current = stale.body.error.details?.['record'] as PartnerPriorityWithHistory;
    expect(current).toMatchObject({ id: made.id, version: 2, wording: 'Violent Crime (focusing on sexual violence)' });
    expect(current.revisions.map((r) => r.version)).toEqual([1, 2]);
  });

  it('names the fields of a bad new priority', async () => {
    const analyst = await demo.as('k.hughes');
    const bad = await analyst.call('POST', '/api/priorities', {
      partnerId: 'csp-rugby',
      period: '2017-19x',
      wording: 'Knife crime',
      taxonomyIds: ['knife-crime'],
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['period', 'taxonomyIds.0']);
    expect(bad.body.error.message).toMatch(/taxonomy ids: reoffending/);
  });

  it('exports the priorities of a period as CSV', async () => {
    const analyst = await demo.as('k.hughes');
    const csv = await analyst.get<string>('/api/priorities.csv?period=2016/17&partners=csp-rugby');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="priorities-2016-17.csv"');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('partner,period,wording,taxonomy_ids,kind,held_by,marking,shared_with');
    expect(lines).toHaveLength(8);
    expect(lines).toContain(
      'csp-rugby,2016/17,ASB (focusing on personal),asb,priority,wwm-alliance,OFFICIAL,csp-rugby',
    );
  });
});
