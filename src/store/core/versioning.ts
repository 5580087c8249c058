/**
 * Optimistic concurrency: every marked record has a version, every update names the version it
 * was based on, and a mismatch is refused with a message that says which record, the version
 * the writer had, the current one and who changed it, so nobody's edit is silently lost.
 * The UPDATE itself repeats the version check (`WHERE version = expected`), so two writers
 * racing between read and write cannot both succeed.
 */
import { conflictError } from '../../errors.js';

export interface VersionedRow {
  readonly version: number;
  readonly updated_by: number | null;
  readonly updated_at: Date | string;
}

/** Throws CONFLICT when the writer's version is not the current one. */
export function assertCurrent(what: string, expected: number, current: VersionedRow, changedBy?: string): void {
  if (current.version === expected) return;
  throw staleWrite(what, expected, current.version, changedBy, current.updated_at);
}

export function staleWrite(what: string, had: number, now: number, changedBy?: string, at?: Date | string): Error {
  const by = changedBy === undefined ? '' : ` by ${changedBy}`;
  const when = at === undefined ? '' : ` at ${new Date(at).toISOString()}`;
  return conflictError(
    `${what} has changed since you read it: you had version ${had}, it is now version ${now} (last changed${by}${when}). ` +
      `Nothing was saved; read it again and reapply your change.`,
    { had, current: now },
  );
}
