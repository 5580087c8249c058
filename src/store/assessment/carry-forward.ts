/**
 * Making an assessment from another: next year's (a new period that follows the previous one,
 * carrying its threats with their latest combined scores as "last year's"), or a new version of
 * the same period (after approval froze the old one; threats and scores copied as they are).
 *
 * Decisions: every threat is carried, including ones the actor may not see; the copies keep
 * their marking, organisation and shares, so nothing becomes visible that was not, and the
 * result reports counts of visible records only. A carried threat is marked at least as high as
 * the scores its carried score came from. Each carried item is an audited create in the same
 * transaction. Carry-forward is a list of steps; the recommendations register adds one (next year
 * gets the open recommendations, see recommendations.ts).
 */
import { canSee, highestMarking } from '../../domain/marking.js';
import type { ModelRef } from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { insertAssessment, nextPeriod, readAssessment, type Assessment } from './assessments.js';
import { writeAudit } from '../core/audit.js';
import { allScoresOf, allThreatsOf } from './reads.js';
import { modelFor } from './models.js';
import { requireRole, textArray } from '../core/policy.js';
import type { PreviousScore } from './previous-score.js';
import { buildRanking } from './ranking.js';
import { carryOpenRecommendations } from '../registers/recommendations/writes.js';
import { carryDrivers } from '../registers/drivers/carry.js';
import { carryTexts } from '../document/writes.js';
import { carryStrategyPlans } from '../strategy/writes.js';
import { carrySettings } from './settings.js';
import { json } from '../core/rows.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';
import { toScore } from './scores.js';
import { toThreat } from './threats.js';
import type { CarryContext, CarryStep } from './carry-step.js';

export type { CarryContext, CarryStep } from './carry-step.js';

export const CARRY_FORWARD_STEPS: CarryStep[] = [
  carryThreats,
  carryScores,
  carryStrategyPlans,
  carrySettings,
  carryOpenRecommendations,
  carryDrivers,
  carryTexts,
];

export interface CarryResult {
  readonly assessment: Assessment;
  readonly carried: Readonly<Record<string, number>>;
}

export async function createNextAssessment(
  store: Store,
  actor: Actor,
  previousId: number,
  o: { versionLabel: string; period?: string; model?: ModelRef; title?: string },
): Promise<CarryResult> {
  return inTransaction(store, async (tx) => {
    const from = await readAssessment(tx, actor, previousId);
    requireRole(actor, from.organisationId, 'edit', `create next year's assessment from ${previousId}`);
    const to = await insertAssessment(tx, actor, {
      organisationId: from.organisationId,
      period: o.period ?? nextPeriod(from.period),
      versionLabel: o.versionLabel,
      title: o.title,
      marking: from.marking,
      sharedWith: from.sharedWith,
      model: o.model ?? from.model,
      combineMethod: from.combineMethod,
      previousId,
    });
    return {
      assessment: to,
      carried: await runSteps({ tx, actor, from, to, kind: 'next-year', threatIds: new Map() }),
    };
  });
}

export async function reviseAssessment(
  store: Store,
  actor: Actor,
  id: number,
  o: { versionLabel: string },
): Promise<CarryResult> {
  return inTransaction(store, async (tx) => {
    const from = await readAssessment(tx, actor, id);
    requireRole(actor, from.organisationId, 'edit', `make a new version of assessment ${id}`);
    const to = await insertAssessment(tx, actor, {
      organisationId: from.organisationId,
      period: from.period,
      versionLabel: o.versionLabel,
      title: from.title,
      marking: from.marking,
      sharedWith: from.sharedWith,
      model: from.model,
      combineMethod: from.combineMethod,
      previousId: from.previousId,
      revisionOfId: id,
    });
    return { assessment: to, carried: await runSteps({ tx, actor, from, to, kind: 'revision', threatIds: new Map() }) };
  });
}

async function runSteps(ctx: CarryContext): Promise<Record<string, number>> {
  const carried: Record<string, number> = {};
  for (const step of CARRY_FORWARD_STEPS) Object.assign(carried, await step(ctx));
  return carried;
}

async function carryThreats(ctx: CarryContext): Promise<Record<string, number>> {
  const { tx, actor, from, to } = ctx;
  const threats = await allThreatsOf(tx, from.id);
  const previous = ctx.kind === 'next-year' ? await lastYearsScores(tx, from) : new Map<number, PreviousScore>();
  let visible = 0;
  for (const t of threats) {
    const snapshot = ctx.kind === 'next-year' ? (previous.get(t.id) ?? null) : t.previousScore;
    const marking = highestMarking([t.marking, ...(snapshot === null ? [] : [snapshot.marking])]);
    const row = await tx
      .insertInto('threats')
      .values({
        assessment_id: to.id,
        name: t.name,
        description: t.description,
        evidence: json(t.evidence),
        owner: t.owner,
        marking,
        organisation_id: t.organisationId,
        shared_with: textArray(t.sharedWith),
        carried_from_id: ctx.kind === 'next-year' ? t.id : t.carriedFromId,
        previous_score: snapshot === null ? null : json(snapshot),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const copy = toThreat(row);
    ctx.threatIds.set(t.id, copy.id);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'threats',
      recordId: copy.id,
      marking,
      organisationId: copy.organisationId,
      after: copy,
    });
    if (canSee(actor, copy)) visible += 1;
  }
  return { threats: visible };
}

/** A revision copies the scores as they are; next year starts unscored (last year's is on the threat). */
async function carryScores(ctx: CarryContext): Promise<Record<string, number>> {
  if (ctx.kind !== 'revision') return {};
  let visible = 0;
  for (const s of await allScoresOf(ctx.tx, ctx.from.id)) {
    const threatId = ctx.threatIds.get(s.threatId);
    if (threatId === undefined) continue;
    const row = await ctx.tx
      .insertInto('scores')
      .values({
        threat_id: threatId,
        assessor: s.assessor,
        model_id: s.model.id,
        model_version: s.model.version,
        inputs: json(s.inputs),
        outputs: json(s.outputs),
        marking: s.marking,
        organisation_id: s.organisationId,
        shared_with: textArray(s.sharedWith),
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const copy = toScore(row);
    await writeAudit(ctx.tx, ctx.actor, {
      action: 'create',
      table: 'scores',
      recordId: copy.id,
      marking: copy.marking,
      organisationId: copy.organisationId,
      after: copy,
    });
    if (canSee(ctx.actor, copy)) visible += 1;
  }
  return { scores: visible };
}

/** Each threat's combined score in the previous assessment (over all its assessors). */
async function lastYearsScores(tx: Tx, from: Assessment): Promise<Map<number, PreviousScore>> {
  const model = await modelFor(tx, null, from.model);
  const ranking = buildRanking(
    model,
    from.combineMethod,
    await allThreatsOf(tx, from.id),
    await allScoresOf(tx, from.id),
  );
  return new Map(
    ranking.entries.map((e) => [
      e.threatId,
      {
        assessmentId: from.id,
        threatId: e.threatId,
        model: from.model,
        method: ranking.method,
        assessors: e.assessors,
        values: e.combined.values,
        priority: e.combined.priority,
        s: e.combined.s,
        band: e.combined.band.id,
        marking: e.marking,
      },
    ]),
  );
}
