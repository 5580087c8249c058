/** The latest month the warehouse holds street data for (for the given forces, all of them). */
import { parseMonth, type Month } from '../domain/crime/month.js';
import type { Catalog } from '../warehouse/catalog.js';

export function latestMonth(catalog: Catalog, forces?: readonly string[]): Month | undefined {
  const byForce = new Map<string, string>();
  for (const s of Object.values(catalog.sources)) {
    if (s.table !== 'street' || (forces?.length && !forces.includes(s.force))) continue;
    if ((byForce.get(s.force) ?? '') < s.month) byForce.set(s.force, s.month);
  }
  // The latest month every force has reached, so the default period is complete for all.
  const latest = [...byForce.values()].sort()[0];
  return latest ? parseMonth(latest) : undefined;
}
