/**
 * An assessment at a glance, for the web app's dashboard and the report's build log: what is
 * scored, what is approved, where the recommendations stand, and what is overdue. Everything is
 * read as the actor, so counts are of what they may see.
 */
import { StraError } from '../errors.js';
import { todayUtc } from '../domain/calendar-date.js';
import {
  CLOSED_RECOMMENDATION_STATUSES,
  combinedView,
  controlStrategyAtClearance,
  getAssessment,
  listRecommendations,
  overdueRiskReviews,
  type Actor,
  type Assessment,
  type Store,
} from '../store/index.js';

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

export async function assessmentDashboard(
  store: Store,
  actor: Actor,
  assessmentId: number,
  asOf: string = todayUtc(),
): Promise<Dashboard> {
  const assessment = await getAssessment(store, actor, assessmentId);
  const combined = await combinedView(store, actor, assessmentId);
  const strategy = await controlStrategyAtClearance(store, actor, assessmentId).catch((err: unknown) => {
    if (err instanceof StraError && err.code === 'NOT_FOUND') return undefined; // outside the actor's reach
    throw err;
  });
  const recs = await listRecommendations(store, actor, { assessmentId });
  const byStatus: Record<string, number> = {};
  for (const r of recs) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const open = recs.filter((r) => !CLOSED_RECOMMENDATION_STATUSES.includes(r.status));
  const overdue = await overdueRiskReviews(store, actor, { asOf, organisationId: assessment.organisationId });
  return {
    assessment,
    threats: {
      total: combined.entries.length + combined.unscored.length,
      scored: combined.entries.length,
      unscored: combined.unscored.map((u) => u.name),
      disagreements: combined.entries.filter((e) => e.disagreements.length > 0).length,
      assessors: [...new Set(combined.entries.flatMap((e) => e.assessors))].sort(),
    },
    controlStrategy:
      strategy === undefined
        ? { status: 'hidden', atClearance: false, approvedBy: null, approvedAt: null, priorities: 0 }
        : {
            status: strategy.status,
            atClearance: strategy.aboveClearance !== null,
            approvedBy: strategy.approvedBy,
            approvedAt: strategy.approvedAt,
            priorities: strategy.strategy.priorities.length,
          },
    recommendations: { total: recs.length, open: open.length, byStatus },
    overdueRisks: {
      asOf,
      risks: overdue.risks.map((r) => ({ id: r.id, title: r.title, owner: r.owner, nextReview: r.nextReview })),
    },
  };
}
