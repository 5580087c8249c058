/**
 * What is kept of a computed score: the model's outputs at full precision, the band and the
 * intelligence-requirement flag, as plain JSON. Why not the whole ThreatScore: the band object
 * and the values are recoverable from the model and the inputs, and a compact record reads well
 * in the audit log and in exports.
 */
import type { ThreatScore } from '../../domain/morile/index.js';

export interface ScoreOutputs {
  readonly harm: number;
  readonly likelihood: number;
  readonly risk: number;
  readonly orgGap: number | null;
  readonly priority: number;
  readonly s: number;
  readonly band: string;
  readonly bandCategory: string;
  readonly lowConfidence: boolean;
  readonly intelligenceRequirement: string | null;
  /** Every output the formula defines (including extras such as orgRisk). */
  readonly all: Readonly<Record<string, number>>;
}

export function toOutputs(score: ThreatScore): ScoreOutputs {
  return {
    harm: score.harm,
    likelihood: score.likelihood,
    risk: score.risk,
    orgGap: score.orgGap ?? null,
    priority: score.priority,
    s: score.s,
    band: score.band.id,
    bandCategory: score.band.category,
    lowConfidence: score.lowConfidence,
    intelligenceRequirement: score.intelligenceRequirement,
    all: score.outputs,
  };
}
