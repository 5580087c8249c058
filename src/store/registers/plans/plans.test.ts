/**
 * The plans register: objectives keep their plan's order under their themes; every change names
 * the version it read (a stale one is a CONFLICT and saves nothing); a mapping pairs objectives and
 * links themes, and the comparison reads it from either side; the marking rule applies to plans,
 * mappings and comparisons; every change writes an audit row.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  addPlanObjective,
  createPlan,
  createPlanMapping,
  editPlanObjective,
  getPlan,
  getPlanMapping,
  linkPlanThemes,
  listAudit,
  listPlanMappings,
  listPlans,
  pairPlanObjectives,
  planComparison,
  unpairPlanObjective,
  type Actor,
  type Plan,
  type Store,
} from '../../index.js';
import { refusal } from '../../../../test/refusal.js';

/** Adds objectives in order, each naming the version the previous add left. */
async function fill(
  store: Store,
  actor: Actor,
  plan: Plan,
  entries: readonly [string, string][],
): Promise<{ plan: Plan; ids: number[] }> {
  let now = plan;
  const ids: number[] = [];
  for (const [theme, text] of entries) {
    const r = await addPlanObjective(store, actor, now.id, now.version, { theme, text });
    now = r.plan;
    ids.push(r.objective.id);
  }
  return { plan: now, ids };
}

const rowsOf = (c: Awaited<ReturnType<typeof planComparison>>) =>
  c.groups.map((g) => [g.themeA, g.themeB, g.rows.map((r) => [r.a?.text ?? '', r.b?.text ?? ''])]);

