/**
 * "A user without clearance cannot read a record by any query the data layer offers": every
 * read the store offers is probed by readers who must not see an OFFICIAL-SENSITIVE threat
 * (no clearance; equal rank in another force; a partner it is not shared with). Each probe must
 * either say "not found" or return nothing that contains the threat; the cleared analyst's
 * probes are the positive control.
 */
import { beforeAll, expect, it } from 'vitest';
import { StraError } from '../../errors.js';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
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
  getThreat,
  listAssessments,
  listAudit,
  listScores,
  listThreats,
  threatSensitivity,
  updateThreat,
  type Actor,
  type Assessment,
  type Threat,
} from '../index.js';

const TOKEN = 'Hidden-OCG-network-7731';
const input = (frequency: number) => ({
  physical: 3,
  psychological: 3,
  financial: 2,
  community: 2,
  environmental: 0,
  scope: 3,
  vulnerability: 3,
  frequency,
  trend: 1,
  capacity: 2,
  capability: 1,
  partnership: 1,
  confidence: 'medium',
});

describeEachDialect('no read path returns a record the reader may not see', (get) => {
  let w: World;
  let last: Assessment;
  let now: Assessment;
  let hidden: Threat;
  beforeAll(async () => {
    w = await makeWorld(get());
    last = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V19',
    });
    const open = await createThreat(get(), w.analyst, last.id, { name: 'Cyber crime', sharedWith: [w.partner] });
    const secret = await createThreat(get(), w.analyst, last.id, {
      name: TOKEN,
      description: `about ${TOKEN}`,
      marking: 'OFFICIAL-SENSITIVE',
    });
    for (const [t, f] of [
      [open, 3],
      [secret, 5],
    ] as const) {
      for (const assessor of [w.analyst, w.second])
        await addScore(get(), assessor, {
          threatId: t.id,
          assessor: assessor.username,
          values: input(f),
          rationale: { frequency: `rationale ${t.name}` },
        });
    }
    await approveControlStrategy(get(), w.approver, last.id);
    now = (await createNextAssessment(get(), w.analyst, last.id, { versionLabel: 'V1' })).assessment;
    [hidden] = (await listThreats(get(), w.analyst, { assessmentId: now.id, nameContains: 'hidden-ocg' })) as [Threat];
  });

  const probes: Record<string, (a: Actor) => Promise<unknown>> = {
    'get the threat by id': (a) => getThreat(get(), a, hidden.id),
    'list all threats': (a) => listThreats(get(), a),
    "list the assessment's threats": (a) => listThreats(get(), a, { assessmentId: now.id }),
    'search threats by name': (a) => listThreats(get(), a, { nameContains: 'OCG' }),
    'scores of the threat': (a) => listScores(get(), a, { threatId: hidden.carriedFromId ?? 0 }),
    'scores of the assessment': (a) => listScores(get(), a, { assessmentId: last.id }),
    'all scores': (a) => listScores(get(), a),
    'combined view': (a) => combinedView(get(), a, last.id),
    'sensitivity of the threat': (a) => threatSensitivity(get(), a, last.id, hidden.carriedFromId ?? 0),
    'approved control strategy entries': (a) => controlStrategy(get(), a, last.id),
    'draft control strategy entries': (a) => controlStrategy(get(), a, now.id),
    'direction of travel': (a) => directionOfTravelFor(get(), a, now.id),
    'audit log': (a) => listAudit(get(), a),
    'audit of the threat': (a) => listAudit(get(), a, { table: 'threats', recordId: hidden.id }),
    'get the assessment': (a) => getAssessment(get(), a, now.id),
    'list assessments': (a) => listAssessments(get(), a),
    'edit the threat (a write that reads)': (a) => updateThreat(get(), a, hidden.id, 1, { description: 'x' }),
    'score the threat (a write that reads)': (a) =>
      addScore(get(), a, { threatId: hidden.id, assessor: a.username, values: input(1) }),
  };

  const outcome = async (probe: (a: Actor) => Promise<unknown>, a: Actor): Promise<string> => {
    try {
      return JSON.stringify(await probe(a));
    } catch (err) {
      if (err instanceof StraError && (err.code === 'NOT_FOUND' || err.code === 'INPUT'))
        return `refused: ${err.message}`;
      throw err;
    }
  };

  for (const [name, probe] of Object.entries(probes)) {
    it.each(['reader', 'otherReader', 'partnerReader'] as const)(`${name}: %s gets nothing of it`, async (who) => {
      const seen = await outcome(probe, w[who]);
      expect(seen).not.toContain(TOKEN);
      expect(seen).not.toMatch(new RegExp(`"threatId":"?(${hidden.carriedFromId}|${hidden.id})"?[,}]`));
    });
  }

  it.each([
    'get the threat by id',
    'search threats by name',
    'scores of the assessment',
    'combined view',
    'approved control strategy entries',
    'direction of travel',
    'audit of the threat',
  ])('the cleared analyst does see it: %s', async (name) => {
    expect(await outcome(probes[name] as (a: Actor) => Promise<unknown>, w.analyst)).toContain(TOKEN);
  });
});
