/**
 * The saved mappings of data/demand/mappings on the real calls-for-service files of four cities
 * (../shared/data/incidents, read in place; its README lists the traps checked here).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedData } from '../../../test/shared-data.js';
import { incidentMappingSchema, type IncidentMapping } from '../mapping/incident-mapping.js';
import { readCodeList } from '../mapping/code-list.js';
import { loadMapping, parseMapping } from '../mapping/load-mapping.js';
import { readIncidents, type IncidentRead } from './read-incidents.js';

const mapping = (name: string) => loadMapping(`${repoRoot}/data/demand/mappings/${name}.json`, incidentMappingSchema);
const read = async (name: string, file: string, m?: IncidentMapping): Promise<IncidentRead> =>
  readIncidents(sharedData('incidents', file), m ?? (await mapping(name)), file);
const localIso = (wall: number) => new Date(wall).toISOString().slice(0, 19);

describeWithSharedData('incident readers on the real files', () => {
  it('San Diego: 28,970 rows = 28,951 incidents + 19 rejected for an empty call type', async () => {
    const { incidents, report } = await read('san-diego', 'san_diego/pd_calls_for_service_2023_datasd.csv');
    expect(report).toMatchObject({
      rows: 28_970,
      accepted: 28_951,
      rejected: 19,
      duplicatesSkipped: 0,
      unitRowsCollapsed: 0,
    });
    expect(new Set(report.rejects.map((r) => r.field))).toEqual(new Set(['call_type']));
    expect(report.firstOpened).toBe('2023-01-01 00:00');
    expect(report.lastOpened).toBe('2023-01-22 23:54');
    // Disposition DEF is in no lookup (README): reported for the analyst, not silently guessed.
    expect(report.unmappedCodes).toContainEqual({ lookup: 'outcome', code: 'DEF', rows: 1 });
    // Beat -1 means no beat (439 rows in the file).
    expect(incidents.filter((i) => i.area === null).length).toBeGreaterThan(400);
    expect(report.caveats.join(' ')).toMatch(/excludes sensitive incidents/);
  });

  it('San Diego: local times agree with the publisher’s own day of week for every incident', async () => {
    const { incidents } = await read('san-diego', 'san_diego/pd_calls_for_service_2023_datasd.csv');
    const rows = parse(readFileSync(sharedData('incidents', 'san_diego/pd_calls_for_service_2023_datasd.csv')), {
      columns: true,
    }) as Record<string, string>[];
    const dayOfWeek = new Map(rows.map((r) => [r.incident_num, Number(r.day_of_week)]));
    // day_of_week: 1 = Sunday ... 7 = Saturday; getUTCDay of the wall clock: 0 = Sunday.
    const disagree = incidents.filter((i) => new Date(i.opened.local).getUTCDay() + 1 !== dayOfWeek.get(i.id));
    expect(disagree).toEqual([]);
    // January in San Diego is Pacific Standard Time, UTC-8.
    expect(incidents.every((i) => i.opened.utc - i.opened.local === 8 * 3600_000)).toBe(true);
  });

  it('San Diego: priorities 0-1 are emergencies, 9 resolved without deployment, as configured', async () => {
    const { incidents } = await read('san-diego', 'san_diego/pd_calls_for_service_2023_datasd.csv');
    const grades = new Map<string, number>();
    for (const i of incidents) grades.set(i.grade, (grades.get(i.grade) ?? 0) + 1);
    // README: priority 9 = 347 rows (none among the 19 rejected).
    expect(grades.get('resolved-without-deployment')).toBe(347);
    expect(grades.get('unknown') ?? 0).toBe(0);
  });

  it('San Antonio: times come from ResponseDate (UTC) in Central time, days 1 to 6 complete', async () => {
    const { incidents, report } = await read('san-antonio', 'san_antonio/sapd_cfs_2025-04_days01-06.csv.gz');
    expect(report).toMatchObject({ rows: 20_113, accepted: 20_113, rejected: 0 });
    expect(report.firstOpened).toBe('2025-04-01 00:00');
    expect(report.lastOpened).toBe('2025-04-06 23:59');
    // README: 1743509995000 = 2025-04-01 12:19:55 UTC = 07:19:55 CDT.
    const example = incidents.find((i) => i.opened.utc === 1743509995000);
    expect(localIso(example!.opened.local)).toBe('2025-04-01T07:19:55');
  });

  it('San Antonio 2024-10: the repeated IncidentNumber is empty on two rows, both rejected', async () => {
    const { report } = await read('san-antonio', 'san_antonio/sapd_cfs_2024-10_days01-06.csv.gz');
    expect(report).toMatchObject({ rows: 20_530, accepted: 20_528, rejected: 2 });
    expect(report.rejects.map((r) => [r.line, r.field])).toEqual([
      [121, 'IncidentNumber'],
      [17_147, 'IncidentNumber'],
    ]);
  });

  it('San Antonio: mapped from the scraper’s Date and Time instead, one-digit hours are rejected for their lost AM/PM', async () => {
    const base = await mapping('san-antonio');
    const trap = parseMapping(
      { ...base, columns: { ...base.columns, opened: { columns: ['Date', 'Time'], format: 'MM/dd/yy h:mm:ss a' } } },
      incidentMappingSchema,
      'trap.json',
    );
    const { incidents, report } = await read('san-antonio', 'san_antonio/sapd_cfs_2025-04_days01-06.csv.gz', trap);
    expect(report.rejected).toBeGreaterThan(5_000);
    expect(report.rejects.every((r) => /has no AM\/PM/.test(r.reason))).toBe(true);
    // Whatever was accepted agrees with ResponseDate to the second.
    const truth = new Map(
      (await read('san-antonio', 'san_antonio/sapd_cfs_2025-04_days01-06.csv.gz')).incidents.map((i) => [
        i.id,
        i.opened.utc,
      ]),
    );
    expect(incidents.every((i) => i.opened.utc === truth.get(i.id))).toBe(true);
  });

  it('Seattle: the BOM file and the CRLF file without a final newline read whole, with arrival times', async () => {
    const east = await read('seattle', 'seattle/spd_call_data_east_C_sample_2010-2023.csv');
    expect(east.report).toMatchObject({ rows: 275, accepted: 275, rejected: 0 });
    const denny = await read('seattle', 'seattle/spd_call_data_denny_blaine_sample_2018-2023.csv');
    expect(denny.report).toMatchObject({ rows: 222, accepted: 222, rejected: 0 });
    // README: Arrived Time is empty for 66 of 275 and 36 of 222 calls.
    expect(east.incidents.filter((i) => i.arrived === null)).toHaveLength(66);
    expect(denny.incidents.filter((i) => i.arrived === null)).toHaveLength(36);
    // Initial and final types both kept; the class comes from the final type.
    const first = east.incidents.find((i) => i.id === '2011000272829')!;
    expect(first).toMatchObject({
      openingCode: 'TRAFFIC STOP - OFFICER INITIATED ONVIEW',
      closingCode: '--SUSPICIOUS CIRCUM. - SUSPICIOUS PERSON',
      demandClass: 'public-safety',
      outcome: 'no-further-action',
    });
    expect(localIso(first.opened.local)).toBe('2011-08-19T21:16:27');
    expect(east.report.unmappedCodes.concat(denny.report.unmappedCodes)).toEqual([]);
  });

  it('Dallas: 63 unit rows collapse to 45 incidents; the XmlElement area is left blank', async () => {
    const { incidents, report } = await read('dallas', 'dallas/dallas_police_active_calls_2018-01-09.csv');
    expect(report).toMatchObject({ rows: 63, accepted: 45, unitRowsCollapsed: 18, rejected: 0, areasBlanked: 1 });
    expect(incidents.find((i) => i.id === '18-0052951')?.units).toBe(4);
    expect(incidents.filter((i) => i.demandClass === 'mental-health').map((i) => i.openingCode)).toEqual([
      '46A - CIT w/Ambulance',
      '46A - CIT w/Ambulance',
    ]);
    expect(report.unmappedCodes).toEqual([]);
  });

  it('every shipped mapping is valid', async () => {
    for (const name of ['san-diego', 'san-antonio', 'seattle', 'dallas', 'openstra-incidents'])
      await expect(mapping(name)).resolves.toBeDefined();
  });
});

describeWithSharedData('publisher code lists', () => {
  it('San Diego call types: BOM, empty trailing header columns, repeated codes; 21 call rows use a code not in it', async () => {
    const list = await readCodeList(
      sharedData('incidents', 'san_diego/pd_cfs_calltypes_datasd.csv'),
      'call_type',
      'description',
    );
    // 289 rows, but 8 codes are listed twice.
    expect(list.rows).toBe(289);
    expect(list.codes.size).toBe(281);
    expect(list.duplicates.sort()).toEqual(['1111', '1115', '1130', '1131', '278', '415', '532', 'FP']);
    const types = list.codes;
    expect(types.get('5150')).toBe('MENTAL CASE');
    const rows = parse(readFileSync(sharedData('incidents', 'san_diego/pd_calls_for_service_2023_datasd.csv')), {
      columns: true,
    }) as Record<string, string>[];
    const unknown = rows.filter((r) => !types.has(r.call_type!.trim()));
    // README: two codes (21 rows) are not in the list: the 19 empty ones and 1016P (2 rows).
    expect(unknown).toHaveLength(21);
    expect(new Set(unknown.map((r) => r.call_type))).toEqual(new Set(['', '1016P']));
  });

  it('San Diego dispositions: quoted descriptions with commas; DEF and the empty value are not in it', async () => {
    const list = await readCodeList(
      sharedData('incidents', 'san_diego/pd_dispo_codes_datasd.csv'),
      'dispo_code',
      'description',
    );
    expect(list.duplicates).toEqual([]);
    const dispositions = list.codes;
    expect(dispositions.size).toBe(18);
    expect(dispositions.get('AB')).toBe('ARREST MADE, BOARD AND SECURE');
    expect(dispositions.has('DEF')).toBe(false);
  });
});
