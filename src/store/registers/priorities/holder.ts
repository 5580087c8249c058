/**
 * Who may record a partner's priorities, and which organisation holds the record. Why separate:
 * a priority belongs to its partner (a CSP, an OPCC, a county) but is often typed in by an
 * alliance analyst from the partner's published plan, so "whose priority" and "who holds it"
 * differ. Decisions: the holder is the partner itself or a police body (an alliance or a force)
 * entering it on the partner's behalf, and the writer needs an editing role in the holder; a
 * record held for a partner is always shared with that partner, so a partner sees its own
 * priorities whoever typed them.
 */
import { inputError } from '../../../errors.js';
import type { Actor } from '../../core/actor.js';
import { rolesIn } from '../../core/actor.js';
import { requireRole } from '../../core/policy.js';
import { ALLOWED } from '../../core/roles.js';
import type { Tx } from '../../core/store.js';

/** The kinds of organisation whose priorities are recorded. */
export const PARTNER_KINDS = ['csp', 'opcc', 'partner'] as const;
/** The kinds of organisation that may hold priorities on a partner's behalf. */
export const HOLDER_KINDS = ['alliance', 'force'] as const;

const canEdit = (actor: Actor, org: string) => rolesIn(actor, org).some((r) => ALLOWED.edit.includes(r));

export interface Holding {
  readonly partnerId: string;
  readonly heldBy: string;
}

/** Checks the partner and the holder (by default the partner, else the actor's alliance or force). */
export async function resolveHolding(
  tx: Tx,
  actor: Actor,
  partnerId: string,
  heldBy: string | undefined,
): Promise<Holding> {
  const partner = await tx
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (partner === undefined) throw inputError(`There is no organisation "${partnerId}" (stra org list shows them).`);
  if (!(PARTNER_KINDS as readonly string[]).includes(partner.kind)) {
    throw inputError(
      `"${partnerId}" is a ${partner.kind}: priorities are recorded for partners (${PARTNER_KINDS.join(', ')}); the alliance's own come from its Control Strategy.`,
    );
  }
  const holder = heldBy ?? (await defaultHolder(tx, actor, partnerId));
  if (holder !== partnerId) {
    const org = await tx.selectFrom('organisations').select('kind').where('id', '=', holder).executeTakeFirst();
    if (org === undefined) throw inputError(`There is no organisation "${holder}" to hold the priority.`);
    if (!(HOLDER_KINDS as readonly string[]).includes(org.kind)) {
      throw inputError(
        `A priority of ${partnerId} is held by ${partnerId} itself or by an alliance or force entering it on its behalf; "${holder}" is a ${org.kind}.`,
      );
    }
  }
  requireRole(actor, holder, 'edit', `record priorities of ${partnerId} held by ${holder}`);
  return { partnerId, heldBy: holder };
}

async function defaultHolder(tx: Tx, actor: Actor, partnerId: string): Promise<string> {
  if (canEdit(actor, partnerId)) return partnerId;
  const mine = actor.organisationIds.filter((o) => canEdit(actor, o));
  if (mine.length === 0) return partnerId;
  const kinds = await tx.selectFrom('organisations').select(['id', 'kind']).where('id', 'in', mine).execute();
  for (const kind of HOLDER_KINDS) {
    const found = kinds.find((k) => k.kind === kind);
    if (found !== undefined) return found.id;
  }
  return partnerId;
}

/** The shares a record held for a partner must have: the ones asked for, plus the partner. */
export function sharesFor(holding: Holding, asked: readonly string[]): string[] {
  const shares = asked.map((s) => s.trim()).filter((s) => s !== '' && s !== holding.heldBy);
  if (holding.heldBy !== holding.partnerId) shares.push(holding.partnerId);
  return [...new Set(shares)];
}
