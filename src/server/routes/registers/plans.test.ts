/**
 * Police and Crime Plans and inspections through the API, as the demo users: the two plans side
 * by side as the seed's Appendix 1; inspections with their findings; markings (the OPCC reader
 * sees what is shared with the commissioners' offices, a CSP sees none of it, and an
 * OFFICIAL-SENSITIVE finding is seen by no OFFICIAL user in any list, record or CSV); a finding's
 * update, and a stale one answered 409 with the current finding; bad bodies naming their fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, addInspectionFinding } from '../../../store/index.js';
import { demoApp, fieldsOf, type DemoApp } from '../../../../test/demo-app.js';
import type {
  ErrorAnswer,
  FindingUpdateAdded,
  InspectionFinding,
  InspectionFindingWithUpdates,
  InspectionSummary,
  InspectionWithFindings,
  Plan,
  PlanComparison,
  PlanMapping,
  PlanWithObjectives,
} from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

describe('the plans', () => {
  it("sets the two commissioners' plans side by side as the seed's Appendix 1", async () => {
    const analyst = await demo.as('r.patel');
    const plans = (await analyst.get<Plan[]>('/api/plans')).body;
    expect(plans.map((p) => p.commissioner).sort()).toEqual(['John Champion', 'Philip Seccombe']);
    const westMercia = plans.find((p) => p.organisationId === 'west-mercia-opcc')!;
    const warwickshire = plans.find((p) => p.organisationId === 'warwickshire-opcc')!;
    const view = (await analyst.get<PlanComparison>(`/api/plans/compare?a=${westMercia.id}&b=${warwickshire.id}`)).body;
    expect(view.counts).toEqual({ pairs: 53, onlyA: 6, onlyB: 13 });
    expect(view.groups[0]).toMatchObject({
      themeA: 'Putting victims first',
      themeB: 'Putting victims and survivors first',
    });
    expect(view.groups[0]!.rows[0]).toMatchObject({
      a: { text: 'Officers and staff have right skills' },
      b: { text: 'Tailored high quality joined-up support' },
    });
    expect(view.groups[0]!.rows.find((r) => r.a?.text === 'Publish Victims Charter')?.b?.text).toBe(
      'Publish Victims Charter',
    );
    const mappings = (await analyst.get<PlanMapping[]>('/api/plan-mappings')).body;
    expect(mappings).toHaveLength(1);
    const one = (await analyst.get<PlanWithObjectives>(`/api/plans/${warwickshire.id}`)).body;
    expect(one.themes[0]!.name).toBe('Putting victims and survivors first');
  });

  it('shows the OPCC reader both plans and a CSP none', async () => {
    const opcc = await demo.as('opcc.reader');
    expect((await opcc.get<Plan[]>('/api/plans')).body).toHaveLength(2);
    const csp = await demo.as('rugby.csp');
    expect((await csp.get<Plan[]>('/api/plans')).body).toEqual([]);
    expect((await csp.get('/api/plans/compare?a=1&b=2')).status).toBe(404);
    expect((await csp.get<InspectionSummary[]>('/api/inspections')).body).toEqual([]);
  });

  it('names the bad fields of a comparison query', async () => {
    const analyst = await demo.as('k.hughes');
    const bad = await analyst.get('/api/plans/compare?a=one');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['a', 'b']);
  });

  it("exports a plan's objectives and the comparison as CSV", async () => {
    const analyst = await demo.as('k.hughes');
    const objectives = await analyst.get<string>('/api/plans/2/objectives.csv');
    expect(objectives.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(objectives.headers.get('content-disposition')).toBe('attachment; filename="plan-2-objectives.csv"');
    const comparison = await analyst.get<string>('/api/plan-mappings/1/comparison.csv');
    expect(comparison.body.split(/\r?\n/)[0]).toBe('theme_a,objective_a,theme_b,objective_b');
  });
});

describe('the inspections', () => {
  it('lists the inspections with their grades and findings', async () => {
    const analyst = await demo.as('k.hughes');
    const list = (await analyst.get<InspectionSummary[]>('/api/inspections')).body;
    expect(list.map((i) => [i.title, i.grade, i.findings])).toEqual([
      ['PEEL: Efficiency 2016', 'good', 0],
      ['PEEL: Legitimacy 2016', 'good', 3],
      ['PEEL: Leadership 2016', 'not_graded', 1],
      ['Missing children', null, 3],
    ]);
    const legitimacy = (await analyst.get<InspectionWithFindings>(`/api/inspections/${list[1]!.id}`)).body;
    expect(legitimacy.findings.map((f) => f.text)[2]).toBe(
      'The force should improve how it manages individual performance.',
    );
  });

  it('hides an OFFICIAL-SENSITIVE finding from OFFICIAL users in lists, records and the CSV', async () => {
    const cleared = await actorFor(demo.store, 'r.patel');
    const legitimacy = (await (await demo.as('r.patel')).get<InspectionSummary[]>('/api/inspections')).body.find(
      (i) => i.title === 'PEEL: Legitimacy 2016',
    )!;
    const secret = await addInspectionFinding(demo.store, cleared, legitimacy.id, {
      text: 'Sensitive: vetting backlog in a named unit.',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const analyst = await demo.as('r.patel');
    expect(
      (await analyst.get<InspectionFinding[]>(`/api/inspection-findings?inspection=${legitimacy.id}`)).body.map(
        (f) => f.id,
      ),
    ).toContain(secret.id);

    for (const user of ['k.hughes', 'opcc.reader']) {
      const other = await demo.as(user);
      const list = (await other.get<InspectionSummary[]>('/api/inspections')).body;
      expect(list.find((i) => i.id === legitimacy.id)?.findings).toBe(3);
      const one = (await other.get<InspectionWithFindings>(`/api/inspections/${legitimacy.id}`)).body;
      expect(one.findings.map((f) => f.id)).not.toContain(secret.id);
      expect((await other.get<InspectionFinding[]>('/api/inspection-findings')).body.map((f) => f.id)).not.toContain(
        secret.id,
      );
      expect((await other.get(`/api/inspection-findings/${secret.id}`)).status).toBe(404);
      const csv = await other.get<string>('/api/inspections.csv');
      expect(csv.status).toBe(200);
      expect(csv.body).not.toContain('vetting backlog');
      expect(csv.headers.get('x-protective-marking')).toBe('OFFICIAL');
    }
    const csp = await demo.as('rugby.csp');
    expect((await csp.get<string>('/api/inspections.csv')).body.trim().split(/\r?\n/)).toHaveLength(1);
  });

  it('adds an update to a finding; a stale one gets 409 with the current finding and its updates', async () => {
    const first = await demo.as('r.patel');
    const second = await demo.as('k.hughes');
    const finding = (await first.get<InspectionFinding[]>('/api/inspection-findings')).body.find((f) =>
      f.text.startsWith('The force should improve how it manages'),
    )!;
    const done = await first.call<FindingUpdateAdded>('POST', `/api/inspection-findings/${finding.id}/updates`, {
      expectedVersion: finding.version,
      text: 'New performance development review process launched.',
      dated: '2017-01-31',
      status: 'in_progress',
    });
    expect(done.status).toBe(201);
    expect(done.body.finding).toMatchObject({ version: finding.version + 1, status: 'in_progress' });
    const stale = await second.call<ErrorAnswer>('POST', `/api/inspection-findings/${finding.id}/updates`, {
      expectedVersion: finding.version,
      text: 'Complete.',
      status: 'complete',
    });
    expect(stale.status).toBe(409);
    const current = stale.body.error.details?.['record'] as InspectionFindingWithUpdates;
    expect(current).toMatchObject({ id: finding.id, version: finding.version + 1, status: 'in_progress' });
    expect(current.updates.at(-1)).toMatchObject({
      dated: '2017-01-31',
      author: 'r.patel',
      statusAfter: 'in_progress',
    });
  });

  it('names the fields of a bad update, and refuses a reader', async () => {
    const analyst = await demo.as('k.hughes');
    const finding = (await analyst.get<InspectionFinding[]>('/api/inspection-findings')).body[0]!;
    const bad = await analyst.call('POST', `/api/inspection-findings/${finding.id}/updates`, {
      expectedVersion: finding.version,
      text: '',
      status: 'done',
      dated: '31/01/2017',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['dated', 'status', 'text']);
    const opcc = await demo.as('opcc.reader');
    expect(
      (
        await opcc.call('POST', `/api/inspection-findings/${finding.id}/updates`, {
          expectedVersion: finding.version,
          text: 'Not mine to write.',
        })
      ).status,
    ).toBe(403);
  });
});

describe('writing plans and their mappings', () => {
  it('adds a plan, its objectives and a correction; maps it onto another plan, links a theme and pairs objectives', async () => {
    const analyst = await demo.as('r.patel');
    const made = await analyst.call<Plan>('POST', '/api/plans', {
      organisationId: 'wwm-alliance',
      title: 'Alliance Policing Plan',
      period: '2017-2020',
      marking: 'OFFICIAL',
    });
    expect(made.status).toBe(201);
    const plan = made.body;
    const first = await analyst.call<{ plan: Plan }>('POST', `/api/plans/${plan.id}/objectives`, {
      expectedVersion: plan.version,
      theme: 'Protecting people from harm',
      text: 'Reduce repeat victims of domestic abuse',
    });
    expect(first.status).toBe(201);
    const stale = await analyst.call<ErrorAnswer>('POST', `/api/plans/${plan.id}/objectives`, {
      expectedVersion: plan.version,
      theme: 'Protecting people from harm',
      text: 'Late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({ id: plan.id, version: plan.version + 1 });
    const read = (await analyst.get<PlanWithObjectives>(`/api/plans/${plan.id}`)).body;
    const objective = read.themes[0]!.objectives[0]!;
    const fixed = await analyst.call('PUT', `/api/plans/${plan.id}/objectives/${objective.id}`, {
      expectedVersion: read.version,
      text: 'Reduce repeat victims of domestic abuse and stalking',
    });
    expect(fixed.status).toBe(200);
    // An objective of another plan is not found through this one.
    const westMercia = (await analyst.get<Plan[]>('/api/plans')).body.find(
      (p) => p.organisationId === 'west-mercia-opcc',
    )!;
    const other = (await analyst.get<PlanWithObjectives>(`/api/plans/${westMercia.id}`)).body;
    const theirs = other.themes[0]!.objectives[0]!;
    expect(
      (
        await analyst.call('PUT', `/api/plans/${plan.id}/objectives/${theirs.id}`, {
          expectedVersion: read.version + 1,
          text: 'x',
        })
      ).status,
    ).toBe(404);

    const mapping = await analyst.call<PlanMapping>('POST', '/api/plan-mappings', {
      planAId: plan.id,
      planBId: westMercia.id,
      organisationId: 'wwm-alliance',
      title: 'Alliance plan and West Mercia plan',
    });
    expect(mapping.status).toBe(201);
    const linked = await analyst.call<{ version: number; themeLinks: { themeA: string; themeB: string }[] }>(
      'POST',
      `/api/plan-mappings/${mapping.body.id}/theme-links`,
      { expectedVersion: mapping.body.version, themeA: 'Protecting people from harm', themeB: other.themes[0]!.name },
    );
    expect(linked.status).toBe(201);
    expect(linked.body.themeLinks).toEqual([
      expect.objectContaining({ themeA: 'Protecting people from harm', themeB: other.themes[0]!.name }),
    ]);
    const paired = await analyst.call<{ pairs: unknown[] }>('POST', `/api/plan-mappings/${mapping.body.id}/pairs`, {
      expectedVersion: linked.body.version,
      objectiveA: objective.id,
      objectiveB: theirs.id,
    });
    expect(paired.status).toBe(201);
    expect(paired.body.pairs).toHaveLength(1);
    const view = (await analyst.get<PlanComparison>(`/api/plans/compare?a=${plan.id}&b=${westMercia.id}`)).body;
    expect(view.counts.pairs).toBe(1);

    const bad = await analyst.call('POST', '/api/plans', { organisationId: 'wwm-alliance', title: '', period: '2017' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['period', 'title']);
    const reader = await demo.as('acc.morgan');
    expect(
      (await reader.call('POST', '/api/plans', { organisationId: 'wwm-alliance', title: 'x', period: '2017-2018' }))
        .status,
    ).toBe(403);
  });
});
