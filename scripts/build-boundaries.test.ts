import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedDataDir } from '../test/shared-data.js';
import { buildBoundaries } from './build-boundaries.js';

const shipped = (name: string) => readFileSync(path.join(repoRoot, 'data', 'boundaries', name), 'utf8');
const props = (name: string) =>
  (
    JSON.parse(shipped(name)) as { features: { properties: { code: string; name: string; force: string } }[] }
  ).features.map((f) => f.properties);

describeWithSharedData('map boundaries', () => {
  it('are exactly what a fresh build from the ONS boundaries gives', () => {
    const built = buildBoundaries(sharedDataDir);
    expect(Object.keys(built).sort()).toEqual([
      'csp.geojson',
      'district.geojson',
      'lsoa-gloucestershire.geojson',
      'lsoa-staffordshire.geojson',
      'lsoa-warwickshire.geojson',
      'lsoa-west-mercia.geojson',
    ]);
    for (const [name, text] of Object.entries(built)) expect(shipped(name), name).toBe(text);
  });

  it('name every CSP and district as the area table does, with its force', () => {
    const csps = props('csp.geojson');
    expect(csps).toHaveLength(314);
    expect(
      csps
        .filter((c) => c.force === 'west-mercia')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Herefordshire', 'North Worcestershire', 'Shropshire', 'South Worcestershire', 'Telford and Wrekin']);
    const districts = props('district.geojson');
    expect(districts).toHaveLength(348);
    expect(districts.find((d) => d.code === 'E07000220')).toEqual({
      code: 'E07000220',
      name: 'Rugby',
      force: 'warwickshire',
    });
  });

  it("hold each force's LSOAs: 339 in Warwickshire, 781 in West Mercia", () => {
    expect(props('lsoa-warwickshire.geojson')).toHaveLength(339);
    expect(props('lsoa-west-mercia.geojson')).toHaveLength(781);
    expect(props('lsoa-staffordshire.geojson').every((l) => l.force === 'staffordshire')).toBe(true);
  });
});
