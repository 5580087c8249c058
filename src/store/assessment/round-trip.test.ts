/**
 * A whole assessment through the store, on every dialect: create it, add threats with evidence,
 * two assessors score them, combine and rank, derive the Control Strategy, approve it (who and
 * when recorded), then make next year's assessment, which carries the threats with last year's
 * combined scores, and chart the direction of travel.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld } from '../../../test/store-world.js';
import {
  addScore,
  approveControlStrategy,
  combinedView,
  controlStrategy,
  createAssessment,
  createNextAssessment,
  createThreat,
  directionOfTravelFor,
  getAssessment,
  listAudit,
  listThreats,
} from '../index.js';

const base = {
  physical: 2,
  psychological: 2,
  financial: 1,
  community: 2,
  environmental: 0,
  scope: 2,
  vulnerability: 2,
  frequency: 4,
  trend: 0,
  capacity: 1,
  capability: 1,
  partnership: 1,
  confidence: 'high',
};

describeEachDialect('an assessment from start to next year', (get) => {
  it('round-trips', async () => {
    const w = await makeWorld(get());
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V19.0 final',
    });
    const rape = await createThreat(get(), w.analyst, a.id, {
      name: 'Rape/sexual assault',
      evidence: { offenceCodes: ['19c', '19D'], policeUkCategories: ['violent-crime'] },
      owner: 'Head of PVP',
    });
    const da = await createThreat(get(), w.analyst, a.id, {
      name: 'Domestic Abuse',
      evidence: { extractFlags: ['domestic_abuse'] },
    });
    const ksi = await createThreat(get(), w.analyst, a.id, { name: 'KSI' });
    expect(rape.evidence.offenceCodes).toEqual(['19C', '19D']);
    const scores: Array<[number, Record<string, number | string>, Record<string, number | string>]> = [
      [
        rape.id,
        { ...base, physical: 4, psychological: 4, vulnerability: 4, frequency: 5 },
        { ...base, physical: 4, psychological: 3, vulnerability: 4, frequency: 5 },
      ],
      [
        da.id,
        { ...base, psychological: 4, vulnerability: 3 },
        { ...base, psychological: 4, vulnerability: 4, confidence: 'low' },
      ],
      [ksi.id, { ...base, physical: 4 }, { ...base, physical: 3, trend: -1 }],
    ];
    for (const [threatId, one, two] of scores) {
      await addScore(get(), w.analyst, {
        threatId,
        assessor: w.analyst.username,
        values: one,
        rationale: { frequency: 'recorded crime up 12%' },
      });
      await addScore(get(), w.second, { threatId, assessor: w.second.username, values: two });
    }
    const view = await combinedView(get(), w.analyst, a.id);
    expect(view.entries.map((e) => [e.name, e.combined.band.id])).toEqual([
      ['Rape/sexual assault', 'PRIORITY'],
      ['Domestic Abuse', 'INTELLIGENCE_REQUIREMENT'],
      ['KSI', 'INTELLIGENCE_REQUIREMENT'],
    ]);
    expect(view.entries[0]?.combined.values.psychological).toBe(3.5);
    const draft = await controlStrategy(get(), w.approver, a.id);
    const approved = await approveControlStrategy(get(), w.approver, a.id, {
      expectedDigest: draft.digest.slice(0, 12),
    });
    expect(approved.strategy).toEqual(draft.strategy);
    expect(approved.approvedBy).toBe(w.approver.username);
    expect(Date.parse(approved.approvedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(await controlStrategy(get(), w.analyst, a.id)).toMatchObject({
      status: 'approved',
      approvedBy: w.approver.username,
      digest: draft.digest,
    });
    expect((await getAssessment(get(), w.analyst, a.id)).status).toBe('approved');

    const { assessment: next, carried } = await createNextAssessment(get(), w.analyst, a.id, {
      versionLabel: 'V16 - Final',
    });
    expect(next).toMatchObject({
      period: '2017/18',
      previousId: a.id,
      status: 'draft',
      model: { id: 'morile-default', version: 1 },
    });
    expect(carried).toEqual({ threats: 3, recommendations: 0 });
    const carriedThreats = await listThreats(get(), w.analyst, { assessmentId: next.id });
    expect(carriedThreats.map((t) => [t.name, t.carriedFromId, t.previousScore?.band])).toEqual([
      ['Rape/sexual assault', rape.id, 'PRIORITY'],
      ['Domestic Abuse', da.id, 'INTELLIGENCE_REQUIREMENT'],
      ['KSI', ksi.id, 'INTELLIGENCE_REQUIREMENT'],
    ]);
    expect(carriedThreats[0]?.evidence.offenceCodes).toEqual(['19C', '19D']);
    const [nRape, nDa] = carriedThreats;
    await addScore(get(), w.analyst, {
      threatId: nRape?.id ?? 0,
      assessor: w.analyst.username,
      values: { ...base, physical: 4, psychological: 4, vulnerability: 4, frequency: 5, trend: 1 },
    });
    await addScore(get(), w.analyst, {
      threatId: nDa?.id ?? 0,
      assessor: w.analyst.username,
      values: { ...base, frequency: 2 },
    });
    const fresh = await createThreat(get(), w.analyst, next.id, { name: 'Modern slavery and human trafficking' });
    await addScore(get(), w.analyst, { threatId: fresh.id, assessor: w.analyst.username, values: base });
    const travel = await directionOfTravelFor(get(), w.analyst, next.id);
    const labels = Object.fromEntries(travel.directions.map((d) => [d.name, d.label]));
    // KSI was carried but is not scored yet this year: the domain charts it as 'removed' (no current score).
    expect(labels).toEqual({
      'Rape/sexual assault': 'up',
      'Domestic Abuse': 'down',
      KSI: 'removed',
      'Modern slavery and human trafficking': 'new',
    });
    const audit = await listAudit(get(), w.approver, { table: 'threats' });
    expect(audit.filter((r) => r.organisationId === w.force && r.action === 'create')).toHaveLength(7);
  });
});
