/**
 * The synthetic demand has the shapes its README promises, is repeatable, is linked to the
 * synthetic crime by place, and reads back through the OpenSTRA mappings without a reject.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/shared-data.js';
import { incidentMappingSchema } from '../../demand/mapping/incident-mapping.js';
import { loadMapping } from '../../demand/mapping/load-mapping.js';
import { missingMappingSchema } from '../../demand/mapping/missing-mapping.js';
import { readIncidents } from '../../demand/incidents/read-incidents.js';
import { pseudonymiser } from '../../demand/missing/pseudonymiser.js';
import { readMissing } from '../../demand/missing/read-missing.js';
import { missingLocations } from '../../domain/demand/missing/locations.js';
import { repeatMissing } from '../../domain/demand/missing/repeats.js';
import { breakdown } from '../../domain/demand/profiles/breakdown.js';
import { hourWeekProfile } from '../../domain/demand/profiles/hour-week.js';
import { nonCrimeDemand } from '../../domain/demand/profiles/non-crime.js';
import { DEMAND_CLASSES } from '../../domain/demand/vocabulary.js';
import { loadAreaTable } from '../area-table.js';
import { ASB_LABEL, CRIME_TYPES } from '../category-mix.js';
import { buildStreetModel } from '../street-rows.js';
import { generateDemand, type DemandDataset } from './incidents.js';
import { demandTable } from './table.js';
import { writeDemandFiles } from './write-csv.js';

describe('synthetic demand for the alliance, April 2017 to March 2018', () => {
  let year: DemandDataset;
  beforeAll(async () => {
    year = await generateDemand({ seed: 7, from: '2017-04', to: '2018-03' });
  });

  it('has about 1,340 incidents and 13 missing reports a day, three in four incidents not crime', () => {
    const table = demandTable(year.incidents);
    const perDay = table.size / 365;
    expect(perDay).toBeGreaterThan(1_200);
    expect(perDay).toBeLessThan(1_500);
    expect(year.episodes.length / 365).toBeGreaterThan(11);
    expect(year.episodes.length / 365).toBeLessThan(16);
    const share = nonCrimeDemand(table).shareNotCrime;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.82);
  });

  it('is quiet at 4 a.m. and busiest in the late afternoon and evening', () => {
    const p = hourWeekProfile(demandTable(year.incidents));
    expect(p.hourly[4]! * 3).toBeLessThan(p.hourly[17]!);
    expect(p.peak!.hour).toBeGreaterThanOrEqual(15);
    expect(p.peak!.hour).toBeLessThanOrEqual(21);
  });

  it('has busier Friday and Saturday nights for ASB than midweek ones', () => {
    const table = demandTable(year.incidents);
    const asb = DEMAND_CLASSES.indexOf('anti-social-behaviour');
    const p = hourWeekProfile(table, {}, (i) => table.demandClass[i] === asb);
    const lateEvening = (weekday: number) => (p.perDay[weekday]![22]! + p.perDay[weekday]![23]!) / 2;
    expect(lateEvening(5)).toBeGreaterThan(1.4 * lateEvening(2)); // Saturday against Wednesday
  });

  it('has ASB peaking in summer, as the synthetic crime does', () => {
    const table = demandTable(year.incidents);
    const july = breakdown(table, 'class', { from: '2017-07-01', to: '2017-07-31' }).rows.find(
      (r) => r.key === 'anti-social-behaviour',
    )!;
    const january = breakdown(table, 'class', { from: '2018-01-01', to: '2018-01-31' }).rows.find(
      (r) => r.key === 'anti-social-behaviour',
    )!;
    expect(july.perDay).toBeGreaterThan(1.3 * january.perDay);
  });

  it('puts crime incidents where the synthetic crime is (same seed, same places)', async () => {
    const area = await loadAreaTable();
    const model = buildStreetModel(7, 'west-mercia', 'West Mercia Police', area);
    const n = CRIME_TYPES.length;
    const asb = CRIME_TYPES.indexOf(ASB_LABEL);
    const expected = new Map<string, number>();
    model.places.forEach((p, i) => {
      if (p.outOfArea) return;
      let w = 0;
      for (let c = 0; c < n; c++) if (c !== asb) w += model.baseLambda[i * n + c]!;
      expected.set(p.lsoaCode, w);
    });
    const c = year.incidents;
    const counted = new Map<string, number>();
    const crime = DEMAND_CLASSES.indexOf('crime');
    for (let i = 0; i < c.size; i++)
      if (c.forces[c.force[i]!] === 'west-mercia' && c.demandClass[i] === crime)
        counted.set(c.areas[c.area[i]!]!, (counted.get(c.areas[c.area[i]!]!) ?? 0) + 1);
    const keys = [...expected.keys()];
    expect(
      pearson(
        keys.map((k) => expected.get(k)!),
        keys.map((k) => counted.get(k) ?? 0),
      ),
    ).toBeGreaterThan(0.9);
  });

  it('makes missing-person incidents from the missing episodes, one each', () => {
    const table = demandTable(year.incidents);
    expect(breakdown(table, 'class').rows.find((r) => r.key === 'missing-person')!.count).toBe(year.episodes.length);
  });

  it('has repeat missing people, children in care over-represented among them, clustering on care homes', async () => {
    const key = 'the synthetic demo deployment key, thirty-two bytes or more';
    const pseudonym = pseudonymiser(key);
    const episodes = year.episodes.map((e) => ({
      id: e.id,
      person: pseudonym(e.personRef),
      reported: { utc: e.reportedLocal, local: e.reportedLocal },
      found: e.foundLocal === null ? null : { utc: e.foundLocal, local: e.foundLocal },
      risk: e.risk,
      ageBand: e.age < 12 ? ('0-11' as const) : e.age < 18 ? ('15-17' as const) : ('25-39' as const),
      lookedAfter: e.lookedAfter,
      addressType: e.addressType,
      missingFrom: e.missingFromRef,
      missingFromArea: e.missingFromLsoa,
      foundArea: e.foundLsoa,
    }));
    const repeats = repeatMissing(episodes);
    expect(repeats.persons.length).toBeGreaterThan(20);
    expect(repeats.shareOfEpisodes).toBeGreaterThan(0.2);
    // Children in care are about a quarter of the people reported missing, nearly half of the repeat people.
    const lookedAfterPeople = new Set(episodes.filter((e) => e.lookedAfter).map((e) => e.person)).size / repeats.people;
    expect(repeats.persons.filter((p) => p.lookedAfter).length / repeats.persons.length).toBeGreaterThan(
      1.5 * lookedAfterPeople,
    );
    const homes = missingLocations(episodes);
    expect(homes.length).toBeGreaterThan(5);
    expect(homes[0]!.episodes).toBeGreaterThan(20);
  });

  it('gives the same incidents for the same seed and different ones for another', async () => {
    const a = await generateDemand({ seed: 3, from: '2017-06', to: '2017-06', forces: ['warwickshire'] });
    const b = await generateDemand({ seed: 3, from: '2017-06', to: '2017-06', forces: ['warwickshire'] });
    const c = await generateDemand({ seed: 4, from: '2017-06', to: '2017-06', forces: ['warwickshire'] });
    expect(b.incidents.size).toBe(a.incidents.size);
    expect(Array.from(b.incidents.local.subarray(0, 100))).toEqual(Array.from(a.incidents.local.subarray(0, 100)));
    expect(c.incidents.size).not.toBe(a.incidents.size);
  });
});

describe('synthetic demand files', () => {
  it('read back through the OpenSTRA mappings with no reject, every row accounted for', async () => {
    const data = await generateDemand({ seed: 9, from: '2018-03', to: '2018-03', forces: ['warwickshire'] });
    const dir = mkdtempSync(path.join(tmpdir(), 'openstra-demand-'));
    const files = await writeDemandFiles(dir, data);
    expect(files.map((f) => path.relative(dir, f.path))).toEqual([
      'incidents/2018-03/2018-03-warwickshire-incidents.csv',
      'missing/2018-03/2018-03-warwickshire-missing.csv',
    ]);
    const incidentMapping = await loadMapping(
      `${repoRoot}/data/demand/mappings/openstra-incidents.json`,
      incidentMappingSchema,
    );
    const incidents = await readIncidents(files[0]!.path, incidentMapping);
    expect(incidents.report).toMatchObject({ rows: data.incidents.size, accepted: data.incidents.size, rejected: 0 });
    expect(incidents.report.unmappedCodes).toEqual([]);
    // 25 March 2018 was the spring clock change: its 01:00 hour has no incidents, and times carry offsets.
    expect(incidents.report.ambiguousLocalTimes).toBe(0);
    const missingMapping = await loadMapping(
      `${repoRoot}/data/demand/mappings/openstra-missing.json`,
      missingMappingSchema,
    );
    const missing = await readMissing(
      files[1]!.path,
      missingMapping,
      pseudonymiser('the synthetic demo deployment key, 32+ bytes'),
    );
    expect(missing.report).toMatchObject({ rows: data.episodes.length, accepted: data.episodes.length, rejected: 0 });
  });
});

function pearson(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i]! - my);
    sxx += (v - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
