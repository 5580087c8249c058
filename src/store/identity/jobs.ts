/**
 * Background jobs (imports, report builds) queued in the store, so that when several servers are
 * up each job runs exactly once: a worker claims the oldest queued job with
 * `FOR UPDATE SKIP LOCKED`, which makes concurrent claimers pass over each other's rows. A job is
 * visible to whoever queued it and to the administrators of the organisation it acts for (issue
 * 13: an administrator is an administrator *of an organisation*, never of every job in the store).
 */
import { sql, type Selectable, type SqlBool } from 'kysely';
import { markingRank, parseMarking } from '../../domain/marking.js';
import { markingsCoveredBy, textArray } from '../core/policy.js';
import { notFoundError } from '../../errors.js';
import { rolesIn, type Actor } from '../core/actor.js';
import { JOB_STATUSES } from '../../domain/jobs.js';
import { json, toIso, toIsoOrNull } from '../core/rows.js';
import { dbOf, inTransaction, type Store } from '../core/store.js';
import type { JobsTable } from '../core/schema.js';

export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  readonly id: number;
  readonly kind: string;
  readonly params: unknown;
  readonly status: JobStatus;
  readonly progress: unknown;
  readonly result: unknown;
  readonly error: string | null;
  readonly claimedBy: string | null;
  readonly createdBy: number;
  /** The organisation the job acts for (a report's assessment owner, an import's force), if any. */
  readonly organisationId: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export async function enqueueJob(
  store: Store,
  actor: Actor,
  kind: string,
  params: unknown,
  organisationId: string | null = null,
): Promise<Job> {
  const row = await dbOf(store)
    .insertInto('jobs')
    .values({ kind, params: json(params), created_by: actor.userId, organisation_id: organisationId })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toJob(row);
}

/** Claims the oldest queued job of these kinds for `worker`, or returns undefined when none waits. */
export async function claimJob(store: Store, worker: string, kinds: readonly string[]): Promise<Job | undefined> {
  return inTransaction(store, async (tx) => {
    const next = await tx
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('kind', 'in', [...kinds])
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (next === undefined) return undefined;
    const row = await tx
      .updateTable('jobs')
      .set({ status: 'running', claimed_by: worker, started_at: sql<Date>`now()` })
      .where('id', '=', next.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(row);
  });
}

export async function reportJobProgress(store: Store, id: number, progress: unknown): Promise<void> {
  await dbOf(store)
    .updateTable('jobs')
    .set({ progress: json(progress) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishJob(
  store: Store,
  id: number,
  outcome: { result: unknown } | { error: string },
): Promise<void> {
  const set =
    'error' in outcome ? { status: 'failed', error: outcome.error } : { status: 'done', result: json(outcome.result) };
  await dbOf(store)
    .updateTable('jobs')
    .set({ ...set, finished_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Puts a claimed job back in the queue (its worker could not start it yet, e.g. the warehouse was busy). */
export async function requeueJob(store: Store, id: number): Promise<void> {
  await dbOf(store)
    .updateTable('jobs')
    .set({ status: 'queued', claimed_by: null, started_at: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function getJob(store: Store, actor: Actor, id: number): Promise<Job> {
  const row = await dbOf(store).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined || !maySee(actor, row)) throw notFoundError(`There is no job ${id} that you can see.`);
  return toJob(row);
}

/** The actor's own jobs and those of the organisations they administer, newest first. */
export async function listJobs(store: Store, actor: Actor, limit = 50): Promise<Job[]> {
  const administered = administeredBy(actor);
  const rows = await dbOf(store)
    .selectFrom('jobs')
    .selectAll()
    .where(
      sql<SqlBool>`(result->>'marking' IS NULL OR result->>'marking' = ANY(${textArray(markingsCoveredBy(actor.clearance))}))`,
    )
    .where((eb) =>
      administered.length === 0
        ? eb('created_by', '=', actor.userId)
        : eb.or([eb('created_by', '=', actor.userId), eb('organisation_id', 'in', administered)]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toJob);
}

/** The organisations in which the actor holds the admin role. */
export const administeredBy = (actor: Actor): string[] =>
  actor.organisationIds.filter((o) => rolesIn(actor, o).includes('admin'));

/**
 * The job's creator, and the administrators of the organisation it acts for, may see it; a job
 * whose result carries a marking (a report build) only when they are cleared to that marking.
 */
const maySee = (actor: Actor, row: Selectable<JobsTable>) =>
  clearedFor(actor, row.result) &&
  (actor.userId === row.created_by ||
    (row.organisation_id !== null && rolesIn(actor, row.organisation_id).includes('admin')));

function clearedFor(actor: Actor, result: unknown): boolean {
  const marking = (result as { marking?: unknown } | null)?.marking;
  return typeof marking !== 'string' || markingRank(parseMarking(marking)) <= markingRank(actor.clearance);
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    status: row.status as JobStatus,
    progress: row.progress ?? null,
    result: row.result ?? null,
    error: row.error,
    claimedBy: row.claimed_by,
    createdBy: row.created_by,
    organisationId: row.organisation_id,
    createdAt: toIso(row.created_at),
    startedAt: toIsoOrNull(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
  };
}
