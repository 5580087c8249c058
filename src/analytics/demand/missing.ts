/**
 * Missing people for a force from the warehouse: the summary (children, looked after, high-risk
 * share, time missing), repeat missing persons (N episodes within D days, configurable), the
 * places people go missing from ranked (care homes by default), and monthly episodes.
 */
import { missingLocations, type LocationRow } from '../../domain/demand/missing/locations.js';
import { repeatMissing, type Repeats } from '../../domain/demand/missing/repeats.js';
import { missingSummary, type MissingSummary } from '../../domain/demand/missing/summary.js';
import type { AddressType } from '../../domain/demand/missing/episode.js';
import type { MonthCoverage } from '../../warehouse/demand/coverage.js';
import { loadEpisodes, warehouseCoverage } from '../../warehouse/demand/load-demand.js';
import type { Warehouse } from '../../warehouse/reader.js';

export interface MissingOptions {
  readonly force: string;
  readonly from?: string;
  readonly to?: string;
  /** Only the episodes from places in one community safety partnership (by LSOA). */
  readonly csp?: string;
  /** Repeat definition: `episodes` or more within `withinDays` (default 3 in 90). */
  readonly repeatEpisodes?: number;
  readonly withinDays?: number;
  readonly addressTypes?: readonly AddressType[];
  /** Rows kept in the repeat and location lists (default 20). */
  readonly top?: number;
}

export interface MissingAnalysis {
  readonly force: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly coverage: MonthCoverage[];
  readonly summary: MissingSummary;
  readonly repeats: Repeats;
  readonly locations: LocationRow[];
  readonly monthly: { readonly month: string; readonly episodes: number }[];
}

export async function missingAnalysis(
  wh: Warehouse,
  warehouseDir: string,
  options: MissingOptions,
): Promise<MissingAnalysis> {
  const top = options.top ?? 20;
  const episodes = await loadEpisodes(wh, {
    force: options.force,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.csp ? { csp: options.csp } : {}),
  });
  const repeats = repeatMissing(episodes, {
    ...(options.repeatEpisodes !== undefined ? { episodes: options.repeatEpisodes } : {}),
    ...(options.withinDays !== undefined ? { withinDays: options.withinDays } : {}),
  });
  const monthly = new Map<string, number>();
  for (const e of episodes) {
    const m = new Date(e.reported.local).toISOString().slice(0, 7);
    monthly.set(m, (monthly.get(m) ?? 0) + 1);
  }
  return {
    force: options.force,
    from: options.from ?? null,
    to: options.to ?? null,
    coverage: await warehouseCoverage(wh, warehouseDir, 'missing_episodes', options.force),
    summary: missingSummary(episodes),
    repeats: { ...repeats, persons: repeats.persons.slice(0, top) },
    locations: missingLocations(episodes, {
      ...(options.addressTypes ? { addressTypes: options.addressTypes } : {}),
      ...(options.repeatEpisodes !== undefined ? { repeatEpisodes: options.repeatEpisodes } : {}),
    }).slice(0, top),
    monthly: [...monthly.entries()].sort().map(([month, n]) => ({ month, episodes: n })),
  };
}
