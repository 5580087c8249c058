/**
 * The Control Strategy of an assessment: derived from the bands (priorities, intelligence
 * requirements, business as usual, each with its reason) and approved by an approver, whose
 * name and time are recorded. Decisions: it is derived over ALL the assessment's threats and
 * scores, so it carries the highest marking of them. An actor who may see the assessment but not
 * that marking gets the strategy derived from the threats and scores at or below their clearance,
 * with the number withheld (issue 14: a plain notice rather than nothing); it is never the approved
 * one and cannot be approved. An actor outside the organisation is told there is none they can
 * see. Approval freezes the assessment
 * (see writes.ts); a digest of what was shown lets an approver refuse to approve something that
 * changed after they read it.
 */
import { createHash } from 'node:crypto';
import { conflictError, inputError, notFoundError } from '../../errors.js';
import { canSee, parseMarking, type Marking } from '../../domain/marking.js';
import { deriveControlStrategy, type ControlStrategy, type HeadingSet } from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { readAssessment, updateAssessmentRow, type Assessment } from './assessments.js';
import { writeAudit } from '../core/audit.js';
import { openAssessment } from './writes.js';
import { canonicalJson } from '../core/canonical-json.js';
import { allScoresOf, allThreatsOf, approvedStrategyOf, isStrategyVisible } from './reads.js';
import { modelFor } from './models.js';
import { requireRole, textArray } from '../core/policy.js';
import { headingsOf } from './settings.js';
import { buildRanking } from './ranking.js';
import { json, toIsoOrNull } from '../core/rows.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';
import { plural } from '../../domain/plural.js';

export interface ControlStrategyView {
  readonly assessmentId: number;
  readonly status: 'draft' | 'approved';
  readonly strategy: ControlStrategy;
  readonly unscored: ReadonlyArray<{ readonly threatId: number; readonly name: string }>;
  readonly marking: Marking;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  /** sha256 of the strategy's content: pass it to approve to be sure nothing changed since. */
  readonly digest: string;
  /**
   * Null when this is the whole strategy. Otherwise it was derived from what the actor is cleared
   * to see, and this many threats and scores above their clearance were left out.
   */
  readonly aboveClearance: { readonly threats: number; readonly scores: number } | null;
}

export interface StrategyOptions {
  readonly headings?: HeadingSet | undefined;
}

/** The whole Control Strategy, or NOT_FOUND for an actor who may not see all of it. */
export function controlStrategy(
  store: Store,
  actor: Actor,
  assessmentId: number,
  options: StrategyOptions = {},
): Promise<ControlStrategyView> {
  return strategyOf(store, actor, assessmentId, options, false);
}

/**
 * The Control Strategy as the actor may read it: the whole one, or, when it is marked above their
 * clearance, the one derived from what they may see, with `aboveClearance` counting what was left out.
 */
export function controlStrategyAtClearance(
  store: Store,
  actor: Actor,
  assessmentId: number,
  options: StrategyOptions = {},
): Promise<ControlStrategyView> {
  return strategyOf(store, actor, assessmentId, options, true);
}

function strategyOf(
  store: Store,
  actor: Actor,
  assessmentId: number,
  options: StrategyOptions,
  partialAllowed: boolean,
): Promise<ControlStrategyView> {
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, assessmentId);
    const approved = await approvedStrategyOf(tx, assessmentId);
    if (approved !== undefined) {
      const visible = await isStrategyVisible(tx, actor, approved.id);
      if (!visible) {
        if (!partialAllowed) throw hidden(assessmentId);
        const partial = await derive(tx, actor, assessment, options, true);
        return {
          ...partial,
          status: 'approved',
          approvedBy: approved.username,
          approvedAt: toIsoOrNull(approved.approved_at),
        };
      }
      const stored = approved.entries as { strategy: ControlStrategy; unscored: ControlStrategyView['unscored'] };
      return {
        assessmentId,
        status: 'approved',
        strategy: stored.strategy,
        unscored: stored.unscored,
        marking: parseMarking(approved.marking),
        approvedBy: approved.username,
        approvedAt: toIsoOrNull(approved.approved_at),
        digest: digestOf(stored.strategy),
        aboveClearance: null,
      };
    }
    return derive(tx, actor, assessment, options, partialAllowed);
  });
}

export interface ApproveOptions extends StrategyOptions {
  /** The digest shown to the approver; approval is refused if the strategy has changed since. */
  readonly expectedDigest?: string | undefined;
}

