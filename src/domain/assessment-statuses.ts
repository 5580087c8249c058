/**
 * An assessment's status, a closed list shared by the store (its CHECK constraint, migration 002)
 * and its status changes: draft, under review, approved (the Control Strategy signed off),
 * published.
 */
export const ASSESSMENT_STATUSES = ['draft', 'under_review', 'approved', 'published'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
