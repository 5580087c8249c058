/**
 * The overdue-review list: risks still held (not closed) whose next review was due before a given
 * date, the longest overdue first. A review due on the date itself is not yet overdue.
 */
import { daysBetween } from './review-dates.js';
import { isClosedStatus, type RiskStatus } from './statuses.js';

export interface ReviewDue {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly owner: string;
  readonly status: RiskStatus;
  /** YYYY-MM-DD. */
  readonly nextReview: string;
}

export interface OverdueReview extends ReviewDue {
  readonly daysOverdue: number;
}

export function overdueReviews<T extends ReviewDue>(
  risks: readonly T[],
  asOf: string,
): (T & { daysOverdue: number })[] {
  return risks
    .filter((r) => !isClosedStatus(r.status) && r.nextReview < asOf)
    .map((r) => ({ ...r, daysOverdue: daysBetween(r.nextReview, asOf) }))
    .sort(
      (a, b) =>
        a.nextReview.localeCompare(b.nextReview) || a.reference.localeCompare(b.reference, 'en', { numeric: true }),
    );
}
