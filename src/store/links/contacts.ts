/**
 * Each organisation's designated deconfliction contact (issue 16, migration 020): whom a searcher
 * is told to contact when their search matches an identifier in one of its investigations they may
 * not see. Set by an administrator of the organisation, each change audited with before and after;
 * read by anyone (it says how to reach an officer of a public body, nothing about any case).
 */
import { inputError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { requireRole } from '../core/policy.js';
import { dbOf, inTransaction, type Store } from '../core/store.js';
import { requireOrganisationsExist } from '../identity/organisations.js';

export interface DeconflictionContact {
  readonly organisationId: string;
  readonly contact: string;
}

/** Every organisation's designated contact, by organisation id. */
export async function deconflictionContacts(store: Store): Promise<Map<string, string>> {
  const rows = await dbOf(store).selectFrom('link_contacts').select(['organisation_id', 'contact']).execute();
  return new Map(rows.map((r) => [r.organisation_id, r.contact]));
}

/** Sets (or replaces) an organisation's designated contact: its administrators only. */
export async function setDeconflictionContact(
  store: Store,
  actor: Actor,
  organisationId: string,
  contact: string,
): Promise<DeconflictionContact> {
  const text = contact.trim();
  if (text === '' || text.length > 300)
    throw inputError('Give the contact as up to 300 characters: a name or desk, and how to reach them.');
  return inTransaction(store, async (tx) => {
    requireRole(actor, organisationId, 'manage', `set the deconfliction contact of ${organisationId}`);
    await requireOrganisationsExist(tx, [organisationId]);
    const before = await tx
      .selectFrom('link_contacts')
      .select('contact')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    await tx
      .insertInto('link_contacts')
      .values({ organisation_id: organisationId, contact: text, updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet({ contact: text, updated_by: actor.userId, updated_at: new Date() }),
      )
      .execute();
    await writeAudit(tx, actor, {
      action: before === undefined ? 'create' : 'update',
      table: 'link_contacts',
      recordId: organisationId,
      marking: 'OFFICIAL',
      organisationId,
      ...(before === undefined ? {} : { before: { contact: before.contact } }),
      after: { contact: text },
    });
    return { organisationId, contact: text };
  });
}
