/**
 * The period a partner's priorities are for: a financial year. Partners write it "2016-17" (the
 * seed's heading) as often as "2016/17" (the assessments' form); both are accepted and stored as
 * 2016/17, so one partner's table never splits into two periods.
 */
import { inputError } from '../../errors.js';

export function parsePriorityPeriod(value: string): string {
  const m = /^(\d{4})[/-](\d{2})$/.exec(value.trim());
  if (m === null || (Number(m[1]) + 1) % 100 !== Number(m[2])) {
    throw inputError(`Period "${value}" must be a financial year written like 2016/17 (or 2016-17).`);
  }
  return `${m[1]}/${m[2]}`;
}
