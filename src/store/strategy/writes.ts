/**
 * Writing the Control Strategy's plan of a threat (migration 018): its lead officer, the actions
 * under each heading and the intelligence-requirement questions. One marked, versioned record per
 * threat, of the threat's organisation and shares, marked at least as high as the threat (a plan
 * names what the force knows and will do about it). A first write creates it; every later write
 * names the version it read, so of two people editing the same plan the second is told who
 * changed it and nothing is lost (CONFLICT). Every change is audited in its transaction.
 *
 * Decisions: approval does not freeze the plans (the Strategic Tasking and Co-ordination Group
 * approves which threats are priorities; the leads then write and revise what is done about them,
 * as the domain's control-strategy.ts says). Next year's assessment and a new version take every
 * plan with its threat (carryStrategyPlans, a carry-forward step), each keeping its marking, so a
 * lead's plan is reviewed rather than rewritten. Retiring a threat deletes its plan (threats.ts).
 */
import { canSee, highestMarking, type Marking } from '../../domain/marking.js';
import { inputError, notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { changeMarked, unfilteredFrom } from '../core/marked.js';
import { requireCanMark, requireRole, textArray } from '../core/policy.js';
import { json } from '../core/rows.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';
import { staleWrite } from '../core/versioning.js';
import { readThreat, type Threat } from '../assessment/threats.js';
import type { CarryContext } from '../assessment/carry-step.js';
import { planOfThreat, readStrategyPlanRecord, type StrategyPlan } from './reads.js';

export interface StrategyPlanWrite {
  readonly threatId: number;
  readonly leadOfficer: string;
  readonly actions: Readonly<Record<string, string>>;
  readonly questions: readonly string[];
  /** The plan's marking (the threat's when a new plan gives none; unchanged on an edit when left out). */
  readonly marking?: Marking | undefined;
  /** The version read; null for a threat that had no plan when the writer opened it. */
  readonly expectedVersion: number | null;
}

export interface StrategyPlanWritten {
  readonly plan: StrategyPlan;
  readonly created: boolean;
  /** False when the plan was already as written (nothing saved, nothing audited). */
  readonly changed: boolean;
}

const HEADING_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const describe = (t: Threat) => `The Control Strategy plan of threat ${t.id} "${t.name}"`;

/** The plan's fields tidied (trimmed, empty actions and questions left out) and checked. */
export function tidyPlan(w: Pick<StrategyPlanWrite, 'leadOfficer' | 'actions' | 'questions'>): {
  leadOfficer: string;
  actions: Record<string, string>;
  questions: string[];
} {
  const fields: { field: string; message: string }[] = [];
  const leadOfficer = w.leadOfficer.trim();
  if (leadOfficer.length > 200) fields.push({ field: 'leadOfficer', message: 'at most 200 characters' });
  const actions: Record<string, string> = {};
  for (const [heading, raw] of Object.entries(w.actions)) {
    if (!HEADING_ID.test(heading)) fields.push({ field: `actions.${heading}`, message: 'not a heading id' });
    const text = raw.replace(/\r\n?/g, '\n').trim();
    if (text.length > 5000) fields.push({ field: `actions.${heading}`, message: 'at most 5,000 characters' });
    if (text !== '') actions[heading] = text;
  }
  const questions = w.questions.map((q) => q.trim()).filter((q) => q !== '');
  if (questions.length > 30) fields.push({ field: 'questions', message: 'at most 30 questions' });
  if (questions.some((q) => q.length > 1000))
    fields.push({ field: 'questions', message: 'at most 1,000 characters each' });
  if (fields.length > 0)
    throw inputError(`The plan was not saved: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}.`, {
      fields,
    });
  return { leadOfficer, actions, questions };
}

export async function writeStrategyPlan(
  store: Store,
  actor: Actor,
  w: StrategyPlanWrite,
): Promise<StrategyPlanWritten> {
  const tidy = tidyPlan(w);
  return inTransaction(store, async (tx) => {
    const threat = await readThreat(tx, actor, w.threatId);
    const current = await planOfThreat(tx, actor, threat.id);
    if (w.expectedVersion === null) {
      if (current !== undefined)
        throw staleWrite(describe(threat), 0, current.version, current.updatedByName ?? undefined, current.updatedAt);
      return { plan: await insertPlan(tx, actor, threat, tidy, w.marking), created: true, changed: true };
    }
    if (current === undefined)
      throw notFoundError(`${describe(threat)} is not there for you to change; reload the page.`);
    const same =
      current.leadOfficer === tidy.leadOfficer &&
      JSON.stringify(current.actions) === JSON.stringify(tidy.actions) &&
      JSON.stringify(current.questions) === JSON.stringify(tidy.questions) &&
      (w.marking === undefined || w.marking === current.marking);
    if (same && current.version === w.expectedVersion) return { plan: current, created: false, changed: false };
    const { after } = await changeMarked(tx, actor, {
      table: 'strategy_plans',
      id: current.id,
      expectedVersion: w.expectedVersion,
      read: (t) => readStrategyPlanRecord(t, actor, current.id),
      describe: () => describe(threat),
      role: { action: 'edit', what: `edit the Control Strategy plans of ${threat.organisationId}` },
      marking: w.marking === undefined ? undefined : highestMarking([threat.marking, w.marking]),
      set: () => ({
        lead_officer: tidy.leadOfficer,
        actions: json(tidy.actions),
        questions: json(tidy.questions),
      }),
    });
    return { plan: after, created: false, changed: true };
  });
}

async function insertPlan(
  tx: Tx,
  actor: Actor,
  threat: Threat,
  tidy: ReturnType<typeof tidyPlan>,
  chosen: Marking | undefined,
): Promise<StrategyPlan> {
  const marking = highestMarking([threat.marking, chosen ?? threat.marking]);
  requireRole(actor, threat.organisationId, 'edit', `write the Control Strategy plans of ${threat.organisationId}`);
  requireCanMark(actor, marking, threat.organisationId, threat.sharedWith);
  const hidden = await unfilteredFrom(tx, 'strategy_plans')
    .select('id')
    .where('threat_id', '=', threat.id)
    .executeTakeFirst();
  // One plan per threat (the document prints one): a hidden one cannot be written over, and the
  // refusal names nothing it holds.
  if (hidden !== undefined)
    throw inputError('This threat has a plan you cannot see; someone cleared to see it must change it.');
  const { id } = await tx
    .insertInto('strategy_plans')
    .values({
      assessment_id: threat.assessmentId,
      threat_id: threat.id,
      lead_officer: tidy.leadOfficer,
      actions: json(tidy.actions),
      questions: json(tidy.questions),
      marking,
      organisation_id: threat.organisationId,
      shared_with: textArray(threat.sharedWith),
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await readStrategyPlanRecord(tx, actor, id);
  await writeAudit(tx, actor, {
    action: 'create',
    table: 'strategy_plans',
    recordId: id,
    marking,
    organisationId: plan.organisationId,
    after: plan,
  });
  return plan;
}

/**
 * Carry-forward step: next year's assessment and a new version take each threat's plan with the
 * threat (hidden ones too, each keeping its marking, organisation and shares). Counts the copies
 * the actor may see.
 */
export async function carryStrategyPlans(ctx: CarryContext): Promise<Record<string, number>> {
  const plans = await unfilteredFrom(ctx.tx, 'strategy_plans')
    .selectAll()
    .where('assessment_id', '=', ctx.from.id)
    .execute();
  let visible = 0;
  for (const p of plans) {
    const threatId = ctx.threatIds.get(p.threat_id);
    if (threatId === undefined) continue;
    const row = await ctx.tx
      .insertInto('strategy_plans')
      .values({
        assessment_id: ctx.to.id,
        threat_id: threatId,
        lead_officer: p.lead_officer,
        actions: json(p.actions),
        questions: json(p.questions),
        marking: p.marking,
        organisation_id: p.organisation_id,
        shared_with: textArray(p.shared_with),
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .returning(['id', 'marking', 'organisation_id', 'shared_with'])
      .executeTakeFirstOrThrow();
    await writeAudit(ctx.tx, ctx.actor, {
      action: 'create',
      table: 'strategy_plans',
      recordId: row.id,
      marking: row.marking as Marking,
      organisationId: row.organisation_id,
      after: { assessmentId: ctx.to.id, threatId, copiedFrom: p.id },
    });
    if (
      canSee(ctx.actor, {
        marking: row.marking as Marking,
        organisationId: row.organisation_id,
        sharedWith: row.shared_with,
      })
    )
      visible += 1;
  }
  return visible === 0 ? {} : { strategyPlans: visible };
}
