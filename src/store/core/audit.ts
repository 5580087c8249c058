/**
 * The audit trail: one row per change, written in the same transaction as the change (so a
 * change without its audit row cannot commit), with who, when, what and the record before and
 * after. Append-only: no function here updates or deletes audit rows, and the database refuses
 * UPDATE, DELETE and TRUNCATE on the table (migration 001). Reading it follows the marking rule:
 * an audit row carries the marking and organisation of the record it describes. Rows about a
 * user (a new user, a password, a login: no organisation) carry that user as their subject and
 * are shown only to administrators of an organisation the user belongs to (issue 13), never to
 * every administrator in the store.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './schema.js';
import { parseMarking, type Marking } from '../../domain/marking.js';
import type { Actor } from './actor.js';
import { markingsCoveredBy, textArray } from './policy.js';
import { json, toInt, toIso } from './rows.js';
import { dbOf, eventsOf, type Store, type Tx } from './store.js';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'approve'
  | 'load'
  | 'grant'
  | 'password'
  | 'login'
  | 'logout'
  // Consultation and disclosure (issue 13; DPA 2018 Part 3 logging), written by recordEvent:
  | 'read'
  | 'export'
  | 'download'
  | 'build'
  // A document build finished: the files written, at which marking (the queuing is 'build').
  | 'built'
  // A document build failed: who tried, for which clearance, why; nothing disclosed.
  | 'build-failed'
  | 'import'
  | 'replace'
  | 'login-failed'
  | 'lockout'
  | 'unlock'
  // Link analysis (issue 16): a search hit an identifier held where the searcher may not look.
  | 'deconflict';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly table: string;
  readonly recordId: string | number;
  readonly marking: Marking;
  readonly organisationId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Who acted when there is no actor (a failed login under a name that is no user). */
  readonly actorName?: string;
  /** The user a row about a person is about (a login, a password, a new user). */
  readonly subjectId?: number | null;
}

/** The actions that change a record (the rest are events: reads, disclosures, logins). */
export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'approve', 'load', 'grant', 'password'] as const;
export const CHANGE_ACTIONS_SQL = CHANGE_ACTIONS.map((a) => `'${a}'`).join(', ');

/** The name recorded when there is no user yet (creating the first organisation and admin). */
export const BOOTSTRAP_ACTOR = '(bootstrap: no users yet)';

export async function writeAudit(tx: Tx | Kysely<Database>, actor: Actor | null, e: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_id: actor?.userId ?? null,
      actor_name: actor?.username ?? e.actorName ?? BOOTSTRAP_ACTOR,
      action: e.action,
      table_name: e.table,
      record_id: String(e.recordId),
      marking: e.marking,
      organisation_id: e.organisationId,
      subject_id: e.subjectId ?? null,
      before: e.before === undefined ? null : json(e.before),
      after: e.after === undefined ? null : json(e.after),
    })
    .execute();
}

/**
 * An event that changes no record: a read of a sensitive record, an export or download, a build,
 * an import, a failed login. Written on its own (append-only, like every audit row); who is null
 * only for a failed login by a name that is no user.
 */
export async function recordEvent(store: Store, actor: Actor | null, e: AuditEntry): Promise<void> {
  await writeAudit(dbOf(store), actor, e);
}

/**
 * Several events queued to be written off the request path, many requests' rows in one
 * statement (event-queue.ts): the reads of one answered request, one row per organisation.
 * `listAudit` writes the queue first, so the audit shows them. Throws AuditUnavailable while
 * the audit cannot be written, so the caller refuses rather than answer unrecorded.
 */
export function queueEvents(store: Store, actor: Actor, entries: readonly AuditEntry[]): void {
  eventsOf(store).add(
    entries.map((e) => ({
      actor_id: actor.userId,
      actor_name: actor.username,
      action: e.action,
      table_name: e.table,
      record_id: String(e.recordId),
      marking: e.marking,
      organisation_id: e.organisationId,
      subject_id: e.subjectId ?? null,
      before: null,
      after: e.after === undefined ? null : json(e.after),
    })),
  );
}

