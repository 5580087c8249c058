/**
 * The audit trail: one row per change, written in the same transaction as the change (so a
 * change without its audit row cannot commit), with who, when, what and the record before and
 * after. Append-only: no function here updates or deletes audit rows, and the database refuses
 * UPDATE, DELETE and TRUNCATE on the table (migration 001). Reading it follows the marking rule:
 * an audit row carries the marking and organisation of the record it describes; rows about
 * users (no organisation) are shown to administrators only.
 */
import { sql, type SqlBool } from 'kysely';
import { parseMarking, type Marking } from '../../domain/marking.js';
import { holdsRole, type Actor } from './actor.js';
import { markingsCoveredBy, textArray } from './policy.js';
import { json, toInt, toIso } from './rows.js';
import { dbOf, type Store, type Tx } from './store.js';

export type AuditAction =
  'create' | 'update' | 'delete' | 'approve' | 'load' | 'grant' | 'password' | 'login' | 'logout';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly table: string;
  readonly recordId: string | number;
  readonly marking: Marking;
  readonly organisationId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The name recorded when there is no user yet (creating the first organisation and admin). */
export const BOOTSTRAP_ACTOR = '(bootstrap: no users yet)';

export async function writeAudit(tx: Tx, actor: Actor | null, e: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_id: actor?.userId ?? null,
      actor_name: actor?.username ?? BOOTSTRAP_ACTOR,
      action: e.action,
      table_name: e.table,
      record_id: String(e.recordId),
      marking: e.marking,
      organisation_id: e.organisationId,
      before: e.before === undefined ? null : json(e.before),
      after: e.after === undefined ? null : json(e.after),
    })
    .execute();
}

export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly actorId: number | null;
  readonly actorName: string;
  readonly action: string;
  readonly table: string;
  readonly recordId: string;
  readonly marking: Marking;
  readonly organisationId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditQuery {
  readonly table?: string;
  readonly recordId?: string | number;
  readonly limit?: number;
}

export async function listAudit(store: Store, actor: Actor, q: AuditQuery = {}): Promise<AuditRecord[]> {
  const isAdmin = holdsRole(actor, 'admin');
  let query = dbOf(store)
    .selectFrom('audit_log')
    .selectAll()
    .where(sql<SqlBool>`marking = ANY(${textArray(markingsCoveredBy(actor.clearance))})`)
    .where(
      sql<SqlBool>`(organisation_id = ANY(${textArray(actor.organisationIds)}) OR (organisation_id IS NULL AND ${sql.lit(isAdmin)}))`,
    );
  if (q.table !== undefined) query = query.where('table_name', '=', q.table);
  if (q.recordId !== undefined) query = query.where('record_id', '=', String(q.recordId));
  // The latest `limit` rows, returned oldest first.
  const rows = (
    await query
      .orderBy('id', 'desc')
      .limit(q.limit ?? 1000)
      .execute()
  ).reverse();
  return rows.map((r) => ({
    id: toInt(r.id),
    at: toIso(r.at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    table: r.table_name,
    recordId: r.record_id,
    marking: parseMarking(r.marking),
    organisationId: r.organisation_id,
    before: r.before,
    after: r.after,
  }));
}

/**
 * The store's revision: the newest audit row's id. Every change to a record writes an audit row
 * in its own transaction, so the revision changes whenever anything a read could return changes;
 * readers use it to know that a cached answer is still current.
 */
export async function storeRevision(store: Store): Promise<number> {
  const row = await dbOf(store)
    .selectFrom('audit_log')
    .select(sql<number | null>`max(id)`.as('head'))
    .executeTakeFirstOrThrow();
  return row.head === null ? 0 : toInt(row.head);
}
