/**
 * Demand profiles on the real calls-for-service files (../shared/data/incidents): the figures the
 * publisher's README states, recomputed.
 */
import { expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedData } from '../../../test/shared-data.js';
import { incidentTable } from '../../domain/demand/incident-table.js';
import { breakdown } from '../../domain/demand/profiles/breakdown.js';
import { dayInTheLife } from '../../domain/demand/profiles/day-in-the-life.js';
import { hourWeekProfile } from '../../domain/demand/profiles/hour-week.js';
import { nonCrimeDemand } from '../../domain/demand/profiles/non-crime.js';
import { incidentMappingSchema } from '../mapping/incident-mapping.js';
import { loadMapping } from '../mapping/load-mapping.js';
import { readIncidents } from './read-incidents.js';

const read = async (mapping: string, file: string) =>
  readIncidents(
    sharedData('incidents', file),
    await loadMapping(`${repoRoot}/data/demand/mappings/${mapping}.json`, incidentMappingSchema),
  );

describeWithSharedData('demand profiles on real files', () => {
  it('San Diego: 22 full days, every weekday three or more times, 1,061 to 1,543 calls a day', async () => {
    const table = incidentTable((await read('san-diego', 'san_diego/pd_calls_for_service_2023_datasd.csv')).incidents);
    const p = hourWeekProfile(table);
    expect(p.days).toBe(22);
    expect(p.daysByWeekday).toEqual([3, 3, 3, 3, 3, 3, 4]); // 1-22 January 2023: four Sundays
    const perDay = new Map<number, number>();
    for (let i = 0; i < table.size; i++) perDay.set(table.day[i]!, (perDay.get(table.day[i]!) ?? 0) + 1);
    // README (all 28,970 rows): 1,061 to 1,543 a day; 19 rows without a call type are rejected here.
    expect(Math.min(...perDay.values())).toBeGreaterThanOrEqual(1_061 - 19);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(1_543);
    // Night is quieter than the afternoon.
    expect(p.hourly[4]!).toBeLessThan(p.hourly[16]! / 2);
  });

  it('San Diego: a day in the life from the data', async () => {
    const table = incidentTable((await read('san-diego', 'san_diego/pd_calls_for_service_2023_datasd.csv')).incidents);
    const d = dayInTheLife(table);
    expect(d.incidents.perDay).toBeCloseTo(28_951 / 22, 6);
    // README disposition counts: A 1,025 + AB 1 (AHR none) closed with an arrest, over 22 days.
    expect(d.arrests.total).toBeGreaterThanOrEqual(1_020);
    expect(d.arrests.total).toBeLessThanOrEqual(1_026);
    expect(d.mentalHealth.total).toBe(breakdown(table, 'class').rows.find((r) => r.key === 'mental-health')!.count);
    expect(nonCrimeDemand(table).shareNotCrime).toBeGreaterThan(0.7); // most calls are not crime
  });

  it('San Antonio: four windows of six days, each missing one weekday, averaged over the days covered', async () => {
    const files = ['2024-10', '2025-04', '2025-07', '2025-10'].map((m) => `san_antonio/sapd_cfs_${m}_days01-06.csv.gz`);
    const incidents = (await Promise.all(files.map((f) => read('san-antonio', f)))).flatMap((r) => r.incidents);
    const p = hourWeekProfile(incidentTable(incidents));
    expect(p.days).toBe(24);
    // 1-6 Oct 2024, Apr 2025 and Jul 2025 run Tuesday to Sunday; 1-6 Oct 2025 Wednesday to Monday:
    // one Monday and three Tuesdays in all, so a weekly average by weeks would be wrong.
    expect(p.daysByWeekday).toEqual([1, 3, 4, 4, 4, 4, 4]);
    // README: 2,974 to 3,698 calls a day.
    const perDay = p.perDay.flat().filter((v) => !Number.isNaN(v));
    expect(perDay.length).toBe(7 * 24);
    const daily = p.hourly.reduce((a, b) => a + b, 0);
    expect(daily).toBeGreaterThan(2_974);
    expect(daily).toBeLessThan(3_698);
  });
});
