/**
 * The demand pages (under /analysis): a force's demand profile (incidents by hour x weekday, by
 * type, share that is not crime), its missing people (summary, repeats, places) and the forecast
 * of a monthly crime series with 80% and 95% intervals and its backtest. Incidents and missing
 * episodes are a force's own data: the server answers only users of that force or of its alliance.
 */
import { z } from 'zod';

const force = z
  .string({ error: 'choose a force' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'give a force id, e.g. west-mercia');
const day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'give a day as YYYY-MM-DD, e.g. 2023-01-31')
  .optional();
/** A community safety partnership by name, as the area table spells it (e.g. Rugby). */
const csp = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9 ,.'&()-]+$/, 'give a CSP by name, e.g. Rugby')
  .optional();
const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** GET /analysis/demand-profile. */
export const DemandProfileQuery = z.object({ force, from: day, to: day, csp });

export interface DemandMonth {
  readonly month: string;
  readonly rows: number;
  readonly daysWithData: number;
  readonly daysInMonth: number;
  readonly complete: boolean;
}

export interface DemandShareRow {
  readonly key: string;
  readonly count: number;
  readonly share: number;
  readonly perDay: number;
}

export interface DemandProfileAnswer {
  readonly force: string;
  /** First and last local day of the incidents counted. */
  readonly from: string | null;
  readonly to: string | null;
  readonly incidents: number;
  /** Covered days the averages rest on. */
  readonly days: number;
  readonly coverage: readonly DemandMonth[];
  /** Average incidents a day, [weekday Monday first][hour]; null where the weekday is not covered. */
  readonly hourWeek: readonly (readonly (number | null)[])[];
  readonly peak: { readonly weekday: number; readonly hour: number; readonly perDay: number } | null;
  readonly byClass: readonly DemandShareRow[];
  readonly byGrade: readonly DemandShareRow[];
  readonly nonCrime: {
    readonly total: number;
    readonly notCrime: number;
    readonly share: number;
    readonly byClass: readonly { readonly demandClass: string; readonly count: number; readonly shareOfAll: number }[];
  };
  /** The CSP the figures are limited to (a CSP's users see only their own), or null for the force. */
  readonly csp: string | null;
  readonly byOutcome: readonly DemandShareRow[];
  /** The 15 commonest closing codes. */
  readonly byClosingCode: readonly DemandShareRow[];
  /** Incidents by area (the 15 busiest) and grade. */
  readonly areaByGrade: {
    readonly rows: readonly string[];
    readonly columns: readonly string[];
    readonly counts: readonly (readonly number[])[];
    readonly rowTotals: readonly number[];
    readonly columnTotals: readonly number[];
  };
  /** Where the export records the times (null medians where it records none). */
  readonly timeSpent: {
    readonly officerIncidents: number;
    readonly officerHours: number;
    readonly officerByClass: readonly {
      readonly demandClass: string;
      readonly hours: number;
      readonly shareOfHours: number;
    }[];
    readonly response: DemandSpread;
    readonly responseByGrade: readonly ({ readonly grade: string } & DemandSpread)[];
    readonly duration: DemandSpread;
  };
  /** Against the same dates a year earlier, tested as crime is (E-test, Benjamini-Hochberg). */
  readonly change: {
    readonly current: { readonly from: string; readonly to: string; readonly days: number };
    readonly previous: { readonly from: string; readonly to: string; readonly days: number };
    readonly rows: readonly DemandChangeRow[];
  } | null;
  /** Why there is no change on last year. */
  readonly changeUnavailable: string | null;
}

export interface DemandSpread {
  readonly incidents: number;
  /** Minutes; null when no incident records it. */
  readonly median: number | null;
  readonly p90: number | null;
}

export interface DemandChangeRow {
  readonly key: string;
  readonly current: number;
  readonly previous: number;
  readonly change: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  readonly qValue: number | null;
  readonly flag: string;
}

