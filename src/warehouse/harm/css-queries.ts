/**
 * The ONS Crime Severity Score (CSS) of areas for a financial year, computed from the warehouse:
 *
 * - from the Home Office PRC tables (`prc`): per police force area, with England, Wales and
 *   England and Wales as the sums of their territorial forces (British Transport Police and the
 *   fraud bodies have no resident population and are left out, as ONS leaves fraud out);
 * - from force extracts (`offences`): per force, CSP or district of the area table, by offence
 *   code, only over complete years (a year with a month missing has no score: missing, not zero).
 *
 * The arithmetic is the pure `crimeSeverityScore` (src/domain/harm/css.ts); this module gathers
 * the counts and the populations. Which mid-year divides which year: see population-year.ts.
 */
import { monthRange, parseMonth } from '../../domain/crime/month.js';
import { crimeSeverityScore } from '../../domain/harm/css.js';
import { harmOf } from '../../domain/harm/harm.js';
import type { WeightsTable } from '../../domain/harm/weights.js';
import { stateError, usageError } from '../../errors.js';
import { sqlString, sqlStringList } from '../sql.js';
import type { PopulationTable } from '../../population/load.js';
import type { Warehouse } from '../reader.js';
import { AreaPopulations, type AreaPopulation } from './area-population.js';
import { financialYear, onsCssPairing, onsCssPopulationYear } from './population-year.js';

export type CssSource = 'prc' | 'extract';
export type CssLevel = 'force' | 'csp' | 'district';

export interface CssQuery {
  /** Financial year, e.g. `2017/18`. */
  readonly year: string;
  readonly source?: CssSource;
  /** Extracts only: force (default), csp or district. */
  readonly by?: CssLevel;
  readonly forces?: readonly string[];
  /** Mid-year estimate to divide by; default: the ONS pairing (2017/18 -> 2016). */
  readonly populationYear?: number;
}

export interface CssRow {
  readonly force: string;
  readonly area: string;
  readonly level: CssLevel | 'country';
  /** Offences with a weight (four quarters, or the extract's records in the year). */
  readonly offences: number;
  /** Offences without a weight (unknown codes); fraud is excluded before this. */
  readonly unweighted: number;
  /** sum(count x ONS weight). */
  readonly harm: number;
  readonly population: number | null;
  readonly population_year: number | null;
  /** Where the population comes from (shipped ONS estimate, or a loaded file and line). */
  readonly population_source: string;
  readonly css: number | null;
  /** Months of the year with data (extracts). */
  readonly months?: number;
  /** Why a figure is missing, when it is. */
  readonly note?: string;
}

export interface CssReport {
  readonly source: CssSource;
  readonly financial_year: string;
  readonly population_year: number;
  readonly pairing: string;
  readonly weights: string;
  readonly method: string;
  readonly rows: CssRow[];
  readonly notes: string[];
}

const WELSH_FORCES = new Set(['dyfed-powys', 'gwent', 'north-wales', 'south-wales']);

