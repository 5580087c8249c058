/**
 * Reads an area table (`data/areas/*.csv`: force, csp, district, LSOA) for the generator, so the
 * synthetic rows carry real LSOA codes and names in the right districts. Format: see
 * `data/areas/README.md`.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { allianceAreaTablePath } from './alliance-area-table.js';

export interface AreaLsoa {
  readonly force: string;
  readonly forceName: string;
  readonly csp: string;
  readonly district: string;
  readonly districtCode: string;
  readonly lsoaCode: string;
  readonly lsoaName: string;
}

const REQUIRED = ['force', 'csp', 'district', 'lsoa_code'] as const;

export async function loadAreaTable(file: string = allianceAreaTablePath()): Promise<AreaLsoa[]> {
  const records = parse(await readFile(file), {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const first = records[0];
  if (!first) throw new Error(`${file}: the area table is empty`);
  for (const column of REQUIRED) if (!(column in first)) throw new Error(`${file}: missing column ${column}`);
  return records.map((r) => ({
    force: r.force ?? '',
    forceName: r.force_name ?? '',
    csp: r.csp ?? '',
    district: r.district ?? '',
    districtCode: r.district_code ?? '',
    lsoaCode: r.lsoa_code ?? '',
    lsoaName: r.lsoa_name ?? '',
  }));
}
