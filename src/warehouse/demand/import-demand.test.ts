/**
 * The incident and missing-episode import: the crime import's guarantees (transactional,
 * idempotent, row-level rejects, accounting, coverage) on small hand-made files in OpenSTRA's own
 * form, and on the real calls-for-service files (../shared/data/incidents, read in place).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { tempDir, tempWorkspace, withReader, writeInput } from '../../../test/temp-workspace.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import { pseudonymiser } from '../../demand/missing/pseudonymiser.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { importDemandFile, type DemandImportOptions } from './import-demand.js';
import { loadEpisodes, loadIncidents } from './load-demand.js';

const HEADER =
  'incident_id,opened_at,arrived_at,closed_at,opening_code,closing_code,category,grade,outcome,lsoa_code,beat,crime_related,mental_health,officer_minutes';
const row = (id: string, opened: string, outcome = 'no-further-action') =>
  `${id},${opened},,,THEFT,THEFT,crime,scheduled,${outcome},E01031036,,Y,N,25`;

async function run(ws: WorkspacePaths, file: string, mapping: string, extra: Partial<DemandImportOptions> = {}) {
  return importDemandFile(ws, {
    file,
    mapping: await resolveMapping(mapping),
    force: 'west-mercia',
    user: 'tester',
    threads: 1,
    memoryLimit: '512MB',
    ...extra,
  });
}

describe('demand import', () => {
  it('accounts for every line, names rejects by file, line and field, and reports coverage by month', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const file = await writeInput(
      dir,
      'inc.csv',
      [
        HEADER,
        row('A1', '2018-03-01T10:00:00'),
        row('A2', '2018-03-02T11:00:00'),
        row('A2', '2018-03-02T11:00:00'), // identical repeat
        row('A3', 'yesterday'), // bad time
        row('A4', '2018-04-30T23:30:00'),
      ].join('\n'),
    );
    const s = await run(ws, file, 'openstra-incidents', { displayName: 'inc.csv' });
    expect(s).toMatchObject({ lines: 5, imported: 3, rejected: 1, duplicates: 1, new: 3, status: 'imported' });
    expect(s.lines).toBe(s.imported + s.rejected + s.duplicates);
    expect(s.rejects_sample).toEqual([expect.objectContaining({ file: 'inc.csv', line: 5, field: 'opened_at' })]);
    expect(await readFile(s.rejects_report!, 'utf8')).toMatch(/^file,line,column,reason\ninc.csv,5,opened_at,/);
    expect(s.coverage).toEqual([
      expect.objectContaining({ month: '2018-03', rows: 2, days_with_data: 2, days_in_month: 31, complete: false }),
      expect.objectContaining({ month: '2018-04', rows: 1, first_day: '2018-04-30', last_day: '2018-04-30' }),
    ]);
  });

  it('is idempotent: the same file twice changes nothing, a revised incident replaces the stored one', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const first = await writeInput(
      dir,
      'a.csv',
      [HEADER, row('A1', '2018-03-01T10:00:00'), row('A2', '2018-03-02T11:00:00')].join('\n'),
    );
    await run(ws, first, 'openstra-incidents');
    const catalog = await readFile(ws.catalog, 'utf8');
    const again = await run(ws, first, 'openstra-incidents');
    expect(again).toMatchObject({ status: 'unchanged', new: 0, revised: 0, unchanged: 2 });
    expect(JSON.parse(await readFile(ws.catalog, 'utf8')).partitions).toEqual(JSON.parse(catalog).partitions);
    const revised = await writeInput(
      dir,
      'b.csv',
      [HEADER, row('A2', '2018-03-02T11:00:00', 'arrest'), row('A5', '2018-03-03T09:00:00')].join('\n'),
    );
    expect(await run(ws, revised, 'openstra-incidents')).toMatchObject({ new: 1, revised: 1, unchanged: 0 });
    const held = await withReader(ws, (wh) => loadIncidents(wh, { force: 'west-mercia' }));
    expect(held.map((i) => [i.id, i.outcome]).sort()).toEqual([
      ['A1', 'no-further-action'],
      ['A2', 'arrest'],
      ['A5', 'no-further-action'],
    ]);
  });

  it('is transactional: a failure before the commit leaves the warehouse as it was', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    await run(
      ws,
      await writeInput(dir, 'a.csv', [HEADER, row('A1', '2018-03-01T10:00:00')].join('\n')),
      'openstra-incidents',
    );
    const before = await readFile(ws.catalog, 'utf8');
    const next = await writeInput(dir, 'b.csv', [HEADER, row('B1', '2018-03-05T10:00:00')].join('\n'));
    await expect(
      run(ws, next, 'openstra-incidents', {
        beforeCommit: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(ws.catalog, 'utf8')).toBe(before);
    expect((await withReader(ws, (wh) => loadIncidents(wh, { force: 'west-mercia' }))).map((i) => i.id)).toEqual([
      'A1',
    ]);
  });

  it('refuses a file without the mapped columns, writing nothing', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const bad = await writeInput(dir, 'bad.csv', 'id,when\n1,2018-03-01');
    await expect(run(ws, bad, 'openstra-incidents')).rejects.toThrow(/header/);
    expect(await readFile(ws.catalog, 'utf8').catch(() => 'absent')).toBe('absent');
  });

  it('keeps other forces’ rows of a month when one force is imported', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const f = await writeInput(dir, 'a.csv', [HEADER, row('A1', '2018-03-01T10:00:00')].join('\n'));
    await run(ws, f, 'openstra-incidents');
    await run(ws, f, 'openstra-incidents', { force: 'warwickshire' });
    const [wm, wa] = await withReader(ws, async (wh) => [
      await loadIncidents(wh, { force: 'west-mercia' }),
      await loadIncidents(wh, { force: 'warwickshire' }),
    ]);
    expect([wm.length, wa.length]).toEqual([1, 1]);
  });

  it('imports missing-person episodes with person references pseudonymised, and needs the key', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const file = await writeInput(
      dir,
      'missing.csv',
      [
        'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa',
        'M1,WM/P000123,2018-03-01T20:00:00,2018-03-02T06:00:00,high,15,Y,care-home,CH-7,E01031036,E01031035',
        'M2,WM/P000123,2018-03-09T20:00:00,,medium,15,Y,care-home,CH-7,E01031036,',
      ].join('\n'),
    );
    await expect(run(ws, file, 'openstra-missing')).rejects.toThrow(/STRA_PSEUDONYM_KEY/);
    const s = await run(ws, file, 'openstra-missing', { pseudonymiser: pseudonymiser('k'.repeat(32)) });
    expect(s).toMatchObject({ table: 'missing_episodes', lines: 2, imported: 2, rejected: 0 });
    const episodes = await withReader(ws, (wh) => loadEpisodes(wh, { force: 'west-mercia' }));
    expect(episodes).toHaveLength(2);
    expect(new Set(episodes.map((e) => e.person)).size).toBe(1);
    expect(episodes[0]!.person).not.toContain('P000123');
  });
});

describeWithSharedData('demand import of the real calls-for-service files', () => {
  const real = (p: string) => sharedData('incidents', p);

  it('San Diego: 28,970 lines = 28,951 incidents + 19 rejected; January partial (22 of 31 days); a re-import changes nothing', async () => {
    const ws = await tempWorkspace();
    const file = real('san_diego/pd_calls_for_service_2023_datasd.csv');
    const s = await run(ws, file, 'san-diego', { force: 'san-diego' });
    expect(s).toMatchObject({ lines: 28_970, imported: 28_951, rejected: 19, duplicates: 0 });
    expect(new Set(s.rejects_sample.map((r) => r.field))).toEqual(new Set(['call_type']));
    expect(s.coverage).toEqual([
      expect.objectContaining({
        month: '2023-01',
        rows: 28_951,
        days_with_data: 22,
        first_day: '2023-01-01',
        last_day: '2023-01-22',
      }),
    ]);
    expect(await run(ws, file, 'san-diego', { force: 'san-diego' })).toMatchObject({
      status: 'unchanged',
      unchanged: 28_951,
    });
  }, 60_000);

  it('San Antonio: four windows in four months, the two repeated blank references rejected by line', async () => {
    const ws = await tempWorkspace();
    const totals = [];
    for (const m of ['2024-10', '2025-04', '2025-07', '2025-10'])
      totals.push(
        await run(ws, real(`san_antonio/sapd_cfs_${m}_days01-06.csv.gz`), 'san-antonio', { force: 'san-antonio' }),
      );
    expect(totals.map((t) => t.imported)).toEqual([20_528, 20_113, 20_083, 20_465]);
    expect(totals[0]!.rejects_sample.map((r) => [r.line, r.field])).toEqual([
      [121, 'IncidentNumber'],
      [17_147, 'IncidentNumber'],
    ]);
    expect(totals[3]!.coverage.map((c) => [c.month, c.days_with_data])).toEqual([
      ['2024-10', 6],
      ['2025-04', 6],
      ['2025-07', 6],
      ['2025-10', 6],
    ]);
  }, 120_000);

  it('Dallas: 63 unit rows collapse to 45 incidents, counted as duplicates', async () => {
    const ws = await tempWorkspace();
    const s = await run(ws, real('dallas/dallas_police_active_calls_2018-01-09.csv'), 'dallas', { force: 'dallas' });
    expect(s).toMatchObject({ lines: 63, imported: 45, duplicates: 18, unit_rows_collapsed: 18, rejected: 0 });
  });

  it('Seattle: BOM and CRLF files both read in full', async () => {
    const ws = await tempWorkspace();
    const a = await run(ws, real('seattle/spd_call_data_east_C_sample_2010-2023.csv'), 'seattle', { force: 'seattle' });
    const b = await run(ws, real('seattle/spd_call_data_denny_blaine_sample_2018-2023.csv'), 'seattle', {
      force: 'seattle',
    });
    expect([a.imported, b.imported]).toEqual([275, 222]);
    expect(a.rejected + b.rejected).toBe(0);
  });
});
