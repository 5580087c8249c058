/**
 * Harm beside any count breakdown: the same cells and periods, each crime weighted by its
 * category's harm (anti-social behaviour, with no published weight, adds nothing and is counted
 * as unweighted). One extra query by category; cells are keyed as period-counts keys them.
 */
import type { WeightsTable } from '../domain/harm/weights.js';
import type { Warehouse } from '../warehouse/reader.js';
import { periodCounts, type CountsQuery } from './period-counts.js';

export interface CellHarm {
  /** harm.get(cellKey)[periodIndex]: sum of count x weight. */
  readonly harm: Map<string, number[]>;
  /** Crimes in the cell and period with no weight. */
  readonly unweighted: Map<string, number[]>;
}

export async function harmByCell(wh: Warehouse, q: CountsQuery, weights: WeightsTable): Promise<CellHarm> {
  const byCat = await periodCounts(wh, { ...q, byCategory: true });
  const harm = new Map<string, number[]>();
  const unweighted = new Map<string, number[]>();
  for (const c of byCat.cells) {
    const parts = q.areas.map((d) => c.area[d] ?? '');
    if (q.byCategory) parts.push(c.category!);
    const key = parts.length ? parts.join(' | ') : 'all';
    const w = weights.weights.get(c.category!)?.weight ?? null;
    const h = harm.get(key) ?? q.periods.map(() => 0);
    const u = unweighted.get(key) ?? q.periods.map(() => 0);
    q.periods.forEach((p, i) => {
      const n = byCat.count(c.key, p.label).count;
      if (w === null) u[i]! += n;
      else h[i]! += n * w;
    });
    harm.set(key, h);
    unweighted.set(key, u);
  }
  return { harm, unweighted };
}
