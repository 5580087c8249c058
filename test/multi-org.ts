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
import { actorFor, createOrganisation, createUser, setPasswordHash, ROLES, type Role } from '../src/store/index.js';
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
  const admin = await actorFor(demo.store, 'admin');
  await createOrganisation(demo.store, admin, { id: SECOND_FORCE, name: 'Thames Valley Police', kind: 'force' });
  await createOrganisation(demo.store, await actorFor(demo.store, 'admin'), {
    id: 'csp-oxford',
    name: 'Oxford Community Safety Partnership',
    kind: 'csp',
    parentId: SECOND_FORCE,
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const actor = await actorFor(demo.store, 'admin');
  for (const u of FIXTURE_USERS) {
    await createUser(demo.store, actor, {
      username: u.username,
      displayName: u.username,
      clearance: u.clearance,
      memberships: [{ organisationId: u.organisationId, role: u.role }],
    });
    await setPasswordHash(demo.store, actor, u.username, hash);
  }
  return demo;
}
