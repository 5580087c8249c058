/**
 * The demo's risk register: eight illustrative alliance risks from the seed's themes, each owned
 * by a chief officer post, with two or three monthly reviews so the heat map shows movement; one
 * OFFICIAL-SENSITIVE (hidden from an OFFICIAL reader), one shared with the commissioners' offices.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import {
  actorFor,
  createOrganisation,
  createUser,
  getRisk,
  listRisks,
  overdueRiskReviews,
  riskHeatMap,
  type Actor,
} from '../../store/index.js';
import type { DemoContext } from './context.js';
import { loadDemoRisks, seedDemoRisks } from './risks.js';

describeEachDialect('demo risks', (get) => {
  let w: World;
  let counts: Record<string, number>;
  let opcc: Actor;
  beforeAll(async () => {
    w = await makeWorld(get());
    const root = await actorFor(get(), 'root');
    for (const id of ['warwickshire-opcc', 'west-mercia-opcc'])
      await createOrganisation(get(), root, { id, name: id, kind: 'opcc' });
    await createUser(get(), await actorFor(get(), 'root'), {
      username: 'opcc.reader',
      displayName: 'OPCC',
      clearance: 'OFFICIAL',
      memberships: [{ organisationId: 'warwickshire-opcc', role: 'reader' }],
    });
    opcc = await actorFor(get(), 'opcc.reader');
    const ctx = {
      admin: w.admin,
      analyst: w.analyst,
      approver: w.approver,
      alliance: w.force,
    } as unknown as DemoContext;
    counts = await seedDemoRisks(get(), ctx);
  });

  it('says the risks are illustrative, because the seed heat map is an image ("examples only")', async () => {
    const demo = await loadDemoRisks();
    expect(demo.illustrative).toBe(true);
    expect(demo._source).toContain('examples only');
    expect(demo._source).toContain('ILLUSTRATIVE');
    expect(counts).toEqual({ risks: 8, riskReviews: 21 });
  });

  it('owns each risk by a chief officer post and keeps its monthly history', async () => {
    const risks = await listRisks(get(), w.analyst, { organisationId: w.force });
    expect(risks.map((r) => r.reference)).toEqual(['SR01', 'SR02', 'SR03', 'SR04', 'SR05', 'SR06', 'SR07', 'SR08']);
    expect(risks.every((r) => /Chief Constable|Chief Officer|Director/.test(r.owner))).toBe(true);
    const sr01 = await getRisk(get(), w.analyst, risks[0]?.id ?? 0);
    expect(sr01.series.map((p) => [p.dated, p.score, p.movement])).toEqual([
      ['2016-12-05', 16, 'new'],
      ['2017-01-09', 20, 'up'],
      ['2017-02-06', 20, 'same'],
      ['2017-03-06', 16, 'down'],
    ]);
    expect(sr01.reviews[0]?.narrative).toContain('Basis in the seed: Section 2');
  });

  it('maps them with movement, and lists the reviews overdue at the date of the seed document', async () => {
    const map = await riskHeatMap(get(), w.analyst, { organisationId: w.force });
    const cells = map.rows
      .flatMap((r) => r.cells)
      .filter((c) => c.count > 0)
      .map((c) => [`${c.likelihood}x${c.impact}`, c.risks.map((r) => r.reference)]);
    expect(cells).toEqual([
      ['4x5', ['SR05']],
      ['2x4', ['SR03']],
      ['3x4', ['SR02', 'SR06', 'SR07']],
      ['4x4', ['SR01']],
      ['3x3', ['SR04']],
      ['4x3', ['SR08']],
    ]);
    expect(map.byMovement).toEqual({ up: 2, down: 4, same: 2, new: 0 });
    expect(map.marking).toBe('OFFICIAL-SENSITIVE');
    const overdue = await overdueRiskReviews(get(), w.analyst, { organisationId: w.force, asOf: '2017-04-09' });
    expect(overdue.risks.map((r) => [r.reference, r.daysOverdue])).toEqual([
      ['SR02', 34],
      ['SR08', 34],
      ['SR06', 3],
    ]);
  });

  it('hides the OFFICIAL-SENSITIVE risk from an OFFICIAL reader and shares the funding risk with the commissioners', async () => {
    expect((await listRisks(get(), w.reader, { organisationId: w.force })).map((r) => r.reference)).not.toContain(
      'SR03',
    );
    expect((await riskHeatMap(get(), w.reader, { organisationId: w.force })).total).toBe(7);
    expect((await listRisks(get(), opcc)).map((r) => [r.reference, r.owner])).toEqual([
      ['SR07', 'Director of Finance'],
    ]);
  });
});
