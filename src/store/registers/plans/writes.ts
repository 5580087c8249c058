/**
 * The plans register: each Police and Crime Commissioner's Police and Crime Plan (owned by the
 * commissioner's office, with its period), its themes and its objectives, and (in
 * plan-mappings.ts) the mappings that set two plans side by side, as the seed's Appendix 1 does.
 * The inspections register (inspections.ts, plan-inspection-findings.ts) is re-exported from
 * here, since index.ts re-exports this module only.
 *
 * Every read is filtered by the marking rule in SQL (a plan the actor may not see is "not
 * found"); every change names the plan version it read (a stale one is a CONFLICT) and is audited
 * in the same transaction. Decisions: themes are created by the first objective filed under them,
 * in the order they are first used, and objectives keep the order they were added in, so a plan
 * entered from its document reads back in the document's order.
 */
import type { Kysely } from 'kysely';
import { inputError, notFoundError } from '../../../errors.js';
import type { Database } from '../../core/schema.js';
import type { Marking } from '../../../domain/marking.js';
import { parsePlanPeriod } from '../../../domain/plans/terms.js';
import { inTaxonomyOrder, isTaxonomyId, TAXONOMY_IDS, type TaxonomyId } from '../../../domain/priorities/taxonomy.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import {
  describePlan,
  objectiveMaps,
  planContents,
  readPlan,
  toPlan,
  versionOf,
  withThemes,
  type Plan,
  type PlanObjective,
  type PlanThemeWithObjectives,
} from './reads.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';

export interface PlanWithObjectives extends Plan {
  /** Themes in the plan's order, each with its objectives in order. */
  readonly themes: readonly PlanThemeWithObjectives[];
}

export interface NewPlan {
  /** The commissioner's office that owns the plan, e.g. "west-mercia-opcc". */
  readonly organisationId: string;
  readonly title: string;
  /** "2016-2021". */
  readonly period: string;
  readonly commissioner?: string | null | undefined;
  readonly source?: string | null | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface PlanQuery {
  readonly organisationId?: string | undefined;
}

/** What a correction of a plan's own fields may set (its themes and objectives change on their own). */
export interface PlanChanges {
  readonly title?: string | undefined;
  /** "2016-2021". */
  readonly period?: string | undefined;
  /** null removes it. */
  readonly commissioner?: string | null | undefined;
  readonly source?: string | null | undefined;
}

/** An objective's maps, each list replacing the one it had (a map to a threat the writer cannot see is kept). */
export interface PlanObjectiveMapChanges {
  /** Headings of the partners' priorities taxonomy (stra priority taxonomy). */
  readonly priorities?: readonly string[] | undefined;
  /** Threat ids, of any assessment the writer can see. */
  readonly threats?: readonly number[] | undefined;
}

export interface PlanObjectiveFields {
  readonly theme?: string | undefined;
  readonly text?: string | undefined;
}

const optional = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

export async function createPlan(store: Store, actor: Actor, fields: NewPlan): Promise<Plan> {
  const title = fields.title.trim();
  if (title === '') throw inputError('A plan needs its title (e.g. "West Mercia Police and Crime Plan").');
  const period = parsePlanPeriod(fields.period);
  const marking = fields.marking ?? 'OFFICIAL';
  return inTransaction(store, async (tx) => {
    requireRole(actor, fields.organisationId, 'edit', `add a plan for ${fields.organisationId}`);
    requireCanMark(actor, marking, fields.organisationId);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    const row = await tx
      .insertInto('plans')
      .values({
        title,
        period,
        commissioner: optional(fields.commissioner),
        source: optional(fields.source),
        marking,
        organisation_id: fields.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const plan = toPlan(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'plans',
      recordId: plan.id,
      marking,
      organisationId: plan.organisationId,
      after: plan,
    });
    return plan;
  });
}

export async function listPlans(store: Store, actor: Actor, q: PlanQuery = {}): Promise<Plan[]> {
  let query = visibleFrom(dbOf(store), actor, 'plans').selectAll();
  if (q.organisationId !== undefined) query = query.where('organisation_id', '=', q.organisationId);
  return (await query.orderBy('organisation_id').orderBy('period').orderBy('id').execute()).map(toPlan);
}

export async function getPlan(store: Store, actor: Actor, id: number): Promise<PlanWithObjectives> {
  return planWithObjectives(dbOf(store), actor, id);
}

async function planWithObjectives(db: Kysely<Database>, actor: Actor, id: number): Promise<PlanWithObjectives> {
  const plan = await readPlan(db, actor, id);
  const { themes, objectives } = await planContents(db, plan);
  const maps = await objectiveMaps(db, actor, plan.id);
  const withMaps = objectives.map((o) => ({ ...o, ...(maps.get(o.id) ?? { priorities: [], threats: [] }) }));
  return { ...plan, themes: withThemes(themes, withMaps) };
}

/** Corrects a plan's title, the years it covers, its commissioner or where it is published. */
export async function updatePlan(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  changes: PlanChanges,
): Promise<Plan> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'plans',
      id,
      expectedVersion,
      read: (t: Tx) => readPlan(t, actor, id),
      describe: describePlan,
      versionOf,
      role: { action: 'edit', what: `edit plan ${id}` },
      set: (before) => {
        const title = changes.title === undefined ? before.title : changes.title.trim();
        if (title === '') throw inputError('A plan needs its title (e.g. "West Mercia Police and Crime Plan").');
        const period = changes.period === undefined ? before.period : parsePlanPeriod(changes.period);
        const commissioner = changes.commissioner === undefined ? before.commissioner : optional(changes.commissioner);
        const source = changes.source === undefined ? before.source : optional(changes.source);
        if (
          title === before.title &&
          period === before.period &&
          commissioner === before.commissioner &&
          source === before.source
        )
          throw inputError(
            `${describePlan(before)} already reads so: change its title, years, commissioner or source.`,
          );
        return { title, period, commissioner, source };
      },
    });
    return after;
  });
}

