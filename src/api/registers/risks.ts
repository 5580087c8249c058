/**
 * The strategic risk register: the list (GET /risks), one risk with its history (GET
 * /risks/:id), the history to chart (GET /risks/:id/history), the heat map, the overdue-review
 * list, adding a risk (POST /risks), editing its description (PUT /risks/:id) and adding a review
 * (POST /risks/:id/reviews); a stale change is answered 409 with the risk as it is now. The CSV exports (/risks.csv, /risks/reviews.csv) are text.
 */
import { z } from 'zod';
import type { HeatMap } from '../../domain/risk/heat-map.js';
import type { Movement } from '../../domain/risk/movement.js';
import type { RiskScale } from '../../domain/risk/scale.js';
import type { SeriesPoint } from '../../domain/risk/series.js';
import { RISK_STATUSES, type RiskStatus } from '../../domain/risk/statuses.js';
import {
  expectedVersion,
  isoDate,
  marking,
  orgIds,
  queryFlag,
  queryNumber,
  type MarkedFields,
  type Marking,
  type Checked,
} from '../fields.js';

export { RISK_STATUSES } from '../../domain/risk/statuses.js';
export type { RiskStatus } from '../../domain/risk/statuses.js';
export type { HeatMap, HeatMapCell, HeatMapRisk, HeatMapRow } from '../../domain/risk/heat-map.js';
export type { Movement } from '../../domain/risk/movement.js';
export type { RiskScale } from '../../domain/risk/scale.js';
export type { SeriesPoint as RiskSeriesPoint } from '../../domain/risk/series.js';

const level = z.number().int('expected a whole number').min(1).max(10);
const levels = z.strictObject({ likelihood: level, impact: level });
const text = (max: number) => z.string().max(max);

