/**
 * One mapping per pair of plans among the mappings its writer can see (issue 13, defect 5;
 * migration 017): mapping two plans that already have a mapping marked above the writer is
 * answered exactly as mapping two plans nobody has mapped; a mapping the writer can see is still
 * refused, naming it; a comparison by the two plans uses the highest-marked mapping its reader
 * may see, and a comparison by mapping id that mapping.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import { refusal } from '../../../../test/refusal.js';
import { createPlan, createPlanMapping, planComparison, type Plan } from '../../index.js';

describeEachDialect('plan mappings within sight', (get) => {
  let w: World;
  let plans: Plan[];
  beforeAll(async () => {
    w = await makeWorld(get());
    plans = [];
    for (const title of ['Plan one', 'Plan two', 'Plan three'])
      plans.push(await createPlan(get(), w.analyst, { organisationId: w.force, title, period: '2016-2021' }));
    await createPlanMapping(get(), w.admin, {
      planAId: plans[0]!.id,
      planBId: plans[1]!.id,
      organisationId: w.force,
      title: 'QXHIDDEN mapping',
      marking: 'SECRET',
    });
  });

  it('maps a pair whose only mapping is above the writer exactly as an unmapped pair', async () => {
    const map = (a: Plan, b: Plan) =>
      createPlanMapping(get(), w.analyst, { planAId: a.id, planBId: b.id, organisationId: w.force });
    const [beside, fresh] = [await map(plans[1]!, plans[0]!), await map(plans[0]!, plans[2]!)];
    const shape = (m: typeof beside) => ({ ...m, id: 0, planAId: 0, planBId: 0, createdAt: '', updatedAt: '' });
    expect(shape(beside)).toEqual(shape(fresh));
    expect(beside).toMatchObject({ marking: 'OFFICIAL', version: 1 });
    expect(JSON.stringify(beside)).not.toMatch(/QXHIDDEN|SECRET/);
    // A mapping the writer can see is still refused, by its id.
    const again = await refusal(map(plans[0]!, plans[1]!));
    expect(again.message).toBe(
      `Plans ${plans[0]!.id} and ${plans[1]!.id} already have a mapping you can see (mapping ${beside.id}; stra plan map list --plan ${plans[0]!.id}); add to it instead.`,
    );
    // The writer compares through their own; a reader who sees both gets the higher, or the one named.
    expect((await planComparison(get(), w.analyst, plans[0]!.id, plans[1]!.id)).mapping?.id).toBe(beside.id);
    const both = await planComparison(get(), w.admin, plans[0]!.id, plans[1]!.id);
    expect(both.mapping).toMatchObject({ marking: 'SECRET', title: 'QXHIDDEN mapping' });
    const named = await planComparison(get(), w.admin, plans[0]!.id, plans[1]!.id, beside.id);
    expect(named.mapping?.id).toBe(beside.id);
    expect((await refusal(planComparison(get(), w.analyst, plans[0]!.id, plans[1]!.id, both.mapping!.id))).code).toBe(
      'NOT_FOUND',
    );
  });
});
