/**
 * Reading plans for the plans register's repositories (not exported from index.ts): the plan
 * under the marking rule, and its themes and objectives, which have no marking of their own and
 * are read only after their plan was found visible. (An objective added or edited is a change
 * of the plan, written through core's changeMarked in writes.ts.)
 */
import type { Kysely, Selectable } from 'kysely';
import { notFoundError } from '../../../errors.js';
import type { Actor } from '../../core/actor.js';
import { markedFields, type MarkedFields } from '../../core/rows.js';
import type { Database } from '../../core/schema.js';
import type { PlansTable } from './tables.js';
import { visibleFrom } from '../../core/marked.js';
import { TAXONOMY_IDS } from '../../../domain/priorities/taxonomy.js';

export interface Plan extends MarkedFields {
  readonly id: number;
  readonly title: string;
  /** "2016-2021". */
  readonly period: string;
  /** The Police and Crime Commissioner who set it, e.g. "John Champion". */
  readonly commissioner: string | null;
  /** Where the plan is published. */
  readonly source: string | null;
}

export interface PlanObjective {
  readonly id: number;
  readonly planId: number;
  readonly themeId: number;
  readonly theme: string;
  readonly text: string;
  /** Its place in the plan (objectives are listed in this order within their theme). */
  readonly position: number;
}

export interface PlanTheme {
  readonly id: number;
  readonly name: string;
  readonly position: number;
}

/** A threat an objective serves, as its reader may see it. */
export interface PlanMappedThreat {
  readonly id: number;
  readonly name: string;
  readonly assessmentId: number;
}

/** An objective with the headings of the partners' priorities and the threats it is mapped to (migration 019). */
export interface PlanObjectiveWithMaps extends PlanObjective {
  /** Taxonomy ids, in the taxonomy's order. */
  readonly priorities: readonly string[];
  /** Only the threats the reader may see, by assessment then name. */
  readonly threats: readonly PlanMappedThreat[];
}

export interface PlanThemeWithObjectives extends PlanTheme {
  readonly objectives: readonly PlanObjectiveWithMaps[];
}

export async function readPlan(db: Kysely<Database>, actor: Actor, id: number): Promise<Plan> {
  const row = await visibleFrom(db, actor, 'plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no plan ${id} that you can see.`);
  return toPlan(row);
}

/** The themes and objectives of a plan already found visible, each in the plan's order. */
export async function planContents(
  db: Kysely<Database>,
  plan: Plan,
): Promise<{ themes: PlanTheme[]; objectives: PlanObjective[] }> {
  const themes = await db
    .selectFrom('plan_themes')
    .select(['id', 'name', 'position'])
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const rows = await db
    .selectFrom('plan_objectives')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_objectives.theme_id')
    .select([
      'plan_objectives.id',
      'plan_objectives.plan_id',
      'plan_objectives.theme_id',
      'plan_themes.name as theme',
      'plan_objectives.text',
      'plan_objectives.position',
    ])
    .where('plan_objectives.plan_id', '=', plan.id)
    .orderBy('plan_objectives.position')
    .orderBy('plan_objectives.id')
    .execute();
  const objectives = rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    themeId: r.theme_id,
    theme: r.theme,
    text: r.text,
    position: r.position,
  }));
  return { themes, objectives };
}

export function withThemes(
  themes: readonly PlanTheme[],
  objectives: readonly PlanObjectiveWithMaps[],
): PlanThemeWithObjectives[] {
  return themes.map((t) => ({ ...t, objectives: objectives.filter((o) => o.themeId === t.id) }));
}

/**
 * The maps of a plan already found visible (migration 019): each objective's taxonomy headings,
 * and the threats it serves that the actor may see (a hidden threat is left out, never named).
 */
export async function objectiveMaps(
  db: Kysely<Database>,
  actor: Actor,
  planId: number,
): Promise<Map<number, { priorities: string[]; threats: PlanMappedThreat[] }>> {
  const priorities = await db
    .selectFrom('plan_objective_priorities as m')
    .innerJoin('plan_objectives as o', 'o.id', 'm.objective_id')
    .select(['m.objective_id', 'm.taxonomy_id'])
    .where('o.plan_id', '=', planId)
    .execute();
  const threats = await db
    .selectFrom('plan_objective_threats as m')
    .innerJoin('plan_objectives as o', 'o.id', 'm.objective_id')
    .innerJoin(visibleFrom(db, actor, 'threats').select(['id', 'name', 'assessment_id']).as('t'), 't.id', 'm.threat_id')
    .select(['m.objective_id', 't.id', 't.name', 't.assessment_id'])
    .where('o.plan_id', '=', planId)
    .orderBy('t.assessment_id')
    .orderBy('t.name')
    .execute();
  const out = new Map<number, { priorities: string[]; threats: PlanMappedThreat[] }>();
  const entry = (id: number) => {
    let e = out.get(id);
    if (e === undefined) out.set(id, (e = { priorities: [], threats: [] }));
    return e;
  };
  const order = new Map(TAXONOMY_IDS.map((t, i) => [t as string, i]));
  for (const p of priorities.sort((a, b) => (order.get(a.taxonomy_id) ?? 0) - (order.get(b.taxonomy_id) ?? 0)))
    entry(p.objective_id).priorities.push(p.taxonomy_id);
  for (const t of threats)
    entry(t.objective_id).threats.push({ id: t.id, name: t.name, assessmentId: t.assessment_id });
  return out;
}

export const describePlan = (p: Plan): string => `Plan ${p.id} (${p.title}, ${p.period})`;

export const versionOf = (r: MarkedFields) => ({
  version: r.version,
  updated_by: r.updatedBy,
  updated_at: r.updatedAt,
});

export function toPlan(row: Selectable<PlansTable>): Plan {
  return {
    id: row.id,
    title: row.title,
    period: row.period,
    commissioner: row.commissioner,
    source: row.source,
    ...markedFields(row),
  };
}
