/**
 * The MoRiLE test set-up shared by the scoring tests: the shipped scoring models
 * (data/scoring-models) as JSON or parsed, and the spec's test vectors
 * (src/domain/morile/fixtures/spec-vectors.json), read in place.
 */
import { readFileSync } from 'node:fs';
import type { ScoringModel } from '../src/domain/morile/model-schema.js';
import { parseScoringModel } from '../src/domain/morile/parse-model.js';

const ROOT = new URL('../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));

/** A shipped model file's JSON, e.g. modelJson('morile-default.v1.json'). */
export const modelJson = (file: string): unknown => readJson(`data/scoring-models/${file}`);

/** A shipped model, parsed; `source` is what its messages call it (the file name by default). */
export const shippedModel = (file: string, source: string = file): ScoringModel =>
  parseScoringModel(modelJson(file), source);

/** The MoRiLE spec's test vectors (cast to the shape each test reads). */
export const specVectors = (): unknown => readJson('src/domain/morile/fixtures/spec-vectors.json');