/**
 * Maps an objective onto headings of the partners' priorities taxonomy and onto threats
 * (`expectedVersion` is its plan's). Each list given replaces the objective's; a map to a threat
 * the writer cannot see is kept as it is. The plan moves to its next version and the maps before
 * and after are audited.
 */
export async function mapPlanObjective(
  store: Store,
  actor: Actor,
  objectiveId: number,
  expectedVersion: number,
  changes: PlanObjectiveMapChanges,
): Promise<PlanWithObjectives> {
  return inTransaction(store, async (tx) => {
    const found = await tx
      .selectFrom('plan_objectives')
      .innerJoin(visibleFrom(tx, actor, 'plans').select('id').as('plans'), 'plans.id', 'plan_objectives.plan_id')
      .select('plans.id')
      .where('plan_objectives.id', '=', objectiveId)
      .executeTakeFirst();
    if (found === undefined) throw notFoundError(`There is no plan objective ${objectiveId} that you can see.`);
    await changePlan(tx, actor, found.id, expectedVersion, `map objectives of plan ${found.id}`, {
      check: async () => {
        const old = (await objectiveMaps(tx, actor, found.id)).get(objectiveId) ?? { priorities: [], threats: [] };
        const priorities = changes.priorities === undefined ? undefined : taxonomyIds(changes.priorities);
        const threats = changes.threats === undefined ? undefined : [...new Set(changes.threats)];
        if (threats !== undefined && threats.length > 0) {
          const seen = await visibleFrom(tx, actor, 'threats').select('id').where('id', 'in', threats).execute();
          const missing = threats.filter((t) => !seen.some((r) => r.id === t));
          if (missing.length > 0)
            throw inputError(
              `There is no threat ${missing.join(', ')} that you can see: choose threats of an assessment.`,
            );
        }
        return { old, priorities, threats };
      },
      write: async (before, { old, priorities, threats }) => {
        if (priorities !== undefined) {
          await tx.deleteFrom('plan_objective_priorities').where('objective_id', '=', objectiveId).execute();
          if (priorities.length > 0)
            await tx
              .insertInto('plan_objective_priorities')
              .values(priorities.map((taxonomy_id) => ({ objective_id: objectiveId, taxonomy_id })))
              .execute();
        }
        if (threats !== undefined) {
          // Only the maps to threats the writer can see are replaced; the others stay.
          const visible = visibleFrom(tx, actor, 'threats').select('id');
          await tx
            .deleteFrom('plan_objective_threats')
            .where('objective_id', '=', objectiveId)
            .where('threat_id', 'in', visible)
            .execute();
          if (threats.length > 0)
            await tx
              .insertInto('plan_objective_threats')
              .values(threats.map((threat_id) => ({ objective_id: objectiveId, threat_id })))
              .execute();
        }
        const now = (await objectiveMaps(tx, actor, found.id)).get(objectiveId) ?? { priorities: [], threats: [] };
        await writeAudit(tx, actor, {
          action: 'update',
          table: 'plan_objective_maps',
          recordId: objectiveId,
          marking: before.marking,
          organisationId: before.organisationId,
          before: { objectiveId, ...old },
          after: { objectiveId, ...now },
        });
      },
    });
    return planWithObjectives(tx, actor, found.id);
  });
}

