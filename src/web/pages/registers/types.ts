/** The registers' API answers as the register pages use them (only the fields they read). */
import type { Marked } from '../../types';

export type Movement = 'up' | 'down' | 'same' | 'new';

export interface Levels {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
}

export interface Risk extends Marked {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly owner: string;
  readonly cause: string;
  readonly consequence: string;
  readonly scaleSize: number;
  readonly inherent: Levels;
  readonly residual: Levels;
  readonly mitigation: string;
  readonly actions: readonly string[];
  readonly identifiedOn: string;
  readonly nextReview: string;
  readonly status: 'open' | 'tolerated' | 'closed';
  readonly previous: Levels | null;
  readonly movement: Movement;
}

export interface RiskReview {
  readonly id: number;
  readonly dated: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly narrative: string;
  readonly statusAfter: Risk['status'];
  readonly nextReview: string;
  readonly author: string;
}

export interface SeriesPoint {
  readonly dated: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly rating: string;
  readonly movement: Movement;
}

export interface RiskWithHistory extends Risk {
  readonly reviews: readonly RiskReview[];
  readonly series: readonly SeriesPoint[];
}

export interface RiskScale {
  readonly size: number;
  readonly likelihoodLabels: readonly string[];
  readonly impactLabels: readonly string[];
}

export interface RiskHistory {
  readonly riskId: number;
  readonly reference: string;
  readonly scale: RiskScale;
  readonly bands: ReadonlyArray<{ readonly rating: string; readonly from: number; readonly to: number }>;
  readonly reviews: readonly RiskReview[];
  readonly series: readonly SeriesPoint[];
  readonly marking: Marked['marking'];
}

export interface HeatMapRisk {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly score: number;
  readonly movement: Movement;
  readonly from: Levels | null;
}

export interface HeatMapCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly rating: string;
  readonly count: number;
  readonly risks: readonly HeatMapRisk[];
}

export interface HeatMap {
  readonly scale: RiskScale;
  readonly rows: ReadonlyArray<{
    readonly impact: number;
    readonly label: string;
    readonly cells: readonly HeatMapCell[];
  }>;
  readonly total: number;
  readonly byRating: Readonly<Record<string, number>>;
  readonly byMovement: Readonly<Record<Movement, number>>;
  readonly marking: Marked['marking'];
  readonly otherScales: number;
}

export interface OverdueList {
  readonly asOf: string;
  readonly marking: Marked['marking'];
  readonly risks: ReadonlyArray<Risk & { readonly daysOverdue: number }>;
}

export type ChallengeGroup = 'social' | 'partner' | 'policing';

export interface Driver extends Marked {
  readonly id: number;
  readonly assessmentId: number;
  readonly number: number;
  readonly name: string;
  readonly challenge: ChallengeGroup | null;
  readonly pestelo: string | null;
  readonly themes: readonly string[];
  readonly evidence: ReadonlyArray<{ readonly text: string; readonly source: string | null }>;
  readonly impact: number;
  readonly uncertainty: number;
  readonly reviewedOn: string;
  readonly carriedFrom: number | null;
}

export interface DriverReview {
  readonly id: number;
  readonly driverId: number;
  readonly assessmentId: number;
  readonly dated: string;
  readonly impact: number;
  readonly uncertainty: number;
  readonly note: string;
  readonly author: string;
}

export interface DriverWithHistory extends Driver {
  readonly reviews: readonly DriverReview[];
}

export interface DriverSummary {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly challenge: ChallengeGroup | null;
  readonly pestelo: string | null;
  readonly themes: readonly string[];
  readonly impact: number;
  readonly uncertainty: number;
  readonly reviewedOn: string;
  readonly quadrant: string;
  readonly marking: Marked['marking'];
}

export interface DriverMatrix {
  readonly assessmentId: number;
  readonly marking: Marked['marking'];
  readonly scale: { readonly min: number; readonly max: number; readonly highFrom: number };
  readonly quadrants: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly impact: 'high' | 'low';
    readonly uncertainty: 'high' | 'low';
    readonly use: string;
    readonly drivers: readonly DriverSummary[];
  }>;
}

