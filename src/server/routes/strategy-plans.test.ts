/**
 * The Control Strategy's plans over HTTP (issue 14), on the demo: an analyst writes a priority's
 * lead officer, actions and questions (PUT /threats/:id/strategy-plan), a stale write is answered
 * 409 with the plan as it is now, a reader is refused 403, an OFFICIAL user sees no plan of an
 * OFFICIAL-SENSITIVE threat, every write is audited, and next year's assessment carries the plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import { listAudit, actorFor } from '../../store/index.js';
import type {
  Assessment,
  ControlStrategyView,
  ErrorAnswer,
  NextYearAnswer,
  StrategyPlan,
  StrategyPlansAnswer,
  StrategyPlanWritten,
  Threat,
} from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 240_000);
afterAll(async () => demo.store.close());

describe('Control Strategy plans', () => {
  it('writes, refuses stale and unauthorised writes, hides by marking, audits, and carries into next year', async () => {
    const patel = await demo.as('r.patel');
    const strategy = (await patel.get<ControlStrategyView>('/api/assessments/2/control-strategy')).body;
    const threats = (await patel.get<Threat[]>('/api/assessments/2/threats')).body;
    const marking = (e: { threatId: string }) => threats.find((t) => String(t.id) === e.threatId)!.marking;
    const open = strategy.strategy.priorities.find((e) => marking(e) === 'OFFICIAL')!;
    const sensitive = [...strategy.strategy.priorities, ...strategy.strategy.intelligenceRequirements].find(
      (e) => marking(e) === 'OFFICIAL-SENSITIVE',
    )!;
    expect(open).toBeDefined();
    expect(sensitive).toBeDefined();
    const before = (await patel.get<StrategyPlansAnswer>('/api/assessments/2/strategy-plans')).body;
    expect(before.headings.map((h) => h.id)).toEqual(['prevention', 'intelligence', 'enforcement', 'reassurance']);
    const put = (client: typeof patel, threatId: string, body: object) =>
      client.call<StrategyPlanWritten>('PUT', `/api/threats/${threatId}/strategy-plan`, body);
    const created = await put(patel, open.threatId, {
      leadOfficer: 'T/Det Supt Vulnerability',
      actions: { prevention: 'Awareness in schools', enforcement: 'Target repeat offenders' },
      questions: ['How much goes unreported?'],
      expectedVersion: null,
    });
    expect(created.status).toBe(200);
    expect(created.body.plan).toMatchObject({
      leadOfficer: 'T/Det Supt Vulnerability',
      version: 1,
      marking: 'OFFICIAL',
    });
    await put(patel, sensitive.threatId, {
      leadOfficer: 'Det Supt SOC',
      actions: { enforcement: 'Disrupt the groups' },
      questions: [],
      expectedVersion: null,
    });
    const okafor = await demo.as('s.okafor');
    const changed = await put(okafor, open.threatId, {
      leadOfficer: 'Det Supt Public Protection',
      actions: created.body.plan.actions,
      questions: created.body.plan.questions,
      expectedVersion: 1,
    });
    expect(changed.body.plan).toMatchObject({ version: 2, updatedByName: 's.okafor' });
    const stale = await put(patel, open.threatId, {
      leadOfficer: 'Someone else',
      actions: {},
      questions: [],
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect((stale.body as unknown as ErrorAnswer).error.details?.['record']).toMatchObject({
      version: 2,
      leadOfficer: 'Det Supt Public Protection',
    });
    const reader = await demo.as('acc.morgan');
    expect(
      (await put(reader, open.threatId, { leadOfficer: 'x', actions: {}, questions: [], expectedVersion: 2 })).status,
    ).toBe(403);
    const hughes = await demo.as('k.hughes');
    const seen = (await hughes.get<StrategyPlansAnswer>('/api/assessments/2/strategy-plans')).body.plans;
    expect(seen.map((p) => String(p.threatId))).toEqual([open.threatId]);
    expect(JSON.stringify(seen)).not.toContain('Disrupt the groups');
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'admin'), { table: 'strategy_plans' });
    expect(audit.filter((r) => r.action === 'create').length).toBe(2);
    expect(audit.filter((r) => r.action === 'update').length).toBe(1);
    const next = await patel.call<NextYearAnswer>('POST', '/api/assessments/2/next-year', {
      versionLabel: 'V1 - Draft',
    });
    expect(next.status).toBe(201);
    expect(next.body.carried['strategyPlans']).toBe(2);
    const carried = (await patel.get<StrategyPlansAnswer>(`/api/assessments/${next.body.assessment.id}/strategy-plans`))
      .body.plans;
    const nextThreats = (await patel.get<Threat[]>(`/api/assessments/${next.body.assessment.id}/threats`)).body;
    const byName = (p: StrategyPlan) => nextThreats.find((t) => t.id === p.threatId)!.name;
    expect(carried.map((p) => [byName(p), p.leadOfficer])).toEqual(
      expect.arrayContaining([
        [open.name, 'Det Supt Public Protection'],
        [sensitive.name, 'Det Supt SOC'],
      ]),
    );
    expect((await patel.get<Assessment>(`/api/assessments/${next.body.assessment.id}`)).body.previousId).toBe(2);
  }, 120_000);
});
