/**
 * The marking rule in SQL, and the write permissions. Why here: PRODUCT.md requires that no read
 * path return a record above the reader's clearance or outside their organisations, so every
 * repository query of a marked table adds `visibleTo(actor, table)` to its WHERE clause. It is
 * the same rule as `canSee` in domain/marking.ts (the allowed markings are computed by that
 * module's lattice, and a table-driven test compares the two): marking at or below clearance AND
 * (owned by one of the actor's organisations OR shared with one of them). Equal rank is never
 * enough on its own.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { MARKINGS, canSee, markingRank, type Marking } from '../../domain/marking.js';
import { forbiddenError, type StraError } from '../../errors.js';
import type { Actor } from './actor.js';
import { rolesIn } from './actor.js';
import { ALLOWED, type Action } from './roles.js';

/** The markings an actor's clearance covers. */
export const markingsCoveredBy = (clearance: Marking): Marking[] =>
  MARKINGS.filter((m) => markingRank(m) <= markingRank(clearance));

/** `ARRAY['a','b']::text[]` with bound parameters (an empty list is a valid empty array). */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`ARRAY[${sql.join(values.map((v) => sql.val(v)))}]::text[]`;
}

/** WHERE-clause condition: rows of `table` (or its alias) the actor may see. */
export function visibleTo(actor: Actor, table: string): RawBuilder<SqlBool> {
  const orgs = textArray(actor.organisationIds);
  return sql<SqlBool>`(${sql.ref(`${table}.marking`)} = ANY(${textArray(markingsCoveredBy(actor.clearance))})
    AND (${sql.ref(`${table}.organisation_id`)} = ANY(${orgs}) OR ${sql.ref(`${table}.shared_with`)} && ${orgs}))`;
}

/** A permission refusal (FORBIDDEN: HTTP 403). */
export function forbidden(message: string): StraError {
  return forbiddenError(message);
}

/** Refuses unless the actor holds a role allowing `action` in the organisation. */
export function requireRole(actor: Actor, organisationId: string, action: Action, what: string): void {
  const held = rolesIn(actor, organisationId);
  if (held.some((r) => ALLOWED[action].includes(r))) return;
  const need = ALLOWED[action].join(' or ');
  throw forbidden(
    `${actor.username} cannot ${what}: that needs the ${need} role in ${organisationId} (held there: ${held.join(', ') || 'none'}).`,
  );
}

/** Refuses a record the actor could not read back: above their clearance or outside their reach. */
export function requireCanMark(
  actor: Actor,
  marking: Marking,
  organisationId: string,
  sharedWith: readonly string[] = [],
): void {
  if (markingRank(marking) > markingRank(actor.clearance)) {
    throw forbidden(
      `${actor.username} cannot write a record marked ${marking}: their clearance is ${actor.clearance}.`,
    );
  }
  if (!canSee(actor, { marking, organisationId, sharedWith })) {
    throw forbidden(`${actor.username} is not a member of ${organisationId}.`);
  }
}
