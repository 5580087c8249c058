/**
 * Scores: one assessor's MoRiLE inputs for one threat, with a rationale per factor, stored with
 * the model id and version and the outputs computed by the domain library at the time. Why keep
 * both inputs and outputs: the inputs let a score be recombined and explained, the outputs show
 * exactly what the assessor saw, and the model reference means a later model never reinterprets
 * it. A score is marked at least as high as its threat and belongs to the threat's organisation;
 * reading one needs both the score and its threat to be visible. Its assessor is a user, by
 * username, and only they (or an admin of the organisation for them) record or change it
 * (assessor.ts).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { inputError, notFoundError } from '../../errors.js';
import { highestMarking, type Marking } from '../../domain/marking.js';
import { scoreThreat, type FactorInput, type ModelRef } from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { openAssessment } from './writes.js';
import { modelFor } from './models.js';
import { requireCanMark, requireRole, textArray } from '../core/policy.js';
import { json, markedFields, type MarkedFields } from '../core/rows.js';
import { toOutputs, type ScoreOutputs } from './score-outputs.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';
import { readThreat } from './threats.js';
import type { Database, ScoresTable } from '../core/schema.js';
import { assertCurrent } from '../core/versioning.js';
import { usernameOf } from '../core/who.js';
import { visibleFrom, unfilteredFrom } from '../core/marked.js';
import { requireMayScoreAs } from './assessor.js';

export interface ScoreInputs {
  /** Factor id -> the level value chosen (labels resolved to values; optional factors left out are absent). */
  readonly values: Readonly<Record<string, number>>;
  /** Factor id -> why the assessor chose it. */
  readonly rationale: Readonly<Record<string, string>>;
}

export interface StoredScore extends MarkedFields {
  readonly id: number;
  readonly threatId: number;
  readonly assessor: string;
  readonly model: ModelRef;
  readonly inputs: ScoreInputs;
  readonly outputs: ScoreOutputs;
}

export interface NewScore {
  readonly threatId: number;
  readonly assessor: string;
  readonly values: FactorInput;
  readonly rationale?: Readonly<Record<string, string>> | undefined;
  readonly marking?: Marking | undefined;
}

export async function addScore(store: Store, actor: Actor, input: NewScore): Promise<StoredScore> {
  return inTransaction(store, (tx) => insertScore(tx, actor, input));
}

