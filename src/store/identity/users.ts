/**
 * Users, their clearance and their memberships (organisation + role). Decisions: the first user
 * of an empty store is created without an actor and must be an administrator (bootstrap); after
 * that only an administrator of each organisation may grant roles in it, and nobody may grant a
 * clearance above their own. The password hash column stays empty until login exists.
 */
import { sql } from 'kysely';
import { inputError } from '../../errors.js';
import { markingRank, parseMarking, type Marking } from '../../domain/marking.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { requireAdminOrBootstrap } from './organisations.js';
import { forbidden, requireRole, textArray } from '../core/policy.js';
import { isRole, ROLES, type Role } from '../core/roles.js';
import { toInt, toIso } from '../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';

export interface Membership {
  readonly organisationId: string;
  readonly role: Role;
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly clearance: Marking;
  readonly memberships: readonly Membership[];
  readonly createdAt: string;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly clearance: string;
  readonly memberships: readonly { readonly organisationId: string; readonly role: string }[];
}

export async function createUser(store: Store, actor: Actor | null, input: NewUser): Promise<User> {
  const clearance = parseMarking(input.clearance);
  const memberships = input.memberships.map(parseMembership);
  return inTransaction(store, async (tx) => {
    await requireAdminOrBootstrap(tx, actor, 'add users');
    if (actor === null && !memberships.some((m) => m.role === 'admin')) {
      throw inputError(
        'The first user of a store must be an administrator: give them the admin role in an organisation (--admin).',
      );
    }
    if (actor !== null) checkGrant(actor, clearance, memberships);
    const clash = await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (clash !== undefined)
      throw inputError(`User "${input.username}" already exists: choose another username.`, {
        fields: [{ field: 'username', message: 'already taken' }],
      });
    await requireOrganisations(tx, memberships);
    const row = await tx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, clearance })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    if (memberships.length > 0) {
      await tx
        .insertInto('memberships')
        .values(memberships.map((m) => ({ user_id: row.id, organisation_id: m.organisationId, role: m.role })))
        .execute();
    }
    const user: User = {
      id: row.id,
      username: input.username,
      displayName: input.displayName,
      clearance,
      memberships,
      createdAt: toIso(row.created_at),
    };
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'users',
      recordId: user.id,
      marking: 'OFFICIAL',
      organisationId: null,
      subjectId: user.id,
      after: user,
    });
    return user;
  });
}

export async function addMembership(
  store: Store,
  actor: Actor,
  username: string,
  organisationId: string,
  role: string,
): Promise<User> {
  const membership = parseMembership({ organisationId, role });
  await inTransaction(store, async (tx) => {
    requireRole(actor, organisationId, 'manage', `grant roles in ${organisationId}`);
    const user = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (user === undefined) throw inputError(`There is no user "${username}".`);
    await tx
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: organisationId, role: membership.role })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await writeAudit(tx, actor, {
      action: 'grant',
      table: 'memberships',
      recordId: `${user.id}:${organisationId}:${role}`,
      marking: 'OFFICIAL',
      organisationId,
      after: { username, ...membership },
    });
  });
  const [user] = (await listUsers(store, actor)).filter((u) => u.username === username);
  if (user === undefined) throw new Error('membership just granted is not visible');
  return user;
}

/** Users who share an organisation with the actor (and the actor), with their memberships. */
export async function listUsers(store: Store, actor: Actor): Promise<User[]> {
  const db = dbOf(store);
  const ids = db
    .selectFrom('memberships')
    .select('user_id')
    .where(sql<boolean>`organisation_id = ANY(${textArray(actor.organisationIds)})`);
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', ids), eb('id', '=', actor.userId)]))
    .orderBy('username')
    .execute();
  const all = await db.selectFrom('memberships').selectAll().orderBy('organisation_id').orderBy('role').execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    clearance: parseMarking(u.clearance),
    memberships: all
      .filter((m) => m.user_id === u.id && isRole(m.role))
      .map((m) => ({ organisationId: m.organisation_id, role: m.role as Role })),
    createdAt: toIso(u.created_at),
  }));
}

export async function countUsers(store: Store): Promise<number> {
  const row = await dbOf(store)
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return toInt(row.n);
}

function parseMembership(m: { organisationId: string; role: string }): Membership {
  if (!isRole(m.role)) throw inputError(`Role "${m.role}" is not one of ${ROLES.join(', ')}.`);
  return { organisationId: m.organisationId, role: m.role };
}

function checkGrant(actor: Actor, clearance: Marking, memberships: readonly Membership[]): void {
  if (markingRank(clearance) > markingRank(actor.clearance)) {
    throw forbidden(
      `${actor.username} cannot grant clearance ${clearance}: it is above their own (${actor.clearance}).`,
    );
  }
  for (const m of memberships) requireRole(actor, m.organisationId, 'manage', `grant roles in ${m.organisationId}`);
}

async function requireOrganisations(tx: Tx, memberships: readonly Membership[]): Promise<void> {
  for (const m of memberships) {
    const org = await tx.selectFrom('organisations').select('id').where('id', '=', m.organisationId).executeTakeFirst();
    if (org === undefined)
      throw inputError(`Organisation "${m.organisationId}" does not exist; create it first (stra org add).`);
  }
}
