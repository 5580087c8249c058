/**
 * Organisations by name for any form that chooses one (GET /api/organisations): `nameOf(id)`
 * gives the proper name ("Staffordshire Police"), falling back to the id while loading.
 */
import { useApi } from './use-api';
import type { Organisation } from '../api/index.js';

export function useOrganisations() {
  const loaded = useApi<Organisation[]>('/organisations');
  const byId = new Map((loaded.data ?? []).map((o) => [o.id, o]));
  return { list: loaded.data ?? [], nameOf: (id: string) => byId.get(id)?.name ?? id, loaded };
}
