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
import { expectedVersion, isoDate, queryNumber, type MarkedFields, type Checked } from '../fields.js';

export { FINDING_STATUSES, FINDING_KINDS, INSPECTION_GRADES } from '../../domain/plans/terms.js';
export type { FindingKind, FindingStatus, InspectionGrade } from '../../domain/plans/terms.js';

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
