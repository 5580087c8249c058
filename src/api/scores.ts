/** Scores: an assessor's MoRiLE score of a threat, added (POST /threats/:id/scores) or changed (PUT /scores/:id). */
import { z } from 'zod';
import type { ModelRef } from '../domain/morile/index.js';
import { expectedVersion, marking, type MarkedFields, type Checked } from './fields.js';

/** Factor id -> the level chosen, by value or by label. */
const factorValues = z.record(z.string(), z.union([z.number(), z.string().min(1)]));
/** Factor id -> why the assessor chose it. */
const rationale = z.record(z.string(), z.string().max(5000)).optional();

/** POST /threats/:id/scores (the threat and the assessor, the logged-in user, come from the request). */
export const NewScore = z.strictObject({ values: factorValues, rationale, marking: marking.optional() });
export type NewScore = Checked<typeof NewScore>;

/** The fields of a score a change may set (ScoreChange in the store). */
export const ScoreChange = z.strictObject({
  values: factorValues.optional(),
  rationale,
  marking: marking.optional(),
});
export type ScoreChange = Checked<typeof ScoreChange>;

/** PUT /scores/:id. */
export const ScoreEdit = z.strictObject({ expectedVersion, ...ScoreChange.shape });
export type ScoreEdit = z.input<typeof ScoreEdit>;

export interface ScoreInputs {
  /** Factor id -> the level value chosen (labels resolved to values; optional factors left out are absent). */
  readonly values: Readonly<Record<string, number>>;
  readonly rationale: Readonly<Record<string, string>>;
}

/** What the model's formula made of the inputs, kept with the score. */
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

/** A score as stored: the answer to adding or changing one, and each score of the workshop. */
export interface StoredScore extends MarkedFields {
  readonly id: number;
  readonly threatId: number;
  /** The assessor's username. */
  readonly assessor: string;
  readonly model: ModelRef;
  readonly inputs: ScoreInputs;
  readonly outputs: ScoreOutputs;
}

/** POST /assessments/:id/scores-file?name=scores.csv&replace=true: the body is the CSV text. */
export const ScoresFileQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'give the file name')
    .max(200)
    .regex(/\.csv$/i, 'expected a .csv file (one row per assessor per threat)'),
  replace: z.enum(['true', 'false']).optional(),
});

/** The answer to uploading a scores file (all rows or none are stored). */
export interface ScoresImported {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}
