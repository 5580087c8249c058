/**
 * A risk's status, a closed union (the store's CHECK constraint is generated from it). Open risks
 * are being mitigated; a tolerated risk is accepted at its level but still reviewed; a closed
 * risk is no longer held, so it leaves the heat map and is never overdue for review.
 */
import { inputError } from '../../errors.js';

export const RISK_STATUSES = ['open', 'tolerated', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The statuses of risks that are no longer reviewed. */
export const CLOSED_RISK_STATUSES: readonly RiskStatus[] = ['closed'];

export const isClosedStatus = (s: RiskStatus): boolean => CLOSED_RISK_STATUSES.includes(s);

export function parseRiskStatus(value: string): RiskStatus {
  const v = value.trim().toLowerCase();
  if ((RISK_STATUSES as readonly string[]).includes(v)) return v as RiskStatus;
  throw inputError(`Unknown risk status "${value}": expected one of ${RISK_STATUSES.join(', ')}.`);
}
