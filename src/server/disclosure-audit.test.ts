/**
 * Issue 13, the audit a police system needs: a read of an OFFICIAL-SENSITIVE record (alone or in
 * a list), every export and download, and every build is written into the append-only audit with
 * who, what and when, searchable by the organisation's administrator; reads of OFFICIAL records
 * alone are not; the store's revision (the read cache's key) does not move for a read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createDriver, createRecommendation, listAudit, listThreats, storeRevision } from '../store/index.js';
import { demoApp, type DemoApp } from '../../test/demo-app.js';
import type { Threat } from '../api/index.js';

let demo: DemoApp;
let sensitive: Threat;
beforeAll(async () => {
  demo = await demoApp();
  const threats = await listThreats(demo.store, await actorFor(demo.store, 'r.patel'), { assessmentId: 2 });
  sensitive = threats.find((t) => t.marking === 'OFFICIAL-SENSITIVE')! as unknown as Threat;
}, 120_000);

const events = async (action: string) =>
  listAudit(demo.store, await actorFor(demo.store, 'admin'), { action, administeredOnly: true });

describe('the audit of consultation and disclosure', () => {
  it('records a read of an OFFICIAL-SENSITIVE threat, alone and in a list, without moving the revision', async () => {
    const analyst = await demo.as('r.patel');
    const revision = await storeRevision(demo.store);
    expect((await analyst.get(`/api/threats/${sensitive.id}`)).status).toBe(200);
    expect((await analyst.get('/api/assessments/2/threats')).status).toBe(200);
    const reads = (await events('read')).filter((r) => r.actorName === 'r.patel');
    const single = reads.find((r) => r.recordId === `/api/threats/${sensitive.id}`);
    expect(single).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', organisationId: sensitive.organisationId });
    expect(single!.after).toMatchObject({ records: [sensitive.id] });
    const list = reads.find((r) => r.recordId === '/api/assessments/2/threats');
    expect((list!.after as { records: number[] }).records).toContain(sensitive.id);
    expect(await storeRevision(demo.store)).toBe(revision);
  });

  it('does not log an OFFICIAL reader, who sees no sensitive record', async () => {
    const official = await demo.as('k.hughes');
    expect((await official.get('/api/assessments/2/threats')).status).toBe(200);
    expect((await events('read')).some((r) => r.actorName === 'k.hughes')).toBe(false);
  });

  it('records every CSV export with its marking', async () => {
    const analyst = await demo.as('r.patel');
    const csv = await analyst.get('/api/assessments/2/recommendations.csv');
    expect(csv.status).toBe(200);
    const exported = (await events('export')).find((r) => r.recordId === '/api/assessments/2/recommendations.csv');
    expect(exported).toMatchObject({ actorName: 'r.patel' });
  });

  it('records a register CSV at the highest marking of the rows in it, and says so in X-Protective-Marking', async () => {
    const patel = await actorFor(demo.store, 'r.patel');
    await createDriver(demo.store, patel, 2, {
      name: 'Sensitive-driver-for-the-export-marking',
      challenge: 'social',
      impact: 5,
      uncertainty: 5,
      marking: 'OFFICIAL-SENSITIVE',
    });
    await createRecommendation(demo.store, patel, 2, {
      theme: 'Cyber',
      text: 'Sensitive-recommendation-for-the-export-marking',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const analyst = await demo.as('r.patel');
    // The demo's risks hold one OFFICIAL-SENSITIVE risk with reviews.
    for (const url of [
      '/api/assessments/2/drivers.csv',
      '/api/assessments/2/recommendations.csv',
      '/api/risks.csv',
      '/api/risks/reviews.csv',
    ]) {
      const res = await analyst.get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('x-protective-marking'), url).toBe('OFFICIAL-SENSITIVE');
      const exported = (await events('export')).filter((r) => r.recordId === url).at(-1);
      expect(exported, url).toMatchObject({ actorName: 'r.patel', marking: 'OFFICIAL-SENSITIVE' });
    }
    // An OFFICIAL reader's file holds only OFFICIAL rows, and is recorded so.
    const official = await demo.as('k.hughes');
    expect((await official.get('/api/assessments/2/drivers.csv')).headers.get('x-protective-marking')).toBe('OFFICIAL');
    const theirs = (await events('export')).filter((r) => r.actorName === 'k.hughes').at(-1);
    expect(theirs).toMatchObject({ recordId: '/api/assessments/2/drivers.csv', marking: 'OFFICIAL' });
  });

  it('records a build with the clearance asked for', async () => {
    const analyst = await demo.as('r.patel');
    const queued = await analyst.call('POST', '/api/assessments/2/reports', {
      clearance: 'OFFICIAL',
      formats: ['html'],
    });
    expect(queued.status).toBe(202);
    expect((await events('build')).at(-1)).toMatchObject({
      actorName: 'r.patel',
      table: 'assessments',
      recordId: '2',
      after: { clearance: 'OFFICIAL' },
    });
  });
});
