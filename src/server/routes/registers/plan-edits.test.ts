/**
 * Issue 14, plans in the workbench through the API as the demo users: a plan's title, years and
 * commissioner corrected (a stale correction answered 409 with the plan as it is now, audited);
 * an objective mapped onto headings of the partners' priorities and onto threats, read back with
 * the plan; a theme link and an objective pair undone. Readers are refused (403), a CSP that
 * cannot see the plans gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, listAudit, listThreats } from '../../../store/index.js';
import { demoApp, type DemoApp } from '../../../../test/demo-app.js';
import type { ErrorAnswer, Plan, PlanMappingWithLinks, PlanWithObjectives } from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

describe('correcting a plan and mapping its objectives', () => {
  it("corrects a plan's title, years and commissioner through a 409, audited", async () => {
    const analyst = await demo.as('r.patel');
    const plan = (
      await analyst.call<Plan>('POST', '/api/plans', {
        organisationId: 'wwm-alliance',
        title: 'Alliance Plan',
        period: '2017-2020',
      })
    ).body;
    const fixed = await analyst.call<Plan>('PUT', `/api/plans/${plan.id}`, {
      expectedVersion: plan.version,
      title: 'Alliance Policing Plan',
      period: '2017 - 2021',
      commissioner: 'John Champion',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      title: 'Alliance Policing Plan',
      period: '2017-2021',
      commissioner: 'John Champion',
      version: plan.version + 1,
    });
    const stale = await analyst.call<ErrorAnswer>('PUT', `/api/plans/${plan.id}`, {
      expectedVersion: plan.version,
      title: 'Late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({ title: 'Alliance Policing Plan' });
    const cleared = await analyst.call<Plan>('PUT', `/api/plans/${plan.id}`, {
      expectedVersion: fixed.body.version,
      commissioner: null,
    });
    expect(cleared.body.commissioner).toBeNull();
    expect((await analyst.call('PUT', `/api/plans/${plan.id}`, { expectedVersion: 3, period: '2017' })).status).toBe(
      400,
    );
    const reader = await demo.as('acc.morgan');
    expect((await reader.call('PUT', `/api/plans/${plan.id}`, { expectedVersion: 3, title: 'x' })).status).toBe(403);
    const csp = await demo.as('rugby.csp');
    expect((await csp.call('PUT', `/api/plans/${plan.id}`, { expectedVersion: 3, title: 'x' })).status).toBe(404);
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'r.patel'), {
      table: 'plans',
      recordId: plan.id,
    });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'update']));
  });

  it('maps an objective onto priorities headings and threats, read back with the plan, refusing readers', async () => {
    const analyst = await demo.as('r.patel');
    const plan = (
      await analyst.call<Plan>('POST', '/api/plans', {
        organisationId: 'wwm-alliance',
        title: 'Mapped Plan',
        period: '2017-2020',
      })
    ).body;
    const added = await analyst.call<{ plan: Plan; objective: { id: number } }>(
      'POST',
      `/api/plans/${plan.id}/objectives`,
      { expectedVersion: plan.version, theme: 'Protecting people from harm', text: 'Tackle child sexual exploitation' },
    );
    const objectiveId = added.body.objective.id;
    const threats = await listThreats(demo.store, await actorFor(demo.store, 'r.patel'), { assessmentId: 2 });
    const cse = threats.find((t) => /CSE|sexual exploitation/i.test(t.name)) ?? threats[0]!;
    const mapped = await analyst.call<PlanWithObjectives>(
      'PUT',
      `/api/plans/${plan.id}/objectives/${objectiveId}/maps`,
      { expectedVersion: added.body.plan.version, priorities: ['vulnerability', 'cse'], threats: [cse.id] },
    );
    expect(mapped.status).toBe(200);
    const o = mapped.body.themes[0]!.objectives[0]!;
    expect(o.priorities).toEqual(['cse', 'vulnerability']);
    expect(o.threats).toEqual([{ id: cse.id, name: cse.name, assessmentId: 2 }]);
    const read = (await analyst.get<PlanWithObjectives>(`/api/plans/${plan.id}`)).body;
    expect(read.themes[0]!.objectives[0]!.priorities).toEqual(['cse', 'vulnerability']);
    expect(read.version).toBe(added.body.plan.version + 1);
    // A stale map is answered 409 with the plan as it is now.
    const stale = await analyst.call<ErrorAnswer>('PUT', `/api/plans/${plan.id}/objectives/${objectiveId}/maps`, {
      expectedVersion: added.body.plan.version,
      priorities: [],
    });
    expect(stale.status).toBe(409);
    const unknown = await analyst.call<ErrorAnswer>('PUT', `/api/plans/${plan.id}/objectives/${objectiveId}/maps`, {
      expectedVersion: read.version,
      priorities: ['not-a-heading'],
    });
    expect(unknown.status).toBe(400);
    expect(
      (
        await analyst.call('PUT', `/api/plans/${plan.id}/objectives/${objectiveId}/maps`, {
          expectedVersion: read.version,
          threats: [999999],
        })
      ).status,
    ).toBe(400);
    const reader = await demo.as('acc.morgan');
    expect(
      (
        await reader.call('PUT', `/api/plans/${plan.id}/objectives/${objectiveId}/maps`, {
          expectedVersion: read.version,
          priorities: [],
        })
      ).status,
    ).toBe(403);
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'r.patel'), {
      table: 'plan_objective_maps',
      recordId: objectiveId,
    });
    expect(audit).toHaveLength(1);
  });

  it('unlinks a theme and unpairs objectives of a mapping, a stale one answered 409', async () => {
    const analyst = await demo.as('r.patel');
    const plans = (await analyst.get<Plan[]>('/api/plans')).body;
    const westMercia = plans.find((p) => p.organisationId === 'west-mercia-opcc')!;
    const plan = (
      await analyst.call<Plan>('POST', '/api/plans', {
        organisationId: 'wwm-alliance',
        title: 'Paired Plan',
        period: '2017-2020',
      })
    ).body;
    const added = await analyst.call<{ plan: Plan; objective: { id: number } }>(
      'POST',
      `/api/plans/${plan.id}/objectives`,
      { expectedVersion: plan.version, theme: 'Victims', text: 'Support victims' },
    );
    const theirs = (await analyst.get<PlanWithObjectives>(`/api/plans/${westMercia.id}`)).body;
    const mapping = (
      await analyst.call<PlanMappingWithLinks>('POST', '/api/plan-mappings', {
        planAId: plan.id,
        planBId: westMercia.id,
        organisationId: 'wwm-alliance',
      })
    ).body;
    const linked = (
      await analyst.call<PlanMappingWithLinks>('POST', `/api/plan-mappings/${mapping.id}/theme-links`, {
        expectedVersion: mapping.version,
        themeA: 'Victims',
        themeB: theirs.themes[0]!.name,
      })
    ).body;
    const paired = (
      await analyst.call<PlanMappingWithLinks>('POST', `/api/plan-mappings/${mapping.id}/pairs`, {
        expectedVersion: linked.version,
        objectiveA: added.body.objective.id,
        objectiveB: theirs.themes[0]!.objectives[0]!.id,
      })
    ).body;
    const themeId = linked.themeLinks[0]!.themeAId;
    const reader = await demo.as('acc.morgan');
    expect(
      (
        await reader.call(
          'DELETE',
          `/api/plan-mappings/${mapping.id}/pairs/${added.body.objective.id}?expectedVersion=${paired.version}`,
        )
      ).status,
    ).toBe(403);
    const stale = await analyst.call<ErrorAnswer>(
      'DELETE',
      `/api/plan-mappings/${mapping.id}/theme-links/${themeId}?expectedVersion=${linked.version}`,
    );
    expect(stale.status).toBe(409);
    const unpaired = await analyst.call<PlanMappingWithLinks>(
      'DELETE',
      `/api/plan-mappings/${mapping.id}/pairs/${theirs.themes[0]!.objectives[0]!.id}?expectedVersion=${paired.version}`,
    );
    expect(unpaired.status).toBe(200);
    expect(unpaired.body.pairs).toEqual([]);
    const unlinked = await analyst.call<PlanMappingWithLinks>(
      'DELETE',
      `/api/plan-mappings/${mapping.id}/theme-links/${themeId}?expectedVersion=${unpaired.body.version}`,
    );
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.themeLinks).toEqual([]);
    expect(
      (
        await analyst.call(
          'DELETE',
          `/api/plan-mappings/${mapping.id}/theme-links/${themeId}?expectedVersion=${unlinked.body.version}`,
        )
      ).status,
    ).toBe(404);
    const csp = await demo.as('rugby.csp');
    expect((await csp.call('DELETE', `/api/plan-mappings/${mapping.id}/pairs/1?expectedVersion=1`)).status).toBe(404);
  });
});
