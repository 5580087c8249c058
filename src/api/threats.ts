/**
 * Threats of an assessment: the list and one threat, changing one (a stale change answered 409
 * with the threat as it is now), its scoring workshop, its sensitivity (which factor changes move
 * it) and the warehouse's evidence beside its factors.
 */
import { z } from 'zod';
import { CATEGORY_SLUGS } from '../domain/crime/categories.js';
import type { ModelRef, FactorValues, CombinedScore, ScoringModel } from '../domain/morile/index.js';
import { expectedVersion, marking, type MarkedFields, type Marking, type Checked } from './fields.js';
import type { StoredScore } from './scores.js';
import type { TrendFlag } from './trends.js';

export type { CategorySlug } from '../domain/crime/categories.js';

/** GET /threats/:id/sensitivity: the factor changes that would move the threat's band or rank. */
export type { Sensitivity, FactorChange } from '../domain/morile/index.js';

/** What links a threat to data: police.uk categories, offence codes, extract flags, indicator series. */
export interface EvidenceLinks {
  readonly policeUkCategories: readonly string[];
  readonly offenceCodes: readonly string[];
  readonly extractFlags: readonly string[];
  readonly indicators: readonly string[];
}

/** Last year's combined score, carried with the threat into this assessment. */
export interface PreviousScore {
  readonly assessmentId: number;
  readonly threatId: number;
  readonly model: ModelRef;
  readonly method: 'median' | 'mean';
  readonly assessors: readonly string[];
  /** The combined factor values (a median may fall between levels). */
  readonly values: FactorValues;
  readonly priority: number;
  readonly s: number;
  readonly band: string;
  /** Highest marking of the threat and the scores it was combined from. */
  readonly marking: Marking;
}

/** GET /assessments/:id/threats (a list), GET and PUT /threats/:id. */
export interface Threat extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly name: string;
  readonly description: string;
  readonly evidence: EvidenceLinks;
  readonly owner: string | null;
  readonly carriedFromId: number | null;
  readonly previousScore: PreviousScore | null;
}

const links = z.array(z.string().trim().min(1).max(100)).max(100);

/** A threat's links to data; each is checked against the reference data when stored. */
export const EvidenceLinksInput = z.strictObject({
  policeUkCategories: z.array(z.enum(CATEGORY_SLUGS)).max(CATEGORY_SLUGS.length).default([]),
  offenceCodes: links.default([]),
  extractFlags: links.default([]),
  indicators: links.default([]),
});

/** The fields of a threat a change may set (ThreatFields in the store). */
export const ThreatChange = z.strictObject({
  name: z.string().trim().min(1, 'give the threat a name').max(200).optional(),
  description: z.string().max(20_000).optional(),
  owner: z.string().max(200).nullable().optional(),
  evidence: EvidenceLinksInput.optional(),
  marking: marking.optional(),
});
export type ThreatChange = Checked<typeof ThreatChange>;

/** POST /assessments/:id/threats: a new threat, linked to crime categories (and other evidence). */
export const NewThreat = z.strictObject({
  ...ThreatChange.shape,
  name: z.string().trim().min(1, 'give the threat a name').max(200),
});
export type NewThreat = Checked<typeof NewThreat>;
/** What a client sends (the defaults filled in by the server). */
export type NewThreatRequest = z.input<typeof NewThreat>;

/** DELETE /threats/:id?expectedVersion=N: retiring a threat (with its scores) from a draft assessment. */
export const RetireThreatQuery = z.strictObject({
  expectedVersion: z
    .string()
    .regex(/^[1-9]\d*$/, 'expected the version you read, a whole number')
    .transform(Number),
});

/** The answer to DELETE /threats/:id. */
export interface ThreatRetired {
  readonly retired: true;
  readonly id: number;
  readonly name: string;
}

/** PUT /threats/:id. */
export const ThreatEdit = z.strictObject({ expectedVersion, ...ThreatChange.shape });
export type ThreatEdit = z.input<typeof ThreatEdit>;

/**
 * GET /threats/:id/workshop: until the reader has scored the threat, other assessors' scores are
 * withheld (`hidden`, only who has submitted is shown).
 */
export interface WorkshopView {
  readonly threat: Threat;
  readonly model: ScoringModel;
  readonly mine: StoredScore | null;
  /** Everyone who has scored the threat (visible to the reader), the reader included. */
  readonly submitted: readonly string[];
  /** Other assessors' scores: empty until the reader has submitted their own. */
  readonly others: readonly StoredScore[];
  /** The assessors combined (median by default), once the reader has submitted. */
  readonly combined: CombinedScore | null;
  readonly hidden: boolean;
}

/** GET /threats/:id/evidence?force=a,b. */
export const EvidenceQuery = z.object({
  force: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || v === ''
        ? []
        : v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
    ),
});

/** One figure of evidence: a count over the assessment's year, its change and significance, harm. */
export interface EvidenceFigure {
  readonly source: 'police.uk street data' | 'force extracts';
  readonly what: string;
  readonly period: string;
  readonly count: number | null;
  readonly lastYear: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  readonly flag: TrendFlag;
  /** CCHI days (median-based category weights) for police.uk data; null for extracts. */
  readonly harm: number | null;
  readonly note?: string;
}

/** GET /threats/:id/evidence. */
export interface ThreatEvidence {
  readonly threatId: number;
  /** The assessment's financial year, e.g. 2017/18. */
  readonly period: string;
  readonly figures: readonly EvidenceFigure[];
  /** Indicator series linked to the threat (not crime records; shown on the indicators pages). */
  readonly indicators: readonly string[];
  /** Forces the figures were limited to (empty: every force the warehouse holds). */
  readonly forces: readonly string[];
}
