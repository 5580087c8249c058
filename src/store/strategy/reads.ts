/**
 * Reading the Control Strategy's plans (migration 018): each threat's lead officer, actions under
 * the strategy's headings and intelligence-requirement questions. Only plans the actor may see, of
 * threats they may see (both filtered by the marking rule in SQL, through core/marked.ts).
 */
import type { Kysely, Selectable } from 'kysely';
import { notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { visibleFrom } from '../core/marked.js';
import { markedFields, type MarkedFields } from '../core/rows.js';
import type { Database, StrategyPlansTable } from '../core/schema.js';
import { dbOf, type Store } from '../core/store.js';
import { readAssessment } from '../assessment/assessments.js';

export interface StrategyPlan extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly threatId: number;
  /** Who leads the work on the threat (a name and rank or role, as the force writes it); '' for none yet. */
  readonly leadOfficer: string;
  /** Heading id (prevention, intelligence, ... or the force's own) -> the actions written under it. */
  readonly actions: Readonly<Record<string, string>>;
  /** What the intelligence requirement asks, one question each. */
  readonly questions: readonly string[];
  /** Who wrote the version read (a username). */
  readonly updatedByName: string | null;
}

type Row = Selectable<StrategyPlansTable> & { updated_by_name: string | null };

function rows(db: Kysely<Database>, actor: Actor) {
  return visibleFrom(db, actor, 'strategy_plans')
    .innerJoin(visibleFrom(db, actor, 'threats').select('id').as('threats'), 'threats.id', 'strategy_plans.threat_id')
    .leftJoin('users', 'users.id', 'strategy_plans.updated_by')
    .selectAll('strategy_plans')
    .select('users.username as updated_by_name');
}

export function toStrategyPlan(row: Row): StrategyPlan {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    threatId: row.threat_id,
    leadOfficer: row.lead_officer,
    actions: (row.actions ?? {}) as Record<string, string>,
    questions: (row.questions ?? []) as string[],
    updatedByName: row.updated_by_name,
    ...markedFields(row),
  };
}

export async function readStrategyPlanRecord(db: Kysely<Database>, actor: Actor, id: number): Promise<StrategyPlan> {
  const row = await rows(db, actor).where('strategy_plans.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no strategy plan ${id} that you can see.`);
  return toStrategyPlan(row);
}

/** The plan of one threat, or undefined when there is none the actor may see. */
export async function planOfThreat(
  db: Kysely<Database>,
  actor: Actor,
  threatId: number,
): Promise<StrategyPlan | undefined> {
  const row = await rows(db, actor).where('strategy_plans.threat_id', '=', threatId).executeTakeFirst();
  return row === undefined ? undefined : toStrategyPlan(row);
}

/** The plans of an assessment the actor may see (the assessment too), by threat id. */
export async function listStrategyPlans(store: Store, actor: Actor, assessmentId: number): Promise<StrategyPlan[]> {
  const db = dbOf(store);
  await readAssessment(db, actor, assessmentId);
  return (
    await rows(db, actor)
      .where('strategy_plans.assessment_id', '=', assessmentId)
      .orderBy('strategy_plans.threat_id')
      .execute()
  ).map(toStrategyPlan);
}
