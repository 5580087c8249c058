/**
 * forceDayInTheLife sums its tallies in the warehouse rather than loading every incident into
 * Node (a year of a force is half a million rows; loading them was a second of each document
 * build). Its figures must be the ones dayInTheLife gives over the loaded incident table: checked
 * on hand-made rows with the awkward values (no outcome, an unknown one, no class, no flags) and
 * on the real San Diego calls for service (../shared/data/incidents, read in place).
 */
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { tempDir, tempWorkspace, withReader, writeInput } from '../../../test/temp-workspace.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import { dayInTheLife } from '../../domain/demand/profiles/day-in-the-life.js';
import { importDemandFile } from '../../warehouse/demand/import-demand.js';
import { loadIncidentTable } from '../../warehouse/demand/load-demand.js';
import type { Warehouse } from '../../warehouse/reader.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { forceDayInTheLife } from './day-in-the-life.js';

const HEADER =
  'incident_id,opened_at,arrived_at,closed_at,opening_code,closing_code,category,grade,outcome,lsoa_code,beat,crime_related,mental_health,officer_minutes';

async function imported(ws: WorkspacePaths, file: string, mapping: string, force: string) {
  await importDemandFile(ws, {
    file,
    mapping: await resolveMapping(mapping),
    force,
    user: 't',
    threads: 1,
    memoryLimit: '512MB',
  });
}

/** The figures as the build used to make them: every incident of the months loaded, then tallied in Node. */
async function loadedFigures(wh: Warehouse, force: string, from: string, to: string) {
  const table = await loadIncidentTable(wh, { force, from, to });
  return dayInTheLife(table, { from, to });
}

it('sums in the warehouse what the loaded table gives: nulls, unknown outcomes and days outside the months', async () => {
  const ws = await tempWorkspace();
  const dir = await tempDir();
  const rows = [
    'A1,2018-03-01T10:00:00,,,THEFT,THEFT,crime,scheduled,arrest,E01031036,,Y,N,',
    'A2,2018-03-01T23:59:00,,,CONCERN,MH,mental-health,priority,unknown,E01031036,,N,Y,',
    'A3,2018-03-02T00:00:00,,,CONCERN,MH,missing-person,priority,,E01031036,,,,', // no outcome, no flags
    'A4,2018-03-05T12:00:00,,,OTHER,OTHER,,emergency,no-further-action,,,,Y,', // no class
    'A5,2018-04-01T00:30:00,,,THEFT,THEFT,crime,scheduled,arrest,E01031036,,Y,N,', // outside March
  ];
  await imported(
    ws,
    await writeInput(dir, 'inc.csv', [HEADER, ...rows].join('\n')),
    'openstra-incidents',
    'warwickshire',
  );
  await withReader(ws, async (wh) => {
    const sql = await forceDayInTheLife(wh, 'warwickshire', '2018-03', '2018-03');
    const loaded = await loadedFigures(wh, 'warwickshire', '2018-03-01', '2018-03-31');
    expect(sql).not.toBeNull();
    expect(sql!.figure).toEqual(loaded);
    expect(sql!.figure.incidents.total).toBe(4);
    expect(sql!.figure.days).toBe(3);
    expect([sql!.from, sql!.to]).toEqual(['2018-03-01', '2018-03-05']);
    expect(await forceDayInTheLife(wh, 'warwickshire', '2017-03', '2017-03')).toBeNull();
  });
});

describeWithSharedData('the day in the life of real calls for service', () => {
  it('San Diego, January 2023: the warehouse sums equal the loaded table, figure for figure', async () => {
    const ws = await tempWorkspace();
    await imported(
      ws,
      sharedData('incidents', 'san_diego', 'pd_calls_for_service_2023_datasd.csv'),
      'san-diego',
      'san-diego',
    );
    await withReader(ws, async (wh) => {
      const sql = await forceDayInTheLife(wh, 'san-diego', '2023-01', '2023-01');
      const loaded = await loadedFigures(wh, 'san-diego', '2023-01-01', '2023-01-31');
      expect(sql!.figure).toEqual(loaded);
      expect(sql!.figure.incidents.total).toBe(28_951);
      expect(sql!.figure.days).toBe(22);
    });
  }, 120_000);
});
