/**
 * An assessment's settings through the API as the demo users (issue 14, migration 021): an analyst
 * sets the document's title and organisation and the Control Strategy's headings (a stale write is
 * a 409 with the settings as they are now; bad headings a 400), the strategy is then derived under
 * them, readers are refused (403) and a CSP outside the assessment's reach gets 404; next year's
 * assessment takes the headings and the organisation, not the title; audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createNextAssessment, getAssessmentSettings, listAudit } from '../../store/index.js';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import type { AssessmentSettingsAnswer, ControlStrategyView, ErrorAnswer } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

const FOUR_P = [
  { id: 'pursue', label: 'Pursue' },
  { id: 'prevent', label: 'Prevent' },
  { id: 'protect', label: 'Protect' },
  { id: 'prepare', label: 'Prepare' },
];

describe('assessment settings', () => {
  it('are set by an analyst through the 409 flow, used by the strategy, refused to readers and outsiders', async () => {
    const analyst = await demo.as('r.patel');
    const before = (await analyst.get<AssessmentSettingsAnswer>('/api/assessments/2/settings')).body;
    expect(before).toMatchObject({
      documentTitle: null,
      documentOrganisation: null,
      strategyHeadings: null,
      version: 0,
    });

    const set = await analyst.call<AssessmentSettingsAnswer>('PUT', '/api/assessments/2/settings', {
      expectedVersion: 0,
      documentTitle: '  Strategic Assessment 2017/18  ',
      documentOrganisation: 'Warwickshire and West Mercia Strategic Alliance',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ documentTitle: 'Strategic Assessment 2017/18', version: 1 });
    const headings = await analyst.call<AssessmentSettingsAnswer>('PUT', '/api/assessments/2/settings', {
      expectedVersion: 1,
      strategyHeadings: FOUR_P,
    });
    expect(headings.body).toMatchObject({
      documentTitle: 'Strategic Assessment 2017/18',
      strategyHeadings: FOUR_P,
      version: 2,
    });
    const strategy = (await analyst.get<ControlStrategyView>('/api/assessments/2/control-strategy')).body;
    expect(strategy.strategy.headings).toEqual(FOUR_P);

    const stale = await analyst.call<ErrorAnswer>('PUT', '/api/assessments/2/settings', {
      expectedVersion: 1,
      documentTitle: 'Late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({
      version: 2,
      documentTitle: 'Strategic Assessment 2017/18',
    });
    for (const bad of [
      [],
      [{ id: 'a b', label: 'A' }],
      [
        { id: 'x', label: 'X' },
        { id: 'x', label: 'Y' },
      ],
    ]) {
      const r = await analyst.call('PUT', '/api/assessments/2/settings', { expectedVersion: 2, strategyHeadings: bad });
      expect(r.status).toBe(400);
    }
    const reader = await demo.as('acc.morgan');
    expect((await reader.get('/api/assessments/2/settings')).status).toBe(200);
    expect(
      (await reader.call('PUT', '/api/assessments/2/settings', { expectedVersion: 2, documentTitle: 'x' })).status,
    ).toBe(403);
    const csp = await demo.as('rugby.csp');
    expect(
      (await csp.call('PUT', '/api/assessments/2/settings', { expectedVersion: 2, documentTitle: 'x' })).status,
    ).toBe(404);

    const admin = await actorFor(demo.store, 'r.patel');
    const audit = await listAudit(demo.store, admin, { table: 'assessment_settings', recordId: 2 });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);

    // Next year takes the headings and the organisation name, not this year's title.
    const next = await createNextAssessment(demo.store, admin, 2, { versionLabel: 'V1 - Draft' });
    expect(next.carried['settings']).toBe(1);
    expect(await getAssessmentSettings(demo.store, admin, next.assessment.id)).toMatchObject({
      documentTitle: null,
      documentOrganisation: 'Warwickshire and West Mercia Strategic Alliance',
      strategyHeadings: FOUR_P,
    });
  }, 120_000);
});