export async function insertScore(tx: Tx, actor: Actor, input: NewScore): Promise<StoredScore> {
  const threat = await readThreat(tx, actor, input.threatId);
  const assessment = await openAssessment(tx, actor, threat.assessmentId);
  requireRole(actor, threat.organisationId, 'edit', `score threat ${threat.id}`);
  const marking = highestMarking([threat.marking, input.marking ?? 'OFFICIAL']);
  requireCanMark(actor, marking, threat.organisationId, threat.sharedWith);
  const assessor = input.assessor.trim();
  if (assessor === '') throw inputError("A score needs the assessor's username.");
  await requireMayScoreAs(tx, actor, threat, assessor, { marking });
  const existing = await unfilteredFrom(tx, 'scores')
    .select(['id', 'version'])
    .where('threat_id', '=', threat.id)
    .where('assessor', '=', assessor)
    .executeTakeFirst();
  if (existing !== undefined) {
    throw inputError(
      `${assessor} has already scored threat ${threat.id} "${threat.name}" (score ${existing.id}, version ${existing.version}); change that score instead (stra score add ... --expect-version ${existing.version}).`,
    );
  }
  const model = await modelFor(tx, actor, assessment.model);
  const scored = scoreThreat(model, input.values);
  const inputs: ScoreInputs = {
    values: given(scored.values, input.values),
    rationale: checkRationale(input.rationale, Object.keys(scored.values)),
  };
  const row = await tx
    .insertInto('scores')
    .values({
      threat_id: threat.id,
      assessor,
      model_id: model.id,
      model_version: model.version,
      inputs: json(inputs),
      outputs: json(toOutputs(scored)),
      marking,
      organisation_id: threat.organisationId,
      shared_with: textArray(threat.sharedWith),
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const score = toScore(row);
  await writeAudit(tx, actor, {
    action: 'create',
    table: 'scores',
    recordId: score.id,
    marking,
    organisationId: score.organisationId,
    after: score,
  });
  return score;
}

export interface ScoreChange {
  readonly values?: FactorInput | undefined;
  readonly rationale?: Readonly<Record<string, string>> | undefined;
  readonly marking?: Marking | undefined;
}

export async function updateScore(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  change: ScoreChange,
): Promise<StoredScore> {
  return inTransaction(store, (tx) => changeScore(tx, actor, id, expectedVersion, change));
}

export async function changeScore(
  tx: Tx,
  actor: Actor,
  id: number,
  expectedVersion: number,
  change: ScoreChange,
): Promise<StoredScore> {
  const before = await readScore(tx, actor, id);
  assertCurrent(
    `Score ${id} (${before.assessor} on threat ${before.threatId})`,
    expectedVersion,
    { version: before.version, updated_by: before.updatedBy, updated_at: before.updatedAt },
    await usernameOf(tx, before.updatedBy),
  );
  const threat = await readThreat(tx, actor, before.threatId);
  const assessment = await openAssessment(tx, actor, threat.assessmentId);
  requireRole(actor, before.organisationId, 'edit', `change score ${id}`);
  const marking = highestMarking([threat.marking, change.marking ?? before.marking]);
  await requireMayScoreAs(tx, actor, threat, before.assessor, { existing: true, marking });
  requireCanMark(actor, marking, before.organisationId, before.sharedWith);
  const model = await modelFor(tx, actor, assessment.model);
  const raw = change.values ?? before.inputs.values;
  const scored = scoreThreat(model, raw);
  const inputs: ScoreInputs = {
    values: given(scored.values, raw),
    rationale: checkRationale(change.rationale ?? before.inputs.rationale, Object.keys(scored.values)),
  };
  const row = await tx
    .updateTable('scores')
    .set((eb) => ({
      inputs: json(inputs),
      outputs: json(toOutputs(scored)),
      model_id: model.id,
      model_version: model.version,
      marking,
      version: eb('version', '+', 1),
      updated_by: actor.userId,
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toScore(row);
  await writeAudit(tx, actor, {
    action: 'update',
    table: 'scores',
    recordId: id,
    marking: highestMarking([before.marking, marking]),
    organisationId: after.organisationId,
    before,
    after,
  });
  return after;
}

export interface ScoreQuery {
  readonly threatId?: number | undefined;
  readonly assessmentId?: number | undefined;
}

/** Scores the actor may see, of threats the actor may see. */
export async function listScores(store: Store, actor: Actor, q: ScoreQuery = {}): Promise<StoredScore[]> {
  return queryScores(dbOf(store), actor, q);
}

export async function queryScores(db: Kysely<Database>, actor: Actor, q: ScoreQuery): Promise<StoredScore[]> {
  let query = visibleFrom(db, actor, 'scores')
    .innerJoin(visibleFrom(db, actor, 'threats').selectAll().as('threats'), 'threats.id', 'scores.threat_id')
    .selectAll('scores');
  if (q.threatId !== undefined) query = query.where('scores.threat_id', '=', q.threatId);
  if (q.assessmentId !== undefined) query = query.where('threats.assessment_id', '=', q.assessmentId);
  const rows = await query.orderBy('scores.threat_id').orderBy('scores.assessor').execute();
  return rows.map(toScore);
}

export async function getScore(store: Store, actor: Actor, id: number): Promise<StoredScore> {
  return readScore(dbOf(store), actor, id);
}

export async function readScore(db: Kysely<Database>, actor: Actor, id: number): Promise<StoredScore> {
  const row = await visibleFrom(db, actor, 'scores')
    .innerJoin(visibleFrom(db, actor, 'threats').selectAll().as('threats'), 'threats.id', 'scores.threat_id')
    .selectAll('scores')
    .where('scores.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no score ${id} that you can see.`);
  return toScore(row);
}

/**
 * The values of the factors the assessor actually gave: an optional factor left out stays out,
 * so combining counts only the assessors who scored it (and an export leaves it blank).
 */
function given(values: Readonly<Record<string, number>>, input: FactorInput): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).filter(([f]) => input[f] !== undefined && input[f] !== null && input[f] !== ''),
  );
}

function checkRationale(
  rationale: Readonly<Record<string, string>> | undefined,
  factors: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [factor, text] of Object.entries(rationale ?? {})) {
    if (!factors.includes(factor))
      throw inputError(
        `Rationale given for "${factor}", which is not a factor of this model (factors: ${factors.join(', ')}).`,
      );
    if (text.trim() !== '') out[factor] = text.trim();
  }
  return out;
}

export function toScore(row: Selectable<ScoresTable>): StoredScore {
  return {
    id: row.id,
    threatId: row.threat_id,
    assessor: row.assessor,
    model: { id: row.model_id, version: row.model_version },
    inputs: row.inputs as ScoreInputs,
    outputs: row.outputs as ScoreOutputs,
    ...markedFields(row),
  };
}
