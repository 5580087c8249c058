/**
 * Public API of the statistics used for trends, "what works" and multiple testing. Pure functions:
 * no I/O, no clock, no randomness. See README.md in this folder for the methods in plain language.
 */
export type { Alternative, InsufficientReason } from './types.js';
export { poissonETest, eTestStatistic, type ETestInput, type ETestResult } from './poisson-e-test.js';
export {
  wdd,
  wddInference,
  type AreaCounts,
  type ConfidenceInterval,
  type WddComponent,
  type WddInference,
  type WddInput,
  type WddResult,
} from './wdd.js';
export { combineHarm, wddHarm, type HarmCrimeType, type HarmPart, type HarmWddResult } from './wdd-harm.js';
export { adjustBenjaminiHochberg, benjaminiHochberg, type FdrResult } from './fdr.js';
export { seasonalBaseline, type BaselinePoint, type SeasonalBaselineOptions } from './seasonal-baseline.js';
export {
  controlLimits,
  powerLimits,
  type ControlFlag,
  type ControlLimitOptions,
  type ControlLimitPoint,
  type Limits,
} from './control-limits.js';
export {
  compareToAverage,
  type AverageComparison,
  type AverageFlag,
  type CompareToAverageOptions,
} from './compare-to-average.js';
export { changeAgainst, type Change } from './change.js';
export { twoSidedPValue, zForConfidence } from './normal.js';
