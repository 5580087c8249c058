/**
 * Mappings between two Police and Crime Plans, and the side-by-side comparison they give (the
 * seed's Appendix 1). A mapping is a record of its own, owned by whoever compares the plans,
 * holding links between a theme of each plan and pairs of objectives; it is seen only by an actor
 * who may see it and both plans. Every change names the mapping version it read and is audited.
 *
 * Decisions: one mapping per pair of plans (whichever way round) among the mappings its writer can
 * see: a mapping of the pair by another organisation, or marked above the writer, never changes
 * their answer (issue 13, defect 5; migration 017 keys the pair by organisation and marking). A
 * mapping is marked at least as high as either plan, and the comparison carries the highest
 * marking of the plans and mapping. A comparison by the two plans uses the mapping of the pair the
 * reader's own organisations made at the highest marking they may see (any other they may see
 * otherwise); by mapping id, that one.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { conflictError, inputError, notFoundError } from '../../../errors.js';
import { highestMarking, markingRank, type Marking } from '../../../domain/marking.js';
import {
  comparePlans,
  countComparison,
  invertLinks,
  type ComparisonCounts,
  type ComparisonGroup,
} from '../../../domain/plans/compare.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { planContents, readPlan, versionOf, type Plan } from './reads.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { markedFields, type MarkedFields } from '../../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import type { Database } from '../../core/schema.js';
import type { PlanMappingsTable } from './tables.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';

export type {
  ComparisonGroup as PlanComparisonGroup,
  ComparisonRow as PlanComparisonRow,
  ComparedObjective as PlanComparedObjective,
  ComparisonCounts as PlanComparisonCounts,
} from '../../../domain/plans/compare.js';

export interface PlanMapping extends MarkedFields {
  readonly id: number;
  readonly planAId: number;
  readonly planBId: number;
  readonly title: string | null;
}

export interface PlanThemeLink {
  readonly id: number;
  readonly themeAId: number;
  readonly themeA: string;
  readonly themeBId: number;
  readonly themeB: string;
}

export interface PlanObjectivePair {
  readonly id: number;
  readonly objectiveA: { readonly id: number; readonly theme: string; readonly text: string };
  readonly objectiveB: { readonly id: number; readonly theme: string; readonly text: string };
}

export interface PlanMappingWithLinks extends PlanMapping {
  readonly themeLinks: readonly PlanThemeLink[];
  readonly pairs: readonly PlanObjectivePair[];
}

export interface NewPlanMapping {
  readonly planAId: number;
  readonly planBId: number;
  /** Who makes the comparison, e.g. the alliance. */
  readonly organisationId: string;
  readonly title?: string | null | undefined;
  /** At least the higher of the two plans' markings (the default). */
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface PlanComparison {
  readonly planA: Plan;
  readonly planB: Plan;
  /** The mapping used (made for these plans either way round), or null when there is none you can see. */
  readonly mapping: PlanMapping | null;
  /** The highest marking of the two plans and the mapping. */
  readonly marking: Marking;
  readonly groups: readonly ComparisonGroup[];
  readonly counts: ComparisonCounts;
}

export async function createPlanMapping(store: Store, actor: Actor, fields: NewPlanMapping): Promise<PlanMapping> {
  if (fields.planAId === fields.planBId) throw inputError('A mapping compares two different plans.');
  return inTransaction(store, async (tx) => {
    const [a, b] = [await readPlan(tx, actor, fields.planAId), await readPlan(tx, actor, fields.planBId)];
    const floor = highestMarking([a.marking, b.marking]);
    const marking = fields.marking ?? floor;
    if (markingRank(marking) < markingRank(floor))
      throw inputError(`A mapping of plans ${a.id} and ${b.id} must be marked at least ${floor}, as the plans are.`);
    requireRole(actor, fields.organisationId, 'edit', `map plans for ${fields.organisationId}`);
    requireCanMark(actor, marking, fields.organisationId);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    // Only a mapping the writer can see: whoever may write at (organisation, marking) sees all there.
    const clash = await visibleFrom(tx, actor, 'plan_mappings')
      .select('id')
      .where(sql`least(plan_a_id, plan_b_id)`, '=', Math.min(a.id, b.id))
      .where(sql`greatest(plan_a_id, plan_b_id)`, '=', Math.max(a.id, b.id))
      .executeTakeFirst();
    if (clash !== undefined)
      throw inputError(
        `Plans ${a.id} and ${b.id} already have a mapping you can see (mapping ${clash.id}; stra plan map list --plan ${a.id}); add to it instead.`,
      );
    const title =
      fields.title === undefined || fields.title === null || fields.title.trim() === '' ? null : fields.title.trim();
    const row = await tx
      .insertInto('plan_mappings')
      .values({
        plan_a_id: a.id,
        plan_b_id: b.id,
        title,
        marking,
        organisation_id: fields.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => {
        // Another writer made this mapping (of this organisation, at this marking) since the check.
        if ((e as { code?: unknown }).code === '23505')
          throw conflictError(`Plans ${a.id} and ${b.id} were mapped by someone else just now; reload and add to it.`);
        throw e;
      });
    const mapping = toMapping(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'plan_mappings',
      recordId: mapping.id,
      marking,
      organisationId: mapping.organisationId,
      after: mapping,
    });
    return mapping;
  });
}

