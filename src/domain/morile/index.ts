/**
 * The MoRiLE scoring library's public surface: import from here, not from the single files.
 * Pure functions over parsed data; loading model files and storing scores happen elsewhere.
 */
export { parseScoringModel } from './parse-model.js';
export { MODEL_FORMAT, REQUIRED_OUTPUTS, SECTIONS, BAND_CATEGORIES } from './model-schema.js';
export type { ScoringModel, Factor, Level, Band, BandCategory, Section, ModelRef } from './model-schema.js';
export type { Expr } from './expression.js';
export { resolveInputs } from './inputs.js';
export type { FactorInput, FactorValues } from './inputs.js';
export { computeOutputs, outputRanges } from './formula.js';
export { bandFor, bandReason, showS } from './bands.js';
export { scoreThreat, scoreValues } from './score.js';
export type { ThreatScore, IntelligenceRequirementReason } from './score.js';
export { rankThreats, compareThreats } from './rank.js';
export type { ScoredThreat, RankedThreat } from './rank.js';
export { combineAssessors } from './combine.js';
export type { AssessorInput, CombineMethod, CombineOptions, CombinedScore } from './combine.js';
export type { Disagreement } from './disagreement.js';
export { sensitivity } from './sensitivity.js';
export type { FactorChange, Sensitivity } from './sensitivity.js';
export { directionOfTravel } from './direction.js';
export type { ChartPosition, Direction, DirectionInput, DirectionLabel } from './direction.js';
export { deriveControlStrategy } from './control-strategy.js';
export type { ControlStrategy, ControlStrategyOptions, StrategyEntry } from './control-strategy.js';
export { DEFAULT_HEADINGS, FOUR_P_HEADINGS } from './headings.js';
export type { Heading, HeadingSet } from './headings.js';
