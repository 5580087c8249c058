/**
 * The recommendations register: an update only adds (earlier updates stay, in order, and the
 * table refuses UPDATE and DELETE even in raw SQL); a stale update is refused and changes
 * nothing; open recommendations are carried into next year's assessment, across two years,
 * with their history readable through the chain, and closed ones are not; the marking rule
 * applies to lists and reads; every change writes an audit row.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  addRecommendationUpdate,
  createAssessment,
  createNextAssessment,
  createRecommendation,
  getRecommendation,
  latestRecommendationUpdates,
  listAudit,
  listRecommendations,
  recommendationHistory,
} from '../../index.js';
import { dbOf } from '../../core/store.js';
import { refusal } from '../../../../test/refusal.js';

describeEachDialect('recommendations register', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('adds updates without losing earlier ones, and sets the status', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V1',
    });
    const r = await createRecommendation(get(), w.analyst, a.id, {
      number: '10',
      theme: 'CSE',
      text: 'Record the drugs used during exploitation.',
    });
    expect(r).toMatchObject({ status: 'proposed', version: 1, carriedFrom: null, marking: 'OFFICIAL' });
    const first = await addRecommendationUpdate(get(), w.analyst, r.id, 1, {
      dated: '2016-09-01',
      text: 'Agreed at STCG.',
      status: 'agreed',
    });
    expect(first.recommendation).toMatchObject({ status: 'agreed', version: 2 });
    const second = await addRecommendationUpdate(get(), w.analyst, r.id, 2, {
      dated: '2016-10-01',
      text: 'Ongoing.',
      status: 'in_progress',
    });
    await addRecommendationUpdate(get(), w.analyst, r.id, 3, { dated: '2016-11-01', text: 'Still ongoing.' });
    const now = await getRecommendation(get(), w.analyst, r.id);
    expect(now).toMatchObject({ status: 'in_progress', version: 4 });
    expect(now.updates.map((u) => [u.dated, u.text, u.statusAfter, u.author])).toEqual([
      ['2016-09-01', 'Agreed at STCG.', 'agreed', w.analyst.username],
      ['2016-10-01', 'Ongoing.', 'in_progress', w.analyst.username],
      ['2016-11-01', 'Still ongoing.', 'in_progress', w.analyst.username],
    ]);
    await expect(
      sql`UPDATE recommendation_updates SET text = 'rewritten' WHERE id = ${second.update.id}`.execute(dbOf(get())),
    ).rejects.toThrow('recommendation_updates is append-only: UPDATE refused');
    await expect(
      sql`DELETE FROM recommendation_updates WHERE id = ${second.update.id}`.execute(dbOf(get())),
    ).rejects.toThrow('recommendation_updates is append-only: DELETE refused');
    expect((await getRecommendation(get(), w.analyst, r.id)).updates).toHaveLength(3);
  });

  it('refuses a stale update, naming both versions, and changes nothing', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V2',
    });
    const r = await createRecommendation(get(), w.analyst, a.id, { theme: 'Cyber Crime', text: 'Contribute to CISP.' });
    await addRecommendationUpdate(get(), w.admin, r.id, 1, {
      dated: '2016-09-01',
      text: 'Promoted at presentations.',
      status: 'in_progress',
    });
    const err = await refusal(
      addRecommendationUpdate(get(), w.analyst, r.id, 1, { dated: '2016-09-02', text: 'Done.', status: 'complete' }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(
      `Recommendation ${r.id} has changed since you read it: you had version 1, it is now version 2 (last changed by ${w.admin.username}`,
    );
    const now = await getRecommendation(get(), w.analyst, r.id);
    expect(now).toMatchObject({ status: 'in_progress', version: 2 });
    expect(now.updates.map((u) => u.text)).toEqual(['Promoted at presentations.']);
  });

  it('carries open recommendations across two assessments with their history, and skips closed ones', async () => {
    const y1 = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2015/16',
      versionLabel: 'V1',
    });
    const open = await createRecommendation(get(), w.analyst, y1.id, {
      number: '1',
      theme: 'CSP',
      text: 'Work with the CSPs on MoRiLE.',
    });
    const done = await createRecommendation(get(), w.analyst, y1.id, {
      number: '16',
      theme: 'Modern Slavery',
      text: 'Support the delivery plan.',
    });
    const dropped = await createRecommendation(get(), w.analyst, y1.id, {
      number: '2',
      theme: 'CSP',
      text: 'An alliance CSP assessment.',
    });
    const replaced = await createRecommendation(get(), w.analyst, y1.id, {
      number: '3',
      theme: 'Cyber Crime',
      text: 'Old wording.',
    });
    await addRecommendationUpdate(get(), w.analyst, open.id, 1, {
      dated: '2016-09-01',
      text: 'Progressing well.',
      status: 'in_progress',
    });
    await addRecommendationUpdate(get(), w.analyst, done.id, 1, {
      dated: '2016-09-01',
      text: 'Adopted',
      status: 'complete',
    });
    await addRecommendationUpdate(get(), w.analyst, dropped.id, 1, {
      dated: '2016-09-01',
      text: 'Not taken up.',
      status: 'not_adopted',
    });
    await addRecommendationUpdate(get(), w.analyst, replaced.id, 1, {
      dated: '2016-09-01',
      text: 'Replaced by a new one.',
      status: 'superseded',
    });

    const { assessment: y2, carried } = await createNextAssessment(get(), w.analyst, y1.id, { versionLabel: 'V1' });
    expect(carried.recommendations).toBe(1);
    const [copy, ...more] = await listRecommendations(get(), w.analyst, { assessmentId: y2.id });
    expect(more).toEqual([]);
    expect(copy).toMatchObject({
      number: '1',
      theme: 'CSP',
      status: 'in_progress',
      carriedFrom: open.id,
      assessmentId: y2.id,
      version: 1,
    });
    if (copy === undefined) throw new Error('not carried');
    const later = await refusal(
      addRecommendationUpdate(get(), w.analyst, open.id, 2, { dated: '2017-01-01', text: 'To the old record.' }),
    );
    expect(later.message).toContain(`carried into assessment ${y2.id} as recommendation ${copy.id}`);
    await addRecommendationUpdate(get(), w.analyst, copy.id, 1, {
      dated: '2017-05-01',
      text: 'Most CSPs run both models.',
    });

    const { assessment: y3, carried: again } = await createNextAssessment(get(), w.analyst, y2.id, {
      versionLabel: 'V1',
    });
    expect(again.recommendations).toBe(1);
    const [third] = await listRecommendations(get(), w.analyst, { assessmentId: y3.id });
    if (third === undefined) throw new Error('not carried twice');
    expect(third.carriedFrom).toBe(copy.id);
    const history = await recommendationHistory(get(), w.analyst, third.id);
    expect(history.chain.map((r) => [r.id, r.assessmentId])).toEqual([
      [open.id, y1.id],
      [copy.id, y2.id],
      [third.id, y3.id],
    ]);
    expect(history.updates.map((u) => [u.recommendationId, u.text])).toEqual([
      [open.id, 'Progressing well.'],
      [copy.id, 'Most CSPs run both models.'],
    ]);
    expect((await getRecommendation(get(), w.analyst, third.id)).updates.map((u) => u.dated)).toEqual([
      '2016-09-01',
      '2017-05-01',
    ]);
    // Many at once, as the document's progress table reads them: the newest link's latest update.
    const latest = await latestRecommendationUpdates(get(), w.analyst, [third.id, open.id, done.id, copy.id]);
    expect(latest.get(third.id)?.text).toBe('Most CSPs run both models.');
    expect(latest.get(copy.id)?.text).toBe('Most CSPs run both models.');
    expect(latest.get(open.id)?.text).toBe('Progressing well.');
    expect(latest.get(done.id)?.text).toBe('Adopted');
    // The source year keeps its own record as it was.
    expect((await getRecommendation(get(), w.analyst, open.id)).updates.map((u) => u.text)).toEqual([
      'Progressing well.',
    ]);
  });

  it('applies the marking rule: a reader without clearance cannot list or read an OFFICIAL-SENSITIVE recommendation', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V3',
    });
    const plain = await createRecommendation(get(), w.analyst, a.id, {
      theme: 'Violent crime',
      text: 'Keep the intelligence requirement.',
    });
    const sensitive = await createRecommendation(get(), w.analyst, a.id, {
      theme: 'CSE',
      text: 'Converge seized phone numbers.',
      marking: 'OFFICIAL-SENSITIVE',
    });
    expect((await listRecommendations(get(), w.analyst, { assessmentId: a.id })).map((r) => r.id)).toEqual([
      plain.id,
      sensitive.id,
    ]);
    expect((await listRecommendations(get(), w.reader, { assessmentId: a.id })).map((r) => r.id)).toEqual([plain.id]);
    expect(await listRecommendations(get(), w.otherReader, { assessmentId: a.id })).toEqual([]);
    const hidden = await refusal(getRecommendation(get(), w.reader, sensitive.id));
    expect(hidden.code).toBe('NOT_FOUND');
    expect(hidden.message).toBe(`There is no recommendation ${sensitive.id} that you can see.`);
    await expect(addRecommendationUpdate(get(), w.reader, sensitive.id, 1, { text: 'x' })).rejects.toThrow(
      `There is no recommendation ${sensitive.id} that you can see.`,
    );
    await expect(addRecommendationUpdate(get(), w.reader, plain.id, 1, { text: 'x' })).rejects.toThrow(
      /needs the admin or analyst role/,
    );
    await expect(
      createRecommendation(get(), w.analyst, a.id, { theme: 'CSE', text: 'Too high.', marking: 'SECRET' }),
    ).rejects.toThrow(/clearance is OFFICIAL-SENSITIVE/);
  });

  it('writes an audit row for every create, update and carried copy', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2014/15',
      versionLabel: 'V1',
    });
    const r = await createRecommendation(get(), w.analyst, a.id, {
      theme: 'Radicalisation',
      text: 'A new intelligence requirement.',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const { update } = await addRecommendationUpdate(get(), w.analyst, r.id, 1, {
      dated: '2016-09-01',
      text: 'Supported by Special Branch.',
      status: 'in_progress',
    });
    const { assessment: next } = await createNextAssessment(get(), w.analyst, a.id, { versionLabel: 'V1' });
    const [copy] = await listRecommendations(get(), w.analyst, { assessmentId: next.id });
    const ofRec = await listAudit(get(), w.approver, { table: 'recommendations', recordId: r.id });
    expect(ofRec.map((x) => x.action)).toEqual(['create', 'update']);
    expect(ofRec[1]?.before).toMatchObject({ status: 'proposed', version: 1 });
    expect(ofRec[1]?.after).toMatchObject({ status: 'in_progress', version: 2 });
    expect(ofRec.every((x) => x.marking === 'OFFICIAL-SENSITIVE' && x.actorName === w.analyst.username)).toBe(true);
    const ofUpdate = await listAudit(get(), w.approver, { table: 'recommendation_updates', recordId: update.id });
    expect(ofUpdate.map((x) => x.action)).toEqual(['create']);
    expect(ofUpdate[0]?.after).toMatchObject({
      text: 'Supported by Special Branch.',
      statusAfter: 'in_progress',
      dated: '2016-09-01',
    });
    const ofCopy = await listAudit(get(), w.approver, { table: 'recommendations', recordId: copy?.id ?? 0 });
    expect(ofCopy.map((x) => x.action)).toEqual(['create']);
    expect(ofCopy[0]?.after).toMatchObject({ carriedFrom: r.id });
    // A reader without clearance does not see the audit of a record they cannot see.
    expect(await listAudit(get(), w.reader, { table: 'recommendations', recordId: r.id })).toEqual([]);
  });
});
