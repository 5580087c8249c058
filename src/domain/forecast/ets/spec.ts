/**
 * Which exponential smoothing model: error, trend and seasonal components in the notation of
 * Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing: the State Space
 * Approach" (Springer): ETS(error, trend, season), e.g. ETS(M,Ad,M) is multiplicative Holt-Winters
 * with a damped trend and multiplicative errors.
 *
 * Multiplicative trends are left out, as R's ets() does by default: they forecast explosive
 * growth, which no crime or demand series justifies.
 */

export type ErrorForm = 'A' | 'M';
export type TrendForm = 'N' | 'A' | 'Ad';
export type SeasonForm = 'N' | 'A' | 'M';

export interface EtsSpec {
  readonly error: ErrorForm;
  readonly trend: TrendForm;
  readonly season: SeasonForm;
}

export function etsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/** "MAdM" -> { error: 'M', trend: 'Ad', season: 'M' }. */
export function parseEtsSpec(code: string): EtsSpec {
  const m = /^([AM])(N|A|Ad)([NAM])$/.exec(code);
  if (!m) throw new RangeError(`not an ETS model code: '${code}' (expected e.g. ANA, AAdA, MNM, MAdM)`);
  return { error: m[1] as ErrorForm, trend: m[2] as TrendForm, season: m[3] as SeasonForm };
}

/** The default candidates: additive and multiplicative seasonality, with and without a damped trend. */
export const DEFAULT_ETS_CANDIDATES: readonly EtsSpec[] = ['ANA', 'AAdA', 'MNM', 'MAdM'].map(parseEtsSpec);

/** Models whose errors or seasonality multiply the level need strictly positive data. */
export function needsPositiveData(spec: EtsSpec): boolean {
  return spec.error === 'M' || spec.season === 'M';
}

/**
 * Class 1 of Hyndman et al. (2008, ch. 6): additive errors and no multiplicative component, so
 * the forecast variance has a closed form. The others are simulated.
 */
export function hasClosedFormVariance(spec: EtsSpec): boolean {
  return spec.error === 'A' && spec.season !== 'M';
}
