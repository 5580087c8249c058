/** The API's answers as the pages use them (only the fields they read). */
export type Marking = 'OFFICIAL' | 'OFFICIAL-SENSITIVE' | 'SECRET';

export interface Me {
  readonly username: string;
  readonly displayName: string;
  readonly clearance: Marking;
  readonly roles: Readonly<Record<string, readonly string[]>>;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface Marked {
  readonly marking: Marking;
  readonly organisationId: string;
  readonly sharedWith: readonly string[];
  readonly version: number;
  readonly updatedAt: string;
}

export interface Assessment extends Marked {
  readonly id: number;
  readonly period: string;
  readonly versionLabel: string;
  readonly title: string | null;
  readonly status: string;
  readonly previousId: number | null;
}

export interface Threat extends Marked {
  readonly id: number;
  readonly assessmentId: number;
  readonly name: string;
  readonly description: string;
  readonly owner: string | null;
  readonly evidence: {
    readonly policeUkCategories: readonly string[];
    readonly offenceCodes: readonly string[];
    readonly extractFlags: readonly string[];
  };
}

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
    readonly approvedBy: string | null;
    readonly approvedAt: string | null;
    readonly priorities: number;
  };
  readonly recommendations: {
    readonly total: number;
    readonly open: number;
    readonly byStatus: Readonly<Record<string, number>>;
  };
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

export interface WarehouseSummary {
  readonly forces: readonly string[];
  readonly latestMonth: string | null;
  readonly categories: ReadonlyArray<{ readonly slug: string; readonly name: string }>;
  readonly imports: number;
  readonly coverage: unknown;
}
