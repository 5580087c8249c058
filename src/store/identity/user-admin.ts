/**
 * Administering users (issue 14): the users of the organisations an administrator administers,
 * and the changes to them: name, clearance, disabled or not, password reset, roles removed.
 *
 * Decisions: a user's name, clearance, password and whether they may log in hold in every
 * organisation they belong to, so changing them needs the admin role in *every* one of them (an
 * admin of one force cannot raise, lock out or take over a user who also works for another); a
 * role is per organisation, so granting or removing it needs the admin role there only. Nobody
 * grants a clearance above their own, disables themself, or removes an organisation's last
 * administrator. Every change is audited with the record before and after, about its user.
 */
import { sql } from 'kysely';
import { inputError, notFoundError } from '../../errors.js';
import { markingRank, parseMarking, type Marking } from '../../domain/marking.js';
import { rolesIn, type Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { forbidden, requireRole, textArray } from '../core/policy.js';
import { isRole, type Role } from '../core/roles.js';
import { toIso } from '../core/rows.js';
import { atomically, dbOf, inTransaction, type Store, type Tx } from '../core/store.js';
import { setPasswordHash } from './credentials.js';

export interface AdministeredUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly clearance: Marking;
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly memberships: readonly { readonly organisationId: string; readonly role: Role }[];
  /** Whether the actor administers every organisation this user belongs to (may change them). */
  readonly manageable: boolean;
  readonly createdAt: string;
}

export interface UserChange {
  readonly displayName?: string | undefined;
  readonly clearance?: string | undefined;
  readonly disabled?: boolean | undefined;
}

const administered = (actor: Actor): string[] =>
  actor.organisationIds.filter((o) => rolesIn(actor, o).includes('admin'));

function requireAdmin(actor: Actor, what: string): string[] {
  const orgs = administered(actor);
  if (orgs.length === 0)
    throw forbidden(`${actor.username} cannot ${what}: that needs the admin role in an organisation.`);
  return orgs;
}

/** The users who belong to an organisation the actor administers, with every membership of theirs. */
export async function administeredUsers(store: Store, actor: Actor): Promise<AdministeredUser[]> {
  const orgs = requireAdmin(actor, 'list the users to administer');
  const db = dbOf(store);
  const ids = db
    .selectFrom('memberships')
    .select('user_id')
    .where(sql<boolean>`organisation_id = ANY(${textArray(orgs)})`);
  const users = await db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('username').execute();
  const memberships = await db
    .selectFrom('memberships')
    .selectAll()
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('organisation_id')
    .orderBy('role')
    .execute();
  return users.map((u) => {
    const mine = memberships
      .filter((m) => m.user_id === u.id && isRole(m.role))
      .map((m) => ({ organisationId: m.organisation_id, role: m.role as Role }));
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      clearance: parseMarking(u.clearance),
      disabled: u.disabled_at !== null,
      hasPassword: u.password_hash !== null,
      memberships: mine,
      manageable: mine.every((m) => orgs.includes(m.organisationId)),
      createdAt: toIso(u.created_at),
    };
  });
}

/** The user's row, when the actor administers every organisation they belong to. */
async function manageableUser(tx: Tx, actor: Actor, username: string, what: string) {
  const orgs = requireAdmin(actor, what);
  const user = await tx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (user === undefined) throw notFoundError(`There is no user "${username}" in the organisations you administer.`);
  const theirs = [
    ...new Set(
      (await tx.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).execute()).map(
        (m) => m.organisation_id,
      ),
    ),
  ];
  if (!theirs.some((o) => orgs.includes(o)))
    throw notFoundError(`There is no user "${username}" in the organisations you administer.`);
  const others = theirs.filter((o) => !orgs.includes(o));
  if (others.length > 0)
    throw forbidden(
      `${actor.username} cannot ${what}: ${username} also belongs to ${others.join(', ')}, which ${actor.username} does not administer; an administrator of every organisation they belong to must do it.`,
    );
  return user;
}

