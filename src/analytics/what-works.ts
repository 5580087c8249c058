/**
 * "What works": the Weighted Displacement Difference test (Wheeler & Ratcliffe 2018) on counts
 * taken from the warehouse: a target area, a control area and optionally a displacement area
 * and its control, before and after an intervention; and its harm-weighted form, where each
 * crime type's counts carry its harm weight (Wheeler's `wdd_harm`).
 */
import { monthIndex, type Month } from '../domain/crime/month.js';
import type { WeightsTable } from '../domain/harm/weights.js';
import { wdd, type AreaCounts, type WddResult } from '../domain/stats/wdd.js';
import { wddHarm, type HarmWddResult } from '../domain/stats/wdd-harm.js';
import { usageError } from '../errors.js';
import type { AreaDimension } from '../warehouse/dimensions.js';
import type { Warehouse } from '../warehouse/reader.js';
import { periodCounts, type PeriodSpan } from './period-counts.js';

type Area = Partial<Record<AreaDimension, string>>;

export interface WhatWorksQuery {
  readonly target: Area;
  readonly control: Area;
  readonly displacement?: { readonly area: Area; readonly control: Area };
  readonly before: { readonly from: Month; readonly to: Month };
  readonly after: { readonly from: Month; readonly to: Month };
  readonly categories?: readonly string[];
  readonly forces?: readonly string[];
  readonly confidenceLevel?: number;
  /** With weights, also the harm-weighted WDD. */
  readonly weights?: WeightsTable;
}

export interface WhatWorks {
  readonly counts: Record<'target' | 'control' | 'displacement' | 'displacementControl', AreaCounts | null>;
  readonly wdd: WddResult;
  readonly harm: HarmWddResult | null;
  readonly periodLengths: { before: number; after: number };
  readonly method: string;
}

export async function whatWorks(wh: Warehouse, q: WhatWorksQuery): Promise<WhatWorks> {
  const before: PeriodSpan = { label: 'before', first: q.before.from, last: q.before.to };
  const after: PeriodSpan = { label: 'after', first: q.after.from, last: q.after.to };
  if (q.before.to >= q.after.from) throw usageError('the before period must end before the after period starts');
  const areas = {
    target: q.target,
    control: q.control,
    ...(q.displacement ? { displacement: q.displacement.area, displacementControl: q.displacement.control } : {}),
  };
  const byCategory = new Map<string, Map<string, AreaCounts>>(); // area role -> category -> counts
  for (const [role, where] of Object.entries(areas)) {
    const c = await periodCounts(wh, {
      areas: [],
      byCategory: true,
      where,
      forces: q.forces,
      categories: q.categories,
      periods: [before, after],
    });
    const perCat = new Map<string, AreaCounts>();
    for (const cell of c.cells) {
      const [b, a] = [c.count(cell.key, 'before'), c.count(cell.key, 'after')];
      if (!b.complete || !a.complete) {
        throw usageError(
          `the ${role} area has months missing from the warehouse in the periods asked for: ${c.missing.map((m) => `${m.force} ${m.month}`).join(', ')}`,
        );
      }
      perCat.set(cell.category!, { before: b.count, after: a.count });
    }
    byCategory.set(role, perCat);
  }
  const total = (role: string): AreaCounts | null => {
    const m = byCategory.get(role);
    if (!m) return null;
    return [...m.values()].reduce((a, c) => ({ before: a.before + c.before, after: a.after + c.after }), {
      before: 0,
      after: 0,
    });
  };
  const periodLengths = {
    before: monthIndex(q.before.to) - monthIndex(q.before.from) + 1,
    after: monthIndex(q.after.to) - monthIndex(q.after.from) + 1,
  };
  const input = (get: (role: string) => AreaCounts | null) => ({
    target: get('target')!,
    control: get('control')!,
    ...(q.displacement ? { displacement: { area: get('displacement')!, control: get('displacementControl')! } } : {}),
    // Equal periods: the published WDD on raw counts. Unequal: Wheeler's per-month form.
    ...(periodLengths.before !== periodLengths.after ? { periodLengths } : {}),
  });
  const result = wdd({ ...input(total), confidenceLevel: q.confidenceLevel ?? 0.95 });
  let harm: HarmWddResult | null = null;
  if (q.weights) {
    const cats = new Set([...byCategory.values()].flatMap((m) => [...m.keys()]));
    const types = [...cats].flatMap((cat) => {
      const w = q.weights!.weights.get(cat)?.weight;
      if (w === null || w === undefined) return []; // no published weight (ASB): not in the harm WDD
      const get = (role: string) => byCategory.get(role)?.get(cat) ?? { before: 0, after: 0 };
      return [{ weight: w, counts: input(get) }];
    });
    harm = wddHarm(types, q.confidenceLevel ?? 0.95);
  }
  return {
    counts: {
      target: total('target'),
      control: total('control'),
      displacement: total('displacement'),
      displacementControl: total('displacementControl'),
    },
    wdd: result,
    harm,
    periodLengths,
    method:
      'Weighted Displacement Difference (Wheeler & Ratcliffe 2018, Crime Science 7:11); counts per month when the periods differ in length; harm-weighted form as ptools::wdd_harm.',
  };
}
