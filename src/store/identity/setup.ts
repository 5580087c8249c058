/**
 * First run (issue 14): a workspace with no users is set up from the browser in one transaction:
 * its organisations, the first administrator (an admin of each organisation it chose) and their
 * password. Why one transaction behind a table lock: two people opening a new server at once must
 * not both become its first administrator. The second waits for the lock, then finds a user and
 * is refused as if there were no set-up at all (NOT_FOUND: the set-up exists only while the
 * workspace has no users). Every row is audited by the functions it reuses, under the bootstrap
 * actor; organisations that already exist (made with `stra org add`) are kept as they are.
 */
import { sql } from 'kysely';
import { notFoundError } from '../../errors.js';
import { setPasswordHash } from './credentials.js';
import { createOrganisation, type NewOrganisation, type Organisation } from './organisations.js';
import { createUser, type User } from './users.js';
import { atomically, dbOf, type Store } from '../core/store.js';

export interface WorkspaceSetup {
  readonly organisations: readonly NewOrganisation[];
  /** The organisations the first administrator administers. */
  readonly administers: readonly string[];
  readonly admin: {
    readonly username: string;
    readonly displayName: string;
    readonly clearance: string;
    /** Already hashed at the edge (src/auth/passwords.ts). */
    readonly passwordHash: string;
  };
}

export interface SetUp {
  readonly user: User;
  /** The organisations created now (those that existed already are left out). */
  readonly created: readonly Organisation[];
}

export const setupOver = () =>
  notFoundError('There is no set-up here: this workspace already has users. Log in, or ask its administrator.');

export async function setUpWorkspace(store: Store, setup: WorkspaceSetup): Promise<SetUp> {
  return atomically(store, async (tx) => {
    // Held to the end of the transaction: a second set-up waits here, then sees the first's user.
    await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(dbOf(tx));
    const anyone = await dbOf(tx).selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyone !== undefined) throw setupOver();
    const existing = new Set((await dbOf(tx).selectFrom('organisations').select('id').execute()).map((o) => o.id));
    const created: Organisation[] = [];
    for (const org of setup.organisations)
      if (!existing.has(org.id)) created.push(await createOrganisation(tx, null, org));
    const user = await createUser(tx, null, {
      username: setup.admin.username,
      displayName: setup.admin.displayName,
      clearance: setup.admin.clearance,
      memberships: setup.administers.map((organisationId) => ({ organisationId, role: 'admin' })),
    });
    await setPasswordHash(tx, null, setup.admin.username, setup.admin.passwordHash);
    return { user, created };
  });
}

/** Whether the workspace still needs setting up (it has no users). */
export async function needsSetup(store: Store): Promise<boolean> {
  return (await dbOf(store).selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined;
}
