/**
 * The vocabulary shared by the forecasting models: a fitted model that can forecast with
 * prediction intervals, and a method that fits one to a series.
 *
 * Why a `forecast(h, levels, y)` that takes the data again: the rolling-origin backtest fits a
 * model once on the data before its first origin, then asks for forecasts from later origins
 * with the same parameters, the model's states being carried forward through the newer
 * observations. Passing the longer series keeps every model stateless and the backtest honest
 * (parameters never see the data they are tested on).
 */

/** A prediction interval at one coverage level (0.8 for 80%). */
export interface Interval {
  readonly level: number;
  readonly lower: number[];
  readonly upper: number[];
}

export interface ForecastPath {
  /** Point forecasts for 1..h steps ahead. */
  readonly mean: number[];
  readonly intervals: Interval[];
}

export type MethodId = 'seasonal-naive' | 'ets' | 'sarima' | 'holt-winters';

export interface FittedModel {
  readonly method: MethodId;
  /** The specification in the usual notation: `ETS(M,Ad,M)`, `ARIMA(0,1,1)(0,1,1)[12]`. */
  readonly label: string;
  /** Estimated parameters by name (smoothing weights, coefficients, sigma). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Small-sample Akaike criterion, comparable only between models of one method on one series. */
  readonly aicc: number | null;
  /**
   * Forecasts 1..h steps past the end of `y`: the data the model was fitted to (the default), or
   * those data followed by later observations, which update the states with the same parameters.
   */
  forecast(h: number, levels: readonly number[], y?: readonly number[]): ForecastPath;
  /**
   * `n` simulated future paths of the model 1..h steps past the end of `y` (default: the data it
   * was fitted to), from seeded normal errors so the same data give the same paths: column k
   * holds step k+1 of every path. What a total over several periods needs, since the monthly
   * errors are correlated (adding monthly interval ends overstates the total's range).
   */
  samplePaths?(h: number, n: number, seed: number, y?: readonly number[]): Float64Array[];
  /**
   * The same specification fitted afresh to `y` (starting from these parameters): the final
   * forecast uses exactly the specification that the backtest scored.
   */
  refit(y: readonly number[]): FitOutcome;
}

export type FitOutcome =
  { readonly ok: true; readonly model: FittedModel } | { readonly ok: false; readonly reason: string };

export interface ForecastMethod {
  readonly id: MethodId;
  /** Fits to `y` with season length `m`; says why when the method does not apply. */
  fit(y: readonly number[], m: number): FitOutcome;
}