export async function listPlanMappings(
  store: Store,
  actor: Actor,
  q: { planId?: number | undefined } = {},
): Promise<PlanMapping[]> {
  let query = visibleMappings(dbOf(store), actor);
  if (q.planId !== undefined)
    query = query.where((eb) =>
      eb.or([eb('plan_mappings.plan_a_id', '=', q.planId!), eb('plan_mappings.plan_b_id', '=', q.planId!)]),
    );
  return (await query.orderBy('plan_mappings.id').execute()).map(toMapping);
}

export async function getPlanMapping(store: Store, actor: Actor, id: number): Promise<PlanMappingWithLinks> {
  const db = dbOf(store);
  const mapping = await readMapping(db, actor, id);
  return { ...mapping, ...(await linksOf(db, mapping.id)) };
}

/** Links a theme of plan A with a theme of plan B (by name); each theme is in one link at most. */
export async function linkPlanThemes(
  store: Store,
  actor: Actor,
  mappingId: number,
  expectedVersion: number,
  themes: { themeA: string; themeB: string },
): Promise<PlanMappingWithLinks> {
  return changeMapping(store, actor, mappingId, expectedVersion, 'link themes in', async (tx, m) => {
    const themeA = await themeNamed(tx, m.planAId, themes.themeA);
    const themeB = await themeNamed(tx, m.planBId, themes.themeB);
    const taken = await tx
      .selectFrom('plan_theme_links')
      .select(['theme_a_id', 'theme_b_id'])
      .where('mapping_id', '=', m.id)
      .where((eb) => eb.or([eb('theme_a_id', '=', themeA.id), eb('theme_b_id', '=', themeB.id)]))
      .executeTakeFirst();
    if (taken !== undefined)
      throw inputError(
        `Mapping ${m.id} already links "${taken.theme_a_id === themeA.id ? themeA.name : themeB.name}"; unlink it first.`,
      );
    const row = await tx
      .insertInto('plan_theme_links')
      .values({ mapping_id: m.id, theme_a_id: themeA.id, theme_b_id: themeB.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      action: 'create',
      table: 'plan_theme_links',
      recordId: row.id,
      record: { id: row.id, mappingId: m.id, themeA: themeA.name, themeB: themeB.name },
    };
  });
}

export async function unlinkPlanThemes(
  store: Store,
  actor: Actor,
  mappingId: number,
  expectedVersion: number,
  themeA: string,
): Promise<PlanMappingWithLinks> {
  return changeMapping(store, actor, mappingId, expectedVersion, 'unlink themes in', async (tx, m) => {
    const theme = await themeNamed(tx, m.planAId, themeA);
    const row = await tx
      .deleteFrom('plan_theme_links')
      .where('mapping_id', '=', m.id)
      .where('theme_a_id', '=', theme.id)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw inputError(`Mapping ${m.id} does not link "${theme.name}" to any theme.`);
    return {
      action: 'delete',
      table: 'plan_theme_links',
      recordId: row.id,
      record: { id: row.id, mappingId: m.id, themeA: theme.name, themeBId: row.theme_b_id },
    };
  });
}

/** Pairs an objective of plan A with one of plan B; each objective is in one pair at most. */
export async function pairPlanObjectives(
  store: Store,
  actor: Actor,
  mappingId: number,
  expectedVersion: number,
  pair: { objectiveA: number; objectiveB: number },
): Promise<PlanMappingWithLinks> {
  return changeMapping(store, actor, mappingId, expectedVersion, 'pair objectives in', async (tx, m) => {
    const a = await objectiveOf(tx, m.planAId, pair.objectiveA);
    const b = await objectiveOf(tx, m.planBId, pair.objectiveB);
    const taken = await tx
      .selectFrom('plan_objective_pairs')
      .select(['objective_a_id'])
      .where('mapping_id', '=', m.id)
      .where((eb) => eb.or([eb('objective_a_id', '=', a.id), eb('objective_b_id', '=', b.id)]))
      .executeTakeFirst();
    if (taken !== undefined)
      throw inputError(
        `Objective ${taken.objective_a_id === a.id ? a.id : b.id} is already paired in mapping ${m.id}; unpair it first.`,
      );
    const row = await tx
      .insertInto('plan_objective_pairs')
      .values({ mapping_id: m.id, objective_a_id: a.id, objective_b_id: b.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      action: 'create',
      table: 'plan_objective_pairs',
      recordId: row.id,
      record: { id: row.id, mappingId: m.id, objectiveA: a, objectiveB: b },
    };
  });
}

/** Removes the pair an objective (of either plan) is in. */
export async function unpairPlanObjective(
  store: Store,
  actor: Actor,
  mappingId: number,
  expectedVersion: number,
  objectiveId: number,
): Promise<PlanMappingWithLinks> {
  return changeMapping(store, actor, mappingId, expectedVersion, 'unpair objectives in', async (tx, m) => {
    const row = await tx
      .deleteFrom('plan_objective_pairs')
      .where('mapping_id', '=', m.id)
      .where((eb) => eb.or([eb('objective_a_id', '=', objectiveId), eb('objective_b_id', '=', objectiveId)]))
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw inputError(`Objective ${objectiveId} is not paired in mapping ${m.id}.`);
    return {
      action: 'delete',
      table: 'plan_objective_pairs',
      recordId: row.id,
      record: { id: row.id, mappingId: m.id, objectiveAId: row.objective_a_id, objectiveBId: row.objective_b_id },
    };
  });
}

/**
 * Plans A and B side by side through a mapping made for them (either way round), if any: the one
 * given by id, else the one the reader's own organisations made at the highest marking they may see.
 */
export async function planComparison(
  store: Store,
  actor: Actor,
  planAId: number,
  planBId: number,
  mappingId?: number,
): Promise<PlanComparison> {
  if (planAId === planBId) throw inputError('Compare two different plans.');
  const db = dbOf(store);
  const [planA, planB] = [await readPlan(db, actor, planAId), await readPlan(db, actor, planBId)];
  const rows = await visibleMappings(db, actor)
    .where(sql`least(plan_mappings.plan_a_id, plan_mappings.plan_b_id)`, '=', Math.min(planAId, planBId))
    .where(sql`greatest(plan_mappings.plan_a_id, plan_mappings.plan_b_id)`, '=', Math.max(planAId, planBId))
    .execute();
  const mappings = rows.map(toMapping);
  const own = (m: PlanMapping) => (actor.organisationIds.includes(m.organisationId) ? 1 : 0);
  mappings.sort((x, y) => own(y) - own(x) || markingRank(y.marking) - markingRank(x.marking) || x.id - y.id);
  const mapping = mappingId === undefined ? (mappings[0] ?? null) : (mappings.find((m) => m.id === mappingId) ?? null);
  if (mappingId !== undefined && mapping === null)
    throw notFoundError(`There is no plan mapping ${mappingId} of plans ${planAId} and ${planBId} that you can see.`);
  const [a, b] = [await planContents(db, planA), await planContents(db, planB)];
  const stored = mapping === null ? { themeLinks: [], pairs: [] } : await linksOf(db, mapping.id);
  const links = {
    themeLinks: stored.themeLinks.map((l) => ({ themeA: l.themeAId, themeB: l.themeBId })),
    pairs: stored.pairs.map((p) => ({ objectiveA: p.objectiveA.id, objectiveB: p.objectiveB.id })),
  };
  const groups = comparePlans(a, b, mapping !== null && mapping.planAId !== planAId ? invertLinks(links) : links);
  const marking = highestMarking([planA.marking, planB.marking, ...(mapping === null ? [] : [mapping.marking])]);
  return { planA, planB, mapping, marking, groups, counts: countComparison(groups) };
}

interface MappingChange {
  readonly action: 'create' | 'delete';
  readonly table: string;
  readonly recordId: number;
  readonly record: unknown;
}

/** One change to a mapping's links: checked, audited, and the mapping's version moved on. */
async function changeMapping(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  what: string,
  change: (tx: Tx, m: PlanMapping) => Promise<MappingChange>,
): Promise<PlanMappingWithLinks> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'plan_mappings',
      id,
      expectedVersion,
      read: (t: Tx) => readMapping(t, actor, id),
      describe: () => `Plan mapping ${id}`,
      versionOf,
      role: { action: 'edit', what: `${what} mapping ${id}` },
      // The link is checked, written and audited before the mapping's version moves on.
      set: async (before) => {
        const done = await change(tx, before);
        const audited = {
          marking: before.marking,
          organisationId: before.organisationId,
          recordId: done.recordId,
          table: done.table,
        };
        await writeAudit(
          tx,
          actor,
          done.action === 'create'
            ? { ...audited, action: 'create', after: done.record }
            : { ...audited, action: 'delete', before: done.record },
        );
        return {};
      },
    });
    return { ...after, ...(await linksOf(tx, id)) };
  });
}

