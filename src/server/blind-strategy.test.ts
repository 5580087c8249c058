/**
 * Issue 13, defect 6: one blind-scoring rule on every path that shows results. Once an assessor is
 * scoring an open assessment, /control-strategy shows no band or rank of a threat they have not
 * scored (it did), while an approver who is not scoring sees the whole strategy. Issue 14: the
 * demo's scores belong to r.patel and s.okafor by username, so the rule keys on the user.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../../test/demo-app.js';
import type { StoredScore, Threat, WorkshopView } from '../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);

interface StrategyAnswer {
  strategy: Record<'priorities' | 'intelligenceRequirements' | 'businessAsUsual', { threatId: string; rank: number }[]>;
  withheld?: { threatId: number }[];
}
const entries = (a: StrategyAnswer) => [
  ...a.strategy.priorities,
  ...a.strategy.intelligenceRequirements,
  ...a.strategy.businessAsUsual,
];

describe('blind scoring on the Control Strategy', () => {
  it('shows a scoring assessor only the threats they have scored, keyed on their username', async () => {
    // r.patel scored every demo threat (as r.patel): nothing is withheld from them.
    const patel = await demo.as('r.patel');
    const all = (await patel.get<StrategyAnswer>('/api/assessments/2/control-strategy')).body;
    expect(entries(all).length).toBeGreaterThan(20);
    expect(all.withheld).toEqual([]);
    // k.hughes has scored nothing yet, so is not scoring: they see the strategy at their clearance.
    const hughes = await demo.as('k.hughes');
    const unscored = (await hughes.get<StrategyAnswer>('/api/assessments/2/control-strategy')).body;
    expect(unscored.withheld).toEqual([]);
    expect(entries(unscored).length).toBeGreaterThan(15);
    const threat = (await hughes.get<Threat[]>('/api/assessments/2/threats')).body.find(
      (t) => t.marking === 'OFFICIAL',
    )!;
    const workshop = (await hughes.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    expect(workshop.hidden).toBe(true);
    expect(workshop.submitted).toEqual(['r.patel', 's.okafor']);
    const values = Object.fromEntries(
      workshop.model.factors.filter((f) => !f.optional).map((f) => [f.id, f.levels[0]!.value]),
    );
    const scored = await hughes.call<StoredScore>('POST', `/api/threats/${threat.id}/scores`, { values });
    expect(scored.status).toBe(201);
    expect(scored.body.assessor).toBe('k.hughes');
    const mine = (await hughes.get<StrategyAnswer>('/api/assessments/2/control-strategy')).body;
    expect(entries(mine).map((e) => Number(e.threatId))).toEqual([threat.id]);
    expect(entries(mine)[0]!.rank).toBe(1);
    expect(mine.withheld!.length).toBeGreaterThan(10);
    const approver = await demo.as('acc.morgan');
    const whole = (await approver.get<StrategyAnswer>('/api/assessments/2/control-strategy')).body;
    expect(entries(whole).length).toBeGreaterThan(20);
    expect(whole.withheld).toEqual([]);
  });
});
