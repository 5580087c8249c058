/**
 * The demo drivers: the seed's eighteen, with its numbers, names and groups, stored in the 2017/18
 * assessment and shared with the partnerships (a CSP reader sees them; the OPCC reader, with whom
 * they are not shared, does not), with the illustrative "Cyber crime" configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { repoRoot } from '../../../test/shared-data.js';
import {
  actorFor,
  createAssessment,
  createOrganisation,
  createUser,
  driverMatrix,
  listDriverConfigurations,
  listDrivers,
  type Assessment,
} from '../../store/index.js';
import { loadDemoDrivers, seedDemoDrivers } from './drivers.js';
import { DEMO_ALLIANCE, DEMO_ORGANISATIONS, DEMO_USERS } from './people.js';

const SEED = path.resolve(repoRoot, '..', 'shared', 'seed', '000_548dc7ecec1c537a.txt');

describe('demo drivers file', () => {
  it("holds the seed's eighteen drivers: 1-6 social, 7-12 partner, 13-18 policing", async () => {
    const { drivers } = await loadDemoDrivers();
    expect(drivers.map((d) => d.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(drivers.map((d) => d.group)).toEqual([
      ...Array(6).fill('social'),
      ...Array(6).fill('partner'),
      ...Array(6).fill('policing'),
    ]);
  });

  it.skipIf(!existsSync(SEED))(
    'names each driver exactly as the seed lists it, and quotes the seed in its evidence',
    async () => {
      const seed = readFileSync(SEED, 'utf8');
      const listed = [...seed.matchAll(/^- (\d+) - (.+)$/gm)]
        .map((m) => [Number(m[1]), (m[2] ?? '').trim()] as const)
        .filter(([n]) => n <= 18);
      const { drivers } = await loadDemoDrivers();
      expect(drivers.map((d) => [d.number, d.name])).toEqual(listed.slice(-18));
      const flat = seed.replace(/\*/g, '').replace(/\s+/g, ' ');
      for (const e of drivers.flatMap((d) => d.evidence)) expect(flat).toContain(e.text);
    },
  );
});

describeEachDialect('demo drivers in the store', (get) => {
  let now: Assessment;
  beforeAll(async () => {
    for (const org of DEMO_ORGANISATIONS) await createOrganisation(get(), null, org);
    const [first, ...others] = DEMO_USERS;
    await createUser(get(), null, first);
    const admin = await actorFor(get(), first.username);
    for (const user of others) await createUser(get(), admin, user);
    const analyst = await actorFor(get(), 'r.patel');
    now = await createAssessment(get(), analyst, {
      organisationId: DEMO_ALLIANCE,
      period: '2017/18',
      versionLabel: 'V16 - Final',
      sharedWith: ['csp-rugby'],
    });
    const approver = await actorFor(get(), 'acc.morgan');
    const counts = await seedDemoDrivers(get(), { admin, analyst, approver, alliance: DEMO_ALLIANCE, last: now, now });
    expect(counts).toEqual({ drivers: 18, driverConfigurations: 1 });
  });

  it('stores the drivers in the 2017/18 assessment and shares them with the partnerships only', async () => {
    const csp = await actorFor(get(), 'rugby.csp');
    const drivers = await listDrivers(get(), csp, { assessmentId: now.id });
    expect(drivers.map((d) => d.name)).toContain('Connected society faces diverse cyber threats');
    expect(drivers).toHaveLength(18);
    expect(drivers.every((d) => d.marking === 'OFFICIAL' && d.reviewedOn === '2017-04-09')).toBe(true);
    expect(await listDrivers(get(), await actorFor(get(), 'opcc.reader'))).toEqual([]);
    const m = await driverMatrix(get(), csp, now.id);
    expect(m.quadrants.reduce((n, q) => n + q.drivers.length, 0)).toBe(18);
  });

  it('keeps the Cyber crime configuration: primary 1 and 15, secondary 12 and 14', async () => {
    const [c] = await listDriverConfigurations(get(), await actorFor(get(), 'r.patel'), { assessmentId: now.id });
    expect([c?.topic, c?.primary.map((d) => d.number), c?.secondary.map((d) => d.number)]).toEqual([
      'Cyber crime',
      [1, 15],
      [12, 14],
    ]);
  });
});
