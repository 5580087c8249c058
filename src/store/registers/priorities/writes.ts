/**
 * The partners' priorities register: each partner's (CSP, county, OPCC) priorities for a period,
 * in its own words, each mapped onto the common taxonomy (domain/priorities). Every read is
 * filtered by the marking rule in SQL (a priority the actor may not see is "not found"); every
 * change is versioned, audited in the same transaction, and kept as an append-only revision, so
 * the wording and mapping a priority had at any version can be read back.
 *
 * Decisions: the record belongs to the partner but is held by the partner or by an alliance or
 * force typing it in on the partner's behalf (priority-holder.ts); a `note` (a remark on a
 * partner's table, such as "Community Safety Agreement not produced ...") maps to no heading and
 * never counts as a priority. The matrix and congruence are in priority-products.ts.
 */
import type { Marking } from '../../../domain/marking.js';
import { parsePriorityPeriod } from '../../../domain/priorities/period.js';
import { parseTaxonomyIds, type TaxonomyId } from '../../../domain/priorities/taxonomy.js';
import { inputError } from '../../../errors.js';
import { refuseVisibleClash } from '../../core/uniqueness.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { PRIORITY_KINDS } from '../../../domain/priorities/kinds.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { requireCanMark, textArray } from '../../core/policy.js';
import { resolveHolding, sharesFor } from './holder.js';
import {
  readPriority,
  revisionsOf,
  toPriority,
  type PartnerPriority,
  type PriorityKind,
  type PriorityRevision,
} from './reads.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';

export { PRIORITY_KINDS };
export type { PartnerPriority, PriorityKind, PriorityRevision };

export interface PartnerPriorityWithHistory extends PartnerPriority {
  /** Every version the actor may see, oldest first (the last is the current one). */
  readonly revisions: readonly PriorityRevision[];
}

