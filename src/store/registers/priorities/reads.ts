/**
 * Reading partners' priorities and their revisions, and turning rows into the register's types.
 * Every read of the marked table goes through `visibleTo`; a revision is returned only when its
 * own marking (the one it had then) is visible too, so lowering a marking never exposes what an
 * earlier, higher-marked version said.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { canSee, parseMarking, type Marking } from '../../../domain/marking.js';
import { parsePriorityPeriod } from '../../../domain/priorities/period.js';
import { isTaxonomyId, type TaxonomyId } from '../../../domain/priorities/taxonomy.js';
import { notFoundError } from '../../../errors.js';
import type { Actor } from '../../core/actor.js';
import { markedFields, toIso, type MarkedFields } from '../../core/rows.js';
import { dbOf, type Store } from '../../core/store.js';
import type { Database } from '../../core/schema.js';
import type { PartnerPrioritiesTable, PartnerPriorityRevisionsTable } from './tables.js';
import type { PRIORITY_KINDS } from '../../../domain/priorities/kinds.js';
import { visibleFrom } from '../../core/marked.js';

export type PriorityKind = (typeof PRIORITY_KINDS)[number];

export interface PartnerPriority extends MarkedFields {
  readonly id: number;
  /** The partner whose priority it is; `organisationId` is who holds the record. */
  readonly partnerId: string;
  /** 2016/17. */
  readonly period: string;
  /** `priority`, or `note`: a remark about the partner's table that maps to no heading. */
  readonly kind: PriorityKind;
  /** The partner's own words. */
  readonly wording: string;
  readonly taxonomyIds: readonly TaxonomyId[];
}

/** One version of a priority as it was (version 1 is the one first recorded). */
export interface PriorityRevision {
  readonly priorityId: number;
  readonly version: number;
  readonly wording: string;
  readonly taxonomyIds: readonly TaxonomyId[];
  readonly marking: Marking;
  readonly sharedWith: readonly string[];
  /** Why it was changed, when the writer said. */
  readonly reason: string | null;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface PriorityQuery {
  readonly period?: string | undefined;
  readonly partnerIds?: readonly string[] | undefined;
  readonly taxonomyId?: TaxonomyId | undefined;
  readonly kind?: PriorityKind | undefined;
}

/** The priorities the actor can see, by period, then in the order entered. */
export async function listPriorities(store: Store, actor: Actor, q: PriorityQuery = {}): Promise<PartnerPriority[]> {
  let query = visibleFrom(dbOf(store), actor, 'partner_priorities').selectAll();
  if (q.period !== undefined) query = query.where('period', '=', parsePriorityPeriod(q.period));
  if (q.partnerIds !== undefined)
    query =
      q.partnerIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('partner_id', 'in', [...q.partnerIds]);
  if (q.taxonomyId !== undefined) query = query.where(sql<boolean>`${q.taxonomyId} = ANY(taxonomy_ids)`);
  if (q.kind !== undefined) query = query.where('kind', '=', q.kind);
  const rows = await query.orderBy('period').orderBy('id').execute();
  return rows.map(toPriority);
}

export async function readPriority(db: Kysely<Database>, actor: Actor, id: number): Promise<PartnerPriority> {
  const row = await visibleFrom(db, actor, 'partner_priorities').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no partner priority ${id} that you can see.`);
  return toPriority(row);
}

export async function revisionsOf(db: Kysely<Database>, actor: Actor, p: PartnerPriority): Promise<PriorityRevision[]> {
  const rows = await db
    .selectFrom('partner_priority_revisions')
    .selectAll()
    .where('priority_id', '=', p.id)
    .orderBy('version')
    .execute();
  return rows
    .map(toRevision)
    .filter((r) => canSee(actor, { marking: r.marking, organisationId: p.organisationId, sharedWith: r.sharedWith }));
}

const taxonomyOf = (ids: readonly string[]): TaxonomyId[] => ids.filter(isTaxonomyId);

export function toPriority(row: Selectable<PartnerPrioritiesTable>): PartnerPriority {
  return {
    id: row.id,
    partnerId: row.partner_id,
    period: row.period,
    kind: row.kind as PriorityKind,
    wording: row.wording,
    taxonomyIds: taxonomyOf(row.taxonomy_ids),
    ...markedFields(row),
  };
}

function toRevision(row: Selectable<PartnerPriorityRevisionsTable>): PriorityRevision {
  return {
    priorityId: row.priority_id,
    version: row.version,
    wording: row.wording,
    taxonomyIds: taxonomyOf(row.taxonomy_ids),
    marking: parseMarking(row.marking),
    sharedWith: [...row.shared_with],
    reason: row.reason,
    changedBy: row.changed_by,
    changedAt: toIso(row.changed_at),
  };
}

/** The periods with priorities the actor can see, oldest first. */
export async function priorityPeriods(store: Store, actor: Actor): Promise<string[]> {
  const rows = await visibleFrom(dbOf(store), actor, 'partner_priorities')
    .select('period')
    .distinct()
    .orderBy('period')
    .execute();
  return rows.map((r) => r.period);
}
