/**
 * The one way into a marked table. Why: the marking rule (`visibleTo`, the SQL form of `canSee`)
 * is written once in policy.ts, but it only protects a record if every query applies it; so every
 * select or join of a marked table starts here, and each aggregate's reads.ts / writes.ts are the
 * only modules that call these builders (marked-reads.test.ts scans the source and fails on any
 * other). A row the actor may not see is "not found", never "forbidden".
 *
 * - `visibleFrom(db, actor, table)`: the rows the actor may see (join one with
 *   `.innerJoin(visibleFrom(...).selectAll().as(table), ...)`, so a joined record is filtered too).
 * - `unfilteredFrom(db, table)`: every row, for what must be computed over all records (the
 *   Control Strategy, a document part's one text, carry-forward copies that keep their own markings) or re-read
 *   after a visible read in the same transaction. Named so that each use stands out in review.
 * - `changeMarked(tx, actor, change)`: one update of one record: read what the actor may see,
 *   check the version, the role (then any input checks that must be reported before the marking:
 *   `checkFirst`) and the new marking, then the aggregate's own checks and columns
 *   (`set`), update (the UPDATE repeats the version check, so of two writers who race the second
 *   gets a CONFLICT), read back and write the audit row, all in the caller's transaction.
 */
import { sql, type Kysely, type SelectQueryBuilder, type UpdateObject } from 'kysely';
import { highestMarking, type Marking } from '../../domain/marking.js';
import { inputError } from '../../errors.js';
import type { Actor } from './actor.js';
import { writeAudit } from './audit.js';
import { requireCanMark, requireRole, textArray, visibleTo } from './policy.js';
import type { Action } from './roles.js';
import type { MarkedFields } from './rows.js';
import type { Database } from './schema.js';
import type { Tx } from './store.js';
import { assertCurrent, staleWrite, type VersionedRow } from './versioning.js';
import { usernameOf } from './who.js';

/** Every table whose rows carry a marking, an owner and shares (the MarkedColumns block). */
export const MARKED_TABLES = [
  'assessments',
  'threats',
  'scores',
  'control_strategies',
  'recommendations',
  'risks',
  'drivers',
  'driver_configurations',
  'partner_priorities',
  'plans',
  'plan_mappings',
  'inspections',
  'inspection_findings',
  'analyst_texts',
  'link_investigations',
  'strategy_plans',
] as const;
export type MarkedTable = (typeof MARKED_TABLES)[number];

/** What `db.selectFrom(table)` gives for one marked table. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Kysely's own "nothing selected yet"
type From<T extends MarkedTable> = SelectQueryBuilder<Database, T, {}>;

/** The rows of a marked table the actor may see. */
export function visibleFrom<T extends MarkedTable>(db: Kysely<Database>, actor: Actor, table: T): From<T> {
  return unfilteredFrom(db, table).where(visibleTo(actor, table));
}

/** Every row of a marked table, whatever the actor may see (see the module note for when). */
export function unfilteredFrom<T extends MarkedTable>(db: Kysely<Database>, table: T): From<T> {
  // Kysely cannot narrow a builder over a generic table name; the cast states what selectFrom gives.
  return db.selectFrom(table as MarkedTable) as unknown as From<T>;
}

/** One change of one marked record (see `changeMarked`). */
export interface MarkedChange<T extends MarkedTable, R extends MarkedFields> {
  readonly table: T;
  readonly id: number;
  /** The version the writer read; a different current version is a CONFLICT and saves nothing. */
  readonly expectedVersion: number;
  /** Reads the record as the actor may see it (a hidden one is "not found"). */
  readonly read: (tx: Tx) => Promise<R>;
  /** "Risk 3 (R1)", for the conflict message. */
  readonly describe: (record: R) => string;
  /** The record's version fields, for the conflict message (defaults to the MarkedFields). */
  readonly versionOf?: (record: R) => VersionedRow;
  /** The role the change needs in the record's organisation, and what the refusal calls it. */
  readonly role: { readonly action: Action; readonly what: string | ((record: R) => string) };
  /** A new marking or new shares, checked against the writer (the record's own when left out). */
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
  /**
   * For a change whose own input checks come before the marking check (so that a bad input is
   * reported first), and whose new marking and shares are worked out from the record: run after
   * the version and role checks; what it returns replaces `marking` and `sharedWith` above.
   */
  readonly checkFirst?: (
    before: R,
  ) =>
    | { readonly marking?: Marking | undefined; readonly sharedWith?: readonly string[] | undefined }
    | Promise<{ readonly marking?: Marking | undefined; readonly sharedWith?: readonly string[] | undefined }>;
  /**
   * The columns to set, after the aggregate's own checks (the version, updated_by and updated_at
   * are set here, and the marking and shares when given above).
   */
  readonly set: (before: R) => UpdateObject<Database, T, T> | Promise<UpdateObject<Database, T, T>>;
  /** What else the change writes once the record is updated (a history row), before its audit row. */
  readonly afterUpdate?: (after: R) => Promise<void>;
  /** What the audit row records as "after" (the record read back when left out). */
  readonly audited?: (after: R) => unknown;
}

