/**
 * Fits one ETS model by maximum likelihood (Hyndman et al. 2008, ch. 5), as R's ets() does:
 * Nelder-Mead over the smoothing parameters and the starting level and trend (and, on request,
 * the starting seasonal indices), inside R's "usual" region: 1e-4 <= alpha <= 0.9999,
 * 1e-4 <= beta <= alpha, 1e-4 <= gamma <= 1 - alpha, 0.8 <= phi <= 0.98.
 *
 * The criterion for selection between ETS forms is the AICc with R's parameter count (all
 * estimated parameters and states, plus the error variance), so our choice among ETS forms
 * follows the same rule as R's.
 */
import { nelderMead } from '../optimise/nelder-mead.js';
import { etsLogLikelihood, etsPass, type EtsParameters, type EtsState } from './filter.js';
import { initialState } from './initial-state.js';
import { needsPositiveData, type EtsSpec } from './spec.js';

export type SeasonalStart = 'decomposition' | 'estimated';

export interface EtsFitOptions {
  readonly seasonalStart?: SeasonalStart;
  /** Starting point for the smoothing parameters (a previous fit's, to warm-start). */
  readonly start?: Partial<EtsParameters>;
  readonly maxEvaluations?: number;
  /**
   * Relative change of the log-likelihood at which the search stops (default 1e-6: on 3-4 years
   * of monthly data that is a change of about 1e-4 in the log-likelihood, far below anything that
   * moves a forecast, at a fifth of the cost of 1e-8).
   */
  readonly tolerance?: number;
}

export interface EtsFit {
  readonly spec: EtsSpec;
  readonly m: number;
  readonly parameters: EtsParameters;
  readonly initial: EtsState;
  readonly logLikelihood: number;
  /** Residual variance: sum of squared one-step errors / (n - estimated parameters and states), as R. */
  readonly sigma2: number;
  readonly aicc: number;
  /** Estimated parameters and states plus the error variance (R's `np`). */
  readonly parameterCount: number;
  readonly n: number;
}

const LOWER = 1e-4;
const UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;

export function fitEts(y: readonly number[], spec: EtsSpec, m: number, options: EtsFitOptions = {}): EtsFit | string {
  const n = y.length;
  const seasonLength = spec.season === 'N' ? 0 : m;
  if (needsPositiveData(spec) && y.some((v) => !(v > 0)))
    return `${spec.error === 'M' ? 'multiplicative errors' : 'multiplicative seasonality'} need every value above zero`;
  if (seasonLength > 0 && n < 2 * m) return `seasonal ETS needs at least two seasons (${2 * m} values)`;
  const start = initialState(y, spec, m);
  const estimateSeasonal = options.seasonalStart === 'estimated' && seasonLength > 1;
  const layout = parameterLayout(spec, estimateSeasonal ? seasonLength - 1 : 0);
  const x0 = layout.pack(
    {
      alpha: options.start?.alpha ?? (spec.season === 'N' ? 0.5 : 0.2),
      beta: options.start?.beta ?? 0.01,
      gamma: options.start?.gamma ?? 0.01,
      phi: options.start?.phi ?? 0.97,
    },
    start,
  );
  const objective = (x: readonly number[]): number => {
    const { parameters, state } = layout.unpack(x, start);
    if (parameters.beta > parameters.alpha || parameters.gamma > 1 - parameters.alpha) return Infinity;
    const pass = etsPass(y, spec, parameters, state);
    if (!pass.valid) return Infinity;
    return -etsLogLikelihood(pass, n, spec);
  };
  const best = nelderMead(objective, x0, {
    lower: layout.lower,
    upper: layout.upper,
    maxEvaluations: options.maxEvaluations ?? 300 + 100 * x0.length,
    fTolerance: options.tolerance ?? 1e-6,
    xTolerance: Math.min(1e-4, (options.tolerance ?? 1e-6) * 1e2),
    restarts: options.start ? 0 : 1,
  });
  const { parameters, state } = layout.unpack(best.x, start);
  const pass = etsPass(y, spec, parameters, state);
  const logLikelihood = etsLogLikelihood(pass, n, spec);
  // R's count: every estimated parameter and state plus the error variance. Decomposition
  // seasonal indices are estimated from the data too, so they count as m - 1 states.
  const parameterCount = x0.length + 1 + (seasonLength > 1 && !estimateSeasonal ? seasonLength - 1 : 0);
  const aic = -2 * logLikelihood + 2 * parameterCount;
  return {
    spec,
    m,
    parameters,
    initial: state,
    logLikelihood,
    sigma2: pass.sumSquaredErrors / Math.max(1, n - (parameterCount - 1)),
    aicc:
      n - parameterCount - 1 > 0
        ? aic + (2 * parameterCount * (parameterCount + 1)) / (n - parameterCount - 1)
        : Infinity,
    parameterCount,
    n,
  };
}

interface Layout {
  readonly lower: number[];
  readonly upper: number[];
  pack(p: EtsParameters, s: EtsState): number[];
  unpack(x: readonly number[], start: EtsState): { parameters: EtsParameters; state: EtsState };
}

/** Where each parameter sits in the optimiser's vector, and its bounds. */
function parameterLayout(spec: EtsSpec, freeSeasonal: number): Layout {
  const hasTrend = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  const seasonal = spec.season !== 'N';
  const lower: number[] = [];
  const upper: number[] = [];
  const bound = (low: number, high: number) => {
    lower.push(low);
    upper.push(high);
  };
  bound(LOWER, UPPER); // alpha
  if (hasTrend) bound(LOWER, UPPER);
  if (seasonal) bound(LOWER, UPPER);
  if (damped) bound(PHI_LOWER, PHI_UPPER);
  bound(-Infinity, Infinity); // level
  if (hasTrend) bound(-Infinity, Infinity);
  for (let i = 0; i < freeSeasonal; i++) bound(-Infinity, Infinity);
  return {
    lower,
    upper,
    pack(p, s) {
      const x = [p.alpha];
      if (hasTrend) x.push(Math.min(p.beta, p.alpha * 0.9));
      if (seasonal) x.push(Math.min(p.gamma, (1 - p.alpha) * 0.9));
      if (damped) x.push(p.phi);
      x.push(s.level);
      if (hasTrend) x.push(s.trend);
      // Free seasonal indices: all but the one used first (R's s[m-1]), which normalisation sets.
      for (let i = 0; i < freeSeasonal; i++) x.push(s.seasonal[i + 1]!);
      return x;
    },
    unpack(x, start) {
      let k = 0;
      const alpha = x[k++]!;
      const beta = hasTrend ? x[k++]! : 0;
      const gamma = seasonal ? x[k++]! : 0;
      const phi = damped ? x[k++]! : 1;
      const level = x[k++]!;
      const trend = hasTrend ? x[k++]! : 0;
      let season = start.seasonal;
      if (freeSeasonal > 0) {
        const free = x.slice(k, k + freeSeasonal);
        const sum = free.reduce((a, b) => a + b, 0);
        const first = spec.season === 'M' ? freeSeasonal + 1 - sum : -sum;
        season = [first, ...free];
      }
      return { parameters: { alpha, beta, gamma, phi }, state: { level, trend, seasonal: season } };
    },
  };
}
