/**
 * Issue 14: a user cleared to OFFICIAL sees the Control Strategy at their clearance (derived from
 * the threats and scores they may see, nothing above it), with the count of what was withheld,
 * rather than "not visible to you"; such a partial strategy can never be approved; another
 * organisation still sees none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureUser, multiOrgApp, SECOND_FORCE } from '../../../test/multi-org.js';
import type { DemoApp } from '../../../test/demo-app.js';
import type { ControlStrategyView, Threat } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp();
}, 180_000);
afterAll(async () => demo.store.close());

const names = (v: ControlStrategyView) =>
  [...v.strategy.priorities, ...v.strategy.intelligenceRequirements, ...v.strategy.businessAsUsual].map((e) => e.name);

describe('the Control Strategy at the reader’s clearance', () => {
  it('shows OFFICIAL readers only what they may see, counting what is withheld', async () => {
    const full = (await (await demo.as('acc.morgan')).get<ControlStrategyView>('/api/assessments/2/control-strategy'))
      .body;
    expect(full.aboveClearance).toBe(null);
    const official = await demo.as('k.hughes');
    const r = await official.get<ControlStrategyView>('/api/assessments/2/control-strategy');
    expect(r.status).toBe(200);
    expect(r.body.marking).toBe('OFFICIAL');
    const seen = (await official.get<Threat[]>('/api/assessments/2/threats')).body;
    expect(new Set(names(r.body))).toEqual(
      new Set(seen.filter((t) => names(full).includes(t.name)).map((t) => t.name)),
    );
    expect(r.body.aboveClearance?.threats).toBe(names(full).length - names(r.body).length);
    expect(r.body.aboveClearance?.threats).toBeGreaterThan(0);
    expect(r.body.aboveClearance?.scores).toBeGreaterThan(0);
  });

  it('never lets a partial strategy be approved, and shows another organisation none', async () => {
    const approver = await demo.as(fixtureUser('wwm-alliance', 'approver', 'OFFICIAL'));
    const view = (await approver.get<ControlStrategyView>('/api/assessments/2/control-strategy')).body;
    expect(view.aboveClearance).not.toBe(null);
    const refused = await approver.call('POST', '/api/assessments/2/control-strategy/approve', {
      expectedDigest: view.digest,
    });
    expect(refused.status).toBe(404);
    const outsider = await demo.as(fixtureUser(SECOND_FORCE, 'reader', 'SECRET'));
    expect((await outsider.get('/api/assessments/2/control-strategy')).status).toBe(404);
  });
});
