/**
 * Uniqueness refusals that reveal nothing hidden (issue 13, defect 5). A name, number or reference
 * must stay unique over all records (the database and every register rely on it), but when the
 * record already using it is one the actor cannot see, the refusal names neither that record nor
 * its id, and does not repeat what it holds: it says only that the value cannot be used here.
 * (The refusal itself is unavoidable: the value is taken.)
 */
import { inputError } from '../../errors.js';
import type { Actor } from './actor.js';
import { visibleTo } from './policy.js';
import type { Tx } from './store.js';

type MarkedTable = 'threats' | 'drivers' | 'risks' | 'recommendations';

/** Throws `visible` when the actor can see the clashing record, else a refusal that names nothing. */
export async function refuseClash(
  tx: Tx,
  actor: Actor,
  table: MarkedTable,
  clashId: number,
  visible: string,
  what: string,
): Promise<never> {
  const seen = await tx
    .selectFrom(table)
    .select('id')
    .where('id', '=', clashId)
    .where(visibleTo(actor, table))
    .executeTakeFirst();
  return refuseSeenOrNot(seen !== undefined, visible, what);
}

/**
 * The same refusal when the caller has decided whether the actor sees the clashing record (for
 * records whose visibility is more than their own marking, such as a driver configuration, which
 * is hidden from anyone who cannot see every driver in it).
 */
export function refuseSeenOrNot(seen: boolean, visible: string, what: string): never {
  if (seen) throw inputError(visible);
  throw inputError(`That ${what} cannot be used here; choose another.`, {
    fields: [{ field: what, message: 'cannot be used here' }],
  });
}