const markedVersion = (r: MarkedFields): VersionedRow => ({
  version: r.version,
  updated_by: r.updatedBy,
  updated_at: r.updatedAt,
});

/**
 * Changes one marked record in the caller's transaction: read (visible only), version, role,
 * marking, the aggregate's checks and columns, UPDATE ... WHERE version = expected, read back,
 * anything else the change writes, audit row.
 * Returns the record before and after.
 */
export async function changeMarked<T extends MarkedTable, R extends MarkedFields>(
  tx: Tx,
  actor: Actor,
  change: MarkedChange<T, R>,
): Promise<{ before: R; after: R }> {
  const before = await change.read(tx);
  assertCurrent(
    change.describe(before),
    change.expectedVersion,
    (change.versionOf ?? markedVersion)(before),
    await usernameOf(tx, before.updatedBy),
  );
  const { what } = change.role;
  requireRole(actor, before.organisationId, change.role.action, typeof what === 'string' ? what : what(before));
  const { marking, sharedWith } = change.checkFirst === undefined ? change : await change.checkFirst(before);
  requireCanMark(actor, marking ?? before.marking, before.organisationId, sharedWith ?? before.sharedWith);
  const columns = await change.set(before);
  // One statement for every marked table: Kysely cannot type set() over a union of tables, so
  // the columns are checked where the change is written (MarkedChange.set) and passed on here.
  const updated = await tx
    .updateTable(change.table as MarkedTable)
    .set({
      ...(columns as object),
      ...(marking === undefined ? {} : { marking }),
      ...(sharedWith === undefined ? {} : { shared_with: textArray(sharedWith) }),
      version: sql<number>`version + 1`,
      updated_by: actor.userId,
      updated_at: sql<Date>`now()`,
    } as never)
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => refuseKeyClash(e, change.describe(before), marking));
  if (Number(updated.numUpdatedRows) === 0) {
    // A writer who raced us committed first (the UPDATE waited for its row lock).
    const now = await unfilteredFrom(tx, change.table as MarkedTable)
      .select(['version', 'updated_by', 'updated_at'])
      .where('id', '=', change.id)
      .executeTakeFirstOrThrow();
    throw staleWrite(
      change.describe(before),
      change.expectedVersion,
      now.version,
      await usernameOf(tx, now.updated_by),
      now.updated_at,
    );
  }
  const after = await change.read(tx);
  await change.afterUpdate?.(after);
  await writeAudit(tx, actor, {
    action: 'update',
    table: change.table,
    recordId: change.id,
    marking: highestMarking([before.marking, after.marking]),
    organisationId: after.organisationId,
    before,
    after: change.audited === undefined ? after : change.audited(after),
  });
  return { before, after };
}

/**
 * A new marking that puts the record's name, number or reference beside a record that already has
 * it at that marking (migration 016's keys). Only a record the writer can see can clash there, since
 * whoever may mark a record so sees every record of its organisation at that marking.
 */
function refuseKeyClash(e: unknown, what: string, marking: Marking | undefined): never {
  if ((e as { code?: unknown }).code === '23505')
    throw inputError(
      `${what} cannot be marked ${marking ?? 'so'}: a record you can see at that marking already has its name, number or reference.`,
    );
  throw e;
}
