/**
 * Who a score belongs to (issue 14: "one identity per person"). A score's assessor is a user of
 * the store, by username, never a free-text name: the workshop, blind scoring and the median all
 * count people by it, so "DI R. Patel" beside r.patel counted one person twice.
 *
 * Decision: an assessor records their own scores (the browser, `--as`, an uploaded scores file's
 * rows naming the uploader). Entering scores for another user is allowed only to an admin of the
 * threat's organisation (the workshop facilitator typing in a room's spreadsheet), and only for a
 * user who could have scored it themselves: an enabled user with the analyst or admin role there,
 * cleared to see the threat. Changing a score follows the same rule, so one analyst cannot
 * rewrite a colleague's score. Anyone else naming another assessor is refused (FORBIDDEN) before
 * the name is looked up, so the refusal does not tell them who exists.
 */
import { canSee, markingRank, type Marking } from '../../domain/marking.js';
import { inputError } from '../../errors.js';
import { actorFromRows, rolesIn, type Actor } from '../core/actor.js';
import { forbidden } from '../core/policy.js';
import { ALLOWED } from '../core/roles.js';
import type { Tx } from '../core/store.js';

interface ScoredRecord {
  readonly id: number;
  readonly name: string;
  readonly marking: Marking;
  readonly organisationId: string;
  readonly sharedWith: readonly string[];
}

/**
 * Refuses unless the actor may record a score of this threat as `assessor`; for a change of a
 * score already stored (`existing`), only whether the actor may act for its assessor is asked.
 */
export async function requireMayScoreAs(
  tx: Tx,
  actor: Actor,
  threat: ScoredRecord,
  assessor: string,
  o: { existing?: boolean; marking?: Marking } = {},
): Promise<void> {
  if (assessor === actor.username) return;
  if (!rolesIn(actor, threat.organisationId).includes('admin'))
    throw forbidden(
      `${actor.username} cannot record a score as "${assessor}": each assessor records their own score (logged in as themselves, or --as them); only an admin of ${threat.organisationId} may enter scores for another user.`,
    );
  const user = await tx
    .selectFrom('users')
    .select(['id', 'username', 'clearance', 'disabled_at'])
    .where('username', '=', assessor)
    .executeTakeFirst();
  // A score kept under a free-text name from before scores belonged to users: an admin may still correct it.
  if (user === undefined && o.existing === true) return;
  if (user === undefined)
    throw inputError(
      `The assessor must be a user of this store, by username: there is no user "${assessor}" (\`stra user list\` shows them).`,
      { fields: [{ field: 'assessor', message: 'not a username' }] },
    );
  const memberships = await tx
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', user.id)
    .orderBy('organisation_id')
    .execute();
  const them = actorFromRows(user, memberships);
  // Why the clearance rules: an admin entering a score for someone must be able to see every score
  // that person may hold, so that "already scored" never tells them of a score they may not see
  // (issue 13, defect 5); and a person's score is never marked above what they may read.
  const why =
    o.existing !== true && user.disabled_at !== null
      ? 'their account is disabled'
      : o.existing !== true && !rolesIn(them, threat.organisationId).some((r) => ALLOWED.edit.includes(r))
        ? `they hold no analyst or admin role in ${threat.organisationId}`
        : o.existing !== true && !canSee(them, threat)
          ? `they may not see threat ${threat.id} (marked ${threat.marking}; their clearance is ${them.clearance})`
          : markingRank(them.clearance) > markingRank(actor.clearance)
            ? `they are cleared to ${them.clearance}, above your ${actor.clearance}, so they enter their own scores`
            : o.marking !== undefined && markingRank(o.marking) > markingRank(them.clearance)
              ? `their score cannot be marked ${o.marking}, above their clearance ${them.clearance}`
              : undefined;
  if (why !== undefined)
    throw inputError(`${assessor} cannot be the assessor of threat ${threat.id} "${threat.name}": ${why}.`, {
      fields: [{ field: 'assessor', message: why }],
    });
}
