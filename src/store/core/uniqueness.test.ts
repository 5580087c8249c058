/**
 * Issue 13, defect 5: a name, number or reference used only by a record its writer cannot see
 * is accepted exactly as an unused one, so no answer tells a hidden record is there; a clash with
 * a record the writer can see is refused and names it. A reader who sees both records of one name
 * is asked for an id instead of being given either (core/uniqueness.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { refusal } from '../../../test/refusal.js';
import {
  actorFor,
  createAssessment,
  createDriver,
  createDriverConfiguration,
  createPriority,
  createRecommendation,
  createRisk,
  createThreat,
  createUser,
  importScores,
  listDrivers,
  updateThreat,
  type Actor,
  type Assessment,
} from '../index.js';

const SENSITIVE = 'OFFICIAL-SENSITIVE';

describeEachDialect('uniqueness within sight', (get) => {
  let w: World;
  let a: Assessment;
  /** An OFFICIAL analyst of the same force: cannot see the OFFICIAL-SENSITIVE records. */
  let low: Actor;
  beforeAll(async () => {
    w = await makeWorld(get());
    await createUser(get(), await actorFor(get(), 'root'), {
      username: `${w.tag}-low-analyst`,
      displayName: 'Low analyst',
      clearance: 'OFFICIAL',
      memberships: [{ organisationId: w.force, role: 'analyst' }],
    });
    low = await actorFor(get(), `${w.tag}-low-analyst`);
    a = await createAssessment(get(), w.analyst, { organisationId: w.force, period: '2017/18', versionLabel: 'V1' });
  });

  const driver = (n?: number, marking: 'OFFICIAL' | typeof SENSITIVE = 'OFFICIAL') => ({
    ...(n === undefined ? {} : { number: n }),
    name: `Driver ${n ?? 'next'}`,
    challenge: 'policing' as const,
    impact: 5,
    uncertainty: 5,
    marking,
  });
  const risk = (reference: string, marking: 'OFFICIAL' | typeof SENSITIVE = 'OFFICIAL') => ({
    organisationId: w.force,
    reference,
    title: `Risk ${reference}`,
    category: 'Organisational',
    owner: 'DCC',
    inherent: { likelihood: 4, impact: 5 },
    residual: { likelihood: 3, impact: 4 },
    identifiedOn: '2016-12-05',
    marking,
  });
  const priority = (wording: string, marking: 'OFFICIAL' | typeof SENSITIVE = 'OFFICIAL') => ({
    partnerId: w.partner,
    period: '2017/18',
    wording,
    taxonomyIds: ['asb'],
    marking,
  });

  it("accepts a hidden threat's name exactly as an unused one, and names a visible clash", async () => {
    await createThreat(get(), w.analyst, a.id, { name: 'Hidden threat', marking: SENSITIVE });
    const same = await createThreat(get(), low, a.id, { name: 'hidden THREAT' });
    const unused = await createThreat(get(), low, a.id, { name: 'Unused threat' });
    expect([same.marking, unused.marking]).toEqual(['OFFICIAL', 'OFFICIAL']);
    // The same writer again, and a writer who sees both: refused, naming the record seen.
    expect((await refusal(createThreat(get(), low, a.id, { name: 'Hidden threat' }))).message).toBe(
      `Assessment ${a.id} already has a threat named "Hidden threat" (threat ${same.id}).`,
    );
    expect(
      (await refusal(createThreat(get(), w.analyst, a.id, { name: 'Unused threat', marking: SENSITIVE }))).message,
    ).toContain(`(threat ${unused.id})`);
    // Raising the OFFICIAL one to the hidden one's marking would put two beside each other: refused.
    expect((await refusal(updateThreat(get(), w.analyst, same.id, 1, { marking: SENSITIVE }))).message).toContain(
      'already has a threat named "hidden THREAT"',
    );
  });

  it('refuses a score by a name two visible threats carry, naming both ids', async () => {
    const rows = [{ line: 2, threat: 'Hidden threat', assessor: w.analyst.username, values: {}, rationale: {} }];
    const refused = await refusal(importScores(get(), w.analyst, a.id, rows, { source: 'scores.csv' }));
    expect(refused.message).toMatch(
      /scores\.csv line 2, field "threat": Threat "Hidden threat" names 2 records you can see \(ids \d+, \d+\)/,
    );
  });

  it("accepts a hidden driver's number, numbers the next driver without a gap, and asks for an id when two are seen", async () => {
    const fresh = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2018/19',
      versionLabel: 'V1',
    });
    for (const n of [1, 2, 3]) await createDriver(get(), w.analyst, a.id, driver(n, SENSITIVE));
    // Beside three hidden drivers the OFFICIAL analyst's first driver is numbered 1, as in an
    // assessment with none; a number only a hidden driver has is free.
    const next = await createDriver(get(), low, a.id, driver());
    const control = await createDriver(get(), low, fresh.id, driver());
    expect([next.number, control.number]).toEqual([1, 1]);
    expect((await createDriver(get(), low, a.id, driver(3))).number).toBe(3);
    expect((await createDriver(get(), low, a.id, driver())).number).toBe(4);
    expect((await refusal(createDriver(get(), low, a.id, driver(3)))).message).toMatch(
      /already has a driver numbered 3 \(driver \d+\)/,
    );
    // The analyst who sees all: the next number is after the highest they see; number 1 is ambiguous.
    expect((await createDriver(get(), w.analyst, a.id, driver(undefined, SENSITIVE))).number).toBe(5);
    expect((await listDrivers(get(), low, { assessmentId: a.id })).map((d) => d.number)).toEqual([1, 3, 4]);
    expect(
      (await refusal(createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Cyber', primary: [1] }))).message,
    ).toMatch(/Driver number 1 of assessment \d+ names 2 records you can see \(ids \d+, \d+\)/);
  });

  it("accepts a hidden risk's reference exactly as an unused one", async () => {
    await createRisk(get(), w.analyst, risk('SR90', SENSITIVE));
    expect((await createRisk(get(), low, risk('SR90'))).reference).toBe('SR90');
    expect((await createRisk(get(), low, risk('SR91'))).reference).toBe('SR91');
    expect((await refusal(createRisk(get(), w.analyst, risk('SR91', SENSITIVE)))).message).toMatch(
      `${w.force} already has a risk with reference SR91; choose another reference.`,
    );
  });

  it("accepts a hidden priority's wording and a hidden recommendation's number exactly as unused ones", async () => {
    await createPriority(get(), w.analyst, priority('Begging', SENSITIVE));
    expect((await createPriority(get(), low, priority('Begging'))).wording).toBe('Begging');
    expect((await refusal(createPriority(get(), low, priority('Begging')))).message).toMatch(/\(priority \d+\)/);
    const rec = { theme: 'CSE', text: 'Record the drugs used.' };
    await createRecommendation(get(), w.analyst, a.id, { ...rec, number: '9', marking: SENSITIVE });
    expect((await createRecommendation(get(), low, a.id, { ...rec, number: '9' })).number).toBe('9');
  });
});
