/**
 * Builds `data/boundaries/*.geojson`, the polygons the web app's map draws (offline: no tiles),
 * from the ONS boundaries in `../shared/data/geography/boundaries/` (see the README there):
 * CSPs (December 2018, generalised 20 m), districts (December 2017, super generalised 200 m) and
 * the LSOAs of the forces whose LSOA files are there (2011, generalised 20 m). Each feature gets
 * the names OpenSTRA's area table uses (`data/areas/england-wales.csv.gz`) and its force, so a map
 * joins to the counts by name (CSP, district) or code (LSOA). Coordinates are rounded to 4
 * decimal places (about 10 m, finer than the generalisation) to keep the files small.
 *
 * Run: `npx tsx scripts/build-boundaries.ts` (env `STRA_SHARED_DATA` overrides the data folder).
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../src/data-files.js';
import { CSP_LOOKUP, forceOfPfa, nationalAreaTablePath, readAreaTableText } from './build-area-table.js';
import { defaultSharedDataDir } from './shared-data-dir.js';

type Position = number[];
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

const round = (c: unknown): unknown =>
  typeof (c as Position)[0] === 'number'
    ? (c as Position).map((x) => Math.round(x * 1e4) / 1e4)
    : (c as unknown[]).map(round);

function features(file: string): Feature[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] }).features;
}

function collection(list: Feature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features: list }) + '\n';
}

interface AreaRow {
  force: string;
  csp: string;
  district_code: string;
  district: string;
  lsoa_code: string;
  lsoa_name: string;
}

/** The GeoJSON texts, by file name under data/boundaries. */
export function buildBoundaries(shared: string): Record<string, string> {
  const dir = path.join(shared, 'geography', 'boundaries');
  const areas = parse(readAreaTableText(nationalAreaTablePath()), { columns: true }) as AreaRow[];
  // CSP code -> (force, OpenSTRA's CSP name), through the LAD -> CSP lookup and the area table's districts.
  const cspOfLad = new Map<string, { code: string; force: string }>();
  for (const r of parse(readFileSync(path.join(shared, CSP_LOOKUP)), { columns: true, bom: true }) as Record<
    string,
    string
  >[])
    cspOfLad.set(r.LAD17CD!, { code: r.CSP17CD!, force: forceOfPfa(r.PFA17NM!).slug });
  const cspName = new Map<string, { name: string; force: string }>();
  const districtName = new Map<string, { name: string; force: string }>();
  for (const a of areas) {
    const csp = cspOfLad.get(a.district_code);
    if (!csp) throw new Error(`district ${a.district_code} of ${a.force} is not in ${CSP_LOOKUP}`);
    cspName.set(csp.code, { name: a.csp, force: a.force });
    districtName.set(a.district_code, { name: a.district, force: a.force });
  }
  const out: Record<string, string> = {};
  const named = (list: Feature[], code: string, names: Map<string, { name: string; force: string }>) =>
    list.map((f): Feature => {
      const c = String(f.properties[code]);
      const n = names.get(c);
      if (!n) throw new Error(`boundary ${c} has no area in data/areas/england-wales.csv.gz`);
      return {
        type: 'Feature',
        properties: { code: c, name: n.name, force: n.force },
        geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
      };
    });
  out['csp.geojson'] = collection(named(features(path.join(dir, 'csp18_ew_buc.geojson')), 'AREACD', cspName));
  out['district.geojson'] = collection(named(features(path.join(dir, 'lad17_ew_bsc.geojson')), 'AREACD', districtName));
  const lsoaName = new Map(areas.map((a) => [a.lsoa_code, { name: a.lsoa_name, force: a.force }]));
  for (const file of readdirSync(dir)
    .filter((f) => /^lsoa11_bgc_.*\.geojson$/.test(f))
    .sort()) {
    const list = named(features(path.join(dir, file)), 'LSOA11CD', lsoaName);
    const force = list[0]!.properties.force as string;
    out[`lsoa-${force}.geojson`] = collection(list);
  }
  return out;
}

function main(): void {
  const shared = defaultSharedDataDir();
  const dir = dataFile('boundaries');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(buildBoundaries(shared))) {
    writeFileSync(path.join(dir, name), text);
    process.stdout.write(`wrote ${path.join(dir, name)} (${Math.round(text.length / 1024)} KiB)\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
