/**
 * Configured use of the drivers: a topic with primary and secondary drivers is kept, validated
 * (drivers exist and are visible; none both primary and secondary; one configuration per topic),
 * versioned (a stale change is a CONFLICT), audited, carried into next year with the carried
 * drivers, and never shown to someone who cannot see every driver in it.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  actorFor,
  createUser,
  createAssessment,
  createDriver,
  createDriverConfiguration,
  createNextAssessment,
  getDriverConfiguration,
  listAudit,
  listDriverConfigurations,
  listDrivers,
  updateDriverConfiguration,
  type Assessment,
} from '../../index.js';
import { refusal } from '../../../../test/refusal.js';

const DRIVERS = [
  [1, 'Connected society faces diverse cyber threats', 'social', 'OFFICIAL'],
  [12, 'Information sharing and standards', 'partner', 'OFFICIAL'],
  [14, 'Automated knowledge to providers', 'policing', 'OFFICIAL'],
  [15, 'Need for shared strategies/ systems/ technologies', 'policing', 'OFFICIAL'],
  [17, 'New agencies with police-type powers', 'policing', 'OFFICIAL-SENSITIVE'],
] as const;

describeEachDialect('driver configurations', (get) => {
  let w: World;
  let a: Assessment;
  beforeAll(async () => {
    w = await makeWorld(get());
    a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V1',
      sharedWith: [w.partner],
    });
    for (const [number, name, challenge, marking] of DRIVERS) {
      await createDriver(get(), w.analyst, a.id, {
        number,
        name,
        challenge,
        impact: 7,
        uncertainty: 6,
        marking,
        sharedWith: number === 17 ? [] : [w.partner],
      });
    }
  });

  it('keeps a topic with its primary and secondary drivers in the order chosen', async () => {
    const c = await createDriverConfiguration(get(), w.analyst, a.id, {
      topic: 'Cyber crime',
      primary: [15, 1],
      secondary: [12, 14],
      note: 'Illustrative.',
    });
    expect(c).toMatchObject({ topic: 'Cyber crime', marking: 'OFFICIAL', version: 1, note: 'Illustrative.' });
    expect(c.primary.map((d) => d.number)).toEqual([15, 1]);
    expect(c.secondary.map((d) => [d.number, d.name])).toEqual([
      [12, 'Information sharing and standards'],
      [14, 'Automated knowledge to providers'],
    ]);
    expect(
      (await listDriverConfigurations(get(), w.analyst, { assessmentId: a.id, topic: 'CYBER CRIME' })).map((x) => x.id),
    ).toEqual([c.id]);
  });

  it('refuses unknown drivers, a driver both primary and secondary, and a second configuration for a topic', async () => {
    expect(
      (
        await refusal(
          createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Fraud', primary: [1, 99], secondary: [] }),
        )
      ).message,
    ).toBe(`Assessment ${a.id} has no driver numbered 99 that you can see (stra driver list --assessment ${a.id}).`);
    expect(
      (
        await refusal(
          createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Fraud', primary: [1], secondary: [1, 12] }),
        )
      ).message,
    ).toContain('driver 1 cannot be both primary and secondary');
    await createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Fraud', primary: [1] });
    expect(
      (await refusal(createDriverConfiguration(get(), w.analyst, a.id, { topic: 'fraud', primary: [12] }))).message,
    ).toContain('already has a driver configuration for "fraud"');
    // A reader may not configure.
    const byReader = await refusal(
      createDriverConfiguration(get(), w.reader, a.id, { topic: 'Powers', primary: [17] }),
    );
    expect(byReader.message).toMatch(/needs the admin or analyst role/);
  });

  it("accepts a hidden configuration's topic exactly as an unused one (issue 13)", async () => {
    const hidden = await createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Special powers', primary: [17] });
    await createUser(get(), await actorFor(get(), 'root'), {
      username: `${w.tag}-official-analyst`,
      displayName: 'Official analyst',
      clearance: 'OFFICIAL',
      memberships: [{ organisationId: w.force, role: 'analyst' }],
    });
    const official = await actorFor(get(), `${w.tag}-official-analyst`);
    const made = await createDriverConfiguration(get(), official, a.id, { topic: 'special POWERS', primary: [1] });
    expect(made).toMatchObject({ topic: 'special POWERS', marking: 'OFFICIAL' });
    // Whoever can see a configuration with the topic is told which one holds it.
    expect(
      (await refusal(createDriverConfiguration(get(), w.analyst, a.id, { topic: 'special POWERS', primary: [1] })))
        .message,
    ).toMatch(new RegExp(`\\(configuration (${hidden.id}|${made.id})\\)`));
  });

  it('changes a configuration with a version check, keeping the old state in the audit', async () => {
    const c = await createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Demand', primary: [12] });
    const changed = await updateDriverConfiguration(get(), w.analyst, c.id, 1, { primary: [14], secondary: [12] });
    expect([changed.version, changed.primary.map((d) => d.number), changed.secondary.map((d) => d.number)]).toEqual([
      2,
      [14],
      [12],
    ]);
    const stale = await refusal(updateDriverConfiguration(get(), w.analyst, c.id, 1, { secondary: [] }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('you had version 1, it is now version 2');
    expect((await getDriverConfiguration(get(), w.analyst, c.id)).secondary.map((d) => d.number)).toEqual([12]);
    const audit = await listAudit(get(), w.approver, { table: 'driver_configurations', recordId: c.id });
    expect(audit.map((x) => x.action)).toEqual(['create', 'update']);
    expect((audit[1]?.before as { primary: { number: number }[] }).primary.map((d) => d.number)).toEqual([12]);
    expect((audit[1]?.after as { primary: { number: number }[] }).primary.map((d) => d.number)).toEqual([14]);
  });

  it('marks a configuration at least as high as its drivers and hides it from anyone who cannot see them all', async () => {
    const low = await refusal(
      createDriverConfiguration(get(), w.analyst, a.id, { topic: 'Powers', primary: [17], marking: 'OFFICIAL' }),
    );
    expect(low.message).toBe(
      'A configuration must be marked at least OFFICIAL-SENSITIVE, the highest marking of its drivers (it was OFFICIAL).',
    );
    const powers = await createDriverConfiguration(get(), w.analyst, a.id, {
      topic: 'Powers',
      primary: [17],
      secondary: [1],
      sharedWith: [w.partner],
    });
    expect(powers.marking).toBe('OFFICIAL-SENSITIVE');
    const open = await createDriverConfiguration(get(), w.analyst, a.id, {
      topic: 'Partnership data',
      primary: [12],
      sharedWith: [w.partner],
    });
    // The partner is cleared for OFFICIAL-SENSITIVE and the configuration is shared, but driver 17 is not.
    expect(
      (await listDriverConfigurations(get(), w.partnerReader, { assessmentId: a.id })).map((c) => c.topic),
    ).toEqual(['Partnership data']);
    expect((await refusal(getDriverConfiguration(get(), w.partnerReader, powers.id))).message).toBe(
      `There is no driver configuration ${powers.id} that you can see.`,
    );
    expect((await refusal(getDriverConfiguration(get(), w.reader, powers.id))).code).toBe('NOT_FOUND');
    expect(await listDriverConfigurations(get(), w.otherReader)).toEqual([]);
    expect((await getDriverConfiguration(get(), w.partnerReader, open.id)).primary.map((d) => d.number)).toEqual([12]);
  });

  it('carries configurations into next year naming the carried drivers', async () => {
    const y1 = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V1',
    });
    await createDriver(get(), w.analyst, y1.id, {
      number: 1,
      name: 'Cyber threats',
      challenge: 'social',
      impact: 9,
      uncertainty: 7,
    });
    await createDriver(get(), w.analyst, y1.id, {
      number: 2,
      name: 'Modern vulnerabilities',
      challenge: 'social',
      impact: 8,
      uncertainty: 5,
    });
    const c = await createDriverConfiguration(get(), w.analyst, y1.id, {
      topic: 'Cyber crime',
      primary: [1],
      secondary: [2],
    });
    const oldPrimary = c.primary.map((d) => d.id);
    const { assessment: y2, carried } = await createNextAssessment(get(), w.analyst, y1.id, { versionLabel: 'V1' });
    expect(carried).toMatchObject({ drivers: 2, driverConfigurations: 1 });
    const [copy] = await listDriverConfigurations(get(), w.analyst, { assessmentId: y2.id });
    const y2Drivers = await listDrivers(get(), w.analyst, { assessmentId: y2.id });
    expect(copy).toMatchObject({ topic: 'Cyber crime', carriedFrom: c.id, assessmentId: y2.id });
    expect(copy?.primary.map((d) => d.id)).toEqual([y2Drivers[0]?.id]);
    expect(copy?.secondary.map((d) => d.id)).toEqual([y2Drivers[1]?.id]);
    // The old year's configuration is kept as it was, and its drivers now take changes only in the new year.
    expect((await getDriverConfiguration(get(), w.analyst, c.id)).primary.map((d) => d.id)).toEqual(oldPrimary);
    expect((await refusal(updateDriverConfiguration(get(), w.analyst, c.id, 1, { secondary: [] }))).message).toMatch(
      new RegExp(`was carried into assessment ${y2.id} as driver \\d+; configure it there\\.$`),
    );
  });
});
