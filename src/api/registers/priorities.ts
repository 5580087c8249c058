/**
 * Partners' priorities: the list (GET /priorities), the side-by-side matrix of a period (partners
 * as columns, the common taxonomy as rows, each cell the partner's own words), congruence with an
 * assessment's Control Strategy (GET /assessments/:id/priorities/congruence), the taxonomy, the
 * periods and the partner organisations to choose from; one priority with its revisions;
 * recording one (POST /priorities) and changing one (PUT /priorities/:id; a stale change answered
 * 409 with the priority as it is now). The CSV export (/priorities.csv) is text.
 */
import { z } from 'zod';
import type { AlliancePriorities, Congruence } from '../../domain/priorities/congruence.js';
import { PRIORITY_KINDS, type PriorityKind } from '../../domain/priorities/kinds.js';
import type { PriorityMatrix } from '../../domain/priorities/matrix.js';
import { isTaxonomyId, TAXONOMY_IDS, type TaxonomyId } from '../../domain/priorities/taxonomy.js';
import {
  expectedVersion,
  idList,
  marking,
  orgIds,
  queryFlag,
  type MarkedFields,
  type Marking,
  type Checked,
} from '../fields.js';
import type { Organisation } from '../organisations.js';

export { PRIORITY_KINDS, PARTNER_KINDS } from '../../domain/priorities/kinds.js';
export type { PriorityKind, PartnerKind } from '../../domain/priorities/kinds.js';
export type { TaxonomyId, TaxonomyEntry } from '../../domain/priorities/taxonomy.js';
export type { PriorityMatrix, MatrixColumn, MatrixRow } from '../../domain/priorities/matrix.js';

const period = z
  .string()
  .trim()
  .regex(/^\d{4}[/-]\d{2}$/, 'expected a financial year like 2016/17');
const taxonomyId = z.custom<TaxonomyId>((v) => isTaxonomyId(v), {
  message: `expected one of the taxonomy ids: ${TAXONOMY_IDS.join(', ')}`,
});
const taxonomyIds = z.array(taxonomyId).max(10);

/** POST /priorities (NewPartnerPriority in the store). */
export const NewPartnerPriority = z.strictObject({
  partnerId: z.string().trim().min(1, 'choose the partner').max(100),
  period,
  wording: z.string().trim().min(1, "give the partner's own words").max(1000),
  taxonomyIds: taxonomyIds.optional(),
  kind: z.enum(PRIORITY_KINDS).optional(),
  heldBy: z.string().trim().max(100).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewPartnerPriority = Checked<typeof NewPartnerPriority>;

/** What a change to a priority may set (PartnerPriorityChange in the store). */
export const PartnerPriorityChange = z.strictObject({
  wording: z.string().trim().min(1, "give the partner's own words").max(1000).optional(),
  taxonomyIds: taxonomyIds.optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
  reason: z.string().max(2000).optional(),
});
export type PartnerPriorityChange = Checked<typeof PartnerPriorityChange>;

/** PUT /priorities/:id. */
export const PriorityEdit = z.strictObject({ expectedVersion, ...PartnerPriorityChange.shape });
export type PriorityEdit = z.input<typeof PriorityEdit>;

/** GET /priorities. */
export const PriorityListQuery = z.strictObject({
  period: period.optional(),
  partners: idList.optional(),
  taxonomy: taxonomyId.optional(),
  kind: z.enum(PRIORITY_KINDS).optional(),
});
/** GET /priorities/matrix. */
export const PriorityMatrixQuery = z.strictObject({
  period,
  partners: idList.optional(),
  allRows: queryFlag.optional(),
});
/** GET /assessments/:id/priorities/congruence. */
export const CongruenceQuery = z.strictObject({ period: period.optional(), partners: idList.optional() });
/** GET /priorities.csv. */
export const PriorityExportQuery = z.strictObject({ period: period.optional(), partners: idList.optional() });

/** A partner's priority: the list, and the answer to recording or changing one. */
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

/** GET /priorities/:id: every version the reader may see, oldest first (the last is the current one). */
export interface PartnerPriorityWithHistory extends PartnerPriority {
  readonly revisions: readonly PriorityRevision[];
}

/** GET /priorities/matrix. */
export interface PriorityMatrixView extends PriorityMatrix {
  readonly period: string;
  /** The highest marking of the priorities shown. */
  readonly marking: Marking;
}

export interface PartnerCongruence extends Congruence {
  readonly partnerId: string;
  readonly name: string;
  /** The partner's priorities in the period (notes not counted). */
  readonly priorities: number;
  readonly taxonomyIds: readonly TaxonomyId[];
}

/** GET /assessments/:id/priorities/congruence. */
export interface PriorityCongruenceView {
  readonly assessmentId: number;
  readonly assessmentPeriod: string;
  /** The period of the partners' priorities compared. */
  readonly period: string;
  readonly strategyStatus: 'draft' | 'approved';
  readonly alliance: AlliancePriorities;
  readonly partners: readonly PartnerCongruence[];
  /** The highest of the Control Strategy's marking and the priorities'. */
  readonly marking: Marking;
}

/** GET /priorities/partners: the partners to choose from, and the forces and alliances CSPs nest under. */
export interface PriorityPartners {
  readonly partners: readonly Organisation[];
  readonly forces: readonly Organisation[];
}
