/**
 * The trends and harm explorer (under /trends): what the warehouse holds, the areas to choose
 * from, monthly series with control limits, the change-vs-share snapshot, comparisons with their
 * significance, and harm beside volume. Query strings use the CLI's words (by=csp,category;
 * area=csp=Rugby; kind=financial-year; at=2017/18; category=burglary,robbery; index=cchi-median).
 */
import { z } from 'zod';
import type { Period } from '../domain/crime/periods.js';
import { CATEGORY_INDEXES } from '../domain/harm/weights.js';
import type { RankRow } from '../domain/harm/ranking.js';

export type { Period } from '../domain/crime/periods.js';
export type { RankRow } from '../domain/harm/ranking.js';

/** "a,b" -> ['a', 'b']; left out or empty -> undefined. */
const list = z
  .string()
  .optional()
  .transform((v) =>
    v === undefined || v === ''
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
  );
const common = {
  area: list,
  force: list,
  category: list,
  index: z.enum(CATEGORY_INDEXES).default('cchi-median'),
};

/** GET /trends/snapshot, /trends/compare and /trends/harm. */
export const PeriodQuery = z.object({
  ...common,
  by: z.string().optional(),
  kind: z.string().default('financial-year'),
  at: z.string().optional(),
});

/** GET /trends/series. */
export const SeriesQuery = z.object({ ...common, from: z.string().optional(), to: z.string().optional() });

/** GET /trends/areas: the areas of a level, of the forces asked for (all when left out). */
export const AreasQuery = z.object({ level: z.enum(['force', 'csp', 'district']), force: list });

/** A force the user can choose, by its proper name (never a slug). */
export interface ForceOption {
  readonly slug: string;
  readonly name: string;
  /** First and last month of street data held; null when none is held. */
  readonly first: string | null;
  readonly last: string | null;
  readonly months: number;
}

/** GET /trends/scope: where the user's analyses open (their organisation's area), and every force to choose from. */
export interface AnalysisScope {
  readonly home: {
    readonly organisation: string | null;
    /** Force slugs; empty means every force. */
    readonly forces: readonly string[];
    readonly csp: string | null;
  };
  readonly forces: readonly ForceOption[];
}

/** An area by its dimensions, e.g. { force: 'warwickshire', csp: 'Rugby' }. */
export type AreaKey = Readonly<Partial<Record<string, string>>>;

/** Months missing from the warehouse, which a figure over them does not count. */
export type MissingMonths = ReadonlyArray<{ readonly force: string; readonly month: string }>;

export interface ForceCoverage {
  readonly force: string;
  readonly first: string;
  readonly last: string;
  readonly months: number;
  readonly rows: number;
  /** Months inside the warehouse's span with no data for this force. */
  readonly missing: readonly string[];
  /** Months held with under half the rows of the force's usual (median) month: a partial file? */
  readonly small: ReadonlyArray<{ readonly month: string; readonly rows: number; readonly usual: number }>;
}

/** Which force-months the warehouse holds and which are missing (a gap is no data, never zero crime). */
export interface CoverageReport {
  readonly table: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly forces: readonly ForceCoverage[];
}

/** GET /trends/warehouse. */
export interface WarehouseSummary {
  readonly forces: readonly string[];
  readonly latestMonth: string | null;
  readonly coverage: CoverageReport;
  readonly categories: ReadonlyArray<{ readonly slug: string; readonly name: string }>;
  /** How many imports the manifest holds. */
  readonly imports: number;
}

/** GET /trends/areas?level=. */
export interface Area {
  readonly name: string;
  readonly force: string;
}

export interface SeriesPoint {
  readonly month: string;
  readonly count: number | null;
  readonly expected: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly flag: 'above' | 'below' | 'within' | 'insufficient-data' | 'no-data';
}

/** GET /trends/series: monthly counts with control limits, or no points and a note when the warehouse holds no street data. */
export type Series =
  | { readonly points: readonly SeriesPoint[]; readonly method: string; readonly missing?: MissingMonths }
  | { readonly points: readonly []; readonly note: string };

export type TrendFlag =
  'significantly-above' | 'above' | 'similar' | 'below' | 'significantly-below' | 'insufficient-data';

export interface SnapshotRow {
  readonly category: string;
  readonly count: number | null;
  readonly lastYear: number | null;
  readonly change: number | null;
  readonly percentChange: number | null;
  readonly qValue: number | null;
  readonly flag: TrendFlag;
  /** Share of all crime in the area (0-1). */
  readonly share: number | null;
  readonly harm: number | null;
  readonly harmShare: number | null;
  /** Why it is to be reported on; empty when it is not. */
  readonly reportBecause: readonly string[];
}

/** GET /trends/snapshot: each category's change on last year beside its share of crime and harm. */
export interface Snapshot {
  readonly period: string;
  readonly lastYear: string;
  readonly total: number | null;
  readonly rows: readonly SnapshotRow[];
  readonly rules: {
    readonly significantRise: boolean;
    readonly shareAtLeast: number;
    readonly harmShareAtLeast: number;
  };
  readonly harmIndex: string;
  readonly method: string;
  readonly missing: MissingMonths;
}

export interface Comparison {
  readonly against: number | null;
  readonly change: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  /** Benjamini-Hochberg adjusted p-value across all cells compared. */
  readonly qValue: number | null;
  readonly flag: TrendFlag;
}

export interface TrendRow {
  readonly cell: { readonly key: string; readonly area: AreaKey; readonly category: string | null };
  readonly period: string;
  readonly count: number | null;
  readonly harm: number | null;
  readonly lastYear: Comparison & { readonly period: string };
  readonly average: Comparison & { readonly periods: readonly string[]; readonly years: number };
}

/** GET /trends/compare: each cell against last year and against the average of earlier years. */
export interface TrendReport {
  readonly period: Period;
  readonly rows: readonly TrendRow[];
  readonly method: string;
  readonly missing: MissingMonths;
}

export interface HarmCell {
  readonly key: string;
  readonly area: AreaKey;
  readonly category: string | null;
  readonly volume: number;
  /** Sum of count x weight over weighted categories. */
  readonly harm: number;
  /** Crimes in the cell with no published weight, e.g. anti-social behaviour. */
  readonly unweighted: number;
}

/** GET /trends/harm: harm beside volume, ranked both ways. */
export interface HarmBreakdown {
  readonly index: string;
  readonly edition: string;
  readonly unit: string;
  readonly span: Pick<Period, 'label' | 'first' | 'last'>;
  readonly cells: readonly HarmCell[];
  readonly ranking: readonly RankRow[];
  readonly complete: boolean;
  readonly missing: MissingMonths;
  readonly note: string;
}
