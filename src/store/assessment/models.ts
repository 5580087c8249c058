/**
 * Scoring models in the store: loaded once per (id, version), validated by the domain's
 * parseScoringModel (a bad file is refused with every problem by path, and nothing is stored),
 * and never changed afterwards, so a stored score's model reference always means the same
 * arithmetic. Loading identical content again is a no-op; different content under a loaded
 * version is refused: a changed model needs a new version number.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { conflictError, inputError, notFoundError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import { parseScoringModel, type ModelRef, type ScoringModel } from '../../domain/morile/index.js';
import { holdsRole, type Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { canonicalJson } from '../core/canonical-json.js';
import { forbidden } from '../core/policy.js';
import { json, toIso } from '../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';

export interface StoredModel {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly source: string;
  readonly loadedAt: string;
  readonly status: 'loaded' | 'unchanged';
}

/** The model a new assessment uses unless told otherwise. */
export const DEFAULT_MODEL: ModelRef = { id: 'morile-default', version: 1 };
const SHIPPED: Record<string, string> = {
  'morile-default@1': 'morile-default.v1.json',
  'nim-4x4@1': 'nim-4x4.v1.json',
};

export async function loadModelFile(store: Store, actor: Actor, file: string): Promise<StoredModel> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw notFoundError(`Cannot read model file ${file}: ${err.code ?? err.message}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw inputError(`Scoring model ${path.basename(file)} is not valid JSON: ${(err as Error).message}`);
  }
  return inTransaction(store, (tx) => storeModel(tx, actor, parsed, path.basename(file)));
}

export async function loadModelJson(store: Store, actor: Actor, value: unknown, source: string): Promise<StoredModel> {
  return inTransaction(store, (tx) => storeModel(tx, actor, value, source));
}

async function storeModel(tx: Tx, actor: Actor | null, value: unknown, source: string): Promise<StoredModel> {
  const model = parseScoringModel(value, source);
  if (actor !== null && !holdsRole(actor, 'admin', 'analyst')) {
    throw forbidden(`${actor.username} cannot load scoring models: that needs the admin or analyst role.`);
  }
  const existing = await tx
    .selectFrom('scoring_models')
    .selectAll()
    .where('id', '=', model.id)
    .where('version', '=', model.version)
    .executeTakeFirst();
  if (existing !== undefined) {
    if (canonicalJson(existing.definition) !== canonicalJson(model)) {
      throw conflictError(
        `Scoring model ${model.id} v${model.version} is already loaded with different content (from ${existing.source}). ` +
          `Scores keep the model version they were made with, so a changed model needs a new "version" number.`,
      );
    }
    return {
      id: model.id,
      version: model.version,
      name: existing.name,
      source: existing.source,
      loadedAt: toIso(existing.loaded_at),
      status: 'unchanged',
    };
  }
  const row = await tx
    .insertInto('scoring_models')
    .values({
      id: model.id,
      version: model.version,
      name: model.name,
      definition: json(model),
      source,
      loaded_by: actor?.userId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(tx, actor, {
    action: 'load',
    table: 'scoring_models',
    recordId: `${model.id}@${model.version}`,
    marking: 'OFFICIAL',
    organisationId: null,
    after: { id: model.id, version: model.version, source },
  });
  return {
    id: model.id,
    version: model.version,
    name: model.name,
    source,
    loadedAt: toIso(row.loaded_at),
    status: 'loaded',
  };
}

/**
 * The model, from the store. With an actor, a shipped model (data/scoring-models) is loaded on
 * first use, audited as theirs; without one (read paths), a missing model is an error.
 */
export async function modelFor(tx: Tx, actor: Actor | null, ref: ModelRef): Promise<ScoringModel> {
  const row = await tx
    .selectFrom('scoring_models')
    .select('definition')
    .where('id', '=', ref.id)
    .where('version', '=', ref.version)
    .executeTakeFirst();
  if (row !== undefined) return parseScoringModel(row.definition, `${ref.id} v${ref.version} (stored)`);
  const shipped = SHIPPED[`${ref.id}@${ref.version}`];
  if (shipped === undefined || actor === null)
    throw notFoundError(
      `Scoring model ${ref.id} v${ref.version} is not loaded; load it with \`stra model load FILE\`.`,
    );
  const file = dataFile('scoring-models', shipped);
  await storeModel(tx, actor, JSON.parse(await readFile(file, 'utf8')), `shipped: data/scoring-models/${shipped}`);
  return modelFor(tx, actor, ref);
}

/** Every stored version of every model (models are not marked: they hold no case data). */
export async function listModels(store: Store): Promise<Omit<StoredModel, 'status'>[]> {
  const rows = await dbOf(store)
    .selectFrom('scoring_models')
    .select(['id', 'version', 'name', 'source', 'loaded_at'])
    .orderBy('id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    name: r.name,
    source: r.source,
    loadedAt: toIso(r.loaded_at),
  }));
}

/** Models read through a store handle (for direction of travel across versions). */
export async function getModel(store: Store, ref: ModelRef): Promise<ScoringModel> {
  return inTransaction(store, (tx) => modelFor(tx, null, ref));
}