export interface DriverMeta {
  readonly marking: Marked['marking'];
  readonly groups: ReadonlyArray<{
    readonly key: string | null;
    readonly label: string;
    readonly drivers: readonly DriverSummary[];
  }>;
  readonly themes: ReadonlyArray<{
    readonly theme: string;
    readonly drivers: readonly DriverSummary[];
    readonly groups: readonly ChallengeGroup[];
    readonly crossCutting: boolean;
  }>;
}

export interface DriverConfiguration extends Marked {
  readonly id: number;
  readonly topic: string;
  readonly note: string | null;
  readonly primary: readonly DriverSummary[];
  readonly secondary: readonly DriverSummary[];
}

export interface PriorityMatrix {
  readonly period: string;
  readonly marking: Marked['marking'];
  readonly columns: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly priorities: number;
    readonly notes: readonly string[];
  }>;
  readonly rows: ReadonlyArray<{
    readonly taxonomyId: string;
    readonly label: string;
    readonly cells: ReadonlyArray<readonly string[]>;
  }>;
}

export interface TaxonomyEntry {
  readonly id: string;
  readonly label: string;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId: string | null;
}

export interface PartnerCongruence {
  readonly partnerId: string;
  readonly name: string;
  readonly priorities: number;
  readonly shared: readonly string[];
  readonly lacking: readonly string[];
  readonly extra: readonly string[];
  readonly coverage: number | null;
  readonly jaccard: number | null;
}

export interface Congruence {
  readonly assessmentId: number;
  readonly assessmentPeriod: string;
  readonly period: string;
  readonly strategyStatus: 'draft' | 'approved';
  readonly alliance: {
    readonly taxonomyIds: readonly string[];
    readonly themes: ReadonlyArray<{ readonly theme: string; readonly taxonomyIds: readonly string[] }>;
    readonly unmapped: readonly string[];
  };
  readonly partners: readonly PartnerCongruence[];
  readonly marking: Marked['marking'];
}

export interface Plan extends Marked {
  readonly id: number;
  readonly title: string;
  readonly period: string;
  readonly commissioner: string | null;
  readonly source: string | null;
}

export interface PlanMapping extends Marked {
  readonly id: number;
  readonly planAId: number;
  readonly planBId: number;
  readonly title: string | null;
}

export interface ComparedObjective {
  readonly id: number;
  readonly theme: string;
  readonly text: string;
}

export interface PlanComparison {
  readonly planA: Plan;
  readonly planB: Plan;
  readonly mapping: PlanMapping | null;
  readonly marking: Marked['marking'];
  readonly groups: ReadonlyArray<{
    readonly themeA: string | null;
    readonly themeB: string | null;
    readonly rows: ReadonlyArray<{ readonly a: ComparedObjective | null; readonly b: ComparedObjective | null }>;
  }>;
  readonly counts: { readonly pairs: number; readonly onlyA: number; readonly onlyB: number };
}

export type FindingStatus = 'open' | 'in_progress' | 'complete' | 'superseded';

export interface Inspection extends Marked {
  readonly id: number;
  readonly body: string;
  readonly title: string;
  readonly dated: string | null;
  readonly grade: string | null;
  readonly source: string | null;
  readonly findings: number;
  readonly open: number;
}

export interface Finding extends Marked {
  readonly id: number;
  readonly inspectionId: number;
  readonly body: string;
  readonly inspection: string;
  readonly reference: string | null;
  readonly kind: 'area_for_improvement' | 'recommendation' | 'cause_of_concern';
  readonly text: string;
  readonly detail: string | null;
  readonly owner: string | null;
  readonly status: FindingStatus;
}

export interface FindingUpdate {
  readonly id: number;
  readonly dated: string;
  readonly text: string;
  readonly statusAfter: FindingStatus;
  readonly author: string;
}

export interface FindingWithUpdates extends Finding {
  readonly updates: readonly FindingUpdate[];
}
