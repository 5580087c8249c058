/**
 * Issue 13, defect 6: one blind-scoring rule on every path that shows results. Once an assessor is
 * scoring an open assessment, /control-strategy shows no band or rank of a threat they have not
 * scored (it did), while an approver who is not scoring sees the whole strategy.
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
  it('shows a scoring assessor only the threats they have scored', async () => {
    const analyst = await demo.as('r.patel');
    const threat = (await analyst.get<Threat[]>('/api/assessments/2/threats')).body.find(
      (t) => t.marking === 'OFFICIAL',
    )!;
    const workshop = (await analyst.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    const values = Object.fromEntries(
      workshop.model.factors.filter((f) => !f.optional).map((f) => [f.id, f.levels[0]!.value]),
    );
    expect((await analyst.call<StoredScore>('POST', `/api/threats/${threat.id}/scores`, { values })).status).toBe(201);
    const mine = (await analyst.get<StrategyAnswer>('/api/assessments/2/control-strategy')).body;
    expect(entries(mine).map((e) => Number(e.threatId))).toEqual([threat.id]);
    expect(entries(mine)[0]!.rank).toBe(1);
    expect(mine.withheld!.length).toBeGreaterThan(10);
    const approver = await demo.as('acc.morgan');
    const all = (await approver.get<StrategyAnswer>('/api/assessments/2/control-strategy')).body;
    expect(entries(all).length).toBeGreaterThan(20);
    expect(all.withheld).toEqual([]);
  });
});
