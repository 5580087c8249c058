/**
 * An assessment's settings (issue 14, migration 021): the title and organisation name its document
 * prints, and the Control Strategy's headings.
 * GET /assessments/:id/settings (anyone who may read the assessment);
 * PUT /assessments/:id/settings (its organisation's admin or analyst; 409 with the settings as
 * they are now when stale). A field left out is left as it is; null restores the default.
 */
import { z } from 'zod';

export interface AssessmentSettingsAnswer {
  readonly assessmentId: number;
  /** null: the assessment's title (or the workspace's document.json). */
  readonly documentTitle: string | null;
  /** null: the organisation's name (or the workspace's document.json). */
  readonly documentOrganisation: string | null;
  /** null: prevention, intelligence, enforcement, reassurance. */
  readonly strategyHeadings: ReadonlyArray<{ readonly id: string; readonly label: string }> | null;
  /** 0 when never set. */
  readonly version: number;
  readonly updatedAt: string | null;
}

const heading = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - or _ (up to 40), starting with a letter or digit'),
  label: z.string().trim().min(1, 'give the heading').max(60, 'at most 60 characters'),
});

export const AssessmentSettingsWrite = z.strictObject({
  /** The version you read (0 when never set). */
  expectedVersion: z.number().int().min(0),
  documentTitle: z.string().trim().max(300, 'at most 300 characters').nullable().optional(),
  documentOrganisation: z.string().trim().max(200, 'at most 200 characters').nullable().optional(),
  strategyHeadings: z
    .array(heading)
    .min(1, 'give at least one heading')
    .max(8, 'at most 8 headings')
    .nullable()
    .optional(),
});
export type AssessmentSettingsWrite = z.input<typeof AssessmentSettingsWrite>;
