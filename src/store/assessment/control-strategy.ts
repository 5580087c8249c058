/**
 * The Control Strategy of an assessment: derived from the bands (priorities, intelligence
 * requirements, business as usual, each with its reason) and approved by an approver, whose
 * name and time are recorded. Decisions: it is derived over ALL the assessment's threats and
 * scores, so it carries the highest marking of them, and an actor who may not see that marking
 * (or the organisation) is told there is none they can see; approval freezes the assessment
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
import { buildRanking } from './ranking.js';
import { json, toIsoOrNull } from '../core/rows.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';

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
}

export interface StrategyOptions {
  readonly headings?: HeadingSet | undefined;
}

export async function controlStrategy(
  store: Store,
  actor: Actor,
  assessmentId: number,
  options: StrategyOptions = {},
): Promise<ControlStrategyView> {
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, assessmentId);
    const approved = await approvedStrategyOf(tx, assessmentId);
    if (approved !== undefined) {
      const visible = await isStrategyVisible(tx, actor, approved.id);
      if (!visible) throw hidden(assessmentId);
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
      };
    }
    return derive(tx, actor, assessment, options);
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
        `Cannot approve: ${view.unscored.length} threat(s) have no score yet: ${view.unscored.map((t) => `${t.threatId} "${t.name}"`).join(', ')}.`,
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
): Promise<ControlStrategyView> {
  const model = await modelFor(tx, null, assessment.model);
  const ranking = buildRanking(
    model,
    assessment.combineMethod,
    await allThreatsOf(tx, assessment.id),
    await allScoresOf(tx, assessment.id),
  );
  const marking = ranking.marking;
  if (!canSee(actor, { marking, organisationId: assessment.organisationId, sharedWith: assessment.sharedWith }))
    throw hidden(assessment.id);
  const strategy = deriveControlStrategy(
    model,
    ranking.ranked,
    options.headings === undefined ? {} : { headings: options.headings },
  );
  return {
    assessmentId: assessment.id,
    status: 'draft',
    strategy,
    unscored: ranking.unscored,
    marking,
    approvedBy: null,
    approvedAt: null,
    digest: digestOf(strategy),
  };
}

const hidden = (assessmentId: number) =>
  notFoundError(`There is no control strategy for assessment ${assessmentId} that you can see.`);

function digestOf(strategy: ControlStrategy): string {
  return createHash('sha256').update(canonicalJson(strategy)).digest('hex');
}