function taxonomyIds(values: readonly string[]): TaxonomyId[] {
  const ids = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  const unknown = ids.filter((v) => !isTaxonomyId(v));
  if (unknown.length > 0)
    throw inputError(
      `Unknown priority heading ${unknown.map((u) => `"${u}"`).join(', ')}: use one or more of ${TAXONOMY_IDS.join(', ')}.`,
    );
  return inTaxonomyOrder(ids as TaxonomyId[]);
}

/** Adds an objective at the end of its theme (a new theme goes after the plan's last one). */
export async function addPlanObjective(
  store: Store,
  actor: Actor,
  planId: number,
  expectedVersion: number,
  fields: { theme: string; text: string },
): Promise<{ plan: Plan; objective: PlanObjective }> {
  const theme = fields.theme.trim();
  const text = fields.text.trim();
  if (theme === '') throw inputError('An objective needs its theme (the plan heading it sits under).');
  if (text === '') throw inputError('An objective needs its text.');
  return inTransaction(store, async (tx) => {
    let objective: PlanObjective | undefined;
    const { after } = await changePlan(tx, actor, planId, expectedVersion, `add objectives to plan ${planId}`, {
      check: async (before) => {
        const themeId = await themeFor(tx, actor, before, theme);
        await refuseDuplicate(tx, before, themeId, theme, text);
        return themeId;
      },
      write: async (before, themeId) => {
        const last = await tx
          .selectFrom('plan_objectives')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('plan_id', '=', planId)
          .executeTakeFirst();
        const inserted = await tx
          .insertInto('plan_objectives')
          .values({ plan_id: planId, theme_id: themeId, text, position: (last?.p ?? 0) + 1 })
          .returning('id')
          .executeTakeFirstOrThrow();
        objective = await readObjective(tx, inserted.id);
        await writeAudit(tx, actor, {
          action: 'create',
          table: 'plan_objectives',
          recordId: objective.id,
          marking: before.marking,
          organisationId: before.organisationId,
          after: objective,
        });
      },
    });
    if (objective === undefined) throw new Error(`Plan ${planId}: the objective was not written.`);
    return { plan: after, objective };
  });
}

