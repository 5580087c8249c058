/**
 * The Control Strategy's plans (issue 14): a threat's lead officer, actions under the headings and
 * intelligence-requirement questions, written once and then against the version read (a stale
 * write is a CONFLICT naming who changed it), marked at least as its threat, hidden by the marking
 * rule, audited, carried into next year's assessment and a new version with their threats, and
 * deleted (audited) with a retired threat.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { refusal } from '../../../test/refusal.js';
import {
  addScore,
  approveControlStrategy,
  createAssessment,
  createNextAssessment,
  createThreat,
  deleteThreat,
  listAudit,
  listStrategyPlans,
  listThreats,
  reviseAssessment,
  writeStrategyPlan,
  type Assessment,
  type Threat,
} from '../index.js';

const VALUES = {
  physical: 3,
  psychological: 3,
  financial: 2,
  community: 2,
  environmental: 0,
  scope: 2,
  vulnerability: 3,
  frequency: 4,
  trend: 1,
  capacity: 1,
  capability: 1,
  partnership: 1,
  confidence: 1,
};

describeEachDialect('Control Strategy plans', (get) => {
  let w: World;
  let a: Assessment;
  let cse: Threat;
  let ocg: Threat;
  beforeAll(async () => {
    w = await makeWorld(get());
    a = await createAssessment(get(), w.analyst, { organisationId: w.force, period: '2016/17', versionLabel: 'V1' });
    cse = await createThreat(get(), w.analyst, a.id, { name: 'CSE' });
    ocg = await createThreat(get(), w.analyst, a.id, { name: 'OCG', marking: 'OFFICIAL-SENSITIVE' });
  });

  it('writes a plan, refuses a stale write naming who changed it, and audits both', async () => {
    const first = await writeStrategyPlan(get(), w.analyst, {
      threatId: cse.id,
      expectedVersion: null,
      leadOfficer: ' Det Supt Vulnerability ',
      actions: { prevention: 'Schools programme', enforcement: '', intelligence: 'Map the networks' },
      questions: ['Where are children exploited online?', ' ', 'Who are the repeat victims?'],
    });
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.plan).toMatchObject({
      threatId: cse.id,
      assessmentId: a.id,
      leadOfficer: 'Det Supt Vulnerability',
      actions: { prevention: 'Schools programme', intelligence: 'Map the networks' },
      questions: ['Where are children exploited online?', 'Who are the repeat victims?'],
      marking: 'OFFICIAL',
      version: 1,
      updatedByName: w.analyst.username,
    });
    const again = await refusal(
      writeStrategyPlan(get(), w.second, {
        threatId: cse.id,
        expectedVersion: null,
        leadOfficer: 'x',
        actions: {},
        questions: [],
      }),
    );
    expect(again.code).toBe('CONFLICT');
    const second = await writeStrategyPlan(get(), w.second, {
      threatId: cse.id,
      expectedVersion: 1,
      leadOfficer: 'DCI Hale',
      actions: { ...first.plan.actions, reassurance: 'Community briefings' },
      questions: [...first.plan.questions],
    });
    expect(second.plan).toMatchObject({ version: 2, leadOfficer: 'DCI Hale', updatedByName: w.second.username });
    const stale = await refusal(
      writeStrategyPlan(get(), w.analyst, {
        threatId: cse.id,
        expectedVersion: 1,
        leadOfficer: 'y',
        actions: {},
        questions: [],
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain(`you had version 1, it is now version 2 (last changed by ${w.second.username}`);
    const audit = await listAudit(get(), w.admin, { table: 'strategy_plans', recordId: first.plan.id });
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'update']);
    expect(
      (
        await refusal(
          writeStrategyPlan(get(), w.reader, {
            threatId: cse.id,
            expectedVersion: 2,
            leadOfficer: 'z',
            actions: {},
            questions: [],
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          writeStrategyPlan(get(), w.analyst, {
            threatId: cse.id,
            expectedVersion: 2,
            leadOfficer: '',
            actions: { 'no such heading!': 'x' },
            questions: [],
          }),
        )
      ).code,
    ).toBe('INPUT');
  });

  it('marks a plan at least as its threat and hides it from a reader below that marking', async () => {
    const p = await writeStrategyPlan(get(), w.analyst, {
      threatId: ocg.id,
      expectedVersion: null,
      leadOfficer: 'Det Supt Serious and Organised Crime',
      actions: { enforcement: 'Disrupt the county lines' },
      questions: [],
      marking: 'OFFICIAL',
    });
    expect(p.plan.marking).toBe('OFFICIAL-SENSITIVE');
    expect((await listStrategyPlans(get(), w.analyst, a.id)).map((x) => x.threatId)).toEqual([cse.id, ocg.id]);
    expect((await listStrategyPlans(get(), w.reader, a.id)).map((x) => x.threatId)).toEqual([cse.id]);
  });

  it('carries every plan into next year and into a new version with its threat, and deletes it with a retired threat', async () => {
    for (const t of [cse, ocg])
      await addScore(get(), w.analyst, { threatId: t.id, assessor: w.analyst.username, values: VALUES });
    await approveControlStrategy(get(), w.approver, a.id);
    const { assessment: next, carried } = await createNextAssessment(get(), w.analyst, a.id, { versionLabel: 'V1' });
    expect(carried.strategyPlans).toBe(2);
    const threats = await listThreats(get(), w.analyst, { assessmentId: next.id });
    const plans = await listStrategyPlans(get(), w.analyst, next.id);
    expect(
      plans.map((p) => [threats.find((t) => t.id === p.threatId)?.name, p.leadOfficer, p.marking, p.version]),
    ).toEqual([
      ['CSE', 'DCI Hale', 'OFFICIAL', 1],
      ['OCG', 'Det Supt Serious and Organised Crime', 'OFFICIAL-SENSITIVE', 1],
    ]);
    expect(plans[0]!.actions.reassurance).toBe('Community briefings');
    const revised = await reviseAssessment(get(), w.analyst, a.id, { versionLabel: 'V2' });
    expect(revised.carried.strategyPlans).toBe(2);
    const nextCse = threats.find((t) => t.name === 'CSE')!;
    await deleteThreat(get(), w.analyst, nextCse.id, nextCse.version);
    expect((await listStrategyPlans(get(), w.analyst, next.id)).map((p) => p.threatId)).not.toContain(nextCse.id);
    const deleted = await listAudit(get(), w.admin, { table: 'strategy_plans', recordId: plans[0]!.id });
    expect(deleted.map((r) => r.action)).toContain('delete');
  });
});