export interface NewPartnerPriority {
  readonly partnerId: string;
  /** 2016/17 (2016-17 is accepted). */
  readonly period: string;
  readonly wording: string;
  /** Taxonomy ids; none for a note. */
  readonly taxonomyIds?: readonly string[] | undefined;
  readonly kind?: PriorityKind | undefined;
  /** The organisation holding the record: the partner (default when the actor edits there) or an alliance or force. */
  readonly heldBy?: string | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface PartnerPriorityChange {
  readonly wording?: string | undefined;
  readonly taxonomyIds?: readonly string[] | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
  /** Why it changed (kept with the revision). */
  readonly reason?: string | undefined;
}

export function parsePriorityKind(value: string): PriorityKind {
  const v = value.trim().toLowerCase();
  if ((PRIORITY_KINDS as readonly string[]).includes(v)) return v as PriorityKind;
  throw inputError(`Unknown priority kind "${value}": expected one of ${PRIORITY_KINDS.join(', ')}.`);
}

export async function createPriority(store: Store, actor: Actor, input: NewPartnerPriority): Promise<PartnerPriority> {
  const period = parsePriorityPeriod(input.period);
  const wording = input.wording.trim();
  const kind = input.kind ?? 'priority';
  if (wording === '') throw inputError("A priority needs its wording (the partner's own words).");
  const taxonomyIds = mappingFor(kind, input.taxonomyIds ?? []);
  const marking = input.marking ?? 'OFFICIAL';
  return inTransaction(store, async (tx) => {
    const holding = await resolveHolding(tx, actor, input.partnerId.trim(), input.heldBy?.trim() || undefined);
    const sharedWith = sharesFor(holding, input.sharedWith ?? []);
    requireCanMark(actor, marking, holding.heldBy);
    await requireOrganisationsExist(tx, sharedWith);
    await refuseDuplicate(tx, actor, holding.partnerId, period, wording);
    const row = await tx
      .insertInto('partner_priorities')
      .values({
        partner_id: holding.partnerId,
        period,
        kind,
        wording,
        taxonomy_ids: textArray(taxonomyIds),
        marking,
        organisation_id: holding.heldBy,
        shared_with: textArray(sharedWith),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const made = toPriority(row);
    await addRevision(tx, actor, made, null);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'partner_priorities',
      recordId: made.id,
      marking,
      organisationId: made.organisationId,
      after: made,
    });
    return made;
  });
}

/** Changes the wording, mapping, marking or shares; the earlier version stays readable as a revision. */
export async function updatePriority(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  change: PartnerPriorityChange,
): Promise<PartnerPriority> {
  return inTransaction(store, async (tx) => {
    let checked: { wording: string; taxonomyIds: string[]; sharedWith: string[] } | undefined;
    const { after } = await changeMarked(tx, actor, {
      table: 'partner_priorities',
      id,
      expectedVersion,
      read: (t: Tx) => readPriority(t, actor, id),
      describe: (p) => `Partner priority ${id} ("${p.wording}")`,
      role: { action: 'edit', what: (p) => `change priority ${id} of ${p.partnerId}` },
      // The wording, mapping and shares are checked before the marking, as they always were.
      checkFirst: (before) => {
        const wording = change.wording?.trim() ?? before.wording;
        if (wording === '') throw inputError("A priority needs its wording (the partner's own words).");
        const taxonomyIds =
          change.taxonomyIds === undefined ? [...before.taxonomyIds] : mappingFor(before.kind, change.taxonomyIds);
        const sharedWith =
          change.sharedWith === undefined
            ? [...before.sharedWith]
            : sharesFor({ partnerId: before.partnerId, heldBy: before.organisationId }, change.sharedWith);
        checked = { wording, taxonomyIds, sharedWith };
        return { marking: change.marking ?? before.marking, sharedWith };
      },
      set: async (before) => {
        if (checked === undefined) throw new Error(`Priority ${id}: the change was not checked.`);
        const { wording, taxonomyIds, sharedWith } = checked;
        await requireOrganisationsExist(tx, sharedWith);
        const same =
          wording === before.wording &&
          (change.marking ?? before.marking) === before.marking &&
          taxonomyIds.join() === before.taxonomyIds.join() &&
          sharedWith.join() === before.sharedWith.join();
        if (same) throw inputError(`Priority ${id} already reads so: give a new wording, mapping, marking or shares.`);
        if (wording !== before.wording || (change.marking ?? before.marking) !== before.marking)
          await refuseDuplicate(tx, actor, before.partnerId, before.period, wording, id);
        return { wording, taxonomy_ids: textArray(taxonomyIds) };
      },
      afterUpdate: (after) => addRevision(tx, actor, after, change.reason?.trim() || null),
      audited: (after) => ({ ...after, reason: change.reason ?? null }),
    });
    return after;
  });
}

/** A priority with every version of it the actor may see. */
export async function getPriority(store: Store, actor: Actor, id: number): Promise<PartnerPriorityWithHistory> {
  const db = dbOf(store);
  const p = await readPriority(db, actor, id);
  return { ...p, revisions: await revisionsOf(db, actor, p) };
}

function mappingFor(kind: PriorityKind, ids: readonly string[]): TaxonomyId[] {
  if (kind === 'priority') return parseTaxonomyIds(ids);
  if (ids.some((v) => v.trim() !== ''))
    throw inputError("A note about a partner's table maps to no taxonomy heading; record a priority to map one.");
  return [];
}

/** Refuses a wording a priority the actor can see already has (a hidden one's is free: core/uniqueness.ts). */
async function refuseDuplicate(
  tx: Tx,
  actor: Actor,
  partnerId: string,
  period: string,
  wording: string,
  exceptId = 0,
): Promise<void> {
  const clash = await visibleFrom(tx, actor, 'partner_priorities')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('period', '=', period)
    .where('wording', '=', wording)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  refuseVisibleClash(
    clash,
    `${partnerId} already has the priority "${wording}" for ${period} (priority ${clash?.id}); change that one instead (stra priority update).`,
    'wording',
  );
}

async function addRevision(tx: Tx, actor: Actor, p: PartnerPriority, reason: string | null): Promise<void> {
  await tx
    .insertInto('partner_priority_revisions')
    .values({
      priority_id: p.id,
      version: p.version,
      wording: p.wording,
      taxonomy_ids: textArray(p.taxonomyIds),
      marking: p.marking,
      shared_with: textArray(p.sharedWith),
      reason,
      changed_by: actor.username,
    })
    .execute();
}