/** Corrects an objective's text or moves it to another theme (`expectedVersion` is its plan's). */
export async function editPlanObjective(
  store: Store,
  actor: Actor,
  objectiveId: number,
  expectedVersion: number,
  fields: PlanObjectiveFields,
): Promise<{ plan: Plan; objective: PlanObjective }> {
  return inTransaction(store, async (tx) => {
    const found = await tx
      .selectFrom('plan_objectives')
      .innerJoin(visibleFrom(tx, actor, 'plans').select('id').as('plans'), 'plans.id', 'plan_objectives.plan_id')
      .select('plans.id')
      .where('plan_objectives.id', '=', objectiveId)
      .executeTakeFirst();
    if (found === undefined) throw notFoundError(`There is no plan objective ${objectiveId} that you can see.`);
    let objective: PlanObjective | undefined;
    const { after } = await changePlan(tx, actor, found.id, expectedVersion, `edit objectives of plan ${found.id}`, {
      check: async (before) => {
        const old = await readObjective(tx, objectiveId);
        const theme = fields.theme?.trim() || old.theme;
        const text = fields.text?.trim() || old.text;
        if (theme === old.theme && text === old.text)
          throw inputError(`Objective ${objectiveId} already reads so: give a new --text or --theme.`);
        const themeId = await themeFor(tx, actor, before, theme);
        await refuseDuplicate(tx, before, themeId, theme, text);
        return { old, themeId, text };
      },
      write: async (before, { old, themeId, text }) => {
        await tx
          .updateTable('plan_objectives')
          .set({ theme_id: themeId, text })
          .where('id', '=', objectiveId)
          .execute();
        objective = await readObjective(tx, objectiveId);
        await writeAudit(tx, actor, {
          action: 'update',
          table: 'plan_objectives',
          recordId: objectiveId,
          marking: before.marking,
          organisationId: before.organisationId,
          before: old,
          after: objective,
        });
      },
    });
    if (objective === undefined) throw new Error(`Objective ${objectiveId}: the change was not written.`);
    return { plan: after, objective };
  });
}

/**
 * One change to a plan's contents through core's one marked write: the version and the role are
 * checked, then `check` (which may add the theme an objective is filed under), the plan moves to
 * its next version, `write` writes and audits the objective, and the plan's update is audited.
 */
async function changePlan<C>(
  tx: Tx,
  actor: Actor,
  planId: number,
  expectedVersion: number,
  what: string,
  change: { check: (before: Plan) => Promise<C>; write: (before: Plan, checked: C) => Promise<void> },
): Promise<{ before: Plan; after: Plan }> {
  let checked: { before: Plan; value: C } | undefined;
  return changeMarked(tx, actor, {
    table: 'plans',
    id: planId,
    expectedVersion,
    read: (t: Tx) => readPlan(t, actor, planId),
    describe: describePlan,
    versionOf,
    role: { action: 'edit', what },
    set: async (before) => {
      checked = { before, value: await change.check(before) };
      return {};
    },
    afterUpdate: async () => {
      if (checked === undefined) throw new Error(`Plan ${planId}: the change was not checked.`);
      await change.write(checked.before, checked.value);
    },
  });
}

async function themeFor(tx: Tx, actor: Actor, plan: Plan, name: string): Promise<number> {
  const found = await tx
    .selectFrom('plan_themes')
    .select('id')
    .where('plan_id', '=', plan.id)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found !== undefined) return found.id;
  const last = await tx
    .selectFrom('plan_themes')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  const row = await tx
    .insertInto('plan_themes')
    .values({ plan_id: plan.id, name, position: (last?.p ?? 0) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
  const theme = { id: row.id, planId: row.plan_id, name: row.name, position: row.position };
  await writeAudit(tx, actor, {
    action: 'create',
    table: 'plan_themes',
    recordId: theme.id,
    marking: plan.marking,
    organisationId: plan.organisationId,
    after: theme,
  });
  return theme.id;
}

/**
 * An objective has no marking of its own: it is read through its plan, which the writer has just
 * read as visible (changePlan), so the clashing objective is one they can see and naming it hides
 * nothing (unlike a marked record: see core/uniqueness.ts).
 */
async function refuseDuplicate(tx: Tx, plan: Plan, themeId: number, theme: string, text: string): Promise<void> {
  const clash = await tx
    .selectFrom('plan_objectives')
    .select('id')
    .where('theme_id', '=', themeId)
    .where('text', '=', text)
    .executeTakeFirst();
  if (clash !== undefined)
    throw inputError(
      `${describePlan(plan)} already has the objective "${text}" under "${theme}" (objective ${clash.id}).`,
    );
}

async function readObjective(tx: Tx, id: number): Promise<PlanObjective> {
  const r = await tx
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
    .where('plan_objectives.id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: r.id, planId: r.plan_id, themeId: r.theme_id, theme: r.theme, text: r.text, position: r.position };
}
