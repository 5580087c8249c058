/**
 * The DuckDB read of incident exports (sql-incidents.ts) stores exactly what the JavaScript reader
 * stores: the same files imported both ways (STRA_DEMAND_READER=js forces the reader) give the same
 * rows, column by column, digest included; and files needing the reader's judgement are declined.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace, withReader, writeInput } from '../../../test/temp-workspace.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { importDemandFile } from './import-demand.js';
import { columnsOf } from './rows.js';
import { loadIncidents, loadIncidentTable } from './load-demand.js';
import { incidentTable } from '../../domain/demand/incident-table.js';

const HEADER =
  'incident_id,opened_at,arrived_at,closed_at,opening_code,closing_code,category,grade,outcome,lsoa_code,beat,crime_related,mental_health,officer_minutes';

async function importBoth(file: string, mapping: string) {
  const out: { summary: Awaited<ReturnType<typeof importDemandFile>>; rows: unknown[] }[] = [];
  for (const reader of ['js', 'sql']) {
    if (reader === 'js') process.env.STRA_DEMAND_READER = 'js';
    else delete process.env.STRA_DEMAND_READER;
    const ws: WorkspacePaths = await tempWorkspace();
    const summary = await importDemandFile(ws, {
      file,
      displayName: 'inc.csv',
      mapping: await resolveMapping(mapping),
      force: 'west-mercia',
      user: 'tester',
      threads: 1,
      memoryLimit: '512MB',
    });
    const rows = await withReader(ws, (wh) =>
      wh.sql.all(`SELECT ${columnsOf('incidents').join(', ')} FROM incidents ORDER BY id`),
    );
    out.push({ summary, rows });
  }
  return out as [(typeof out)[0], (typeof out)[0]];
}

afterEach(() => {
  delete process.env.STRA_DEMAND_READER;
});

describe('incident import through DuckDB', () => {
  it('stores what the reader stores: offsets, local times across both clock changes, codes, areas, flags, duplicates', async () => {
    const dir = await tempDir();
    const file = await writeInput(
      dir,
      'inc.csv',
      [
        HEADER,
        'A1,2017-10-29T01:30:00,2017-10-29T01:45:00,2017-10-29T03:00:00,THEFT,THEFT,crime,emergency,arrest,E01031036,,Y,N,25',
        'A2,2017-03-26T00:59:59.5,,2017-03-26T03:10,NOISE, ,anti-social-behaviour,priority,,,B12,n,y,1.5',
        'A3,2017-06-01T12:00:00+01:00,2017-06-01T11:30:00Z,2017-06-01 14:00:00-05:00,WELFARE,CONCERN,concern-for-welfare,weird,other, E01031036 ,,maybe,,',
        'A4,2018-01-01,,,  RTC  ,,road-traffic,scheduled,crime-report,W01000001,,,yes,0',
        'A4,2018-01-01,,,  RTC  ,,road-traffic,scheduled,crime-report,W01000001,,,yes,0',
        'A5,2017-10-29T00:59:00,,,MH,,mental-health,,duplicate,E0103,BEAT 9,true,false,600',
        'A6,2017-12-31T23:59:59,,,ADMIN,ADMIN,nonsense,resolved-without-deployment,cancelled,,,,,',
      ].join('\n') + '\n',
    );
    const [js, sql] = await importBoth(file, 'openstra-incidents');
    expect(js.summary.reader).toBe('javascript');
    expect(sql.summary.reader).toBe('duckdb');
    expect(sql.rows).toEqual(js.rows);
    const pick = (s: typeof js.summary) => ({
      lines: s.lines,
      imported: s.imported,
      duplicates: s.duplicates,
      rejected: s.rejected,
      unmapped: [...s.unmapped_codes].sort((a, b) => a.code.localeCompare(b.code)),
      ambiguous: s.ambiguous_local_times,
      coverage: s.coverage,
    });
    expect(pick(sql.summary)).toEqual(pick(js.summary));
    expect(sql.summary).toMatchObject({ lines: 7, imported: 6, duplicates: 1, ambiguous_local_times: 1 });
  });

  it('reads 12-hour patterns with AM/PM, separate date and time columns and hours of officer time alike', async () => {
    const dir = await tempDir();
    const mapping = await writeInput(
      dir,
      'm.json',
      JSON.stringify({
        format: 'openstra.incident-mapping/1',
        name: 'test',
        timeZone: 'America/Los_Angeles',
        columns: {
          id: 'Ref',
          opened: { columns: ['Date', 'Time'], format: 'MM/dd/yyyy hh:mm:ss a' },
          closed: { columns: ['Closed'], format: 'epoch-s' },
          openingCode: 'Type',
          grade: 'Pri',
          officerMinutes: { column: 'Hours', unit: 'hours' },
          area: { column: 'Beat', kind: 'beat', missing: ['-1'], pattern: '^\\d+$' },
        },
        classes: {
          codes: { WELF: 'concern-for-welfare' },
          rules: [{ match: '^5150', value: 'mental-health' }],
          default: 'other',
        },
        grades: { codes: { '1': 'emergency', '2': 'priority' }, default: 'unknown' },
      }),
    );
    const file = await writeInput(
      dir,
      'inc.csv',
      [
        'Ref,Date,Time,Closed,Type,Pri,Hours,Beat',
        'X1,03/12/2017,02:30:00 AM,,WELF,1,0.25,-1',
        'X2,11/05/2017,01:15:00 AM,1509870000,5150V,2,2,123',
        'X3,11/05/2017,12:00:01 PM,,PARK,9,,12a',
        'X4,12/31/2017,11:59:59 pm,,park,,,7',
      ].join('\r\n'),
    );
    // X1 falls in the hour skipped when the clocks go forward: a reject, so the reader reads the file.
    const [js, sql] = await importBoth(file, mapping);
    expect(sql.summary.reader).toMatch(/^javascript \(1 row would be rejected\)/);
    expect(sql.rows).toEqual(js.rows);
    const clean = await writeInput(
      dir,
      'clean.csv',
      [
        'Ref,Date,Time,Closed,Type,Pri,Hours,Beat',
        'X2,11/05/2017,01:15:00 AM,1509870000,5150V,2,2,123',
        'X3,11/05/2017,12:00:01 PM,,PARK,9,,12a',
        'X4,12/31/2017,11:59:59 pm,,park,,,7',
      ].join('\r\n'),
    );
    const [js2, sql2] = await importBoth(clean, mapping);
    expect(sql2.summary.reader).toBe('duckdb');
    expect(sql2.rows).toEqual(js2.rows);
    expect(sql2.summary.unmapped_codes).toEqual(js2.summary.unmapped_codes);
    expect(sql2.summary.ambiguous_local_times).toBe(1);
  });

  it('leaves to the reader files it must judge row by row: short rows, quotes, two rows under one reference', async () => {
    const dir = await tempDir();
    for (const [name, lines] of Object.entries({
      short: ['A1,2018-03-01T10:00:00,,,THEFT'],
      quote: ['A1,2018-03-01T10:00:00,,,"THE ""FT""",,crime,,,,,,,'],
      conflict: ['A1,2018-03-01T10:00:00,,,THEFT,,crime,,,,,,,', 'A1,2018-03-01T11:00:00,,,THEFT,,crime,,,,,,,'],
    })) {
      const file = await writeInput(dir, `${name}.csv`, [HEADER, ...lines].join('\n'));
      const [js, sql] = await importBoth(file, 'openstra-incidents');
      expect(sql.summary.reader, name).toMatch(/^javascript \(/);
      expect(sql.rows, name).toEqual(js.rows);
      expect(sql.summary.rejected, name).toBe(js.summary.rejected);
    }
  });
});

describe('the profiles table read in SQL', () => {
  it('equals the table built from the incidents read back as objects', async () => {
    const dir = await tempDir();
    const file = await writeInput(
      dir,
      'inc.csv',
      [
        HEADER,
        'A1,2017-10-29T01:30:00,2017-10-29T01:45:00,2017-10-29T03:00:00,THEFT,THEFT,crime,emergency,arrest,E01031036,,Y,N,25',
        'A2,2017-03-26T00:59:59.5,,2017-03-26T03:10,NOISE,,anti-social-behaviour,priority,,,B12,n,y,1.5',
        'A3,2017-06-01T12:00:00+01:00,2017-06-01T11:30:00Z,,WELFARE,CONCERN,concern-for-welfare,,other,E01031037,,,,',
        'A4,2018-01-01,,,RTC,,road-traffic,scheduled,crime-report,,,,yes,0',
        'A5,2017-12-31T23:59:59,,,THEFT,ADMIN,crime,resolved-without-deployment,cancelled,,,N,,',
      ].join('\n'),
    );
    const ws = await tempWorkspace();
    await importDemandFile(ws, {
      file,
      mapping: await resolveMapping('openstra-incidents'),
      force: 'west-mercia',
      user: 'tester',
      threads: 1,
      memoryLimit: '512MB',
    });
    await withReader(ws, async (wh) => {
      const objects = incidentTable(
        (await loadIncidents(wh, { force: 'west-mercia' })).sort((a, b) => a.id.localeCompare(b.id)),
      );
      const sql = await loadIncidentTable(wh, { force: 'west-mercia' });
      expect(sql.size).toBe(5);
      // Same incidents in the same order (the warehouse keeps them ordered by id within a month).
      const decode = (t: typeof sql) =>
        Array.from({ length: t.size }, (_, i) => ({
          day: t.day[i],
          minute: t.minute[i],
          demandClass: t.demandClass[i],
          grade: t.grade[i],
          outcome: t.outcome[i],
          crime: t.crime[i],
          mentalHealth: t.mentalHealth[i],
          area: t.area[i]! < 0 ? null : t.areas[t.area[i]!],
          opening: t.openingCodes[t.openingCode[i]!],
          closing: t.closingCode[i]! < 0 ? null : t.closingCodes[t.closingCode[i]!],
          officer: t.officerMinutes[i],
          duration: t.durationMinutes[i],
          response: t.responseMinutes[i],
        })).sort((a, b) => a.day! - b.day! || a.minute! - b.minute!);
      expect(decode(sql)).toEqual(decode(objects));
      const from = { from: '2017-06-01', to: '2017-12-31' };
      expect((await loadIncidentTable(wh, { force: 'west-mercia', ...from })).size).toBe(3);
    });
  });
});
