/**
 * Environmental scanning through the API, as the demo users: the matrix, themes and
 * configurations of the seed's eighteen drivers; markings (an OFFICIAL-SENSITIVE driver is seen
 * by no OFFICIAL analyst, nor by a CSP it is not shared with, in any list, view, record or CSV);
 * a review with its history; a stale review answered 409 with the current driver; bad bodies
 * naming their fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, fieldsOf, type DemoApp } from '../../../../test/demo-app.js';
import type {
  Driver,
  DriverConfiguration,
  DriverMatrixView,
  DriverMetaView,
  DriverReviewAdded,
  DriverWithHistory,
  ErrorAnswer,
} from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

const numbersOf = (m: DriverMatrixView) =>
  m.quadrants.flatMap((q) => q.drivers.map((d) => d.number)).sort((a, b) => a - b);

describe('the drivers of assessment 2', () => {
  it("places the seed's eighteen drivers on the impact x uncertainty matrix", async () => {
    const analyst = await demo.as('k.hughes');
    const matrix = (await analyst.get<DriverMatrixView>('/api/assessments/2/drivers/matrix')).body;
    expect(numbersOf(matrix)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(matrix.quadrants.map((q) => q.name)).toEqual([
      'Critical uncertainties',
      'Predetermined elements',
      'Watch list',
      'Background',
    ]);
    expect(matrix.quadrants[0]!.drivers.map((d) => d.number)).toEqual([1, 18, 4, 8, 3]);
    expect(matrix.grid.find((c) => c.impact === 7 && c.uncertainty === 5)?.numbers).toEqual([12, 15]);
  });

  it('groups them as Social, Partner and Policing Challenges, with their cross-cutting themes', async () => {
    const analyst = await demo.as('k.hughes');
    const meta = (await analyst.get<DriverMetaView>('/api/assessments/2/drivers/themes')).body;
    expect(meta.groups.map((g) => [g.label, g.drivers.length])).toEqual([
      ['Social Challenges', 6],
      ['Partner Challenges', 6],
      ['Policing Challenges', 6],
    ]);
    const partnership = meta.themes.find((t) => t.theme === 'Partnership working')!;
    expect(partnership.drivers.map((d) => d.number)).toEqual([7, 8, 9, 11, 12, 15, 16]);
    expect(partnership.crossCutting).toBe(true);
    expect((await analyst.get('/api/assessments/2/drivers/themes?by=alphabet')).status).toBe(400);
  });

  it('lists the configured uses with their primary and secondary drivers', async () => {
    const analyst = await demo.as('k.hughes');
    const configurations = (await analyst.get<DriverConfiguration[]>('/api/assessments/2/driver-configurations')).body;
    const cyber = configurations.find((c) => c.topic === 'Cyber crime')!;
    expect(cyber.primary.map((d) => d.number)).toEqual([1, 15]);
    expect(cyber.secondary.map((d) => d.number)).toEqual([12, 14]);
    const bad = await analyst.call('POST', '/api/assessments/2/driver-configurations', { topic: 'Fraud', primary: [] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['primary']);
  });

  it('shows the OPCC reader, with whom nothing of assessment 2 is shared, no matrix (404)', async () => {
    const opcc = await demo.as('opcc.reader');
    expect((await opcc.get('/api/assessments/2/drivers/matrix')).status).toBe(404);
  });
});

describe('markings', () => {
  it('hides an OFFICIAL-SENSITIVE driver from an OFFICIAL analyst and from a CSP it is not shared with', async () => {
    const cleared = await demo.as('r.patel');
    const made = await cleared.call<Driver>('POST', '/api/assessments/2/drivers', {
      name: 'Sensitive: insider threat to partnership data',
      challenge: 'policing',
      impact: 7,
      uncertainty: 7,
      marking: 'OFFICIAL-SENSITIVE',
      dated: '2017-04-09',
    });
    expect(made.status).toBe(201);
    const sensitive = made.body;
    expect(sensitive).toMatchObject({ number: 19, marking: 'OFFICIAL-SENSITIVE' });
    expect((await cleared.get<DriverMatrixView>('/api/assessments/2/drivers/matrix')).body.marking).toBe(
      'OFFICIAL-SENSITIVE',
    );

    for (const user of ['k.hughes', 'rugby.csp']) {
      const other = await demo.as(user);
      const list = (await other.get<Driver[]>('/api/assessments/2/drivers')).body;
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((d) => d.id)).not.toContain(sensitive.id);
      if (user === 'k.hughes') {
        const matrix = (await other.get<DriverMatrixView>('/api/assessments/2/drivers/matrix')).body;
        expect(numbersOf(matrix)).not.toContain(19);
        expect(matrix.marking).toBe('OFFICIAL');
        const meta = (await other.get<DriverMetaView>('/api/assessments/2/drivers/themes')).body;
        expect(meta.groups.flatMap((g) => g.drivers.map((d) => d.number))).not.toContain(19);
      } else {
        // The CSP reader sees the drivers shared with it, but not the assessment the matrix belongs to.
        expect((await other.get('/api/assessments/2/drivers/matrix')).status).toBe(404);
      }
      expect((await other.get(`/api/drivers/${sensitive.id}`)).status).toBe(404);
      const csv = await other.get<string>('/api/assessments/2/drivers.csv');
      expect(csv.status).toBe(200);
      expect(csv.body).not.toContain('insider threat');
      expect(csv.body.trim().split(/\r?\n/).length).toBeGreaterThan(1);
    }
    // The cleared analyst's CSV has it.
    expect((await cleared.get<string>('/api/assessments/2/drivers.csv')).body).toContain('insider threat');
  });
});

describe('reviewing a driver', () => {
  it('adds a review that moves the version and the history; a stale one gets 409 with the current driver', async () => {
    const first = await demo.as('r.patel');
    const second = await demo.as('k.hughes');
    const driver = (await first.get<Driver[]>('/api/assessments/2/drivers')).body.find((d) => d.number === 8)!;
    const done = await first.call<DriverReviewAdded>('POST', `/api/drivers/${driver.id}/reviews`, {
      expectedVersion: driver.version,
      impact: 7,
      uncertainty: 8,
      dated: '2017-10-02',
      note: 'Combined authority decision delayed.',
    });
    expect(done.status).toBe(201);
    expect(done.body.driver).toMatchObject({
      version: driver.version + 1,
      impact: 7,
      uncertainty: 8,
      reviewedOn: '2017-10-02',
    });

    const stale = await second.call<ErrorAnswer>('POST', `/api/drivers/${driver.id}/reviews`, {
      expectedVersion: driver.version,
      note: 'Late.',
    });
    expect(stale.status).toBe(409);
    const current = stale.body.error.details?.['record'] as DriverWithHistory;
    expect(current).toMatchObject({ id: driver.id, version: driver.version + 1, impact: 7 });
    expect(current.reviews.at(-1)).toMatchObject({ note: 'Combined authority decision delayed.', author: 'r.patel' });
    const read = (await second.get<DriverWithHistory>(`/api/drivers/${driver.id}`)).body;
    expect(read.reviews.map((r) => [r.impact, r.uncertainty])).toEqual([
      [6, 9],
      [7, 8],
    ]);
  });

  it('names the fields of a bad review and a bad new driver', async () => {
    const analyst = await demo.as('k.hughes');
    const driver = (await analyst.get<Driver[]>('/api/assessments/2/drivers')).body[0]!;
    const bad = await analyst.call('POST', `/api/drivers/${driver.id}/reviews`, {
      expectedVersion: driver.version,
      note: '',
      impact: 11,
      uncertainty: 2.5,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['impact', 'note', 'uncertainty']);
    const badDriver = await analyst.call('POST', '/api/assessments/2/drivers', {
      name: 'x',
      challenge: 'cultural',
      impact: 5,
    });
    expect(badDriver.status).toBe(400);
    expect(fieldsOf(badDriver.body)).toEqual(['challenge', 'uncertainty']);
    const reader = await demo.as('rugby.csp');
    expect(
      (
        await reader.call('POST', `/api/drivers/${driver.id}/reviews`, {
          expectedVersion: driver.version,
          note: 'Not mine to write.',
        })
      ).status,
    ).toBe(403);
  });

  it('edits a driver (name, group, themes, an evidence note); a stale edit gets 409, a reader 403', async () => {
    const first = await demo.as('r.patel');
    const second = await demo.as('k.hughes');
    const driver = (await first.get<Driver[]>('/api/assessments/2/drivers')).body.find((d) => d.number === 2)!;
    const done = await first.call<Driver>('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version,
      name: `${driver.name} (edited)`,
      pestelo: 'economic',
      themes: ['Demand'],
      addEvidence: [{ text: 'Edited through the API.', source: 'test' }],
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      version: driver.version + 1,
      name: `${driver.name} (edited)`,
      challenge: driver.challenge,
      pestelo: 'economic',
      themes: ['Demand'],
      impact: driver.impact,
    });
    expect(done.body.evidence.at(-1)).toEqual({ text: 'Edited through the API.', source: 'test' });
    const stale = await second.call<ErrorAnswer>('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version,
      name: 'Late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({ id: driver.id, version: driver.version + 1 });
    const bad = await first.call('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version + 1,
      name: '',
      impact: 3,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['(body)', 'name']); // impact is not editable: scores change by a review
    const reader = await demo.as('rugby.csp');
    const refused = await reader.call('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version + 1,
      name: 'x',
    });
    expect(refused.status).toBe(403);
  });

  it('exports the drivers as CSV with a file name', async () => {
    const analyst = await demo.as('k.hughes');
    const csv = await analyst.get<string>('/api/assessments/2/drivers.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="drivers-2.csv"');
    expect(csv.body.split(/\r?\n/)[0]).toBe(
      'number,name,group,pestelo,impact,uncertainty,themes,evidence,marking,shared_with,reviewed_on,review_note',
    );
  });
});
