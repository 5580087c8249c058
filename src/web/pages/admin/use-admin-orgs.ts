/** The organisations by name, and those the logged-in user administers (for the admin forms). */
import { useSession } from '../../session';
import { useOrganisations } from '../../use-organisations';

/** Broadest first: a force before its CSPs, so forms default to the force. */
const RANK: Readonly<Record<string, number>> = { alliance: 0, force: 1, opcc: 2, csp: 3, partner: 4 };

export function useAdminOrganisations() {
  const { me } = useSession();
  const { list, nameOf, loaded } = useOrganisations();
  const byId = new Map(list.map((o) => [o.id, o]));
  const administered = Object.entries(me?.roles ?? {})
    .filter(([, roles]) => roles.includes('admin'))
    .map(([id]) => byId.get(id) ?? { id, name: id, kind: 'partner' as const, parentId: null, createdAt: '' })
    .sort((a, b) => (RANK[a.kind] ?? 9) - (RANK[b.kind] ?? 9) || a.name.localeCompare(b.name));
  return { administered, nameOf, loaded };
}