describeEachDialect('plans register', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it("keeps objectives in the plan's order under their themes, and refuses a stale or duplicate change", async () => {
    const p = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'West Mercia Police and Crime Plan',
      period: '2016 – 2021',
      commissioner: 'John Champion',
    });
    expect(p).toMatchObject({ period: '2016-2021', version: 1, marking: 'OFFICIAL', commissioner: 'John Champion' });
    const { plan, ids } = await fill(get(), w.analyst, p, [
      ['Putting victims first', 'Launch a Victims Board'],
      ['Reforming West Mercia', 'Invest to save initiatives'],
      ['Putting victims first', 'Publish Victims Charter'],
    ]);
    expect(plan.version).toBe(4);
    const read = await getPlan(get(), w.reader, p.id);
    expect(read.themes.map((t) => [t.name, t.objectives.map((o) => o.text)])).toEqual([
      ['Putting victims first', ['Launch a Victims Board', 'Publish Victims Charter']],
      ['Reforming West Mercia', ['Invest to save initiatives']],
    ]);
    const stale = await refusal(
      addPlanObjective(get(), w.admin, p.id, 3, { theme: 'Reforming West Mercia', text: 'Late' }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain(
      `Plan ${p.id} (West Mercia Police and Crime Plan, 2016-2021) has changed since you read it: you had version 3, it is now version 4 (last changed by ${w.analyst.username}`,
    );
    await expect(
      addPlanObjective(get(), w.analyst, p.id, 4, { theme: 'Putting victims first', text: 'Publish Victims Charter' }),
    ).rejects.toThrow('already has the objective "Publish Victims Charter"');
    const moved = await editPlanObjective(get(), w.analyst, ids[1] ?? 0, 4, { theme: 'Putting victims first' });
    expect(moved.plan.version).toBe(5);
    expect((await getPlan(get(), w.analyst, p.id)).themes[0]?.objectives.map((o) => o.text)).toEqual([
      'Launch a Victims Board',
      'Invest to save initiatives',
      'Publish Victims Charter',
    ]);
    await expect(addPlanObjective(get(), w.reader, p.id, 5, { theme: 'x', text: 'y' })).rejects.toThrow(
      /needs the admin or analyst role/,
    );
    await expect(
      createPlan(get(), w.analyst, { organisationId: w.force, title: 'x', period: '2016/17' }),
    ).rejects.toThrow('is not a span of years');
  });

  it('pairs objectives and links themes in a mapping, and compares from either side', async () => {
    const a0 = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Plan A', period: '2016-2021' });
    const b0 = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Plan B', period: '2016-2021' });
    const a = await fill(get(), w.analyst, a0, [
      ['Victims', 'Publish Victims Charter'],
      ['Victims', 'Launch a Victims Board'],
      ['Reform', 'Invest to save'],
    ]);
    const b = await fill(get(), w.analyst, b0, [
      ['Victims and survivors', 'Survey victims'],
      ['Victims and survivors', 'Publish Victims Charter'],
      ['Efficiency', 'Invest to save'],
    ]);
    const m = await createPlanMapping(get(), w.analyst, {
      planAId: a0.id,
      planBId: b0.id,
      organisationId: w.force,
      title: 'Appendix 1',
    });
    let now = await linkPlanThemes(get(), w.analyst, m.id, 1, { themeA: 'Victims', themeB: 'Victims and survivors' });
    now = await linkPlanThemes(get(), w.analyst, m.id, now.version, { themeA: 'Reform', themeB: 'Efficiency' });
    now = await pairPlanObjectives(get(), w.analyst, m.id, now.version, {
      objectiveA: a.ids[0] ?? 0,
      objectiveB: b.ids[1] ?? 0,
    });
    now = await pairPlanObjectives(get(), w.analyst, m.id, now.version, {
      objectiveA: a.ids[2] ?? 0,
      objectiveB: b.ids[2] ?? 0,
    });
    expect(now.version).toBe(5);
    expect(now.pairs.map((p) => [p.objectiveA.text, p.objectiveB.text])).toEqual([
      ['Publish Victims Charter', 'Publish Victims Charter'],
      ['Invest to save', 'Invest to save'],
    ]);
    const c = await planComparison(get(), w.reader, a0.id, b0.id);
    expect(rowsOf(c)).toEqual([
      [
        'Victims',
        'Victims and survivors',
        [
          ['', 'Survey victims'],
          ['Publish Victims Charter', 'Publish Victims Charter'],
          ['Launch a Victims Board', ''],
        ],
      ],
      ['Reform', 'Efficiency', [['Invest to save', 'Invest to save']]],
    ]);
    expect(c).toMatchObject({ marking: 'OFFICIAL', counts: { pairs: 2, onlyA: 1, onlyB: 1 }, mapping: { id: m.id } });
    const reversed = await planComparison(get(), w.reader, b0.id, a0.id);
    expect(rowsOf(reversed)[0]).toEqual([
      'Victims and survivors',
      'Victims',
      [
        ['Survey victims', ''],
        ['Publish Victims Charter', 'Publish Victims Charter'],
        ['', 'Launch a Victims Board'],
      ],
    ]);

    await expect(
      pairPlanObjectives(get(), w.analyst, m.id, 5, { objectiveA: a.ids[1] ?? 0, objectiveB: b.ids[1] ?? 0 }),
    ).rejects.toThrow(`Objective ${b.ids[1]} is already paired in mapping ${m.id}`);
    await expect(
      pairPlanObjectives(get(), w.analyst, m.id, 5, { objectiveA: b.ids[0] ?? 0, objectiveB: a.ids[1] ?? 0 }),
    ).rejects.toThrow(`is not an objective of plan ${a0.id}`);
    const stale = await refusal(unpairPlanObjective(get(), w.analyst, m.id, 4, a.ids[0] ?? 0));
    expect(stale.code).toBe('CONFLICT');
    expect((await getPlanMapping(get(), w.analyst, m.id)).pairs).toHaveLength(2);
    const after = await unpairPlanObjective(get(), w.analyst, m.id, 5, b.ids[1] ?? 0);
    expect(after.pairs.map((p) => p.objectiveA.text)).toEqual(['Invest to save']);
    expect((await planComparison(get(), w.analyst, a0.id, b0.id)).counts).toEqual({ pairs: 1, onlyA: 2, onlyB: 2 });
    await expect(
      createPlanMapping(get(), w.analyst, { planAId: b0.id, planBId: a0.id, organisationId: w.force }),
    ).rejects.toThrow('already have a mapping');
  });

  it('applies the marking rule to plans, mappings and comparisons', async () => {
    const open = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'Open plan',
      period: '2016-2021',
      sharedWith: [w.partner],
    });
    const hidden = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'Sensitive plan',
      period: '2016-2021',
      marking: 'OFFICIAL-SENSITIVE',
    });
    await fill(get(), w.analyst, hidden, [['Theme', 'Hidden objective 4471']]);
    await expect(
      createPlanMapping(get(), w.analyst, {
        planAId: open.id,
        planBId: hidden.id,
        organisationId: w.force,
        marking: 'OFFICIAL',
      }),
    ).rejects.toThrow('must be marked at least OFFICIAL-SENSITIVE');
    const m = await createPlanMapping(get(), w.analyst, {
      planAId: open.id,
      planBId: hidden.id,
      organisationId: w.force,
      sharedWith: [w.partner],
    });
    expect(m.marking).toBe('OFFICIAL-SENSITIVE');
    expect((await planComparison(get(), w.analyst, open.id, hidden.id)).marking).toBe('OFFICIAL-SENSITIVE');
    for (const who of [w.reader, w.otherReader, w.partnerReader]) {
      const ids = (await listPlans(get(), who)).map((p) => p.id);
      expect(ids).not.toContain(hidden.id);
      expect((await refusal(getPlan(get(), who, hidden.id))).message).toBe(
        `There is no plan ${hidden.id} that you can see.`,
      );
      expect((await refusal(planComparison(get(), who, open.id, hidden.id))).code).toBe('NOT_FOUND');
      expect((await listPlanMappings(get(), who)).map((x) => x.id)).not.toContain(m.id);
      expect((await refusal(getPlanMapping(get(), who, m.id))).code).toBe('NOT_FOUND');
      expect(JSON.stringify(await listAudit(get(), who))).not.toContain('Hidden objective 4471');
    }
    // Shared with the partner: the partner reads the open plan, but not the mapping whose other plan it may not see.
    expect((await listPlans(get(), w.partnerReader)).map((p) => p.id)).toEqual([open.id]);
    expect(await listPlans(get(), w.otherReader)).toEqual([]);
    await expect(
      createPlan(get(), w.analyst, {
        organisationId: w.force,
        title: 'Too high',
        period: '2016-2021',
        marking: 'SECRET',
      }),
    ).rejects.toThrow(/clearance is OFFICIAL-SENSITIVE/);
  });

  it('writes an audit row for every change to a plan and a mapping', async () => {
    const a = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Audited A', period: '2016-2021' });
    const b = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Audited B', period: '2016-2021' });
    const fa = await fill(get(), w.analyst, a, [['T1', 'One']]);
    const fb = await fill(get(), w.analyst, b, [['U1', 'Uno']]);
    await editPlanObjective(get(), w.analyst, fa.ids[0] ?? 0, 2, { text: 'One, corrected' });
    const m = await createPlanMapping(get(), w.analyst, { planAId: a.id, planBId: b.id, organisationId: w.force });
    const linked = await linkPlanThemes(get(), w.analyst, m.id, 1, { themeA: 'T1', themeB: 'U1' });
    const paired = await pairPlanObjectives(get(), w.analyst, m.id, linked.version, {
      objectiveA: fa.ids[0] ?? 0,
      objectiveB: fb.ids[0] ?? 0,
    });
    await unpairPlanObjective(get(), w.analyst, m.id, paired.version, fa.ids[0] ?? 0);
    const actions = async (table: string, recordId: number) =>
      (await listAudit(get(), w.approver, { table, recordId })).map((x) => x.action);
    expect(await actions('plans', a.id)).toEqual(['create', 'update', 'update']);
    expect(await actions('plan_objectives', fa.ids[0] ?? 0)).toEqual(['create', 'update']);
    const edit = (await listAudit(get(), w.approver, { table: 'plan_objectives', recordId: fa.ids[0] ?? 0 }))[1];
    expect([edit?.before, edit?.after]).toMatchObject([{ text: 'One' }, { text: 'One, corrected' }]);
    expect(await actions('plan_mappings', m.id)).toEqual(['create', 'update', 'update', 'update']);
    const pairRows = (await listAudit(get(), w.approver, { table: 'plan_objective_pairs' })).filter(
      (x) => (x.after ?? x.before) !== null && JSON.stringify(x.after ?? x.before).includes(`"mappingId":${m.id}`),
    );
    expect(pairRows.map((x) => x.action)).toEqual(['create', 'delete']);
    expect((await listAudit(get(), w.approver, { table: 'plan_themes' })).length).toBeGreaterThanOrEqual(2);
  });
});