/** Writes the queued events now (before the audit is read, a snapshot taken, a test asserts). */
export async function flushEvents(store: Store): Promise<void> {
  // Inside a transaction the queue's own connection may be the one the transaction holds.
  if (!dbOf(store).isTransaction) await eventsOf(store).flush();
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
  readonly table?: string | undefined;
  readonly recordId?: string | number | undefined;
  readonly limit?: number | undefined;
  /**
   * Only the organisations the actor administers (the administrators' audit view), not every
   * organisation they belong to.
   */
  readonly administeredOnly?: boolean | undefined;
  /**
   * Rows of no organisation too (with `table`): a population or indicator table loaded from the
   * command line for the whole workspace, which every organisation's figures use.
   */
  readonly withWorkspaceWide?: boolean | undefined;
  readonly organisationId?: string | undefined;
  readonly action?: string | undefined;
  /** Rows by this user (their username). */
  readonly actorName?: string | undefined;
  /** Rows at or after / before these instants (ISO). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Organisations in which the actor holds the admin role. */
const administered = (actor: Actor): string[] =>
  actor.organisationIds.filter((o) => (actor.roles[o] ?? []).includes('admin'));

/**
 * The user a row with no organisation is about: its subject, or for rows written before subjects
 * were recorded, the user id the `users` and `sessions` rows name.
 */
const SUBJECT = sql`coalesce(subject_id, CASE WHEN table_name IN ('users', 'sessions') AND record_id ~ '^[0-9]{1,9}$' THEN record_id::int END)`;

export async function listAudit(store: Store, actor: Actor, q: AuditQuery = {}): Promise<AuditRecord[]> {
  await flushEvents(store);
  const admin = administered(actor);
  const orgs = q.administeredOnly === true ? admin : [...actor.organisationIds];
  const members = sql`(SELECT user_id FROM memberships WHERE organisation_id = ANY(${textArray(admin)}))`;
  let query = dbOf(store)
    .selectFrom('audit_log')
    .selectAll()
    .where(sql<SqlBool>`marking = ANY(${textArray(markingsCoveredBy(actor.clearance))})`)
    .where(
      q.withWorkspaceWide === true && q.table !== undefined
        ? sql<SqlBool>`(organisation_id = ANY(${textArray(orgs)}) OR organisation_id IS NULL)`
        : sql<SqlBool>`(organisation_id = ANY(${textArray(orgs)}) OR (organisation_id IS NULL AND ${SUBJECT} IN ${members}))`,
    );
  if (q.table !== undefined) query = query.where('table_name', '=', q.table);
  if (q.organisationId !== undefined) query = query.where('organisation_id', '=', q.organisationId);
  if (q.action !== undefined) query = query.where('action', '=', q.action);
  if (q.actorName !== undefined) query = query.where('actor_name', '=', q.actorName);
  if (q.from !== undefined) query = query.where(sql<SqlBool>`at >= ${q.from}::timestamptz`);
  if (q.to !== undefined) query = query.where(sql<SqlBool>`at < ${q.to}::timestamptz`);
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
 * The store's revision: the newest change's audit row id. Every change to a record writes an audit row
 * in its own transaction, so the revision changes whenever anything a read could return changes;
 * readers use it to know that a cached answer is still current.
 */
/** The revision as a scalar subquery, for a query that reads it beside something else (the session lookup). */
export const REVISION_SQL = sql<
  number | null
>`(SELECT max(id) FROM audit_log WHERE action IN (${sql.raw(CHANGE_ACTIONS_SQL)}))`;

export async function storeRevision(store: Store): Promise<number> {
  // Only changes count: the events recordEvent writes (reads, downloads, logins) change no record,
  // and counting them would defeat every cache. A partial index (migration 009) keeps this cheap.
  const row = await dbOf(store)
    .selectFrom('audit_log')
    .select(sql<number | null>`max(id)`.as('head'))
    .where(sql<SqlBool>`action IN (${sql.raw(CHANGE_ACTIONS_SQL)})`)
    .executeTakeFirstOrThrow();
  return row.head === null ? 0 : toInt(row.head);
}