/** A new risk (NewRisk in the store): POST /risks. */
export const NewRisk = z.strictObject({
  organisationId: z.string().trim().min(1, 'choose the organisation that holds the risk').max(100),
  reference: z.string().trim().min(1, 'give a reference, e.g. SR09').max(40),
  title: z.string().trim().min(1, 'give a title').max(300),
  category: z.string().trim().min(1, 'give a category, e.g. Operational').max(100),
  owner: z.string().trim().min(1, 'give the owner (a chief officer post)').max(200),
  cause: text(5000).optional(),
  consequence: text(5000).optional(),
  scaleSize: z.number().int().min(2).max(10).optional(),
  inherent: levels,
  residual: levels.optional(),
  mitigation: text(20_000).optional(),
  actions: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
  identifiedOn: isoDate.optional(),
  nextReview: isoDate.optional(),
  status: z.enum(RISK_STATUSES).optional(),
  narrative: text(20_000).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewRisk = Checked<typeof NewRisk>;

/** What an edit may change (RiskChanges in the store): the description, never the residual score or status (a review does). */
export const RiskChanges = z.strictObject({
  reference: z.string().trim().min(1, 'give a reference, e.g. SR09').max(40).optional(),
  title: z.string().trim().min(1, 'give a title').max(300).optional(),
  category: z.string().trim().min(1, 'give a category, e.g. Operational').max(100).optional(),
  owner: z.string().trim().min(1, 'give the owner (a chief officer post)').max(200).optional(),
  cause: text(5000).optional(),
  consequence: text(5000).optional(),
  inherent: levels.optional(),
  mitigation: text(20_000).optional(),
  actions: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
  nextReview: isoDate.optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type RiskChanges = Checked<typeof RiskChanges>;

/** PUT /risks/:id (a stale version is answered 409 with the risk as it is now). */
export const RiskEdit = z.strictObject({ expectedVersion, ...RiskChanges.shape });
export type RiskEdit = z.input<typeof RiskEdit>;

/** A review of a risk (NewRiskReview in the store). */
export const NewRiskReview = z.strictObject({
  likelihood: level,
  impact: level,
  narrative: z.string().trim().min(1, 'say what changed and why').max(20_000),
  dated: isoDate.optional(),
  nextReview: isoDate.optional(),
  status: z.enum(RISK_STATUSES).optional(),
});
export type NewRiskReview = Checked<typeof NewRiskReview>;

/** POST /risks/:id/reviews. */
export const RiskReviewRequest = z.strictObject({ expectedVersion, ...NewRiskReview.shape });
export type RiskReviewRequest = z.input<typeof RiskReviewRequest>;

/** GET /risks. */
export const RiskListQuery = z.strictObject({
  organisation: z.string().optional(),
  status: z.enum(RISK_STATUSES).optional(),
  owner: z.string().optional(),
  category: z.string().optional(),
});
/** GET /risks/heat-map. */
export const RiskHeatMapQuery = z.strictObject({
  organisation: z.string().optional(),
  scale: queryNumber.optional(),
  includeClosed: queryFlag.optional(),
});
/** GET /risks/overdue. */
export const OverdueRisksQuery = z.strictObject({ organisation: z.string().optional(), asOf: isoDate.optional() });
/** GET /risks.csv and /risks/reviews.csv. */
export const RiskExportQuery = z.strictObject({ organisation: z.string().optional() });

/** A likelihood and impact and their product. */
export interface ScoredLevels {
  readonly likelihood: number;
  readonly impact: number;
  /** likelihood x impact. */
  readonly score: number;
}

/** A risk as stored: the answer to adding one. */
export interface Risk extends MarkedFields {
  readonly id: number;
  /** The register's reference, unique among its organisation's risks a writer can see (e.g. "SR01"). */
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  /** The chief officer post that owns it (e.g. "Deputy Chief Constable"). */
  readonly owner: string;
  readonly cause: string;
  readonly consequence: string;
  /** Levels per axis of the scale it is scored on (5 for 5x5); fixed for the life of the risk. */
  readonly scaleSize: number;
  /** Before mitigation. */
  readonly inherent: ScoredLevels;
  /** With mitigation in place: the latest review's values. */
  readonly residual: ScoredLevels;
  readonly mitigation: string;
  readonly actions: readonly string[];
  /** YYYY-MM-DD: when it was first assessed. */
  readonly identifiedOn: string;
  /** YYYY-MM-DD: when its next review is due. */
  readonly nextReview: string;
  readonly status: RiskStatus;
}

/** GET /risks: each risk with its residual score at the review before the latest, and the movement since. */
export interface RiskListed extends Risk {
  readonly previous: ScoredLevels | null;
  readonly movement: Movement;
}

export interface RiskReview {
  readonly id: number;
  readonly riskId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly narrative: string;
  readonly statusAfter: RiskStatus;
  /** YYYY-MM-DD: the next review it set. */
  readonly nextReview: string;
  /** Username of whoever recorded it. */
  readonly author: string;
  readonly createdAt: string;
}

/** GET /risks/:id: the risk with its whole history, oldest first, and that history as a series. */
export interface RiskWithHistory extends RiskListed {
  readonly reviews: readonly RiskReview[];
  readonly series: readonly SeriesPoint[];
}

/** The answer to POST /risks/:id/reviews (201). */
export interface RiskReviewAdded {
  readonly risk: Risk;
  readonly review: RiskReview;
}

/** GET /risks/:id/history: the history to chart, with the risk's scale and the score range of each rating. */
export interface RiskHistory {
  readonly riskId: number;
  readonly reference: string;
  readonly scale: RiskScale;
  readonly bands: ReadonlyArray<{ readonly rating: string; readonly from: number; readonly to: number }>;
  readonly reviews: readonly RiskReview[];
  readonly series: readonly SeriesPoint[];
  readonly marking: Marking;
}

/** GET /risks/heat-map. */
export interface RiskHeatMap extends HeatMap {
  /** The highest marking of the risks on the map (OFFICIAL when it is empty). */
  readonly marking: Marking;
  /** Visible risks left off because they are scored on another scale size. */
  readonly otherScales: number;
}

export interface OverdueRisk extends Risk {
  readonly daysOverdue: number;
}

/** GET /risks/overdue: reviews due before `asOf`, longest overdue first. */
export interface OverdueRiskList {
  /** YYYY-MM-DD. */
  readonly asOf: string;
  readonly marking: Marking;
  readonly risks: readonly OverdueRisk[];
}
