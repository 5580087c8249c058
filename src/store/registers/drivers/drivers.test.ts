/**
 * The environmental-scanning register: a review only adds (earlier positions stay readable, and
 * the table refuses UPDATE and DELETE even in raw SQL); a stale review is refused and changes
 * nothing; drivers carry into next year's assessment across two years with their history read
 * through the chain; the marking rule applies to lists, reads, the matrix and the meta view;
 * every change writes an audit row.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  createAssessment,
  createDriver,
  createNextAssessment,
  driverHistory,
  driverMatrix,
  driverThemes,
  getDriver,
  listAudit,
  listDrivers,
  reviewDriver,
  reviseAssessment,
  updateDriver,
} from '../../index.js';
import { dbOf } from '../../core/store.js';
import { refusal } from '../../../../test/refusal.js';

describeEachDialect('drivers register', (get) => {
  let w: World;
  let period = 2000;
  const assessment = async () =>
    createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: `${period}/${String((period += 1) % 100).padStart(2, '0')}`,
      versionLabel: 'V1',
    });
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('adds reviews without losing earlier positions, and the first scores are the first review', async () => {
    const a = await assessment();
    const d = await createDriver(get(), w.analyst, a.id, {
      number: 1,
      name: 'Connected society faces diverse cyber threats',
      challenge: 'social',
      impact: 8,
      uncertainty: 6,
      dated: '2016-09-01',
      themes: ['Cyber', ' cyber'],
      evidence: [{ text: 'Cyber enabled fraud accounted for 36% of all UK crime in 2015.', source: 'STRA 2017/18' }],
    });
    expect(d).toMatchObject({
      number: 1,
      impact: 8,
      uncertainty: 6,
      reviewedOn: '2016-09-01',
      version: 1,
      themes: ['Cyber'],
      carriedFrom: null,
    });
    const first = await reviewDriver(get(), w.analyst, d.id, 1, {
      dated: '2017-01-10',
      impact: 9,
      uncertainty: 7,
      note: 'Action Fraud figures doubled the crime rate.',
    });
    expect(first.driver).toMatchObject({ impact: 9, uncertainty: 7, reviewedOn: '2017-01-10', version: 2 });
    await reviewDriver(get(), w.analyst, d.id, 2, {
      dated: '2017-04-09',
      note: 'No change.',
      evidence: [{ text: 'One in ten adults was a victim of fraud or cybercrime.' }],
    });
    const now = await getDriver(get(), w.analyst, d.id);
    expect(now).toMatchObject({ impact: 9, uncertainty: 7, version: 3 });
    expect(now.evidence.map((e) => e.source)).toEqual(['STRA 2017/18', null]);
    expect(now.reviews.map((r) => [r.dated, r.impact, r.uncertainty, r.note, r.author])).toEqual([
      ['2016-09-01', 8, 6, 'First scores.', w.analyst.username],
      ['2017-01-10', 9, 7, 'Action Fraud figures doubled the crime rate.', w.analyst.username],
      ['2017-04-09', 9, 7, 'No change.', w.analyst.username],
    ]);
    await expect(
      sql`UPDATE driver_reviews SET impact = 1 WHERE id = ${first.review.id}`.execute(dbOf(get())),
    ).rejects.toThrow('driver_reviews is append-only: UPDATE refused');
    await expect(sql`DELETE FROM driver_reviews WHERE id = ${first.review.id}`.execute(dbOf(get()))).rejects.toThrow(
      'driver_reviews is append-only: DELETE refused',
    );
    expect((await getDriver(get(), w.analyst, d.id)).reviews).toHaveLength(3);
    const early = await refusal(reviewDriver(get(), w.analyst, d.id, 3, { dated: '2017-01-01', note: 'Backdated.' }));
    expect(early.message).toContain('was last reviewed on 2017-04-09');
  });

  it('refuses a stale review or change, naming both versions, and saves nothing', async () => {
    const a = await assessment();
    const d = await createDriver(get(), w.analyst, a.id, {
      name: 'Combined Authorities – Future impact',
      challenge: 'partner',
      impact: 6,
      uncertainty: 9,
    });
    expect(d.number).toBe(1);
    await reviewDriver(get(), w.admin, d.id, 1, {
      impact: 7,
      note: 'West Midlands Combined Authority membership under review.',
    });
    const err = await refusal(reviewDriver(get(), w.analyst, d.id, 1, { impact: 2, note: 'late' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(
      `Driver ${d.id} (number 1) has changed since you read it: you had version 1, it is now version 2 (last changed by ${w.admin.username}`,
    );
    expect((await refusal(updateDriver(get(), w.analyst, d.id, 1, { name: 'x' }))).code).toBe('CONFLICT');
    const now = await getDriver(get(), w.analyst, d.id);
    expect(now).toMatchObject({ impact: 7, version: 2, name: 'Combined Authorities – Future impact' });
    expect(now.reviews.map((r) => r.impact)).toEqual([6, 7]);
  });

  it('refuses a driver without a group, a score off the scale and a number already taken', async () => {
    const a = await assessment();
    await createDriver(get(), w.analyst, a.id, {
      number: 3,
      name: 'Debt and corruption in carers and elderly abuse',
      challenge: 'social',
      impact: 6,
      uncertainty: 7,
    });
    await expect(createDriver(get(), w.analyst, a.id, { name: 'x', impact: 5, uncertainty: 5 })).rejects.toThrow(
      'A driver needs a group',
    );
    await expect(
      createDriver(get(), w.analyst, a.id, { name: 'x', challenge: 'social', impact: 11, uncertainty: 5 }),
    ).rejects.toThrow('from 1 to 10');
    await expect(
      createDriver(get(), w.analyst, a.id, { number: 3, name: 'x', pestelo: 'economic', impact: 5, uncertainty: 5 }),
    ).rejects.toThrow(`already has a driver numbered 3`);
    expect((await listDrivers(get(), w.analyst, { assessmentId: a.id })).map((d) => d.number)).toEqual([3]);
  });

  it('carries drivers across two assessments with their history, and the old year keeps its record', async () => {
    const y1 = await assessment();
    const d = await createDriver(get(), w.analyst, y1.id, {
      number: 8,
      name: 'Combined Authorities',
      challenge: 'partner',
      impact: 6,
      uncertainty: 9,
      dated: '2015-10-01',
      themes: ['Partnership'],
    });
    await reviewDriver(get(), w.analyst, d.id, 1, {
      dated: '2016-03-01',
      uncertainty: 8,
      note: 'Devolution timetable published.',
    });
    const { assessment: y2, carried } = await createNextAssessment(get(), w.analyst, y1.id, { versionLabel: 'V1' });
    expect(carried.drivers).toBe(1);
    const [copy] = await listDrivers(get(), w.analyst, { assessmentId: y2.id });
    if (copy === undefined) throw new Error('not carried');
    expect(copy).toMatchObject({
      number: 8,
      impact: 6,
      uncertainty: 8,
      reviewedOn: '2016-03-01',
      themes: ['Partnership'],
      carriedFrom: d.id,
      version: 1,
    });
    const old = await refusal(reviewDriver(get(), w.analyst, d.id, 2, { note: 'to the old record' }));
    expect(old.message).toContain(`carried into assessment ${y2.id} as driver ${copy.id}; add the review there`);
    await reviewDriver(get(), w.analyst, copy.id, 1, {
      dated: '2017-04-09',
      impact: 7,
      note: 'Local authorities deciding on membership.',
    });
    const { assessment: y3 } = await createNextAssessment(get(), w.analyst, y2.id, { versionLabel: 'V1' });
    const [third] = await listDrivers(get(), w.analyst, { assessmentId: y3.id });
    if (third === undefined) throw new Error('not carried twice');
    const history = await driverHistory(get(), w.analyst, third.id);
    expect(history.chain.map((x) => [x.id, x.assessmentId])).toEqual([
      [d.id, y1.id],
      [copy.id, y2.id],
      [third.id, y3.id],
    ]);
    expect(history.reviews.map((r) => [r.driverId, r.dated, r.impact, r.uncertainty])).toEqual([
      [d.id, '2015-10-01', 6, 9],
      [d.id, '2016-03-01', 6, 8],
      [copy.id, '2017-04-09', 7, 8],
    ]);
    expect((await getDriver(get(), w.analyst, d.id)).reviews).toHaveLength(2);
    expect(await getDriver(get(), w.analyst, d.id)).toMatchObject({ impact: 6, uncertainty: 8 });
    // A new version of the same year carries them too: the revised document keeps its scan.
    const { assessment: v2, carried: revised } = await reviseAssessment(get(), w.analyst, y3.id, {
      versionLabel: 'V2',
    });
    expect(revised.drivers).toBe(1);
    expect(
      (await listDrivers(get(), w.analyst, { assessmentId: v2.id })).map((x) => [x.number, x.carriedFrom]),
    ).toEqual([[8, third.id]]);
  });

  it('builds the matrix and the meta view from what the actor can see, marked with the highest marking shown', async () => {
    const a = await assessment();
    await createDriver(get(), w.analyst, a.id, {
      number: 1,
      name: 'Cyber threats',
      challenge: 'social',
      impact: 9,
      uncertainty: 7,
      themes: ['Cyber'],
    });
    await createDriver(get(), w.analyst, a.id, {
      number: 10,
      name: 'Statutory services in austerity',
      challenge: 'partner',
      impact: 8,
      uncertainty: 3,
      themes: ['Funding'],
    });
    await createDriver(get(), w.analyst, a.id, {
      number: 15,
      name: 'Shared systems',
      challenge: 'policing',
      pestelo: 'technological',
      impact: 7,
      uncertainty: 5,
      themes: ['cyber'],
      marking: 'OFFICIAL-SENSITIVE',
    });
    const m = await driverMatrix(get(), w.analyst, a.id);
    expect(m.marking).toBe('OFFICIAL-SENSITIVE');
    expect(m.quadrants.map((q) => [q.id, q.drivers.map((d) => d.number)])).toEqual([
      ['critical_uncertainties', [1]],
      ['plan_for', [10, 15]],
      ['monitor', []],
      ['background', []],
    ]);
    const seenByReader = await driverMatrix(get(), w.reader, a.id);
    expect(seenByReader.marking).toBe('OFFICIAL');
    expect(seenByReader.quadrants.flatMap((q) => q.drivers.map((d) => d.number))).toEqual([1, 10]);
    expect(seenByReader.grid.flatMap((c) => c.numbers)).not.toContain(15);
    const meta = await driverThemes(get(), w.analyst, a.id);
    expect(meta.groups.map((g) => [g.label, g.drivers.map((d) => d.number)])).toEqual([
      ['Social Challenges', [1]],
      ['Partner Challenges', [10]],
      ['Policing Challenges', [15]],
    ]);
    expect(meta.themes.map((t) => [t.theme, t.drivers.map((d) => d.number), t.crossCutting])).toEqual([
      ['Cyber', [1, 15], true],
      ['Funding', [10], false],
    ]);
    expect(
      (await driverThemes(get(), w.reader, a.id)).themes.map((t) => [t.theme, t.drivers.map((d) => d.number)]),
    ).toEqual([
      ['Cyber', [1]],
      ['Funding', [10]],
    ]);
    expect((await driverThemes(get(), w.analyst, a.id, 'pestelo')).groups.map((g) => g.label)).toEqual([
      'Technological',
      'Not grouped',
    ]);
    expect((await listDrivers(get(), w.analyst, { assessmentId: a.id, theme: 'CYBER' })).map((d) => d.number)).toEqual([
      1, 15,
    ]);
  });

  it('applies the marking rule to lists, reads, writes, the matrix and the meta view', async () => {
    const a = await assessment();
    const plain = await createDriver(get(), w.analyst, a.id, {
      name: 'Funding cuts and outreach groups',
      challenge: 'social',
      impact: 7,
      uncertainty: 3,
    });
    const sensitive = await createDriver(get(), w.analyst, a.id, {
      name: 'New agencies with police-type powers',
      challenge: 'policing',
      impact: 4,
      uncertainty: 8,
      marking: 'OFFICIAL-SENSITIVE',
    });
    const shared = await createDriver(get(), w.analyst, a.id, {
      name: 'Information sharing and standards',
      challenge: 'partner',
      impact: 7,
      uncertainty: 5,
      sharedWith: [w.partner],
    });
    expect((await listDrivers(get(), w.analyst, { assessmentId: a.id })).map((d) => d.id)).toEqual([
      plain.id,
      sensitive.id,
      shared.id,
    ]);
    expect((await listDrivers(get(), w.reader, { assessmentId: a.id })).map((d) => d.id)).toEqual([
      plain.id,
      shared.id,
    ]);
    expect(await listDrivers(get(), w.otherReader, { assessmentId: a.id })).toEqual([]);
    expect((await listDrivers(get(), w.partnerReader)).map((d) => d.id)).toEqual([shared.id]);
    const hidden = await refusal(getDriver(get(), w.reader, sensitive.id));
    expect([hidden.code, hidden.message]).toEqual([
      'NOT_FOUND',
      `There is no driver ${sensitive.id} that you can see.`,
    ]);
    expect((await refusal(getDriver(get(), w.partnerReader, plain.id))).code).toBe('NOT_FOUND');
    expect((await refusal(driverHistory(get(), w.otherReader, plain.id))).code).toBe('NOT_FOUND');
    await expect(reviewDriver(get(), w.reader, sensitive.id, 1, { note: 'x' })).rejects.toThrow(
      `There is no driver ${sensitive.id} that you can see.`,
    );
    await expect(reviewDriver(get(), w.reader, plain.id, 1, { note: 'x' })).rejects.toThrow(
      /needs the admin or analyst role/,
    );
    await expect(reviewDriver(get(), w.partnerReader, shared.id, 1, { note: 'x' })).rejects.toThrow(
      /needs the admin or analyst role/,
    );
    await expect(
      createDriver(get(), w.analyst, a.id, {
        name: 'Too high',
        challenge: 'social',
        impact: 5,
        uncertainty: 5,
        marking: 'SECRET',
      }),
    ).rejects.toThrow(/clearance is OFFICIAL-SENSITIVE/);
    // The assessment itself is not shared with the partner or the other force: their matrix is "not found".
    expect((await refusal(driverMatrix(get(), w.otherReader, a.id))).code).toBe('NOT_FOUND');
    expect((await refusal(driverThemes(get(), w.partnerReader, a.id))).code).toBe('NOT_FOUND');
  });

  it('writes an audit row for every create, review, change and carried copy', async () => {
    const a = await assessment();
    const d = await createDriver(get(), w.analyst, a.id, {
      name: 'Skills transformation',
      challenge: 'policing',
      impact: 6,
      uncertainty: 4,
      marking: 'OFFICIAL-SENSITIVE',
    });
    const { review } = await reviewDriver(get(), w.analyst, d.id, 1, {
      impact: 7,
      note: 'Leadership skills analysis required by HMIC.',
    });
    await updateDriver(get(), w.analyst, d.id, 2, { themes: ['Workforce'], pestelo: 'organisational' });
    const { assessment: next } = await createNextAssessment(get(), w.analyst, a.id, { versionLabel: 'V1' });
    const [copy] = await listDrivers(get(), w.analyst, { assessmentId: next.id });
    const ofDriver = await listAudit(get(), w.approver, { table: 'drivers', recordId: d.id });
    expect(ofDriver.map((x) => x.action)).toEqual(['create', 'update', 'update']);
    expect(ofDriver[1]?.before).toMatchObject({ impact: 6, version: 1 });
    expect(ofDriver[1]?.after).toMatchObject({ impact: 7, version: 2 });
    expect(ofDriver[2]?.after).toMatchObject({ themes: ['Workforce'], pestelo: 'organisational', version: 3 });
    expect(ofDriver.every((x) => x.marking === 'OFFICIAL-SENSITIVE' && x.actorName === w.analyst.username)).toBe(true);
    const reviews = await listAudit(get(), w.approver, { table: 'driver_reviews' });
    expect(reviews.find((x) => x.recordId === String(review.id))?.after).toMatchObject({
      impact: 7,
      note: 'Leadership skills analysis required by HMIC.',
    });
    const ofCopy = await listAudit(get(), w.approver, { table: 'drivers', recordId: copy?.id ?? 0 });
    expect(ofCopy.map((x) => [x.action, (x.after as { carriedFrom: number }).carriedFrom])).toEqual([['create', d.id]]);
    expect(await listAudit(get(), w.reader, { table: 'drivers', recordId: d.id })).toEqual([]);
  });
});