/** Mappings the actor may see, with both their plans. */
function visibleMappings(db: Kysely<Database>, actor: Actor) {
  return visibleFrom(db, actor, 'plan_mappings')
    .innerJoin(visibleFrom(db, actor, 'plans').select('id').as('pa'), 'pa.id', 'plan_mappings.plan_a_id')
    .innerJoin(visibleFrom(db, actor, 'plans').select('id').as('pb'), 'pb.id', 'plan_mappings.plan_b_id')
    .selectAll('plan_mappings');
}

async function readMapping(db: Kysely<Database>, actor: Actor, id: number): Promise<PlanMapping> {
  const row = await visibleMappings(db, actor).where('plan_mappings.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no plan mapping ${id} that you can see.`);
  return toMapping(row);
}

async function linksOf(
  db: Kysely<Database>,
  mappingId: number,
): Promise<{ themeLinks: PlanThemeLink[]; pairs: PlanObjectivePair[] }> {
  const themeLinks = await db
    .selectFrom('plan_theme_links as l')
    .innerJoin('plan_themes as ta', 'ta.id', 'l.theme_a_id')
    .innerJoin('plan_themes as tb', 'tb.id', 'l.theme_b_id')
    .select(['l.id', 'l.theme_a_id as themeAId', 'ta.name as themeA', 'l.theme_b_id as themeBId', 'tb.name as themeB'])
    .where('l.mapping_id', '=', mappingId)
    .orderBy('ta.position')
    .execute();
  const rows = await db
    .selectFrom('plan_objective_pairs as p')
    .innerJoin('plan_objectives as oa', 'oa.id', 'p.objective_a_id')
    .innerJoin('plan_themes as ta', 'ta.id', 'oa.theme_id')
    .innerJoin('plan_objectives as ob', 'ob.id', 'p.objective_b_id')
    .innerJoin('plan_themes as tb', 'tb.id', 'ob.theme_id')
    .select([
      'p.id',
      'oa.id as aId',
      'ta.name as aTheme',
      'oa.text as aText',
      'ob.id as bId',
      'tb.name as bTheme',
      'ob.text as bText',
    ])
    .where('p.mapping_id', '=', mappingId)
    .orderBy('oa.position')
    .execute();
  const pairs = rows.map((r) => ({
    id: r.id,
    objectiveA: { id: r.aId, theme: r.aTheme, text: r.aText },
    objectiveB: { id: r.bId, theme: r.bTheme, text: r.bText },
  }));
  return { themeLinks, pairs };
}

async function themeNamed(tx: Tx, planId: number, name: string): Promise<{ id: number; name: string }> {
  const found = await tx
    .selectFrom('plan_themes')
    .select(['id', 'name'])
    .where('plan_id', '=', planId)
    .where('name', '=', name.trim())
    .executeTakeFirst();
  if (found === undefined)
    throw inputError(`Plan ${planId} has no theme "${name.trim()}" (stra plan show ${planId} lists its themes).`);
  return found;
}

async function objectiveOf(tx: Tx, planId: number, id: number): Promise<{ id: number; theme: string; text: string }> {
  const found = await tx
    .selectFrom('plan_objectives')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_objectives.theme_id')
    .select(['plan_objectives.id', 'plan_themes.name as theme', 'plan_objectives.text'])
    .where('plan_objectives.id', '=', id)
    .where('plan_objectives.plan_id', '=', planId)
    .executeTakeFirst();
  if (found === undefined)
    throw inputError(`Objective ${id} is not an objective of plan ${planId} (stra plan show ${planId} lists them).`);
  return found;
}

function toMapping(row: Selectable<PlanMappingsTable>): PlanMapping {
  return { id: row.id, planAId: row.plan_a_id, planBId: row.plan_b_id, title: row.title, ...markedFields(row) };
}
