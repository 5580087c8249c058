/**
 * The shape of a scoring model file, as a zod schema (field-level rules only).
 *
 * Why: MoRiLE's official level scores, multipliers and thresholds are not public, so OpenSTRA
 * treats a scoring model as versioned data a force can replace without code changes. Decision:
 * strict objects (an unknown or misspelt field is refused, never ignored), factors grouped into
 * the MoRiLE sections, a declarative formula (expression outputs or a legacy grid), bands as
 * thresholds on the normalised score s (0..1), and an explicit tie-break order. Rules that span
 * fields (ordering, references, ranges) live in model-checks.ts.
 */
import { z } from 'zod';
import { exprSchema } from './expression.js';

export const MODEL_FORMAT = 'openstra-scoring-model@1';

export const SECTIONS = [
  'harm',
  'likelihood',
  'organisationalPosition',
  'confidence',
  'organisationalRisk',
  'opportunity',
] as const;

/** The outputs every model must define: the rest of the product reads these. */
export const REQUIRED_OUTPUTS = ['harm', 'likelihood', 'risk', 'priority', 's'] as const;

export const BAND_CATEGORIES = ['priority', 'intelligence-requirement', 'business-as-usual'] as const;

const name = z.string().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use only letters, digits, _ or -');

const levelSchema = z.strictObject({ label: name, value: z.number() });

const factorSchema = z.strictObject({
  id,
  label: name,
  section: z.enum(SECTIONS),
  description: z.string().optional(),
  /** An optional factor may be left out of an assessor's input; it then counts as its `min`. */
  optional: z.boolean().default(false),
  min: z.number(),
  max: z.number(),
  levels: z.array(levelSchema).min(2, 'needs at least two levels'),
});

const expressionFormulaSchema = z.strictObject({
  kind: z.literal('expressions'),
  outputs: z.array(z.strictObject({ name: id, expr: exprSchema })).min(1, 'needs outputs'),
});

/** Legacy NIM grid: grades[impactLevelIndex][likelihoodLevelIndex]; s = grade / highest grade. */
const gridFormulaSchema = z.strictObject({
  kind: z.literal('grid'),
  impact: id,
  likelihood: id,
  grades: z.array(z.array(z.number().min(0, 'grades must not be negative')).min(1)).min(1),
});

const bandSchema = z.strictObject({
  id,
  label: name,
  category: z.enum(BAND_CATEGORIES),
  threshold: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
});

const tieBreakSchema = z.strictObject({
  /** An output name, a factor id, or "name" (the threat's name). */
  key: name,
  order: z.enum(['asc', 'desc']),
});

export const scoringModelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  id,
  version: z.number().int('must be a whole number').positive('must be 1 or more'),
  name,
  description: name,
  provenance: name,
  factors: z.array(factorSchema).min(1, 'needs at least one factor'),
  formula: z.discriminatedUnion('kind', [expressionFormulaSchema, gridFormulaSchema]),
  bands: z.array(bandSchema).min(1, 'needs at least one band'),
  /** A band of category "priority" whose confidence is at or below this also raises an IR. */
  lowConfidence: z.strictObject({ factor: id, atOrBelow: z.number() }).optional(),
  tieBreak: z.array(tieBreakSchema),
});

export type ScoringModel = z.infer<typeof scoringModelSchema>;
export type Factor = ScoringModel['factors'][number];
export type Level = Factor['levels'][number];
export type Band = ScoringModel['bands'][number];
export type BandCategory = Band['category'];
export type Section = Factor['section'];
export type TieBreak = ScoringModel['tieBreak'][number];
export type ExpressionFormula = z.infer<typeof expressionFormulaSchema>;
export type GridFormula = z.infer<typeof gridFormulaSchema>;

export interface ModelRef {
  readonly id: string;
  readonly version: number;
}
