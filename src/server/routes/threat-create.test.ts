/**
 * Adding, editing and retiring threats through the API as the demo users, on a draft assessment
 * made for the test: linked to police.uk crime categories, marked as chosen, refused to readers
 * (403), bad fields named (400), stale edits and retirements answered 409 with the threat as it
 * is now, and nothing half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import type { Assessment, Threat, ThreatRetired } from '../../api/index.js';

let demo: DemoApp;
let draft: Assessment;
beforeAll(async () => {
  demo = await demoApp();
  const admin = await demo.as('admin');
  draft = (
    await admin.call<Assessment>('POST', '/api/assessments', {
      organisationId: 'wwm-alliance',
      period: '2018/19',
      versionLabel: 'V1 - Draft',
    })
  ).body;
}, 120_000);
afterAll(async () => demo.store.close());

const names = async (user = 'admin') =>
  (await (await demo.as(user)).get<Threat[]>(`/api/assessments/${draft.id}/threats`)).body.map((t) => t.name);

describe('POST /assessments/:id/threats', () => {
  it('adds a threat linked to crime categories, marked as chosen', async () => {
    const analyst = await demo.as('r.patel');
    const r = await analyst.call<Threat>('POST', `/api/assessments/${draft.id}/threats`, {
      name: 'County lines',
      description: 'Drug supply from urban hubs.',
      owner: 'DCI Lines',
      evidence: { policeUkCategories: ['drugs', 'possession-of-weapons'] },
      marking: 'OFFICIAL-SENSITIVE',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      assessmentId: draft.id,
      name: 'County lines',
      owner: 'DCI Lines',
      marking: 'OFFICIAL-SENSITIVE',
      evidence: { policeUkCategories: ['drugs', 'possession-of-weapons'], offenceCodes: [] },
    });
    expect(await names('r.patel')).toEqual(['County lines']);
    expect(await names('k.hughes')).toEqual([]);
  });

  it('names each bad field, refuses a duplicate name, and stores nothing', async () => {
    const analyst = await demo.as('r.patel');
    const bad = await analyst.call('POST', `/api/assessments/${draft.id}/threats`, {
      name: ' ',
      evidence: { policeUkCategories: ['burglary', 'shop-lifting'] },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['evidence.policeUkCategories.1', 'name']);
    const dup = await analyst.call('POST', `/api/assessments/${draft.id}/threats`, { name: 'county LINES' });
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body)).toMatch(/County lines/i);
    expect(await names()).toEqual(['County lines']);
  });

  it('refuses an approver with 403, and answers 404 to a reader who cannot see the assessment', async () => {
    for (const [user, status] of [
      ['acc.morgan', 403],
      ['opcc.reader', 404],
    ] as const) {
      const r = await (await demo.as(user)).call('POST', `/api/assessments/${draft.id}/threats`, { name: 'Fraud' });
      expect([user, r.status]).toEqual([user, status]);
    }
    expect(await names()).toEqual(['County lines']);
  });
});

describe('editing and retiring', () => {
  it('changes the linked categories, and answers a stale edit 409 with the threat as it is now', async () => {
    const analyst = await demo.as('r.patel');
    const t = (await analyst.get<Threat[]>(`/api/assessments/${draft.id}/threats`)).body[0]!;
    const ok = await analyst.call<Threat>('PUT', `/api/threats/${t.id}`, {
      expectedVersion: t.version,
      evidence: { policeUkCategories: ['drugs'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.evidence.policeUkCategories).toEqual(['drugs']);
    const stale = await analyst.call('PUT', `/api/threats/${t.id}`, { expectedVersion: t.version, owner: 'Late' });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain('"version":' + String(t.version + 1));
  });

  it('retires a threat against the version read: 400 without it, 403 for a reader, 409 when stale', async () => {
    const analyst = await demo.as('r.patel');
    const added = (
      await analyst.call<Threat>('POST', `/api/assessments/${draft.id}/threats`, {
        name: 'Metal theft',
        evidence: { policeUkCategories: ['other-theft'] },
      })
    ).body;
    const missing = await analyst.call('DELETE', `/api/threats/${added.id}`);
    expect(fieldsOf(missing.body)).toEqual(['expectedVersion']);
    expect(
      (await (await demo.as('acc.morgan')).call('DELETE', `/api/threats/${added.id}?expectedVersion=1`)).status,
    ).toBe(403);
    await analyst.call('PUT', `/api/threats/${added.id}`, { expectedVersion: 1, owner: 'DI Metal' });
    const stale = await analyst.call('DELETE', `/api/threats/${added.id}?expectedVersion=1`);
    expect(stale.status).toBe(409);
    expect(await names()).toContain('Metal theft');
    const gone = await analyst.call<ThreatRetired>('DELETE', `/api/threats/${added.id}?expectedVersion=2`);
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ retired: true, id: added.id, name: 'Metal theft' });
    expect((await analyst.get(`/api/threats/${added.id}`)).status).toBe(404);
    expect(await names()).toEqual(['County lines']);
  });
});
