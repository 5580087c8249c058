/** The assessment API's answers as these pages read them (only the fields they use). */
import type { Assessment, Marked, Marking } from '../../types';

export interface EvidenceLinks {
  readonly policeUkCategories: readonly string[];
  readonly offenceCodes: readonly string[];
  readonly extractFlags: readonly string[];
  readonly indicators: readonly string[];
}

export interface ThreatRecord extends Marked {
  readonly id: number;
  readonly assessmentId: number;
  readonly name: string;
  readonly description: string;
  readonly owner: string | null;
  readonly evidence: EvidenceLinks;
  readonly updatedBy: number;
}

export interface Level {
  readonly label: string;
  readonly value: number;
}

export interface Factor {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly description?: string;
  readonly optional: boolean;
  readonly min: number;
  readonly max: number;
  readonly levels: readonly Level[];
}

export interface Band {
  readonly id: string;
  readonly label: string;
  readonly category: string;
  readonly threshold: number;
}

export interface ScoringModel {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly description: string;
  readonly provenance: string;
  readonly factors: readonly Factor[];
  readonly bands: readonly Band[];
  readonly lowConfidence?: { readonly factor: string; readonly atOrBelow: number };
}

export interface ThreatScore {
  readonly values: Readonly<Record<string, number>>;
  readonly harm: number;
  readonly likelihood: number;
  readonly risk: number;
  readonly orgGap?: number;
  readonly priority: number;
  readonly s: number;
  readonly band: Band;
  readonly lowConfidence: boolean;
  readonly intelligenceRequirement: string | null;
}

export interface Disagreement {
  readonly factor: string;
  readonly lowest: number;
  readonly highest: number;
  readonly spreadSteps: number;
  readonly thresholdSteps: number;
  readonly byAssessor: Readonly<Record<string, number>>;
}

export interface RankedEntry {
  readonly rank: number;
  readonly threatId: number;
  readonly name: string;
  readonly marking: Marking;
  readonly assessors: readonly string[];
  readonly combined: ThreatScore;
  readonly disagreements: readonly Disagreement[];
}

export interface CombinedView {
  readonly assessment: Assessment;
  readonly method: string;
  readonly entries: readonly RankedEntry[];
  readonly unscored: ReadonlyArray<{ readonly threatId: number; readonly name: string }>;
  /** Scored by others, withheld from you until you submit your own score (blind scoring). */
  readonly withheld: ReadonlyArray<{ readonly threatId: number; readonly name: string }>;
  readonly marking: Marking;
}

export interface StoredScore extends Marked {
  readonly id: number;
  readonly threatId: number;
  readonly assessor: string;
  readonly inputs: {
    readonly values: Readonly<Record<string, number>>;
    readonly rationale: Readonly<Record<string, string>>;
  };
  readonly outputs: {
    readonly harm: number;
    readonly likelihood: number;
    readonly risk: number;
    readonly priority: number;
    readonly s: number;
    readonly band: string;
    readonly bandCategory: string;
    readonly lowConfidence: boolean;
  };
}

export interface CombinedScore {
  readonly method: string;
  readonly assessors: ReadonlyArray<{ readonly assessor: string; readonly score: ThreatScore }>;
  readonly values: Readonly<Record<string, number>>;
  readonly combined: ThreatScore;
  readonly disagreements: readonly Disagreement[];
}

export interface WorkshopView {
  readonly threat: ThreatRecord;
  readonly model: ScoringModel;
  readonly mine: StoredScore | null;
  readonly submitted: readonly string[];
  readonly others: readonly StoredScore[];
  readonly combined: CombinedScore | null;
  readonly hidden: boolean;
}

export type TrendFlag =
  'significantly-above' | 'above' | 'similar' | 'below' | 'significantly-below' | 'insufficient-data';

export interface EvidenceFigure {
  readonly source: string;
  readonly what: string;
  readonly period: string;
  readonly count: number | null;
  readonly lastYear: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  readonly flag: TrendFlag;
  readonly harm: number | null;
  readonly note?: string;
}

export interface ThreatEvidence {
  readonly threatId: number;
  readonly period: string;
  readonly figures: readonly EvidenceFigure[];
  readonly indicators: readonly string[];
}

export interface FactorChange {
  readonly factor: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
  readonly score: ThreatScore;
}

export interface Sensitivity {
  readonly threatId: string;
  readonly bandUp: readonly FactorChange[];
  readonly bandDown: readonly FactorChange[];
  readonly passAbove: readonly FactorChange[];
  readonly fallBelow: readonly FactorChange[];
}

export interface ChartPosition {
  readonly likelihood: number;
  readonly harm: number;
  readonly x: number;
  readonly y: number;
  readonly risk: number;
}

export interface DirectionEntry {
  readonly threatId: string;
  readonly name: string;
  readonly now: ChartPosition | null;
  readonly previous: ChartPosition | null;
  readonly moved: boolean;
  readonly label: 'up' | 'down' | 'static' | 'new' | 'removed';
  readonly inAssessment: boolean;
}

export interface DirectionView {
  readonly assessment: Assessment;
  readonly directions: readonly DirectionEntry[];
  readonly marking: Marking;
}

export interface StrategyEntry {
  readonly threatId: string;
  readonly name: string;
  readonly rank: number;
  readonly band: string;
  readonly priority: number;
  readonly s: number;
  readonly reason: string;
}

export interface ControlStrategyView {
  readonly assessmentId: number;
  readonly status: 'draft' | 'approved';
  readonly strategy: {
    readonly headings: ReadonlyArray<{ readonly id: string; readonly label: string }>;
    readonly priorities: readonly StrategyEntry[];
    readonly intelligenceRequirements: readonly StrategyEntry[];
    readonly businessAsUsual: readonly StrategyEntry[];
  };
  readonly unscored: ReadonlyArray<{ readonly threatId: number; readonly name: string }>;
  readonly marking: Marking;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly digest: string;
}
