/**
 * Scoring one threat: validated factor values -> the model's outputs (harm, likelihood, risk,
 * orgGap, priority, s), its band, and whether it raises an intelligence requirement.
 *
 * Decisions: full precision everywhere (rounding is for display); every score records the model
 * id and version it was made with, so a stored score is never reinterpreted under another model;
 * confidence is reported beside the score, never folded into it, and a PRIORITY-category score
 * at or below the model's low-confidence level also raises an intelligence requirement.
 */
import { bandFor } from './bands.js';
import { computeOutputs } from './formula.js';
import { resolveInputs } from './inputs.js';
import type { FactorInput, FactorValues } from './inputs.js';
import type { Band, ModelRef, ScoringModel } from './model-schema.js';

export type IntelligenceRequirementReason = 'band' | 'low-confidence';

export interface ThreatScore {
  readonly model: ModelRef;
  /** The factor values scored (optional factors left out are filled with their minimum). */
  readonly values: FactorValues;
  /** Every output the formula defines, including any extras (orgRisk, grade). */
  readonly outputs: Readonly<Record<string, number>>;
  readonly harm: number;
  readonly likelihood: number;
  readonly risk: number;
  /** Organisational gap, when the model defines an "orgGap" output. */
  readonly orgGap: number | undefined;
  readonly priority: number;
  readonly s: number;
  readonly band: Band;
  readonly lowConfidence: boolean;
  /** Set when the threat belongs on the intelligence requirement, and why. */
  readonly intelligenceRequirement: IntelligenceRequirementReason | null;
}

/** Score one assessor's raw inputs; each value must be a level of its factor. */
export function scoreThreat(model: ScoringModel, input: FactorInput): ThreatScore {
  return scoreValues(model, resolveInputs(model, input));
}

/** Score values already validated (e.g. a combined median that falls between levels). */
export function scoreValues(model: ScoringModel, values: FactorValues): ThreatScore {
  const outputs = computeOutputs(model, values);
  const s = required(outputs, 's');
  const band = bandFor(model, s);
  const lowConfidence = isLowConfidence(model, values);
  return {
    model: { id: model.id, version: model.version },
    values,
    outputs,
    harm: required(outputs, 'harm'),
    likelihood: required(outputs, 'likelihood'),
    risk: required(outputs, 'risk'),
    orgGap: outputs.orgGap,
    priority: required(outputs, 'priority'),
    s,
    band,
    lowConfidence,
    intelligenceRequirement: irReason(band, lowConfidence),
  };
}

function required(outputs: Readonly<Record<string, number>>, name: string): number {
  const value = outputs[name];
  if (value === undefined) throw new Error(`formula did not produce "${name}"`);
  return value;
}

function isLowConfidence(model: ScoringModel, values: FactorValues): boolean {
  const rule = model.lowConfidence;
  const value = rule === undefined ? undefined : values[rule.factor];
  return rule !== undefined && value !== undefined && value <= rule.atOrBelow;
}

function irReason(band: Band, lowConfidence: boolean): IntelligenceRequirementReason | null {
  if (band.category === 'intelligence-requirement') return 'band';
  if (band.category === 'priority' && lowConfidence) return 'low-confidence';
  return null;
}
