/**
 * The Control Strategy's plans (issue 14): for each threat, its lead officer, the actions under
 * each of the strategy's headings and the intelligence-requirement questions.
 * GET /assessments/:id/strategy-plans lists them with the headings to write under;
 * PUT /threats/:id/strategy-plan writes one (409 with the plan as it is now when stale).
 */
import { z } from 'zod';
import { marking, type MarkedFields, type Checked } from './fields.js';

/** A threat's plan as stored. */
export interface StrategyPlan extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly threatId: number;
  readonly leadOfficer: string;
  /** Heading id -> the actions written under it (headings with nothing written are left out). */
  readonly actions: Readonly<Record<string, string>>;
  readonly questions: readonly string[];
  /** Who wrote the version read (a username). */
  readonly updatedByName: string | null;
}

/** GET /assessments/:id/strategy-plans. */
export interface StrategyPlansAnswer {
  readonly assessmentId: number;
  /** The headings the actions are written under (the Control Strategy's). */
  readonly headings: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** The plans the user may see, of threats whose results they may see (blind scoring), by threat id. */
  readonly plans: readonly StrategyPlan[];
}

/** PUT /threats/:id/strategy-plan. */
export const StrategyPlanWrite = z.strictObject({
  leadOfficer: z.string().max(200, 'at most 200 characters'),
  actions: z.record(z.string().max(40), z.string().max(5000, 'at most 5,000 characters')),
  questions: z.array(z.string().max(1000, 'at most 1,000 characters each')).max(30, 'at most 30 questions'),
  /** Left out: the threat's marking for a new plan, the plan's own for an edit. */
  marking: marking.optional(),
  /** The version you read, or null when the threat had no plan when you opened it. */
  expectedVersion: z.number().int().min(1).nullable(),
});
export type StrategyPlanWrite = z.input<typeof StrategyPlanWrite>;
export type StrategyPlanWriteChecked = Checked<typeof StrategyPlanWrite>;

/** The answer to PUT /threats/:id/strategy-plan. */
export interface StrategyPlanWritten {
  readonly plan: StrategyPlan;
  readonly created: boolean;
  readonly changed: boolean;
}
