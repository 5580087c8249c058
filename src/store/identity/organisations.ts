/**
 * Organisations: forces, the alliance, community safety partnerships, OPCCs and other partners,
 * nested by parent. They are not marked (names of public bodies), but creating one is an
 * administrator's change and is audited; its creator becomes its first administrator. While the store has no users, the first organisations
 * may be created without an actor (bootstrap), so that the first administrator has somewhere
 * to belong.
 */
import { inputError } from '../../errors.js';
import { holdsRole, type Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { forbidden } from '../core/policy.js';
import { toIso } from '../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../domain/organisations.js';

export { ORGANISATION_KINDS, type OrganisationKind };

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly parentId: string | null;
  readonly createdAt: string;
}

export interface NewOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId?: string | null | undefined;
}

export async function createOrganisation(
  store: Store,
  actor: Actor | null,
  input: NewOrganisation,
): Promise<Organisation> {
  const kind = parseKind(input.kind);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(input.id)) {
    throw inputError(
      `Organisation id "${input.id}" must be lower-case letters, digits and hyphens (e.g. west-mercia).`,
    );
  }
  return inTransaction(store, async (tx) => {
    await requireAdminOrBootstrap(tx, actor, 'create organisations');
    const clash = await tx.selectFrom('organisations').select('id').where('id', '=', input.id).executeTakeFirst();
    if (clash !== undefined) throw inputError(`Organisation "${input.id}" already exists.`);
    if (input.parentId) {
      const parent = await tx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', input.parentId)
        .executeTakeFirst();
      if (parent === undefined) throw inputError(`Parent organisation "${input.parentId}" does not exist.`);
    }
    const row = await tx
      .insertInto('organisations')
      .values({ id: input.id, name: input.name, kind, parent_id: input.parentId ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const org = toOrganisation(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'organisations',
      recordId: org.id,
      marking: 'OFFICIAL',
      organisationId: org.id,
      after: org,
    });
    if (actor !== null) {
      // The creator administers what they create, so they can grant its first roles.
      await tx
        .insertInto('memberships')
        .values({ user_id: actor.userId, organisation_id: org.id, role: 'admin' })
        .execute();
      await writeAudit(tx, actor, {
        action: 'grant',
        table: 'memberships',
        recordId: `${actor.userId}:${org.id}:admin`,
        marking: 'OFFICIAL',
        organisationId: org.id,
        after: { username: actor.username, organisationId: org.id, role: 'admin' },
      });
    }
    return org;
  });
}

export async function listOrganisations(store: Store): Promise<Organisation[]> {
  const rows = await dbOf(store).selectFrom('organisations').selectAll().orderBy('id').execute();
  return rows.map(toOrganisation);
}

/** Administrators only, except while the store has no users at all. */
export async function requireAdminOrBootstrap(tx: Tx, actor: Actor | null, what: string): Promise<void> {
  if (actor === null) {
    const anyone = await tx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyone !== undefined)
      throw forbidden(`Say who you are to ${what}: the store has users, so an administrator must act.`);
    return;
  }
  if (!holdsRole(actor, 'admin')) throw forbidden(`${actor.username} cannot ${what}: that needs the admin role.`);
}

function parseKind(kind: string): OrganisationKind {
  if ((ORGANISATION_KINDS as readonly string[]).includes(kind)) return kind as OrganisationKind;
  throw inputError(`Organisation kind "${kind}" is not one of ${ORGANISATION_KINDS.join(', ')}.`);
}

function toOrganisation(row: {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  created_at: Date | string;
}): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: parseKind(row.kind),
    parentId: row.parent_id,
    createdAt: toIso(row.created_at),
  };
}

/** Refuses share lists naming organisations that do not exist (a typo must not silently share with nobody). */
export async function requireOrganisationsExist(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (
      await tx
        .selectFrom('organisations')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw inputError(
      `Cannot share with ${missing.map((m) => `"${m}"`).join(', ')}: no such organisation (stra org list).`,
    );
}
