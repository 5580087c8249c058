/**
 * Background jobs (imports, report builds) queued in the store, so that when several servers are
 * up each job runs exactly once: a worker claims the oldest queued job with
 * `FOR UPDATE SKIP LOCKED`, which makes concurrent claimers pass over each other's rows. A job is
 * visible to whoever queued it and to administrators.
 */
import { sql, type Selectable } from 'kysely';
import { notFoundError } from '../../errors.js';
import { holdsRole, type Actor } from '../core/actor.js';
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
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export async function enqueueJob(store: Store, actor: Actor, kind: string, params: unknown): Promise<Job> {
  const row = await dbOf(store)
    .insertInto('jobs')
    .values({ kind, params: json(params), created_by: actor.userId })
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
  if (row === undefined || !maySee(actor, row.created_by))
    throw notFoundError(`There is no job ${id} that you can see.`);
  return toJob(row);
}

/** The actor's own jobs (every job for an administrator), newest first. */
export async function listJobs(store: Store, actor: Actor, limit = 50): Promise<Job[]> {
  let q = dbOf(store).selectFrom('jobs').selectAll();
  if (!holdsRole(actor, 'admin')) q = q.where('created_by', '=', actor.userId);
  return (await q.orderBy('id', 'desc').limit(limit).execute()).map(toJob);
}

/** The job's creator and administrators may see it. */
const maySee = (actor: Actor, createdBy: number) => actor.userId === createdBy || holdsRole(actor, 'admin');

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
    createdAt: toIso(row.created_at),
    startedAt: toIsoOrNull(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
  };
}
