/**
 * Inspections and their findings: the inspections (GET /inspections) and one with its findings
 * (GET /inspections/:id), the findings across inspections (GET /inspection-findings), one
 * finding with its dated updates (GET /inspection-findings/:id) and adding an update (POST
 * /inspection-findings/:id/updates; a stale one answered 409 with the finding as it is now).
 * The findings as CSV (/inspections.csv) are text.
 */
import { z } from 'zod';
import {
  FINDING_STATUSES,
  type FindingKind,
  type FindingStatus,
  type InspectionGrade,
} from '../../domain/plans/terms.js';
import { expectedVersion, isoDate, marking, orgIds, queryNumber, type MarkedFields, type Checked } from '../fields.js';
import { FINDING_KINDS, INSPECTION_GRADES } from '../../domain/plans/terms.js';

export { FINDING_STATUSES, FINDING_KINDS, INSPECTION_GRADES } from '../../domain/plans/terms.js';
export type { FindingKind, FindingStatus, InspectionGrade } from '../../domain/plans/terms.js';

const words = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** "2016", "2016-05" or "2016-05-12": inspection reports are often dated by month or year only. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .nullable()
  .optional();

/** POST /inspections (NewInspection in the store). */
export const NewInspectionRequest = z.strictObject({
  organisationId: words(100, 'choose the organisation inspected'),
  body: words(100, 'give the inspecting body, e.g. HMICFRS'),
  title: words(300, 'give the inspection, e.g. PEEL: Legitimacy 2016'),
  dated: partialDate,
  grade: z.enum(INSPECTION_GRADES).nullable().optional(),
  source: optionalText(2000),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewInspectionRequest = z.input<typeof NewInspectionRequest>;

/** PUT /inspections/:id (InspectionFields in the store): what is left out stays. */
export const InspectionEditRequest = z.strictObject({
  expectedVersion,
  body: words(100, 'give the inspecting body').optional(),
  title: words(300, 'give the inspection').optional(),
  dated: partialDate,
  grade: z.enum(INSPECTION_GRADES).nullable().optional(),
  source: optionalText(2000),
});
export type InspectionEditRequest = z.input<typeof InspectionEditRequest>;

/** POST /inspections/:id/findings (NewInspectionFinding in the store). */
export const NewFindingRequest = z.strictObject({
  text: words(20_000, 'write the finding'),
  kind: z.enum(FINDING_KINDS).optional(),
  reference: optionalText(40),
  detail: optionalText(20_000),
  owner: optionalText(200),
  status: z.enum(FINDING_STATUSES).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewFindingRequest = z.input<typeof NewFindingRequest>;

/** An update to a finding (NewInspectionFindingUpdate in the store). */
export const NewInspectionFindingUpdate = z.strictObject({
  text: z.string().trim().min(1, 'write the update').max(20_000),
  dated: isoDate.optional(),
  status: z.enum(FINDING_STATUSES).optional(),
});
export type NewInspectionFindingUpdate = Checked<typeof NewInspectionFindingUpdate>;

/** POST /inspection-findings/:id/updates. */
export const FindingUpdateRequest = z.strictObject({ expectedVersion, ...NewInspectionFindingUpdate.shape });
export type FindingUpdateRequest = z.input<typeof FindingUpdateRequest>;

/** GET /inspections. */
export const InspectionListQuery = z.strictObject({
  organisation: z.string().optional(),
  body: z.string().optional(),
});
/** GET /inspection-findings. */
export const FindingListQuery = z.strictObject({
  inspection: queryNumber.optional(),
  organisation: z.string().optional(),
  status: z.enum(FINDING_STATUSES).optional(),
});
/** GET /inspections.csv. */
export const FindingExportQuery = z.strictObject({
  inspection: queryNumber.optional(),
  organisation: z.string().optional(),
});

export interface Inspection extends MarkedFields {
  readonly id: number;
  /** "HMIC", "HMICFRS", ... */
  readonly body: string;
  /** "PEEL: Legitimacy 2016". */
  readonly title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source says. */
  readonly dated: string | null;
  readonly grade: InspectionGrade | null;
  readonly source: string | null;
}

/** GET /inspections: each with how many findings the reader can see, and how many are still open. */
export interface InspectionSummary extends Inspection {
  readonly findings: number;
  readonly open: number;
}

export interface InspectionFinding extends MarkedFields {
  readonly id: number;
  readonly inspectionId: number;
  /** The inspection's body and title, for lists that span inspections. */
  readonly body: string;
  readonly inspection: string;
  /** The inspectorate's number for it, if any. */
  readonly reference: string | null;
  readonly kind: FindingKind;
  /** As the inspectorate wrote it. */
  readonly text: string;
  /** The detailed findings behind it, if recorded. */
  readonly detail: string | null;
  readonly owner: string | null;
  readonly status: FindingStatus;
}

/** GET /inspections/:id: the findings the reader can see, in the order they were entered. */
export interface InspectionWithFindings extends Inspection {
  readonly findings: readonly InspectionFinding[];
}

export interface InspectionFindingUpdate {
  readonly id: number;
  readonly findingId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly text: string;
  readonly statusAfter: FindingStatus;
  /** Username of whoever added it. */
  readonly author: string;
  readonly createdAt: string;
}

/** GET /inspection-findings/:id: every update, oldest first. */
export interface InspectionFindingWithUpdates extends InspectionFinding {
  readonly updates: readonly InspectionFindingUpdate[];
}

/** The answer to POST /inspection-findings/:id/updates (201). */
export interface FindingUpdateAdded {
  readonly finding: InspectionFinding;
  readonly update: InspectionFindingUpdate;
}
