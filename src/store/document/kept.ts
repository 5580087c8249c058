/**
 * Documents built and kept (issue 14): a finished report build's files stay on the server, so a
 * document is opened again, not rebuilt on every visit. Each is listed with who built it, when,
 * for which clearance and at which marking (the highest of what it holds).
 *
 * Who may open one: a reader cleared to its marking who can see the assessment and belongs to the
 * organisation that owns it (or built it themselves). A partner the assessment is shared with is
 * not enough: the document was built from the owner's records, not only from those shared.
 */
import { sql, type SqlBool } from 'kysely';
import { canSee, parseMarking, type Marking } from '../../domain/marking.js';
import { notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { markingsCoveredBy, textArray } from '../core/policy.js';
import { toIso } from '../core/rows.js';
import { dbOf, type Store } from '../core/store.js';
import { readAssessment, type Assessment } from '../assessment/assessments.js';

export interface KeptDocument {
  readonly job: number;
  readonly assessmentId: number;
  readonly builtBy: string;
  readonly builtAt: string;
  readonly clearance: Marking;
  readonly marking: Marking;
  readonly formats: readonly ('html' | 'pdf' | 'docx')[];
  readonly files: Readonly<Record<string, string>>;
  readonly omitted: number;
}

interface ReportParamsRow {
  readonly assessmentId: number;
  readonly clearance: string;
  readonly formats: readonly ('html' | 'pdf' | 'docx')[];
  readonly username: string;
}
interface ReportResultRow {
  readonly marking: string;
  readonly files: Record<string, string>;
  readonly omitted: number;
}

function query(store: Store, actor: Actor) {
  return dbOf(store)
    .selectFrom('jobs')
    .innerJoin('users', 'users.id', 'jobs.created_by')
    .select(['jobs.id', 'jobs.params', 'jobs.result', 'jobs.finished_at', 'jobs.created_by', 'users.username'])
    .where('jobs.kind', '=', 'report')
    .where('jobs.status', '=', 'done')
    .where(sql<SqlBool>`jobs.result->>'marking' = ANY(${textArray(markingsCoveredBy(actor.clearance))})`);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const mayOpen = (actor: Actor, a: Assessment, row: Row) =>
  (actor.organisationIds.includes(a.organisationId) || row.created_by === actor.userId) &&
  canSee(actor, { ...a, marking: parseMarking((row.result as ReportResultRow).marking) });

function toKept(row: Row): KeptDocument {
  const p = row.params as ReportParamsRow;
  const r = row.result as ReportResultRow;
  return {
    job: row.id,
    assessmentId: p.assessmentId,
    builtBy: row.username,
    builtAt: toIso(row.finished_at ?? new Date(0)),
    clearance: parseMarking(p.clearance),
    marking: parseMarking(r.marking),
    formats: p.formats,
    files: r.files,
    omitted: r.omitted,
  };
}

/** The kept documents of an assessment the actor may open, newest first. */
export async function listKeptDocuments(store: Store, actor: Actor, assessmentId: number): Promise<KeptDocument[]> {
  const a = await readAssessment(dbOf(store), actor, assessmentId);
  const rows = await query(store, actor)
    .where(sql<SqlBool>`(jobs.params->>'assessmentId')::int = ${a.id}`)
    .orderBy('jobs.id', 'desc')
    .limit(100)
    .execute();
  return rows.filter((row) => mayOpen(actor, a, row)).map(toKept);
}

/** One kept document, if the actor may open it; otherwise "not found" (its existence does not leak). */
export async function getKeptDocument(store: Store, actor: Actor, job: number): Promise<KeptDocument> {
  const missing = () => notFoundError(`There is no kept document ${job} that you can open.`);
  const row = await query(store, actor).where('jobs.id', '=', job).executeTakeFirst();
  if (row === undefined) throw missing();
  const a = await readAssessment(dbOf(store), actor, (row.params as ReportParamsRow).assessmentId).catch(() => {
    throw missing();
  });
  if (!mayOpen(actor, a, row)) throw missing();
  return toKept(row);
}
