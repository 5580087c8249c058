/**
 * The population of an area the warehouse reports on: a force (its police force area), a
 * community safety partnership or a district of the area table, or an LSOA. Districts are found
 * by the area table's `district_code` (ONS district code); a CSP is the sum of its districts;
 * a force is its PFA total. An area with no figure gets none: never a guessed denominator.
 * LSOAs are the exception the caller asks for explicitly: only mid-2019 is shipped, so an LSOA
 * takes the nearest year it has, and the result says which.
 */
import type { PopulationFigure, PopulationTable } from '../../population/load.js';
import type { Warehouse } from '../reader.js';
import { plural } from '../../domain/plural.js';

export type AreaLevel = 'force' | 'csp' | 'district' | 'lsoa';
export const AREA_LEVELS: readonly AreaLevel[] = ['force', 'csp', 'district', 'lsoa'];

export interface AreaPopulation {
  readonly population: number | null;
  /** The mid-year used (may differ from the one asked for, for LSOAs); null when none. */
  readonly year: number | null;
  /** Where the figure comes from, or why there is none. */
  readonly source: string;
}

/** How the source of a figure from a table loaded with `stra population load` reads. */
export const LOADED = 'loaded table ';

const none = (why: string): AreaPopulation => ({ population: null, year: null, source: why });
const of = (f: PopulationFigure): AreaPopulation => ({ population: f.population, year: f.year, source: f.source });

export class AreaPopulations {
  private constructor(
    private readonly table: PopulationTable,
    /** `${force}/${district}` -> ONS district code ('' when the area table gives none). */
    private readonly districts: ReadonlyMap<string, string>,
    /** `${force}/${csp}` -> its district codes. */
    private readonly csps: ReadonlyMap<string, readonly string[]>,
  ) {}

  static async load(wh: Warehouse, table: PopulationTable): Promise<AreaPopulations> {
    const rows = await wh.sql.all<{ force: string; csp: string; district: string; district_code: string }>(
      `SELECT force, csp, district, coalesce(district_code, '') AS district_code FROM areas GROUP BY ALL`,
    );
    const districts = new Map<string, string>();
    const csps = new Map<string, string[]>();
    for (const r of rows) {
      districts.set(`${r.force}/${r.district}`, r.district_code);
      const list = csps.get(`${r.force}/${r.csp}`) ?? [];
      if (!list.includes(r.district_code)) list.push(r.district_code);
      csps.set(`${r.force}/${r.csp}`, list);
    }
    return new AreaPopulations(table, districts, csps);
  }

  force(force: string, year: number): AreaPopulation {
    const f = this.table.get(force, year);
    return f ? of(f) : none(`no mid-${year} population for ${force} (load one with stra population load)`);
  }

  district(force: string, district: string, year: number): AreaPopulation {
    const code = this.districts.get(`${force}/${district}`);
    if (code === undefined) return none(`${district} is not a district of ${force} in the area table`);
    if (code === '') return none(`the area table gives no district_code for ${district}`);
    const f = this.table.get(code, year);
    return f ? of(f) : none(`no mid-${year} population for ${district} (${code})`);
  }

  csp(force: string, csp: string, year: number): AreaPopulation {
    const codes = this.csps.get(`${force}/${csp}`);
    if (codes === undefined) return none(`${csp} is not a CSP of ${force} in the area table`);
    if (codes.includes('')) return none(`the area table gives no district_code for a district of ${csp}`);
    let total = 0;
    const loaded: string[] = [];
    for (const code of codes) {
      const f = this.table.get(code, year);
      if (!f) return none(`no mid-${year} population for district ${code} of ${csp}`);
      total += f.population;
      if (f.source.includes(LOADED)) loaded.push(`${code}: ${f.source}`);
    }
    const sum = `mid-${year} estimates, sum of ${plural(codes.length, 'district')} ${codes.join(', ')}`;
    return { population: total, year, source: loaded.length ? `${sum}; ${loaded.join('; ')}` : `ONS ${sum}` };
  }

  /** The LSOA's figure for `year`, else for the nearest year held (the later one on a tie). */
  lsoa(code: string, year: number): AreaPopulation {
    const exact = this.table.get(code, year);
    if (exact) return of(exact);
    const years = this.table.years(code);
    if (years.length === 0) return none(`no population for LSOA ${code}`);
    const nearest = years.reduce((best, y) =>
      Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y > best)
        ? y
        : best,
    );
    return of(this.table.get(code, nearest)!);
  }
}