/** GET /analysis/missing. */
export const MissingQuery = z.object({
  force,
  csp,
  from: day,
  to: day,
  episodes: whole(2, 100, 3),
  days: whole(1, 3660, 90),
});

export interface MissingAnswer {
  readonly force: string;
  /** The CSP the figures are limited to, or null for the force. */
  readonly csp: string | null;
  readonly byRisk: readonly { readonly key: string; readonly episodes: number; readonly share: number }[];
  readonly byAge: readonly { readonly key: string; readonly episodes: number; readonly share: number }[];
  readonly byAddressType: readonly { readonly key: string; readonly episodes: number; readonly share: number }[];
  readonly hoursMissing: {
    readonly episodes: number;
    readonly median: number | null;
    readonly p90: number | null;
    readonly bands: readonly { readonly band: string; readonly episodes: number }[];
  };
  readonly coverage: readonly DemandMonth[];
  readonly summary: {
    readonly episodes: number;
    readonly people: number;
    readonly childEpisodes: number;
    readonly lookedAfterEpisodes: number;
    readonly highRiskShare: number;
    readonly stillMissing: number;
  };
  readonly repeats: {
    readonly definition: { readonly episodes: number; readonly withinDays: number };
    /** People who went missing that often. */
    readonly people: number;
    /** Share of all episodes that are theirs. */
    readonly shareOfEpisodes: number;
  };
  /** Places people went missing from (care homes), most episodes first (20 at most). */
  readonly locations: readonly {
    readonly location: string;
    readonly area: string | null;
    readonly episodes: number;
    readonly people: number;
    readonly lookedAfterEpisodes: number;
    readonly highRiskEpisodes: number;
    readonly repeatPeople: number;
    readonly medianHoursMissing: number;
  }[];
  readonly monthly: readonly { readonly month: string; readonly episodes: number }[];
}

/**
 * GET /analysis/forecast: recorded crime of a force, CSP or district (optionally one category),
 * or a force's incidents (optionally one demand class) or missing episodes (force or CSP).
 */
export const ForecastQuery = z.object({
  series: z.enum(['crime', 'incidents', 'missing'], { error: 'choose crime, incidents or missing' }).default('crime'),
  force,
  csp,
  district: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9 ,.'&()-]+$/, 'give a district by name, e.g. Rugby')
    .optional(),
  category: z
    .string()
    .regex(/^[a-z-]+$/, 'give a crime category slug (e.g. burglary) or a demand class (e.g. mental-health)')
    .optional(),
  until: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'give a month as YYYY-MM, e.g. 2019-12')
    .optional(),
});

export interface ForecastCandidate {
  readonly method: string;
  readonly model: string;
  readonly scored: boolean;
  readonly mase: number | null;
  readonly coverage80: number | null;
  readonly coverage95: number | null;
  readonly points: number;
  readonly note: string | null;
}

export interface ForecastAnswer {
  readonly series: string;
  readonly start: string;
  readonly history: readonly { readonly period: string; readonly value: number | null }[];
  readonly notes: readonly string[];
  /** Why the series cannot be forecast (then no forecast is given). */
  readonly refused: string | null;
  readonly forecast: {
    readonly model: string;
    readonly method: string;
    readonly trainedFrom: string;
    readonly beatsSeasonalNaive: boolean;
    readonly chosenMase: number;
    readonly seasonalNaiveMase: number;
    readonly candidates: readonly ForecastCandidate[];
    readonly rows: readonly {
      readonly period: string;
      readonly mean: number;
      readonly lo80: number;
      readonly hi80: number;
      readonly lo95: number;
      readonly hi95: number;
    }[];
    /** The 12-month total with intervals from simulated sample paths of the chosen model (seeded). */
    readonly total: {
      readonly mean: number;
      readonly lo80: number;
      readonly hi80: number;
      readonly lo95: number;
      readonly hi95: number;
      readonly paths: number;
    } | null;
  } | null;
}
