/**
 * The strategic risk register through the API, as the demo users: markings (SR03 is
 * OFFICIAL-SENSITIVE: an OFFICIAL analyst and a CSP reader see it in no list, heat map, overdue
 * list, record or CSV), a review that moves the risk and its history, a stale review answered 409
 * with the current risk, bad bodies naming their fields, and the CSV exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFirstColumn, demoApp, fieldsOf, type DemoApp } from '../../../../test/demo-app.js';
import type {
  ErrorAnswer,
  OverdueRiskList,
  RiskHeatMap,
  RiskHistory,
  RiskListed,
  RiskReviewAdded,
  RiskWithHistory,
} from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

const refs = (cells: RiskHeatMap) => cells.rows.flatMap((r) => r.cells.flatMap((c) => c.risks.map((x) => x.reference)));

describe('the risk register and its markings', () => {
  it('shows the OFFICIAL-SENSITIVE risk to a cleared analyst in the list, heat map, overdue list and CSV', async () => {
    const analyst = await demo.as('r.patel');
    const list = (await analyst.get<RiskListed[]>('/api/risks')).body;
    expect(list.map((r) => r.reference)).toEqual(['SR01', 'SR02', 'SR03', 'SR04', 'SR05', 'SR06', 'SR07', 'SR08']);
    expect(list.find((r) => r.reference === 'SR03')?.marking).toBe('OFFICIAL-SENSITIVE');
    const map = (await analyst.get<RiskHeatMap>('/api/risks/heat-map')).body;
    expect(map.total).toBe(8);
    expect(map.marking).toBe('OFFICIAL-SENSITIVE');
    expect(refs(map)).toContain('SR03');
    const overdue = (await analyst.get<OverdueRiskList>('/api/risks/overdue?asOf=2017-04-11')).body;
    expect(overdue.risks.map((r) => r.reference)).toContain('SR03');
    expect(csvFirstColumn((await analyst.get<string>('/api/risks.csv')).body)).toContain('SR03');
  });

  for (const user of ['k.hughes', 'rugby.csp']) {
    it(`hides it from ${user} everywhere: list, heat map, overdue list, record, history and CSV`, async () => {
      const analyst = await demo.as('r.patel');
      const sr03 = (await analyst.get<RiskListed[]>('/api/risks?organisation=wwm-alliance')).body.find(
        (r) => r.reference === 'SR03',
      )!;
      const other = await demo.as(user);
      const list = (await other.get<RiskListed[]>('/api/risks')).body;
      expect(list.map((r) => r.reference)).not.toContain('SR03');
      expect(list.every((r) => r.marking === 'OFFICIAL')).toBe(true);
      const map = (await other.get<RiskHeatMap>('/api/risks/heat-map')).body;
      expect(refs(map)).not.toContain('SR03');
      expect(map.total).toBe(list.filter((r) => r.status !== 'closed').length);
      expect(map.marking).toBe('OFFICIAL');
      const overdue = (await other.get<OverdueRiskList>('/api/risks/overdue?asOf=2017-04-11')).body;
      expect(overdue.risks.map((r) => r.reference)).not.toContain('SR03');
      expect((await other.get(`/api/risks/${sr03.id}`)).status).toBe(404);
      expect((await other.get(`/api/risks/${sr03.id}/history`)).status).toBe(404);
      const csv = await other.get<string>('/api/risks.csv');
      expect(csv.status).toBe(200);
      expect(csvFirstColumn(csv.body)).not.toContain('SR03');
      expect(csvFirstColumn(csv.body)).toEqual(list.map((r) => r.reference));
      expect((await other.get<string>('/api/risks/reviews.csv')).body).not.toMatch(/^SR03,/m);
    });
  }

  it('gives the CSP reader, who is shared nothing, an empty register', async () => {
    const csp = await demo.as('rugby.csp');
    expect((await csp.get<RiskListed[]>('/api/risks')).body).toEqual([]);
    expect((await csp.get<RiskHeatMap>('/api/risks/heat-map')).body.total).toBe(0);
  });
});

describe('the heat map and the overdue list', () => {
  it('puts each risk in its cell with its rating and movement', async () => {
    const analyst = await demo.as('k.hughes');
    const map = (await analyst.get<RiskHeatMap>('/api/risks/heat-map')).body;
    expect(map.rows.map((r) => r.impact)).toEqual([5, 4, 3, 2, 1]);
    const cell = map.rows.find((r) => r.impact === 5)!.cells.find((c) => c.likelihood === 4)!;
    expect(cell).toMatchObject({ count: 1, rating: 'very high' });
    expect(cell.risks[0]).toMatchObject({ reference: 'SR05', movement: 'same' });
  });

  it('lists overdue reviews longest overdue first, and refuses a bad date naming it', async () => {
    const analyst = await demo.as('k.hughes');
    const overdue = (await analyst.get<OverdueRiskList>('/api/risks/overdue?asOf=2017-04-09')).body;
    expect(overdue.asOf).toBe('2017-04-09');
    expect(
      overdue.risks
        .slice(0, 2)
        .map((r) => r.reference)
        .sort(),
    ).toEqual(['SR02', 'SR08']);
    expect(overdue.risks[0]!.daysOverdue).toBe(34);
    const bad = await analyst.get('/api/risks/overdue?asOf=09/04/2017');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['asOf']);
  });
});

describe('reviewing a risk', () => {
  it('adds a dated review that moves the version and the history; a stale one gets 409 with the current risk', async () => {
    const first = await demo.as('r.patel');
    const second = await demo.as('k.hughes');
    const risk = (await first.get<RiskListed[]>('/api/risks')).body.find((r) => r.reference === 'SR06')!;
    const done = await first.call<RiskReviewAdded>('POST', `/api/risks/${risk.id}/reviews`, {
      expectedVersion: risk.version,
      likelihood: 3,
      impact: 3,
      narrative: 'HR feed corrected; harm back to moderate.',
      dated: '2017-04-10',
    });
    expect(done.status).toBe(201);
    expect(done.body.risk).toMatchObject({
      version: risk.version + 1,
      residual: { likelihood: 3, impact: 3, score: 9 },
      nextReview: '2017-05-10',
    });
    expect(done.body.review).toMatchObject({ dated: '2017-04-10', author: 'r.patel', score: 9 });

    const stale = await second.call<ErrorAnswer>('POST', `/api/risks/${risk.id}/reviews`, {
      expectedVersion: risk.version,
      likelihood: 2,
      impact: 3,
      narrative: 'Late edit.',
      dated: '2017-04-11',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed since you read it/);
    const current = stale.body.error.details?.['record'] as RiskWithHistory;
    expect(current).toMatchObject({ id: risk.id, version: risk.version + 1, residual: { score: 9 } });
    expect(current.reviews.at(-1)).toMatchObject({ narrative: 'HR feed corrected; harm back to moderate.' });

    const history = (await second.get<RiskHistory>(`/api/risks/${risk.id}/history`)).body;
    expect(history.series.at(-1)).toMatchObject({ dated: '2017-04-10', score: 9, rating: 'medium', movement: 'down' });
    expect(history.reviews.length).toBe(history.series.length);
    expect(history.scale.likelihoodLabels[0]).toBe('Rare');
    expect(history.bands.map((b) => [b.rating, b.to])).toEqual([
      ['low', 4],
      ['medium', 9],
      ['high', 16],
      ['very high', 25],
    ]);
  });

  it('names the fields of a bad review, and refuses a reader (403) and someone who cannot see the risk (404)', async () => {
    const analyst = await demo.as('k.hughes');
    const risk = (await analyst.get<RiskListed[]>('/api/risks')).body[0]!;
    const bad = await analyst.call('POST', `/api/risks/${risk.id}/reviews`, {
      expectedVersion: risk.version,
      likelihood: 0,
      impact: 'high',
      narrative: ' ',
      dated: '10/04/2017',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['dated', 'impact', 'likelihood', 'narrative']);
    const offScale = await analyst.call('POST', `/api/risks/${risk.id}/reviews`, {
      expectedVersion: risk.version,
      likelihood: 6,
      impact: 3,
      narrative: 'Off the 5x5 scale.',
    });
    expect(offScale.status).toBe(400);
    expect(offScale.body.error.message).toMatch(/1 to 5/);
    const approver = await demo.as('acc.morgan');
    expect(
      (
        await approver.call('POST', `/api/risks/${risk.id}/reviews`, {
          expectedVersion: risk.version,
          likelihood: 2,
          impact: 2,
          narrative: 'Not mine to write.',
        })
      ).status,
    ).toBe(403);
    const csp = await demo.as('rugby.csp');
    expect(
      (
        await csp.call('POST', `/api/risks/${risk.id}/reviews`, {
          expectedVersion: risk.version,
          likelihood: 2,
          impact: 2,
          narrative: 'Not mine to see.',
        })
      ).status,
    ).toBe(404);
  });

  it('adds a risk with its initial assessment, refusing a bad body by field', async () => {
    const analyst = await demo.as('k.hughes');
    const made = await analyst.call('POST', '/api/risks', {
      organisationId: 'wwm-alliance',
      reference: 'SR09',
      title: 'Crime data integrity',
      category: 'Operational',
      owner: 'Deputy Chief Constable',
      inherent: { likelihood: 4, impact: 4 },
      residual: { likelihood: 3, impact: 4 },
      identifiedOn: '2017-04-10',
      actions: ['Registrar audits'],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ reference: 'SR09', residual: { score: 12 }, marking: 'OFFICIAL', version: 1 });
    const bad = await analyst.call('POST', '/api/risks', {
      organisationId: 'wwm-alliance',
      reference: '',
      title: 'x',
      category: 'x',
      owner: 'x',
      inherent: { likelihood: 4 },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['inherent.impact', 'reference']);
  });
});

describe('editing a risk', () => {
  it('changes its description, never its residual score; a stale edit gets 409, a used reference and a reader are refused', async () => {
    const analyst = await demo.as('k.hughes');
    const risk = (await analyst.get<RiskListed[]>('/api/risks')).body.find((r) => r.reference === 'SR04')!;
    const done = await analyst.call<RiskListed>('PUT', `/api/risks/${risk.id}`, {
      expectedVersion: risk.version,
      owner: 'Chief Constable',
      inherent: { likelihood: 4, impact: 4 },
      nextReview: '2017-09-30',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      version: risk.version + 1,
      owner: 'Chief Constable',
      inherent: { likelihood: 4, impact: 4, score: 16 },
      residual: risk.residual,
      nextReview: '2017-09-30',
    });
    const stale = await analyst.call<ErrorAnswer>('PUT', `/api/risks/${risk.id}`, {
      expectedVersion: risk.version,
      title: 'Late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({ id: risk.id, owner: 'Chief Constable' });
    const clash = await analyst.call('PUT', `/api/risks/${risk.id}`, {
      expectedVersion: risk.version + 1,
      reference: 'SR01',
    });
    expect(clash.status).toBe(400);
    const bad = await analyst.call('PUT', `/api/risks/${risk.id}`, { expectedVersion: risk.version + 1, residual: {} });
    expect(bad.status).toBe(400);
    const reader = await demo.as('acc.morgan');
    expect(
      (await reader.call('PUT', `/api/risks/${risk.id}`, { expectedVersion: risk.version + 1, title: 'x' })).status,
    ).toBe(403);
  });
});

describe('the CSV exports', () => {
  it('answers text/csv with a file name', async () => {
    const analyst = await demo.as('k.hughes');
    const csv = await analyst.get<string>('/api/risks.csv?organisation=wwm-alliance');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="risks.csv"');
    expect(csv.body.split(/\r?\n/)[0]).toMatch(/^reference,title,category,owner/);
    const reviews = await analyst.get<string>('/api/risks/reviews.csv');
    expect(reviews.headers.get('content-disposition')).toBe('attachment; filename="risk-reviews.csv"');
    expect(reviews.body.split(/\r?\n/)[0]).toBe('reference,dated,likelihood,impact,narrative,status,next_review');
  });
});
