/**
 * The shape of an indicator figure: one number for one series, organisation and period. Indicators
 * are the figures in an assessment that are not crime records (hate-crime markers by month,
 * special constables' duty hours, complaints, vetting applications, missing-person reports).
 */

/** One value of a series, as imported. `period` is a canonical period label (see period.ts). */
export interface IndicatorValue {
  /** Series id, e.g. `hate-crime-markers`. Compared exactly. */
  readonly series: string;
  /** Who the figure is for, e.g. `warwickshire`, `west-mercia`, `alliance`. Compared exactly. */
  readonly organisation: string;
  /** `YYYY-MM`, `YYYY-Qn`, `YYYY/YY` or `YYYY`. */
  readonly period: string;
  /** The figure: 0 or more, full precision. */
  readonly value: number;
  /** Optional unit, e.g. `hours`, `crimes`, `officers`. */
  readonly unit?: string;
  /**
   * Optional: the year-on-year % change a published document printed beside this value, exactly
   * as printed (`-7.3%`, `+ 1.2%`, `- 8%`, `N/A`). Kept as text because the number of decimals
   * printed sets the rounding tolerance of the published-figure check.
   */
  readonly publishedPct?: string;
  /**
   * Optional: where the figure comes from, as the business knows it ("Professional Standards
   * Department case records"); printed as the source under the figure's table.
   */
  readonly sourceName?: string;
}

/** The key an indicator value is stored and replaced under. */
export function valueKey(v: Pick<IndicatorValue, 'series' | 'organisation' | 'period'>): string {
  return `${v.series}\u0000${v.organisation}\u0000${v.period}`;
}
