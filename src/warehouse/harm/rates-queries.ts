/**
 * Crime rates per 1,000 residents by force, CSP, district or LSOA, from police.uk street
 * counts over a range of months, with the ONS mid-year population of each area (see
 * area-population.ts and population-year.ts). Anti-social behaviour is not crime and is left out
 * unless asked for by category. A rate over months a force has no data for would understate:
 * such areas get no rate (missing, not zero). Rates are for the whole period, not annualised.
 */
import { monthRange, type Month } from '../../domain/crime/month.js';
import { ratesPer1000 } from '../../domain/harm/rates.js';
import { usageError } from '../../errors.js';
import { sqlString, sqlStringList } from '../sql.js';
import type { PopulationTable } from '../../population/load.js';
import { coverage } from '../coverage.js';
import { DIMENSION_SQL, ELSEWHERE, HOME_FORCE_SQL } from '../dimensions.js';
import type { Warehouse } from '../reader.js';
import { AreaPopulations, type AreaLevel, type AreaPopulation } from './area-population.js';
import { nearestMidYear } from './population-year.js';

export interface RatesQuery {
  readonly by: AreaLevel;
  readonly from: Month;
  readonly to: Month;
  readonly forces?: readonly string[];
  /** police.uk category slugs; default every category except anti-social behaviour. */
  readonly categories?: readonly string[];
  readonly populationYear?: number;
}

export interface RateRow {
  readonly force: string;
  readonly area: string;
  readonly count: number;
  readonly population: number | null;
  readonly population_year: number | null;
  /** Where the population comes from (shipped ONS estimate, or a loaded file and line), or why there is none. */
  readonly population_source: string;
  readonly rate_per_1000: number | null;
  readonly note?: string;
}

export interface RatesReport {
  readonly by: AreaLevel;
  readonly from: Month;
  readonly to: Month;
  readonly months: number;
  readonly categories: string;
  readonly population_year: number;
  readonly pairing: string;
  readonly rows: RateRow[];
  readonly total: number;
  readonly missing: { force: string; month: string }[];
  readonly notes: string[];
}

export async function crimeRates(wh: Warehouse, population: PopulationTable, q: RatesQuery): Promise<RatesReport> {
  if (q.from > q.to) throw usageError(`--from ${q.from} is after --to ${q.to}`);
  const populationYear = q.populationYear ?? nearestMidYear(q.from, q.to);
  const pairing =
    q.populationYear === undefined
      ? `mid-${populationYear} estimates, the mid-year nearest the middle of ${q.from} to ${q.to}`
      : `mid-${populationYear} estimates, as asked (--population-year)`;
  const where = [
    `month BETWEEN DATE ${sqlString(`${q.from}-01`)} AND DATE ${sqlString(`${q.to}-01`)}`,
    q.categories?.length
      ? `category IN (SELECT unnest(${sqlStringList(q.categories)}))`
      : `category <> 'anti-social-behaviour'`,
  ];
  const forces = q.forces?.length ? `IN (SELECT unnest(${sqlStringList(q.forces)}))` : undefined;
  // A crime counts in the areas of the force that recorded it; the few police.uk snaps to a
  // neighbouring force's LSOAs are "(elsewhere)", with no rate (see dimensions.ts).
  const sql =
    q.by === 'force'
      ? `SELECT force, force AS area, sum(n)::BIGINT AS count FROM street_counts WHERE ${[...where, ...(forces ? [`force ${forces}`] : [])].join(' AND ')} GROUP BY ALL ORDER BY ALL`
      : `WITH g AS (SELECT force, lsoa_code, lsoa_district, count(*) AS n FROM street WHERE ${where.join(' AND ')} GROUP BY ALL) ` +
        `SELECT ${HOME_FORCE_SQL} AS force, ${DIMENSION_SQL[q.by]} AS area, sum(g.n)::BIGINT AS count FROM g LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code ` +
        `${forces ? `WHERE ${HOME_FORCE_SQL} ${forces} ` : ''}GROUP BY ALL ORDER BY ALL`;
  const counts = await wh.sql.all<{ force: string; area: string; count: number }>(sql);
  const cov = coverage(wh.catalog, 'street', { from: q.from, to: q.to });
  const missing = cov.forces
    .filter((f) => !q.forces?.length || q.forces.includes(f.force))
    .flatMap((f) => f.missing.map((month) => ({ force: f.force, month })));
  const gaps = new Set(missing.map((m) => m.force));
  const areas = await AreaPopulations.load(wh, population);
  const pops: AreaPopulation[] = counts.map((c) => popOf(areas, q.by, c.force, c.area, populationYear));
  const rates = ratesPer1000(
    counts.map((c, i) => ({
      key: `${c.force}/${c.area}`,
      count: c.count,
      population: gaps.has(c.force) ? null : pops[i]!.population,
    })),
  );
  const rows: RateRow[] = counts.map((c, i) => {
    const p = pops[i]!;
    const note = gaps.has(c.force)
      ? `${c.force} has months with no data in the period: missing, not zero`
      : p.population === null
        ? p.source
        : undefined;
    return {
      force: c.force,
      area: c.area,
      count: c.count,
      population: p.population,
      population_year: p.year,
      population_source: p.source,
      rate_per_1000: rates[i]!.ratePer1000,
      ...(note ? { note } : {}),
    };
  });
  const notes: string[] = [];
  if (q.by === 'lsoa') {
    const years = [...new Set(rows.map((r) => r.population_year).filter((y) => y !== null && y !== populationYear))];
    if (years.length)
      notes.push(
        `LSOA populations: ONS LSOA mid-${years.join(', mid-')} estimates (the only LSOA year shipped; load others with stra population load), not mid-${populationYear}.`,
      );
  }
  return {
    by: q.by,
    from: q.from,
    to: q.to,
    months: monthRange(q.from, q.to).length,
    categories: q.categories?.length
      ? q.categories.join(', ')
      : 'all police.uk street categories except anti-social behaviour',
    population_year: populationYear,
    pairing,
    rows,
    total: counts.reduce((a, c) => a + c.count, 0),
    missing,
    notes,
  };
}

function popOf(areas: AreaPopulations, by: AreaLevel, force: string, area: string, year: number): AreaPopulation {
  if (area === ELSEWHERE)
    return { population: null, year: null, source: `crimes ${force} recorded in another force's area: no rate` };
  if (area.startsWith('(')) return { population: null, year: null, source: `${area}: no population` };
  switch (by) {
    case 'force':
      return areas.force(force, year);
    case 'csp':
      return areas.csp(force, area, year);
    case 'district':
      return areas.district(force, area, year);
    case 'lsoa':
      return areas.lsoa(area, year);
  }
}
