/** The organisations by name, and those the logged-in user administers (for the admin forms). */
import { useSession } from '../../session';
import { useApi } from '../../use-api';
import type { Organisation } from '../../../api/index.js';

export function useAdminOrganisations() {
  const { me } = useSession();
  const all = useApi<Organisation[]>('/organisations');
  const byId = new Map((all.data ?? []).map((o) => [o.id, o]));
  const administered = Object.entries(me?.roles ?? {})
    .filter(([, roles]) => roles.includes('admin'))
    .map(([id]) => byId.get(id) ?? { id, name: id, kind: 'partner' as const, parentId: null, createdAt: '' })
    .sort((a, b) => a.name.localeCompare(b.name));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return { administered, nameOf, loaded: all };
}
