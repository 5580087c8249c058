/**
 * Uniqueness within sight (issue 13, defect 5). A threat name, driver number, risk reference,
 * driver-configuration topic or partner priority's wording is unique among the records its writer
 * can see, never over all records: a value used only by a record the writer cannot see is
 * accepted, exactly as a value nobody uses, so neither a refusal nor its wording can confirm that
 * a hidden record exists. The database keeps each key unique per (scope, organisation, marking)
 * (migration 016), which only ever refuses a clash the writer can see, since whoever may write at
 * (organisation, marking) sees every record there.
 *
 * The price: a reader cleared higher may see two records with one name (an OFFICIAL one written
 * by someone who could not see the OFFICIAL-SENSITIVE one). A lookup by name, number or reference
 * therefore resolves only among the records its caller can see and refuses an ambiguous one,
 * naming the ids to use instead (`resolveOne`).
 */
import { inputError } from '../../errors.js';

/** Refuses a value a record the writer can see already uses (found by a query over visibleFrom). */
export function refuseVisibleClash(clash: { id: number } | undefined, message: string, field: string): void {
  if (clash === undefined) return;
  throw inputError(message, { fields: [{ field, message: 'already used' }] });
}

/**
 * The one record among `matches` (the records the caller can see that carry `value`), or
 * undefined when none does; two or more are refused by id, never chosen silently.
 */
export function resolveOne<T extends { id: number }>(matches: readonly T[], what: string): T | undefined {
  if (matches.length <= 1) return matches[0];
  throw inputError(
    `${what} names ${matches.length} records you can see (ids ${matches.map((m) => m.id).join(', ')}), ` +
      'each at its own marking: use the id instead.',
  );
}