export async function updateUser(store: Store, actor: Actor, username: string, change: UserChange): Promise<void> {
  await inTransaction(store, async (tx) => {
    const user = await manageableUser(tx, actor, username, `change ${username}`);
    const clearance = change.clearance === undefined ? undefined : parseMarking(change.clearance);
    if (clearance !== undefined && markingRank(clearance) > markingRank(actor.clearance))
      throw forbidden(
        `${actor.username} cannot grant clearance ${clearance}: it is above their own (${actor.clearance}).`,
      );
    if (change.disabled === true && user.id === actor.userId)
      throw inputError('You cannot disable yourself: another administrator must do it.', {
        fields: [{ field: 'disabled', message: 'you cannot disable yourself' }],
      });
    const before = { displayName: user.display_name, clearance: user.clearance, disabled: user.disabled_at !== null };
    const after = {
      displayName: change.displayName ?? before.displayName,
      clearance: clearance ?? before.clearance,
      disabled: change.disabled ?? before.disabled,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await tx
      .updateTable('users')
      .set({
        display_name: after.displayName,
        clearance: after.clearance,
        disabled_at: after.disabled ? (user.disabled_at ?? new Date()) : null,
      })
      .where('id', '=', user.id)
      .execute();
    // A disabled user's sessions end now, not when they expire.
    if (after.disabled) await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await writeAudit(tx, actor, {
      action: 'update',
      table: 'users',
      recordId: user.id,
      marking: 'OFFICIAL',
      organisationId: null,
      subjectId: user.id,
      before: { username, ...before },
      after: { username, ...after },
    });
  });
}

/** A new password set by an administrator of every organisation the user belongs to. */
export async function resetPassword(store: Store, actor: Actor, username: string, passwordHash: string): Promise<void> {
  await atomically(store, async (s) => {
    await manageableUser(dbOf(s) as Tx, actor, username, `reset ${username}'s password`);
    await setPasswordHash(s, actor, username, passwordHash);
  });
}

/**
 * Ends every session of a user now (a lost device, a shared password), leaving them able to log in
 * again; audited as a logout of that user by the administrator, with how many sessions ended.
 */
export async function revokeSessions(store: Store, actor: Actor, username: string): Promise<number> {
  return inTransaction(store, async (tx) => {
    const user = await manageableUser(tx, actor, username, `end ${username}'s sessions`);
    const ended = await tx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
    const count = Number(ended.numDeletedRows);
    await writeAudit(tx, actor, {
      action: 'logout',
      table: 'sessions',
      recordId: user.id,
      marking: 'OFFICIAL',
      organisationId: null,
      subjectId: user.id,
      after: { username, sessionsEnded: count, by: actor.username },
    });
    return count;
  });
}

/** Removes one role; the last administrator of an organisation stays. */
export async function removeMembership(
  store: Store,
  actor: Actor,
  username: string,
  organisationId: string,
  role: string,
): Promise<void> {
  await inTransaction(store, async (tx) => {
    requireRole(actor, organisationId, 'manage', `remove roles in ${organisationId}`);
    const user = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (user === undefined) throw notFoundError(`There is no user "${username}".`);
    const removed = await tx
      .deleteFrom('memberships')
      .where('user_id', '=', user.id)
      .where('organisation_id', '=', organisationId)
      .where('role', '=', role)
      .returning('role')
      .executeTakeFirst();
    if (removed === undefined) throw notFoundError(`${username} does not hold the ${role} role in ${organisationId}.`);
    if (role === 'admin') {
      const left = await tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('user_id')
        .where('organisation_id', '=', organisationId)
        .where('role', '=', 'admin')
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      if (left === undefined)
        throw inputError(
          `${username} is the last administrator of ${organisationId}: make someone else its administrator first.`,
          { fields: [{ field: 'role', message: 'the last administrator of the organisation' }] },
        );
    }
    await writeAudit(tx, actor, {
      action: 'delete',
      table: 'memberships',
      recordId: `${user.id}:${organisationId}:${role}`,
      marking: 'OFFICIAL',
      organisationId,
      subjectId: user.id,
      before: { username, organisationId, role },
    });
  });
}
