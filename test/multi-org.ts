/**
 * The multi-organisation fixture (issue 13): the demo alliance (its two forces, a CSP, an OPCC)
 * plus a second force outside it, Thames Valley, with its own CSP, and in each of six
 * organisations a user at every role and every clearance: `<org>.<role>.<o|os|s>` (OFFICIAL,
 * OFFICIAL-SENSITIVE, SECRET), all with the demo password. Nobody here is an administrator of
 * more than one organisation (the demo's own `admin` is, and stays, the bootstrap administrator of
 * every organisation).
 */
import { hashPassword } from '../src/auth/passwords.js';
import { DEMO_PASSWORD } from '../src/demo/record/people.js';
import type { Marking } from '../src/domain/marking.js';
import {
  actorFor,
  createAssessment,
  createDriver,
  createOrganisation,
  createRisk,
  createThreat,
  createUser,
  setPasswordHash,
  ROLES,
  type Role,
  type Store,
} from '../src/store/index.js';
import { demoApp, type DemoApp } from './demo-app.js';

export const SECOND_FORCE = 'thames-valley';

/** The organisations every role and clearance is created in. */
export const FIXTURE_ORGANISATIONS = [
  'wwm-alliance',
  'warwickshire',
  'west-mercia',
  SECOND_FORCE,
  'csp-rugby',
  'warwickshire-opcc',
] as const;

const CLEARANCES: Record<string, Marking> = { o: 'OFFICIAL', os: 'OFFICIAL-SENSITIVE', s: 'SECRET' };

export interface FixtureUser {
  readonly username: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly clearance: Marking;
}

export const FIXTURE_USERS: readonly FixtureUser[] = FIXTURE_ORGANISATIONS.flatMap((organisationId) =>
  ROLES.flatMap((role) =>
    Object.entries(CLEARANCES).map(([short, clearance]) => ({
      username: `${organisationId}.${role}.${short}`,
      organisationId,
      role,
      clearance,
    })),
  ),
);

export const fixtureUser = (organisationId: string, role: Role, clearance: Marking): string =>
  FIXTURE_USERS.find((u) => u.organisationId === organisationId && u.role === role && u.clearance === clearance)!
    .username;

/** The demo app with the second force and the fixture's users added. */
export async function multiOrgApp(overrides: Parameters<typeof demoApp>[0] = {}): Promise<DemoApp> {
  const demo = await demoApp(overrides);
  await addMultiOrgFixture(demo.store);
  return demo;
}

/** The second force, its CSP and the fixture's users, added to a demo store. */
export async function addMultiOrgFixture(store: Store): Promise<void> {
  const admin = await actorFor(store, 'admin');
  await createOrganisation(store, admin, { id: SECOND_FORCE, name: 'Thames Valley Police', kind: 'force' });
  await createOrganisation(store, await actorFor(store, 'admin'), {
    id: 'csp-oxford',
    name: 'Oxford Community Safety Partnership',
    kind: 'csp',
    parentId: SECOND_FORCE,
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const actor = await actorFor(store, 'admin');
  for (const u of FIXTURE_USERS) {
    await createUser(store, actor, {
      username: u.username,
      displayName: u.username,
      clearance: u.clearance,
      memberships: [{ organisationId: u.organisationId, role: u.role }],
    });
    await setPasswordHash(store, actor, u.username, hash);
  }
}

export interface Canary {
  /** Text that appears nowhere else: a page or answer holding it shows the record. */
  readonly text: string;
  readonly marking: Marking;
  readonly organisationId: string;
}

/**
 * Records that only some fixture users may see, with text found nowhere else: the alliance's
 * SECRET threat, risk and change driver (assessment 2), and the second force's own OFFICIAL
 * assessment with a threat and a risk. Returns them, the second force's assessment id and the
 * SECRET threat's id.
 */
export async function plantCanaries(
  store: Store,
): Promise<{ canaries: Canary[]; secondForceAssessment: number; secretThreat: number }> {
  const alliance = await actorFor(store, 'wwm-alliance.analyst.s');
  const secret = await createThreat(store, alliance, 2, {
    name: 'QXCANARY secret alliance threat',
    description: 'QXCANARY-SECRET-ALLIANCE',
    marking: 'SECRET',
  });
  await createRisk(store, alliance, {
    organisationId: 'wwm-alliance',
    reference: 'QX1',
    title: 'QXCANARY secret alliance risk',
    category: 'Organisational',
    owner: 'Deputy Chief Constable',
    inherent: { likelihood: 4, impact: 5 },
    residual: { likelihood: 3, impact: 4 },
    identifiedOn: '2016-12-05',
    marking: 'SECRET',
  });
  await createDriver(store, alliance, 2, {
    name: 'QXCANARY secret alliance driver',
    challenge: 'social',
    impact: 9,
    uncertainty: 2,
    marking: 'SECRET',
  });
  const tvAnalyst = await actorFor(store, `${SECOND_FORCE}.analyst.o`);
  const tv = await createAssessment(store, tvAnalyst, {
    organisationId: SECOND_FORCE,
    period: '2017/18',
    versionLabel: 'V1',
    title: 'Thames Valley Strategic Assessment',
  });
  await createThreat(store, tvAnalyst, tv.id, {
    name: 'QXCANARY Thames Valley threat',
    description: 'QXCANARY-OFFICIAL-TV',
    marking: 'OFFICIAL',
  });
  await createRisk(store, tvAnalyst, {
    organisationId: SECOND_FORCE,
    reference: 'TV1',
    title: 'QXCANARY Thames Valley risk',
    category: 'Organisational',
    owner: 'Chief Constable',
    inherent: { likelihood: 2, impact: 3 },
    residual: { likelihood: 2, impact: 2 },
    identifiedOn: '2017-01-10',
  });
  const hidden = { marking: 'SECRET', organisationId: 'wwm-alliance' } as const;
  const tvOwn = { marking: 'OFFICIAL', organisationId: SECOND_FORCE } as const;
  return {
    canaries: [
      { text: 'QXCANARY secret alliance threat', ...hidden },
      { text: 'QXCANARY-SECRET-ALLIANCE', ...hidden },
      { text: 'QXCANARY secret alliance risk', ...hidden },
      { text: 'QXCANARY secret alliance driver', ...hidden },
      { text: 'QXCANARY Thames Valley threat', ...tvOwn },
      { text: 'QXCANARY-OFFICIAL-TV', ...tvOwn },
      { text: 'QXCANARY Thames Valley risk', ...tvOwn },
    ],
    secondForceAssessment: tv.id,
    secretThreat: secret.id,
  };
}
