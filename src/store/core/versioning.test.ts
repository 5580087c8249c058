/**
 * Concurrent edits never silently overwrite each other: an update names the version it read,
 * and a stale one is refused with a CONFLICT naming the record, the version the writer had and
 * the current one, and changes nothing. Once the control strategy is approved the assessment is
 * frozen; a new version of it carries everything and can be changed.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import {
  addScore,
  approveControlStrategy,
  createAssessment,
  createThreat,
  getAssessment,
  getThreat,
  listScores,
  listThreats,
  reviseAssessment,
  setAssessmentStatus,
  updateScore,
  updateThreat,
} from '../index.js';
import { refusal } from '../../../test/refusal.js';

const values = {
  physical: 1,
  psychological: 2,
  financial: 1,
  community: 1,
  environmental: 0,
  scope: 2,
  vulnerability: 1,
  frequency: 3,
  trend: 0,
  capacity: 1,
  capability: 1,
  partnership: 0,
  confidence: 'high',
};

describeEachDialect('versions and freezing', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('refuses a stale threat edit, naming the record and both versions, and changes nothing', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V1',
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'Modern slavery' });
    await updateThreat(get(), w.admin, t.id, t.version, { owner: 'DCI Reid' });
    const err = await refusal(
      updateThreat(get(), w.analyst, t.id, t.version, { owner: 'DI Shaw', description: 'overwrite' }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(
      `Threat ${t.id} "Modern slavery" has changed since you read it: you had version 1, it is now version 2 (last changed by ${w.admin.username}`,
    );
    expect(err.message).toContain('Nothing was saved');
    const now = await getThreat(get(), w.analyst, t.id);
    expect(now).toMatchObject({ owner: 'DCI Reid', description: '', version: 2 });
  });

  it('refuses a stale score change and a stale status change', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V2',
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'FNO' });
    const s = await addScore(get(), w.analyst, { threatId: t.id, assessor: w.analyst.username, values });
    await updateScore(get(), w.analyst, s.id, 1, { values: { ...values, trend: 1 } });
    const stale = await refusal(updateScore(get(), w.analyst, s.id, 1, { values: { ...values, trend: -1 } }));
    expect(stale.message).toContain(
      `Score ${s.id} (${w.analyst.username} on threat ${t.id}) has changed since you read it: you had version 1, it is now version 2`,
    );
    expect((await listScores(get(), w.analyst, { threatId: t.id }))[0]?.inputs.values.trend).toBe(1);
    await setAssessmentStatus(get(), w.analyst, a.id, 1, 'under_review');
    const status = await refusal(setAssessmentStatus(get(), w.analyst, a.id, 1, 'draft'));
    expect(status.code).toBe('CONFLICT');
    expect((await getAssessment(get(), w.analyst, a.id)).status).toBe('under_review');
  });

  it('freezes an approved assessment and lets a new version change it', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V15 - Draft',
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'CSE' });
    await addScore(get(), w.analyst, { threatId: t.id, assessor: w.analyst.username, values });
    const approved = await approveControlStrategy(get(), w.approver, a.id);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: w.approver.username });
    const frozen = await refusal(updateThreat(get(), w.analyst, t.id, t.version, { description: 'late edit' }));
    expect(frozen.code).toBe('STATE');
    expect(frozen.message).toContain(`is approved (control strategy approved by ${w.approver.username} at `);
    expect(frozen.message).toContain(`stra assessment revise ${a.id}`);
    expect(
      (await refusal(addScore(get(), w.second, { threatId: t.id, assessor: w.second.username, values }))).code,
    ).toBe('STATE');
    expect((await refusal(approveControlStrategy(get(), w.approver, a.id))).code).toBe('STATE');
    const { assessment: v16, carried } = await reviseAssessment(get(), w.analyst, a.id, {
      versionLabel: 'V16 - Final',
    });
    expect(v16).toMatchObject({ period: '2017/18', revisionOfId: a.id, status: 'draft' });
    expect(carried).toEqual({ threats: 1, scores: 1, texts: 0 });
    const [copy] = await listThreats(get(), w.analyst, { assessmentId: v16.id });
    await updateThreat(get(), w.analyst, copy?.id ?? 0, 1, { description: 'now editable' });
    expect((await listScores(get(), w.analyst, { assessmentId: v16.id }))[0]?.inputs.values).toMatchObject({
      frequency: 3,
    });
  });
});
