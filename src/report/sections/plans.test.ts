/**
 * The plans appendix prints each plan's objective maps (migration 019): on the demo store, a plan
 * whose objective is mapped onto two headings of the partners' priorities and onto a threat of the
 * assessment built gets a table naming them (its unmapped objective is not listed); a build below the
 * threat's marking leaves the threat's name out (the plan itself stays).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  addPlanObjective,
  createPlan,
  createThreat,
  getAssessment,
  listThreats,
  mapPlanObjective,
  type Actor,
  type Store,
} from '../../store/index.js';
import { demoStore } from '../../../test/store-snapshots.js';
import { LogBook } from '../build-log.js';
import { Anchors, Markings, type BuildContext } from '../context.js';
import type { TableBlock } from '../model.js';
import { plans } from './plans.js';

let store: Store;
beforeAll(async () => {
  store = await demoStore();
}, 120_000);
afterAll(() => store?.close());

const texts = (t: TableBlock) =>
  t.rows.map((r) => r.map((c) => c.runs.map((x) => ('text' in x ? x.text : '')).join('')));

async function build(actor: Actor, assessmentId: number) {
  const ctx = {
    store,
    actor,
    builder: actor,
    clearance: actor.clearance,
    assessment: await getAssessment(store, actor, assessmentId),
    anchors: new Anchors(),
    markings: new Markings(),
  } as unknown as BuildContext;
  const entries: string[] = [];
  const log = { figure: (s: string) => (entries.push(s), `id-${entries.length}`), withheld: () => undefined };
  const result = await plans.build(ctx, log as unknown as LogBook);
  if (!('blocks' in result)) throw new Error(`plans omitted: ${result.omitted}`);
  const tables = result.blocks.filter((b): b is TableBlock => b.kind === 'table');
  return { tables, entries };
}

describe('plans appendix: objective maps', () => {
  it('prints a mapped objective with its priorities headings and threats; a threat above the build is not named', async () => {
    const analyst = await actorFor(store, 'r.patel');
    const threats = await listThreats(store, analyst, { assessmentId: 2 });
    const cse = threats.find((t) => /sexual exploitation|CSE/i.test(t.name)) ?? threats[0]!;
    const secret = await createThreat(store, analyst, 2, {
      name: 'Covert threat for the maps test',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const plan = await createPlan(store, analyst, {
      organisationId: 'wwm-alliance',
      title: 'Maps Test Plan',
      period: '2017-2021',
    });
    const added = await addPlanObjective(store, analyst, plan.id, plan.version, {
      theme: 'Protecting people from harm',
      text: 'Tackle child sexual exploitation',
    });
    await addPlanObjective(store, analyst, plan.id, added.plan.version, {
      theme: 'Protecting people from harm',
      text: 'An objective left unmapped',
    });
    await mapPlanObjective(store, analyst, added.objective.id, added.plan.version + 1, {
      priorities: ['vulnerability', 'cse'],
      threats: [cse.id, secret.id],
    });

    const { tables, entries } = await build(analyst, 2);
    const maps = tables.find((t) => t.caption.startsWith('Maps Test Plan (2017-2021): objectives mapped'));
    expect(maps).toBeDefined();
    expect(maps!.columns.map((c) => c.header)).toEqual(['Objective', "Partners' priorities", 'Threats']);
    expect(texts(maps!)).toEqual([
      [
        'Tackle child sexual exploitation (Protecting people from harm)',
        'Child sexual exploitation; Vulnerable people',
        `${[cse.name, 'Covert threat for the maps test'].sort().join('; ')}`,
      ],
    ]);
    expect(maps!.trace).toBeDefined();
    expect(entries).toContain(`Table: plan ${plan.id} objective maps`);

    // A build at OFFICIAL (a reader cleared OFFICIAL) never names the OFFICIAL-SENSITIVE threat.
    const official = { ...analyst, clearance: 'OFFICIAL' } as Actor;
    const lowMaps = (await build(official, 2)).tables.find((t) =>
      t.caption.startsWith('Maps Test Plan (2017-2021): objectives mapped'),
    );
    expect(lowMaps).toBeDefined();
    expect(JSON.stringify(lowMaps)).not.toMatch(/Covert threat/);
    expect(texts(lowMaps!)[0]![2]).toBe(cse.name);
  }, 60_000);
});