/** Offence codes as the weights table spells them (extracts upper-case codes; PRC keeps `UK Finance`). */
function alignCodes(counts: Iterable<readonly [string, number]>, weights: WeightsTable): Map<string, number> {
  const byUpper = new Map([...weights.weights.keys()].map((k) => [k.toUpperCase(), k]));
  const out = new Map<string, number>();
  for (const [code, n] of counts) {
    const key = byUpper.get(code.toUpperCase()) ?? code;
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

type Scored = Pick<
  CssRow,
  'offences' | 'unweighted' | 'harm' | 'population' | 'population_year' | 'population_source' | 'css'
> & { note?: string };

function score(counts: Map<string, number>, weights: WeightsTable, pop: AreaPopulation): Scored {
  const h = harmOf(counts, weights);
  const common = {
    offences: h.weightedCount,
    unweighted: h.unweightedCount,
    harm: h.total,
    population: pop.population,
    population_year: pop.year,
    population_source: pop.source,
  };
  if (pop.population === null) return { ...common, css: null, note: pop.source };
  const r = crimeSeverityScore({ counts, weights, population: pop.population, populationSource: pop.source });
  return { ...common, css: r.score };
}

export async function crimeSeverityScores(
  wh: Warehouse,
  population: PopulationTable,
  weights: WeightsTable,
  q: CssQuery,
): Promise<CssReport> {
  const fy = financialYear(q.year);
  const source = q.source ?? 'prc';
  const by = q.by ?? 'force';
  if (source === 'prc' && by !== 'force')
    throw usageError('--by: the Home Office PRC tables are by force only; use --source extract for CSP or district');
  const populationYear = q.populationYear ?? onsCssPopulationYear(fy);
  const pairing =
    q.populationYear === undefined
      ? onsCssPairing(fy)
      : `mid-${populationYear} estimates, as asked (--population-year)`;
  const base = {
    source,
    financial_year: fy.label,
    population_year: populationYear,
    pairing,
    weights: weights.edition,
    method:
      'CSS = sum(offences x ONS weight by Home Office offence code) / mid-year resident population; fraud excluded',
  };
  const areas = await AreaPopulations.load(wh, population);
  const result =
    source === 'prc'
      ? await fromPrc(wh, areas, population, weights, fy.label, populationYear, q.forces)
      : await fromExtracts(wh, areas, weights, fy, by, populationYear, q.forces);
  return { ...base, ...result };
}

async function fromPrc(
  wh: Warehouse,
  areas: AreaPopulations,
  population: PopulationTable,
  weights: WeightsTable,
  year: string,
  populationYear: number,
  forces: readonly string[] | undefined,
): Promise<{ rows: CssRow[]; notes: string[] }> {
  const held = await wh.sql.all<{ y: string }>(`SELECT DISTINCT financial_year AS y FROM prc ORDER BY y`);
  if (!held.some((h) => h.y === year)) {
    const list = held.length ? `it holds ${held.map((h) => h.y).join(', ')}` : 'it holds none';
    throw stateError(
      `no Home Office PRC table for ${year} in the warehouse (${list}); import one with stra import FILE`,
    );
  }
  const counts = await wh.sql.all<{ force: string; code: string; n: number }>(
    `SELECT force, offence_code AS code, sum(count) AS n FROM prc WHERE financial_year = ${sqlString(year)} AND kind = 'territorial' GROUP BY ALL ORDER BY ALL`,
  );
  const byForce = new Map<string, [string, number][]>();
  for (const c of counts) byForce.set(c.force, [...(byForce.get(c.force) ?? []), [c.code, c.n]]);
  const unknown = (forces ?? []).filter((f) => !byForce.has(f));
  if (unknown.length)
    throw usageError(
      `--force: ${unknown.join(', ')} not in the ${year} PRC table (its forces: ${[...byForce.keys()].join(', ')})`,
    );
  const rows: CssRow[] = [];
  for (const [force, list] of byForce) {
    if (forces?.length && !forces.includes(force)) continue;
    rows.push({
      force,
      area: force,
      level: 'force',
      ...score(alignCodes(list, weights), weights, areas.force(force, populationYear)),
    });
  }
  const notes: string[] = [];
  if (!forces?.length) {
    const countries: [string, string, (f: string) => boolean][] = [
      ['England', 'E92000001', (f) => !WELSH_FORCES.has(f)],
      ['Wales', 'W92000004', (f) => WELSH_FORCES.has(f)],
      ['England and Wales', 'K04000001', () => true],
    ];
    for (const [name, code, member] of countries) {
      const list = [...byForce].filter(([f]) => member(f)).flatMap(([, l]) => l);
      const fig = population.get(code, populationYear);
      const pop: AreaPopulation = fig
        ? { population: fig.population, year: fig.year, source: fig.source }
        : { population: null, year: null, source: `no mid-${populationYear} population for ${name}` };
      rows.push({ force: '', area: name, level: 'country', ...score(alignCodes(list, weights), weights, pop) });
    }
    notes.push(
      'England, Wales and England and Wales are the sums of their territorial forces (British Transport Police and the fraud bodies excluded).',
    );
  }
  return { rows, notes };
}

const AREA_SQL: Record<CssLevel, string> = {
  force: 'o.force',
  csp: "coalesce(a.csp, d.csp, CASE WHEN o.lsoa_code IS NULL AND o.district IS NULL THEN '(no location)' WHEN x.force IS NOT NULL THEN '(elsewhere)' ELSE '(outside the area table)' END)",
  district:
    "coalesce(a.district, d.district, CASE WHEN o.lsoa_code IS NULL AND o.district IS NULL THEN '(no location)' WHEN x.force IS NOT NULL THEN '(elsewhere)' ELSE '(outside the area table)' END)",
};

async function fromExtracts(
  wh: Warehouse,
  areas: AreaPopulations,
  weights: WeightsTable,
  fy: { label: string; start: number },
  by: CssLevel,
  populationYear: number,
  forces: readonly string[] | undefined,
): Promise<{ rows: CssRow[]; notes: string[] }> {
  const first = parseMonth(`${fy.start}-04`)!;
  const last = parseMonth(`${fy.start + 1}-03`)!;
  const inYear = `o.month BETWEEN DATE ${sqlString(`${first}-01`)} AND DATE ${sqlString(`${last}-01`)}`;
  const forceFilter = forces?.length ? ` AND o.force IN (SELECT unnest(${sqlStringList(forces)}))` : '';
  const months = await wh.sql.all<{ force: string; month: string }>(
    `SELECT DISTINCT o.force, strftime(o.month, '%Y-%m') AS month FROM offences o WHERE ${inYear}${forceFilter} ORDER BY ALL`,
  );
  if (months.length === 0)
    throw stateError(
      `no force extract records for ${fy.label} in the warehouse${forces?.length ? ` for ${forces.join(', ')}` : ''}; import one with stra import FILE --force ID`,
    );
  const held = new Map<string, Set<string>>();
  for (const m of months) held.set(m.force, (held.get(m.force) ?? new Set<string>()).add(m.month));
  const counts = await wh.sql.all<{ force: string; area: string; code: string; n: number }>(
    `SELECT o.force AS force, ${AREA_SQL[by]} AS area, o.offence_code AS code, count(*)::BIGINT AS n FROM offences o ` +
      // A record counts in the areas of the force that recorded it; an LSOA of another force is "(elsewhere)".
      `LEFT JOIN areas a ON a.lsoa_code = o.lsoa_code AND a.force = o.force ` +
      `LEFT JOIN areas x ON a.lsoa_code IS NULL AND x.lsoa_code = o.lsoa_code AND x.force <> o.force ` +
      `LEFT JOIN (SELECT DISTINCT force, district, csp FROM areas) d ON a.lsoa_code IS NULL AND d.force = o.force AND lower(d.district) = lower(trim(o.district)) ` +
      `WHERE ${inYear}${forceFilter} GROUP BY ALL ORDER BY ALL`,
  );
  const byArea = new Map<string, { force: string; area: string; list: [string, number][] }>();
  for (const c of counts) {
    const key = `${c.force}/${c.area}`;
    const entry = byArea.get(key) ?? { force: c.force, area: c.area, list: [] };
    entry.list.push([c.code, c.n]);
    byArea.set(key, entry);
  }
  const all = monthRange(first, last);
  const notes: string[] = [];
  const rows: CssRow[] = [];
  for (const { force, area, list } of byArea.values()) {
    const have = held.get(force)?.size ?? 0;
    const pop =
      by === 'force'
        ? areas.force(force, populationYear)
        : by === 'csp'
          ? areas.csp(force, area, populationYear)
          : areas.district(force, area, populationYear);
    const s = score(alignCodes(list, weights), weights, pop);
    const complete = have === all.length;
    const note = complete
      ? s.note
      : `${all.length - have} of the 12 months of ${fy.label} have no records for ${force}: missing, not zero`;
    rows.push({ force, area, level: by, ...s, css: complete ? s.css : null, months: have, ...(note ? { note } : {}) });
  }
  for (const [force, set] of held) {
    if (set.size < all.length)
      notes.push(
        `${force}: no records in ${all.filter((m) => !set.has(m)).join(', ')}; its scores are left out (missing, not zero).`,
      );
  }
  return { rows, notes };
}