export async function approveControlStrategy(
  store: Store,
  actor: Actor,
  assessmentId: number,
  options: ApproveOptions = {},
): Promise<ControlStrategyView> {
  return inTransaction(store, async (tx) => {
    const assessment = await openAssessment(tx, actor, assessmentId);
    requireRole(
      actor,
      assessment.organisationId,
      'approve',
      `approve the control strategy of assessment ${assessmentId}`,
    );
    const view = await derive(tx, actor, assessment, options);
    if (view.unscored.length > 0) {
      throw inputError(
        `Cannot approve: ${plural(view.unscored.length, 'threat')} ${view.unscored.length === 1 ? 'has' : 'have'} no score yet: ${view.unscored.map((t) => `${t.threatId} "${t.name}"`).join(', ')}.`,
      );
    }
    if (options.expectedDigest !== undefined && !view.digest.startsWith(options.expectedDigest)) {
      throw conflictError(
        `The control strategy of assessment ${assessmentId} has changed since you viewed it (digest ${options.expectedDigest}, now ${view.digest.slice(0, 12)}); review it again before approving.`,
      );
    }
    const row = await tx
      .insertInto('control_strategies')
      .values({
        assessment_id: assessmentId,
        headings: json(view.strategy.headings),
        entries: json({ strategy: view.strategy, unscored: view.unscored }),
        status: 'approved',
        approved_by: actor.userId,
        approved_at: new Date(),
        marking: view.marking,
        organisation_id: assessment.organisationId,
        shared_with: textArray(assessment.sharedWith),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning(['id', 'approved_at'])
      .executeTakeFirstOrThrow();
    const approvedAt = toIsoOrNull(row.approved_at);
    await writeAudit(tx, actor, {
      action: 'approve',
      table: 'control_strategies',
      recordId: row.id,
      marking: view.marking,
      organisationId: assessment.organisationId,
      after: { assessmentId, approvedBy: actor.username, approvedAt, digest: view.digest, strategy: view.strategy },
    });
    await updateAssessmentRow(tx, actor, assessment, { status: 'approved' });
    return { ...view, status: 'approved', approvedBy: actor.username, approvedAt };
  });
}

async function derive(
  tx: Tx,
  actor: Actor,
  assessment: Assessment,
  options: StrategyOptions,
  partialAllowed = false,
): Promise<ControlStrategyView> {
  const model = await modelFor(tx, null, assessment.model);
  const [threats, scores] = [await allThreatsOf(tx, assessment.id), await allScoresOf(tx, assessment.id)];
  let ranking = buildRanking(model, assessment.combineMethod, threats, scores);
  let aboveClearance: ControlStrategyView['aboveClearance'] = null;
  const whole = { organisationId: assessment.organisationId, sharedWith: assessment.sharedWith };
  if (!canSee(actor, { marking: ranking.marking, ...whole })) {
    if (!partialAllowed) throw hidden(assessment.id);
    // At the actor's clearance: only the threats and scores they may see, each under the assessment's reach.
    const seenThreats = threats.filter((t) => canSee(actor, { ...whole, marking: t.marking }));
    const seen = new Set(seenThreats.map((t) => t.id));
    const seenScores = scores.filter((x) => seen.has(x.threatId) && canSee(actor, { ...whole, marking: x.marking }));
    ranking = buildRanking(model, assessment.combineMethod, seenThreats, seenScores);
    if (!canSee(actor, { marking: ranking.marking, ...whole })) throw hidden(assessment.id);
    aboveClearance = { threats: threats.length - seenThreats.length, scores: scores.length - seenScores.length };
  }
  const marking = ranking.marking;
  // The headings asked for, else the assessment's own (migration 021), else the default.
  const strategy = deriveControlStrategy(model, ranking.ranked, {
    headings: options.headings ?? (await headingsOf(tx, assessment.id)),
  });
  return {
    assessmentId: assessment.id,
    status: 'draft',
    strategy,
    unscored: ranking.unscored,
    marking,
    approvedBy: null,
    approvedAt: null,
    digest: digestOf(strategy),
    aboveClearance,
  };
}

const hidden = (assessmentId: number) =>
  notFoundError(`There is no control strategy for assessment ${assessmentId} that you can see.`);

function digestOf(strategy: ControlStrategy): string {
  return createHash('sha256').update(canonicalJson(strategy)).digest('hex');
}
