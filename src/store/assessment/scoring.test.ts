/**
 * MoRiLE scoring through the store: the spec's vectors stored and read back exactly, ranked
 * C > A > F > B > D > E and turned into the Control Strategy; the legacy 4x4 grid; several
 * assessors combined by median with disagreement flags; sensitivity.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import {
  actorFor,
  addScore,
  createUser,
  combinedView,
  controlStrategy,
  createAssessment,
  createThreat,
  listScores,
  threatSensitivity,
} from '../index.js';
import { specVectors } from '../../../test/morile.js';

interface Vector {
  id: string;
  input: Record<string, number | string>;
  expected: {
    harm: number;
    likelihood: number;
    risk: number;
    priority: number;
    s: number;
    band: string;
    intelligenceRequirement: string | null;
  };
}
const spec = specVectors() as { ranking: string[]; vectors: Vector[] };
const round = (n: number) => Math.round(n * 1e4) / 1e4;

describeEachDialect('scoring in the store', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('stores the spec vectors with their model version and reads back the exact outputs', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'vectors',
    });
    for (const v of spec.vectors) {
      const t = await createThreat(get(), w.analyst, a.id, { name: v.id });
      await addScore(get(), w.analyst, { threatId: t.id, assessor: w.analyst.username, values: v.input });
    }
    const scores = await listScores(get(), w.analyst, { assessmentId: a.id });
    expect(scores).toHaveLength(6);
    for (const [i, v] of spec.vectors.entries()) {
      const o = scores[i]?.outputs;
      expect(scores[i]?.model).toEqual({ id: 'morile-default', version: 1 });
      expect({
        harm: o?.harm,
        likelihood: o?.likelihood,
        risk: o?.risk,
        priority: round(o?.priority ?? NaN),
        s: round(o?.s ?? NaN),
        band: o?.band,
        intelligenceRequirement: o?.intelligenceRequirement,
      }).toEqual(v.expected);
    }
    const view = await combinedView(get(), w.analyst, a.id);
    expect(view.entries.map((e) => e.name)).toEqual(spec.ranking);
    const cs = await controlStrategy(get(), w.analyst, a.id);
    expect(cs.status).toBe('draft');
    expect(cs.strategy.priorities.map((e) => e.name)).toEqual(['C', 'A']);
    expect(cs.strategy.intelligenceRequirements.map((e) => e.name)).toEqual(['C', 'F']);
    expect(cs.strategy.businessAsUsual.map((e) => e.name)).toEqual(['B', 'D', 'E']);
    expect(cs.strategy.intelligenceRequirements[0]?.reason).toBe(
      's = 0.5397 >= 0.35 (PRIORITY threshold) but confidence is low (1 (low) <= 1): intelligence is needed to confirm it',
    );
    expect(cs.strategy.headings.map((h) => h.id)).toEqual(['prevention', 'intelligence', 'enforcement', 'reassurance']);
    expect(
      (await controlStrategy(get(), w.analyst, a.id, { headings: '4P' })).strategy.headings.map((h) => h.id),
    ).toEqual(['pursue', 'prevent', 'protect', 'prepare']);
  });

  it('scores with the legacy 4x4 grid and refuses an out-of-range grade', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'grid',
      model: { id: 'nim-4x4', version: 1 },
    });
    const t1 = await createThreat(get(), w.analyst, a.id, { name: 'three-four' });
    const t2 = await createThreat(get(), w.analyst, a.id, { name: 'four-four' });
    expect(
      (
        await addScore(get(), w.analyst, {
          threatId: t1.id,
          assessor: w.analyst.username,
          values: { impact: 3, likelihood: 4 },
        })
      ).outputs.all.grade,
    ).toBe(12);
    expect(
      (
        await addScore(get(), w.analyst, {
          threatId: t2.id,
          assessor: w.analyst.username,
          values: { impact: 4, likelihood: 4 },
        })
      ).outputs.all.grade,
    ).toBe(16);
    await expect(
      addScore(get(), w.second, { threatId: t1.id, assessor: w.second.username, values: { impact: 5, likelihood: 4 } }),
    ).rejects.toThrow('impact: 5 is out of range; allowed 1..4');
    expect(await listScores(get(), w.analyst, { threatId: t1.id })).toHaveLength(1);
  });

  it('combines several assessors by median, flags wide disagreement and explains sensitivity', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'workshop',
    });
    const base = spec.vectors[0]?.input ?? {};
    const t = await createThreat(get(), w.analyst, a.id, { name: 'Cyber' });
    const other = await createThreat(get(), w.analyst, a.id, { name: 'KSI' });
    await addScore(get(), w.analyst, {
      threatId: t.id,
      assessor: w.analyst.username,
      values: base,
      rationale: { physical: 'assaults linked to fraud' },
    });
    await addScore(get(), w.second, { threatId: t.id, assessor: w.second.username, values: { ...base, physical: 1 } });
    await addScore(get(), w.third, { threatId: t.id, assessor: w.third.username, values: { ...base, physical: 4 } });
    await addScore(get(), w.analyst, {
      threatId: other.id,
      assessor: w.analyst.username,
      values: spec.vectors[1]?.input ?? {},
    });
    const view = await combinedView(get(), w.analyst, a.id);
    const cyber = view.entries.find((e) => e.name === 'Cyber');
    expect(cyber?.assessors).toEqual([w.analyst.username, w.second.username, w.third.username]);
    expect(cyber?.combined.values.physical).toBe(3);
    expect(cyber?.disagreements.map((d) => [d.factor, d.lowest, d.highest])).toEqual([['physical', 1, 4]]);
    expect(
      (await combinedView(get(), w.analyst, a.id, { method: 'mean' })).entries[0]?.combined.values.physical,
    ).toBeCloseTo(8 / 3, 12);
    const s = await threatSensitivity(get(), w.analyst, a.id, other.id);
    expect(s.bandUp.length).toBeGreaterThan(0);
    expect(s.passAbove.every((c) => c.score.priority > 0)).toBe(true);
  });

  it('lets an admin enter a score for someone only when every score of theirs is one the admin may see', async () => {
    const root = await actorFor(get(), 'root');
    const make = async (name: string, clearance: string, role: string) => {
      await createUser(get(), root, {
        username: `${w.tag}-${name}`,
        displayName: name,
        clearance,
        memberships: [{ organisationId: w.force, role }],
      });
      return actorFor(get(), `${w.tag}-${name}`);
    };
    const lowAdmin = await make('os-admin', 'OFFICIAL-SENSITIVE', 'admin');
    const cleared = await make('secret-analyst', 'SECRET', 'analyst');
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'for',
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'Fraud' });
    const values = spec.vectors[0]?.input ?? {};
    // A SECRET-cleared assessor may hold a SECRET score the OFFICIAL-SENSITIVE admin cannot see:
    // the admin is refused for who the assessor is, never told of a score.
    await expect(addScore(get(), lowAdmin, { threatId: t.id, assessor: cleared.username, values })).rejects.toThrow(
      `they are cleared to SECRET, above your OFFICIAL-SENSITIVE, so they enter their own scores`,
    );
    // Nobody's score is marked above what they may read.
    await expect(
      addScore(get(), w.admin, { threatId: t.id, assessor: w.analyst.username, values, marking: 'SECRET' }),
    ).rejects.toThrow('their score cannot be marked SECRET, above their clearance OFFICIAL-SENSITIVE');
    const entered = await addScore(get(), lowAdmin, { threatId: t.id, assessor: w.analyst.username, values });
    expect(entered.assessor).toBe(w.analyst.username);
    expect((await listScores(get(), w.analyst, { threatId: t.id })).map((x) => x.id)).toEqual([entered.id]);
  });
});
