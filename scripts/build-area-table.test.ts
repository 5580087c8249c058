import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData, sharedDataDir, repoRoot } from '../test/shared-data.js';
import { AREA_TABLE_COLUMNS, buildAreaTable, readAreaTableText, type AreaRow } from './build-area-table.js';

const shipped = path.join(repoRoot, 'data', 'areas', 'warwickshire-west-mercia.csv');

/** LSOA counts per district, from the table in ../shared/data/geography/README.md. */
const LSOAS_PER_DISTRICT: Record<string, number> = {
  Herefordshire: 116,
  'Telford and Wrekin': 108,
  Shropshire: 193,
  Bromsgrove: 58,
  Redditch: 55,
  'Wyre Forest': 65,
  'Malvern Hills': 45,
  Worcester: 63,
  Wychavon: 78,
  'North Warwickshire': 38,
  'Nuneaton and Bedworth': 81,
  Rugby: 61,
  'Stratford-on-Avon': 73,
  Warwick: 86,
};

function shippedRows(): AreaRow[] {
  return parse(readFileSync(shipped), { bom: true, columns: true }) as AreaRow[];
}

describeWithSharedData('alliance area table', () => {
  it('is exactly what a fresh build from the ONS lookups gives', () => {
    expect(readFileSync(shipped, 'utf8')).toBe(buildAreaTable(sharedDataDir));
  });

  it('has the documented header and one row per 2011 LSOA of the two forces (1,120)', () => {
    expect(readFileSync(shipped, 'utf8').split('\n')[0]).toBe(AREA_TABLE_COLUMNS.join(','));
    const rows = shippedRows();
    expect(rows).toHaveLength(1120);
    expect(new Set(rows.map((r) => r.lsoa_code)).size).toBe(1120);
  });

  it('has the per-district LSOA counts of the geography README', () => {
    const counts: Record<string, number> = {};
    for (const r of shippedRows()) counts[r.district] = (counts[r.district] ?? 0) + 1;
    expect(counts).toEqual(LSOAS_PER_DISTRICT);
  });

  it('names each district as police.uk does in the LSOA names of that force', () => {
    const prefixes = new Map<string, Set<string>>();
    const dir = sharedData('police-uk', '2018-03');
    for (const file of readdirSync(dir).filter((f) => /-(warwickshire|west-mercia)-street\.csv$/.test(f))) {
      const force = /2018-03-(.*)-street\.csv$/.exec(file)?.[1] ?? '';
      const rows = parse(readFileSync(path.join(dir, file)), { bom: true, columns: true }) as Record<string, string>[];
      const set = prefixes.get(force) ?? new Set<string>();
      for (const r of rows) set.add((r['LSOA name'] ?? '').replace(/ \d{3}[A-Z]$/, ''));
      prefixes.set(force, set);
    }
    for (const r of shippedRows()) {
      expect(prefixes.get(r.force)?.has(r.district), `${r.force} ${r.district}`).toBe(true);
      expect(r.lsoa_name.startsWith(`${r.district} `)).toBe(true);
    }
  });

  it('puts each district in the alliance CSP', () => {
    const csp = new Map(shippedRows().map((r) => [r.district, `${r.force}/${r.csp}`]));
    expect(csp.get('Stratford-on-Avon')).toBe('warwickshire/South Warwickshire');
    expect(csp.get('Warwick')).toBe('warwickshire/South Warwickshire');
    expect(csp.get('Wyre Forest')).toBe('west-mercia/North Worcestershire');
    expect(csp.get('Worcester')).toBe('west-mercia/South Worcestershire');
    expect(csp.get('Herefordshire')).toBe('west-mercia/Herefordshire');
  });
});

const national = path.join(repoRoot, 'data', 'areas', 'england-wales.csv.gz');

describeWithSharedData('national area table', () => {
  const rows = () => parse(readAreaTableText(national), { bom: true, columns: true }) as AreaRow[];

  it('is exactly what a fresh build from the ONS lookups gives', () => {
    expect(readAreaTableText(national)).toBe(buildAreaTable(sharedDataDir, 'national'));
  });

  it('has every 2011 LSOA of England and Wales once (34,753), in the 43 forces and 314 CSPs', () => {
    const all = rows();
    expect(all).toHaveLength(34753);
    expect(new Set(all.map((r) => r.lsoa_code)).size).toBe(34753);
    expect(new Set(all.map((r) => r.force)).size).toBe(43);
    expect(new Set(all.map((r) => `${r.force}/${r.csp}`)).size).toBe(314);
  });

  it('names each force by its police.uk slug and name, and gives Staffordshire its nine districts', () => {
    const all = rows();
    const names = new Map(all.map((r) => [r.force, r.force_name]));
    expect(names.get('staffordshire')).toBe('Staffordshire Police');
    expect(names.get('city-of-london')).toBe('City of London Police');
    expect(names.get('devon-and-cornwall')).toBe('Devon & Cornwall Police');
    const staffs = all.filter((r) => r.force === 'staffordshire');
    expect(staffs).toHaveLength(687); // the LSOAs of the Staffordshire boundary file
    expect(new Set(staffs.map((r) => r.district_code)).size).toBe(9);
    expect(staffs.find((r) => r.district === 'Stoke-on-Trent')?.csp).toBe('Stoke-on-Trent');
  });

  it('holds the alliance table unchanged for the alliance forces', () => {
    const alliance = shippedRows();
    const same = rows().filter((r) => r.force === 'warwickshire' || r.force === 'west-mercia');
    expect(same).toEqual(alliance);
  });
});
