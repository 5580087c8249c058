/**
 * Assessments: the list and one assessment, its dashboard, the combined ranking of its threats,
 * the scoring model they are scored with, the direction of travel since last year and the
 * Control Strategy (and approving it).
 */
import { z } from 'zod';
import type {
  CombineMethod,
  ControlStrategy,
  Direction,
  ModelRef,
  RankedThreat,
  ThreatScore,
  Disagreement,
} from '../domain/morile/index.js';
import { marking, orgIds, type Checked, type MarkedFields, type Marking, type NamedThreat } from './fields.js';

/** GET /assessments/:id/model: the scoring model (factors, levels, bands) of the assessment. */
export type { ScoringModel, Factor, Level, Band, ModelRef } from '../domain/morile/index.js';
export type {
  ThreatScore,
  CombinedScore,
  CombineMethod,
  Disagreement,
  RankedThreat,
  ControlStrategy,
  StrategyEntry,
  Direction,
  DirectionLabel,
  ChartPosition,
} from '../domain/morile/index.js';

export type AssessmentStatus = 'draft' | 'under_review' | 'approved' | 'published';

/** GET /assessments (a list), GET /assessments/:id. */
export interface Assessment extends MarkedFields {
  readonly id: number;
  /** The financial year, e.g. 2017/18. */
  readonly period: string;
  readonly versionLabel: string;
  readonly title: string;
  readonly status: AssessmentStatus;
  /** Last year's assessment, which this one carries forward from. */
  readonly previousId: number | null;
  readonly revisionOfId: number | null;
  /** The scoring model its threats are scored with (GET /assessments/:id/model). */
  readonly model: ModelRef;
  readonly combineMethod: CombineMethod;
}

/** One threat in the combined ranking: the assessors' scores combined, and where they disagree. */
export interface RankedEntry {
  readonly rank: number;
  readonly threatId: number;
  readonly name: string;
  readonly marking: Marking;
  readonly assessors: readonly string[];
  readonly combined: ThreatScore;
  readonly disagreements: readonly Disagreement[];
}

/**
 * GET /assessments/:id/combined: the threats ranked by their combined scores. Someone scoring
 * the assessment is not shown threats they have not scored yet (blind scoring): those are
 * `withheld`, and the ranks are renumbered over what is shown.
 */
export interface CombinedView {
  readonly assessment: Assessment;
  readonly method: CombineMethod;
  readonly entries: readonly RankedEntry[];
  /** The domain's ranked list (what sensitivity and the Control Strategy work from). */
  readonly ranked: readonly RankedThreat[];
  readonly unscored: readonly NamedThreat[];
  readonly withheld: readonly NamedThreat[];
  readonly marking: Marking;
}

export interface DirectionEntry extends Direction {
  /** Still a threat of this assessment (a "removed" one that is true is carried but not scored yet). */
  readonly inAssessment: boolean;
}

/** GET /assessments/:id/direction: each threat's movement on the chart since last year. */
export interface DirectionView {
  readonly assessment: Assessment;
  readonly directions: readonly DirectionEntry[];
  readonly marking: Marking;
}

/** GET /assessments/:id/control-strategy, and the answer to approving it. */
export interface ControlStrategyView {
  readonly assessmentId: number;
  readonly status: 'draft' | 'approved';
  readonly strategy: ControlStrategy;
  readonly unscored: readonly NamedThreat[];
  readonly marking: Marking;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  /** sha256 of the strategy's content: pass it back when approving, to be sure nothing changed since. */
  readonly digest: string;
  /**
   * Null for the whole strategy. Otherwise it was derived from what the reader is cleared to see,
   * and this many threats and scores above their clearance were withheld (it cannot be approved).
   */
  readonly aboveClearance: { readonly threats: number; readonly scores: number } | null;
}

/** POST /assessments/:id/control-strategy/approve. */
export const ApproveControlStrategy = z.strictObject({
  expectedDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected the 64-character digest shown with the strategy')
    .optional(),
});
export type ApproveControlStrategy = z.input<typeof ApproveControlStrategy>;

/** GET /assessments/:id/dashboard: the assessment at a glance, counted over what the reader may see. */
export interface Dashboard {
  readonly assessment: Assessment;
  readonly threats: {
    readonly total: number;
    readonly scored: number;
    readonly unscored: readonly string[];
    readonly disagreements: number;
    readonly assessors: readonly string[];
  };
  readonly controlStrategy: {
    /** hidden: the strategy is marked above the reader. */
    readonly status: 'draft' | 'approved' | 'hidden';
    /** Shown at the reader's clearance: material above it was withheld from what is counted. */
    readonly atClearance: boolean;
    readonly approvedBy: string | null;
    readonly approvedAt: string | null;
    readonly priorities: number;
  };
  readonly recommendations: {
    readonly total: number;
    readonly open: number;
    readonly byStatus: Readonly<Record<string, number>>;
  };
  /** Strategic risks of the assessment's organisation whose review date has passed (as of `asOf`). */
  readonly overdueRisks: {
    readonly asOf: string;
    readonly risks: ReadonlyArray<{
      readonly id: number;
      readonly title: string;
      readonly owner: string;
      readonly nextReview: string;
    }>;
  };
}

const period = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const m = /^(\d{4})\/(\d{2})$/.exec(v);
    if (m === null) ctx.addIssue({ code: 'custom', message: 'give the financial year like 2017/18' });
    else if ((Number(m[1]) + 1) % 100 !== Number(m[2]))
      ctx.addIssue({ code: 'custom', message: 'the two years must follow each other, like 2017/18' });
  });
const versionLabel = z.string().trim().min(1, 'give a version label, e.g. V1 - Draft').max(100);
const title = z.string().trim().min(1, 'give a title, or leave it out for the default').max(300);

/**
 * POST /assessments: a new assessment (NewAssessment in the store), empty or, with
 * `start: 'catalogue'`, holding the starter threat catalogue's threats (issue 14).
 */
export const NewAssessmentRequest = z.strictObject({
  organisationId: z.string().trim().min(1, 'choose the organisation the assessment is for').max(100),
  period,
  versionLabel,
  title: title.optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
  start: z.enum(['empty', 'catalogue'], 'empty or catalogue').optional(),
});
export type NewAssessmentRequest = Checked<typeof NewAssessmentRequest>;

/** POST /assessments/:id/next-year: next year's assessment, carrying this one's threats forward. */
export const NextYearRequest = z.strictObject({
  versionLabel,
  /** Default: the year after this one's. */
  period: period.optional(),
  title: title.optional(),
});
export type NextYearRequest = Checked<typeof NextYearRequest>;

/** The answer to POST /assessments/:id/next-year (201): the new assessment and what carried over. */
export interface NextYearAnswer {
  readonly assessment: Assessment;
  /** Per kind of record (threats, scores, recommendations, drivers), how many you can see were carried. */
  readonly carried: Readonly<Record<string, number>>;
}
