/**
 * Importing the Home Office police recorded crime (PRC) tables: the real 2017/18 and 2019/20
 * files land whole with the README's totals, their count quirks are read right, a file is
 * imported once, a re-issued release replaces its year, and bad rows are rejected with line
 * and column.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../../../../test/temp-workspace.js';
import { readCatalog } from '../../../catalog.js';
import type { Warehouse } from '../../../reader.js';

const PRC_2017 = sharedData('prc', 'prc_pfa_2017_18.csv');
const PRC_2019 = sharedData('prc', 'prc_pfa_2019_20.csv');
const HEADER =
  'Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences';

const query = <T>(wh: Warehouse, sql: string) => wh.sql.all<T & Record<string, unknown>>(sql);

describeWithSharedData('import of the real Home Office PRC tables', () => {
  it('lands every row of both years, keyed by financial year', async () => {
    const ws = await tempWorkspace();
    const summary = await importInto(ws, [PRC_2017, PRC_2019]);
    expect(summary.rejected).toBe(0);
    expect(summary.by_file.map((f) => [f.kind, f.force, f.month, f.status, f.rows, f.partitions])).toEqual([
      ['prc', 'all', '2017-04', 'imported', 23_068, ['prc/all/2017-04']],
      ['prc', 'all', '2019-04', 'imported', 23_420, ['prc/all/2019-04']],
    ]);
    const catalog = await readCatalog(ws.catalog);
    expect(Object.keys(catalog.partitions).sort()).toEqual(['prc/2017-04', 'prc/2019-04']);
    await withReader(ws, async (wh) => {
      const perYear = await query<{ financial_year: string; n: number; forces: number; quarters: number }>(
        wh,
        `SELECT financial_year, count(*)::INTEGER AS n, count(DISTINCT force_name)::INTEGER AS forces, count(DISTINCT quarter)::INTEGER AS quarters FROM prc GROUP BY ALL ORDER BY ALL`,
      );
      // README: 48 "forces" in 2017/18, 47 in 2019/20; four quarters each.
      expect(perYear).toEqual([
        { financial_year: '2017/18', n: 23_068, forces: 48, quarters: 4 },
        { financial_year: '2019/20', n: 23_420, forces: 47, quarters: 4 },
      ]);
      // README: totals excluding fraud (four quarters summed) and rows per force.
      const alliance = await query<{ financial_year: string; force: string; rows: number; total: number }>(
        wh,
        `SELECT financial_year, force, count(*)::INTEGER AS rows, sum(count) FILTER (WHERE offence_group <> 'Fraud offences') AS total ` +
          `FROM prc WHERE force IN ('west-mercia', 'warwickshire') GROUP BY ALL ORDER BY ALL`,
      );
      expect(alliance).toEqual([
        { financial_year: '2017/18', force: 'warwickshire', rows: 524, total: 41_411 },
        { financial_year: '2017/18', force: 'west-mercia', rows: 524, total: 84_350 },
        { financial_year: '2019/20', force: 'warwickshire', rows: 532, total: 42_260 },
        { financial_year: '2019/20', force: 'west-mercia', rows: 532, total: 87_396 },
      ]);
      const kinds = await query<{ kind: string; names: string; with_force: number }>(
        wh,
        `SELECT kind, string_agg(DISTINCT force_name, '|' ORDER BY force_name) AS names, count(DISTINCT force)::INTEGER AS with_force FROM prc WHERE financial_year = '2017/18' GROUP BY ALL ORDER BY ALL`,
      );
      expect(kinds.find((k) => k.kind === 'fraud-body')).toEqual({
        kind: 'fraud-body',
        names: 'Action Fraud|CIFAS|Financial Fraud Action UK|UK Finance',
        with_force: 0,
      });
      expect(kinds.find((k) => k.kind === 'btp')).toEqual({
        kind: 'btp',
        names: 'British Transport Police',
        with_force: 1,
      });
      expect(kinds.find((k) => k.kind === 'territorial')?.with_force).toBe(43);
      // Both spellings of Avon and Somerset and Devon and Cornwall land on one police.uk id.
      const renamed = await query<{ force: string; names: string }>(
        wh,
        `SELECT force, string_agg(DISTINCT force_name, '|' ORDER BY force_name) AS names FROM prc WHERE force IN ('avon-and-somerset', 'devon-and-cornwall', 'city-of-london') GROUP BY ALL ORDER BY ALL`,
      );
      expect(renamed).toEqual([
        { force: 'avon-and-somerset', names: 'Avon & Somerset|Avon and Somerset' },
        { force: 'city-of-london', names: 'London, City of' },
        { force: 'devon-and-cornwall', names: 'Devon & Cornwall|Devon and Cornwall' },
      ]);
    });
  });

  it('reads the count quirks: " 66776 ", -00 and negative adjustments (2017/18), floats (2019/20)', async () => {
    const ws = await tempWorkspace();
    await importInto(ws, [PRC_2017, PRC_2019]);
    await withReader(ws, async (wh) => {
      const [af] = await query<{ count: number }>(
        wh,
        `SELECT count FROM prc WHERE financial_year = '2017/18' AND quarter = 1 AND force_name = 'Action Fraud'`,
      );
      expect(af?.count).toBe(66_776);
      // README: zero is written -00 on 5,792 rows; true negative adjustments on 36 rows.
      const [y17] = await query<{ zeros: number; negative: number }>(
        wh,
        `SELECT count(*) FILTER (WHERE count = 0)::INTEGER AS zeros, count(*) FILTER (WHERE count < 0)::INTEGER AS negative FROM prc WHERE financial_year = '2017/18'`,
      );
      const raw17 = (await readFile(PRC_2017, 'utf8')).split('\n');
      expect(raw17.filter((l) => l.endsWith(',-00 ')).length).toBe(5_792);
      expect(y17).toEqual({ zeros: 5_792, negative: 36 });
      const [af19] = await query<{ count: number }>(
        wh,
        `SELECT count FROM prc WHERE financial_year = '2019/20' AND quarter = 1 AND force_name = 'Action Fraud'`,
      );
      expect(af19?.count).toBe(84_746);
      const [kent] = await query<{ count: number }>(
        wh,
        `SELECT count FROM prc WHERE financial_year = '2019/20' AND quarter = 2 AND force = 'kent' AND offence_code = '99'`,
      );
      expect(kent?.count).toBe(-61);
      const [y19] = await query<{ negative: number; fractional: string }>(
        wh,
        `SELECT count(*) FILTER (WHERE count < 0)::INTEGER AS negative, string_agg(DISTINCT force_name, '|') FILTER (WHERE count <> round(count)) AS fractional FROM prc WHERE financial_year = '2019/20'`,
      );
      expect(y19).toEqual({ negative: 19, fractional: 'UK Finance' });
      const [uk] = await query<{ count: number }>(
        wh,
        `SELECT count FROM prc WHERE financial_year = '2019/20' AND force_name = 'UK Finance' AND count::VARCHAR LIKE '26033.38%'`,
      );
      expect(uk?.count).toBeCloseTo(26033.387592678326, 9);
    });
  });

  it('imports a file once; a re-issued release of the same year replaces it', async () => {
    const ws = await tempWorkspace();
    await importInto(ws, [PRC_2017]);
    const again = await importInto(ws, [PRC_2017]);
    expect(again.by_file[0]).toMatchObject({ status: 'unchanged', rows: 0, force: 'all', month: '2017-04' });
    // A later release revises West Mercia's Q1 burglary and drops one row.
    const lines = (await readFile(PRC_2017, 'utf8')).split('\n');
    const revised = lines.map((l) =>
      l.startsWith('2017/18,1,West Mercia,') && l.endsWith(',28E, 1 ') ? l.replace(/, 1 $/, ', 7 ') : l,
    );
    const wmRow = revised.findIndex((l) => l.startsWith('2017/18,4,West Mercia,'));
    revised.splice(wmRow, 1);
    const reissue = await writeInput(await tempDir(), 'prc-pfa-2017-18-reissue.csv', revised.join('\n'));
    const replaced = await importInto(ws, [reissue]);
    expect(replaced.by_file[0]).toMatchObject({ status: 'replaced', rows: 23_067, partitions: ['prc/all/2017-04'] });
    const catalog = await readCatalog(ws.catalog);
    expect(Object.values(catalog.partitions).filter((p) => p.table === 'prc')).toHaveLength(1);
    expect(catalog.sources['prc/all/2017-04']).toMatchObject({ rows: 23_067, source: reissue });
    await withReader(ws, async (wh) => {
      const [n] = await query<{ n: number }>(wh, `SELECT count(*)::INTEGER AS n FROM prc`);
      expect(n?.n).toBe(23_067);
    });
  });
});

describe('PRC rows that are rejected', () => {
  it('names the line and column of a bad count, an unknown quarter, an empty code and a wrong year', async () => {
    const ws = await tempWorkspace();
    const lines = [
      HEADER,
      '2017/18,1,West Mercia,Assault with injury,Violence against the person,Violence with injury,8N, 1234 ',
      '2017/18,5,West Mercia,Assault with injury,Violence against the person,Violence with injury,8N,3',
      '2017/18,1,West Mercia,Assault with injury,Violence against the person,Violence with injury,, 4 ',
      '2017/18,2,West Mercia,Assault with injury,Violence against the person,Violence with injury,8N,twelve',
      '2017/18,2,"West Mercia,\nsplit",Assault,Violence against the person,Violence with injury,8N,1',
      '2018/19,2,West Mercia,Assault with injury,Violence against the person,Violence with injury,8N,1',
      '2017/18,3,Warwickshire,Assault with injury,Violence against the person,Violence with injury,8N,-00 ',
      '2017/18,3,Warwickshire,Assault with injury,Violence against the person,Violence with injury,8N',
    ];
    const file = await writeInput(await tempDir(), 'prc-bad.csv', lines.join('\r\n') + '\r\n');
    const summary = await importInto(ws, [file]);
    const result = summary.by_file[0]!;
    expect(result).toMatchObject({ kind: 'prc', status: 'imported', rows: 2, rejected: 6 });
    expect(summary.rejected).toBe(6);
    expect(result.rejects_sample!.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, 'Financial Quarter', "Financial Quarter '5' is not 1, 2, 3 or 4"],
      [4, 'Offence Code', 'Offence Code is empty'],
      [5, 'Number of Offences', "Number of Offences 'twelve' is not a number"],
      [6, 'Force Name', expect.stringMatching(/^Force Name 'West Mercia,\nsplit' is not a force/)],
      [
        8,
        'Financial Year',
        "Financial Year '2018/19' is not the file's year 2017/18 (a PRC file holds one financial year)",
      ],
    ]);
    expect(summary.rejects_report).not.toBeNull();
    const report = await readFile(summary.rejects_report!, 'utf8');
    expect(report).toContain('prc-bad.csv,10,(row),too few fields');
    await withReader(ws, async (wh) => {
      expect(await query(wh, `SELECT force, quarter::INTEGER AS quarter, count FROM prc ORDER BY force`)).toEqual([
        { force: 'warwickshire', quarter: 3, count: 0 },
        { force: 'west-mercia', quarter: 1, count: 1234 },
      ]);
    });
  });

  it('refuses a file whose every row is rejected, keeping the year it had', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const good = await writeInput(dir, 'good.csv', `${HEADER}\n2017/18,1,West Mercia,A,G,S,8N,5\n`);
    await importInto(ws, [good]);
    const bad = await writeInput(
      dir,
      'bad.csv',
      `${HEADER}\n2017/18,9,West Mercia,A,G,S,8N,5\n2017/18,1,West Mercia,A,G,S,8N,x\n`,
    );
    const summary = await importInto(ws, [bad]);
    expect(summary.by_file[0]).toMatchObject({
      status: 'refused',
      rows: 0,
      rejected: 2,
      reason: 'every one of its 2 rows was rejected; nothing was imported from it',
    });
    await withReader(ws, async (wh) => {
      expect(await query(wh, `SELECT count FROM prc`)).toEqual([{ count: 5 }]);
    });
  });

  it('refuses a PRC table whose first row has no financial year', async () => {
    const ws = await tempWorkspace();
    const file = await writeInput(await tempDir(), 'prc.csv', `${HEADER}\n2017,1,West Mercia,A,G,S,8N,5\n`);
    const summary = await importInto(ws, [file]);
    expect(summary.by_file[0]).toMatchObject({
      status: 'refused',
      kind: 'prc',
      reason: "the first row's Financial Year '2017' is not a financial year like 2017/18",
    });
  });
});
