/**
 * The analysis pages (under /analysis): rates per 1,000 residents, the Crime Severity Score, harm
 * concentration, the WDD "what works" test, indicator tables with their check, and stop and
 * search. Query strings use the CLI's words (force=a,b; from/to=YYYY-MM; by=csp; year=2017/18).
 */
import { z } from 'zod';
import type { WddResult, HarmWddResult } from '../domain/stats/index.js';
import type { SeriesSummary, SeriesTable } from '../domain/indicators/series.js';
import type { PublishedCheck } from '../domain/indicators/published-check.js';
import { CATEGORY_INDEXES } from '../domain/harm/weights.js';
import type { MissingMonths } from './trends.js';

export type { WddResult, HarmWddResult, SeriesSummary, SeriesTable, PublishedCheck };

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
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'give a month as YYYY-MM, e.g. 2018-03')
  .optional();

/** GET /analysis/rates. */
export const RatesQuery = z.object({
  by: z.enum(['force', 'csp', 'district', 'lsoa']).default('csp'),
  force: list,
  category: list,
  from: month,
  to: month,
});

export interface RateRow {
  readonly force: string;
  readonly area: string;
  readonly count: number;
  readonly population: number | null;
  readonly population_year: number | null;
  readonly population_source: string;
  readonly rate_per_1000: number | null;
  readonly note?: string;
}

/** GET /analysis/rates: crimes per 1,000 residents by area over a range of months. */
export interface RatesAnswer {
  readonly by: string;
  readonly from: string;
  readonly to: string;
  readonly months: number;
  readonly categories: string;
  readonly population_year: number;
  readonly pairing: string;
  readonly rows: readonly RateRow[];
  readonly total: number;
  readonly missing: MissingMonths;
  readonly notes: readonly string[];
}

/** GET /analysis/css. */
export const CssQuery = z.object({
  year: z.string().regex(/^\d{4}\/\d{2}$/, 'give a financial year as YYYY/YY, e.g. 2017/18'),
  source: z.enum(['prc', 'extract']).default('prc'),
  by: z.enum(['force', 'csp', 'district']).default('force'),
  force: list,
});

export interface CssRow {
  readonly force: string;
  readonly area: string;
  readonly level: string;
  readonly offences: number;
  readonly unweighted: number;
  readonly harm: number;
  readonly population: number | null;
  readonly population_year: number | null;
  readonly population_source: string;
  readonly css: number | null;
  readonly months?: number;
  readonly note?: string;
}

/** GET /analysis/css: the ONS Crime Severity Score of forces (PRC tables) or areas (force extracts). */
export interface CssAnswer {
  readonly source: string;
  readonly financial_year: string;
  readonly population_year: number;
  readonly pairing: string;
  readonly weights: string;
  readonly method: string;
  readonly rows: readonly CssRow[];
  readonly notes: readonly string[];
}

/** GET /analysis/concentration. */
export const ConcentrationQuery = z.object({
  force: list,
  category: list,
  from: month,
  to: month,
  index: z.enum(CATEGORY_INDEXES).default('cchi-median'),
});

/** GET /analysis/concentration: the share of harm in the most harmed LSOAs of the forces. */
export interface ConcentrationAnswer {
  readonly from: string;
  readonly to: string;
  readonly areaCount: number;
  readonly totalHarm: number;
  readonly zeroHarmAreas: number;
  readonly tiers: ReadonlyArray<{
    readonly fraction: number;
    readonly areas: number;
    readonly harm: number;
    readonly share: number | null;
  }>;
  /** Cumulative share of harm against share of LSOAs, most harmed first (the concentration curve). */
  readonly curve: ReadonlyArray<{ readonly areaShare: number; readonly harmShare: number }>;
  /** The most harmed LSOAs. */
  readonly top: ReadonlyArray<{
    readonly lsoa: string;
    readonly name: string;
    readonly district: string;
    readonly harm: number;
  }>;
  readonly edition: string;
  readonly unit: string;
  readonly missing: MissingMonths;
}

/** GET /analysis/wdd: areas as level=name (csp=Rugby), periods as YYYY-MM. */
export const WddQuery = z.object({
  target: z.string().min(1, 'choose the target area'),
  control: z.string().min(1, 'choose the control area'),
  displacement: z.string().optional(),
  displacementControl: z.string().optional(),
  beforeFrom: z.string().regex(/^\d{4}-\d{2}$/, 'give a month as YYYY-MM'),
  beforeTo: z.string().regex(/^\d{4}-\d{2}$/, 'give a month as YYYY-MM'),
  afterFrom: z.string().regex(/^\d{4}-\d{2}$/, 'give a month as YYYY-MM'),
  afterTo: z.string().regex(/^\d{4}-\d{2}$/, 'give a month as YYYY-MM'),
  category: list,
  force: list,
  index: z.enum(CATEGORY_INDEXES).default('cchi-median'),
});

export interface WddCounts {
  readonly before: number;
  readonly after: number;
}

/** GET /analysis/wdd: the Weighted Displacement Difference test, with its harm-weighted form. */
export interface WddAnswer {
  readonly counts: Readonly<Record<'target' | 'control' | 'displacement' | 'displacementControl', WddCounts | null>>;
  readonly wdd: WddResult;
  readonly harm: HarmWddResult | null;
  readonly periodLengths: { readonly before: number; readonly after: number };
  readonly method: string;
}

/** GET /analysis/indicators: the series stored. */
export interface IndicatorsAnswer {
  readonly series: readonly SeriesSummary[];
}

/** GET /analysis/indicators/table. */
export const IndicatorTableQuery = z.object({
  series: z.string().min(1, 'choose a series'),
  organisation: z.string().optional(),
});

/** GET /analysis/indicators/check: the printed percentages recomputed. */
export interface IndicatorCheckAnswer {
  readonly checked: number;
  readonly mismatches: number;
  readonly checks: readonly PublishedCheck[];
}

/** GET /analysis/stop-search. */
export const StopSearchQuery = z.object({ force: list, from: month, to: month });

export interface StopSearchAnswer {
  readonly from: string | null;
  readonly to: string | null;
  readonly total: number;
  /** `found` is null where the force leaves "outcome linked to object of search" blank. */
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly searches: number; readonly found: number | null }>;
  readonly byObject: ReadonlyArray<{
    readonly object: string;
    readonly searches: number;
    readonly found: number | null;
  }>;
  readonly byOutcome: ReadonlyArray<{ readonly outcome: string; readonly searches: number }>;
  readonly missing: MissingMonths;
  readonly note: string;
}
