/**
 * Force extracts: a force's own records keyed by Home Office offence code. Records are keyed by
 * crime reference, so overlapping extracts update rather than double count.
 */
import { describe, expect, it } from 'vitest';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../../../../test/temp-workspace.js';

const HEADER =
  'Crime Reference,Offence Code,Offence Description,Committed From,Committed To,Recorded Date,LSOA Code,Beat,District,Outcome,Domestic Abuse,Hate Race,Alcohol,Night Time Economy';
const rows = [
  '22/1001/18,8N,Assault with injury,2018-03-02 23:10,2018-03-02 23:40,2018-03-03,E01031159,RU01,Rugby,Charged,N,N,Y,Y',
  '22/1002/18,28E,Burglary Residential,01/03/2018,02/03/2018,04/03/2018,E01031159,RU01,Rugby,No suspect,N,N,N,N',
  '22/1003/18,8L,Harassment,2018-02-20,,2018-03-10,,RU02,Rugby,,Y,Y,N,N',
  '22/1004/18,46,Shoplifting,2018-04-01,2018-04-01,2018-04-01,E01031159,RU01,Rugby,Charged,no,no,no,no',
];

async function importExtract(
  lines: string[],
  name = 'warwickshire-extract-2018.csv',
  force: string | null = 'warwickshire',
  ws?: Awaited<ReturnType<typeof tempWorkspace>>,
) {
  const w = ws ?? (await tempWorkspace());
  const file = await writeInput(await tempDir(), name, [HEADER, ...lines].join('\n') + '\n');
  const summary = await importInto(w, [file], force ? { force } : {});
  return { ws: w, file, summary, result: summary.by_file[0]! };
}

const offences = (ws: Awaited<ReturnType<typeof tempWorkspace>>) =>
  withReader(ws, (wh) =>
    wh.sql.all<Record<string, unknown>>(
      `SELECT crime_reference, offence_code, category, strftime(month, '%Y-%m') AS month, strftime(recorded_date, '%Y-%m-%d') AS recorded, domestic_abuse, hate_race, alcohol, night_time_economy FROM offences ORDER BY crime_reference`,
    ),
  );

describe('force extract import', () => {
  it('lands records with their offence code, police.uk category, month and flags', async () => {
    const { ws, result } = await importExtract(rows);
    expect(result).toMatchObject({ kind: 'force-extract', status: 'imported', rows: 4, rejected: 0 });
    expect(result.partitions.sort()).toEqual(['offences/warwickshire/2018-03', 'offences/warwickshire/2018-04']);
    expect(await offences(ws)).toEqual([
      {
        crime_reference: '22/1001/18',
        offence_code: '8N',
        category: 'violent-crime',
        month: '2018-03',
        recorded: '2018-03-03',
        domestic_abuse: false,
        hate_race: false,
        alcohol: true,
        night_time_economy: true,
      },
      {
        crime_reference: '22/1002/18',
        offence_code: '28E',
        category: 'burglary',
        month: '2018-03',
        recorded: '2018-03-04',
        domestic_abuse: false,
        hate_race: false,
        alcohol: false,
        night_time_economy: false,
      },
      {
        crime_reference: '22/1003/18',
        offence_code: '8L',
        category: 'violent-crime',
        month: '2018-03',
        recorded: '2018-03-10',
        domestic_abuse: true,
        hate_race: true,
        alcohol: false,
        night_time_economy: false,
      },
      {
        crime_reference: '22/1004/18',
        offence_code: '46',
        category: 'shoplifting',
        month: '2018-04',
        recorded: '2018-04-01',
        domestic_abuse: false,
        hate_race: false,
        alcohol: false,
        night_time_economy: false,
      },
    ]);
  });

  it('rejects bad rows naming line and column', async () => {
    const bad = [
      '22/2001/18,99Z,Nonsense,2018-03-01,,2018-03-02,,,,,,,,',
      '22/2002/18,8N,Assault,2018-03-01,,2018-02-30,,,,,,,,',
      '22/2003/18,8N,Assault,2018-03-05,2018-03-01,2018-03-06,,,,,,,,',
      '22/2004/18,8N,Assault,2018-03-05,,2018-03-06,,,,,maybe,,,',
      '22/1001/18,8N,Assault repeated,2018-03-05,,2018-03-06,,,,,,,,',
      ',8N,Assault,2018-03-05,,2018-03-06,,,,,,,,',
    ];
    const { result, file } = await importExtract([rows[0]!, ...bad]);
    expect(result).toMatchObject({ rows: 1, rejected: 6 });
    expect(result.rejects_sample!.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, 'offence_code', "offence_code '99Z' is not a Home Office offence code"],
      [4, 'recorded_date', "recorded_date '2018-02-30' is not a date (use YYYY-MM-DD or DD/MM/YYYY)"],
      [5, 'committed_to', 'committed_to is before committed_from'],
      [6, 'domestic_abuse', "domestic_abuse 'maybe' is not Y/N, yes/no, true/false or 1/0"],
      [7, 'crime_reference', "crime_reference '22/1001/18' appears more than once in the file; the first is kept"],
    ]);
    expect(result.rejects_sample!.every((r) => r.file === file)).toBe(true);
  });

  it('needs a force: from a force column or --force', async () => {
    const { result } = await importExtract(rows.slice(0, 2), 'extract.csv', null);
    expect(result.status).toBe('refused');
    expect(result.rejects_sample![0]!.reason).toBe(
      'no force: give a force column or import with --force <police.uk force id>',
    );
  });

  it('imports nothing from the same file twice, and an overlapping extract updates records without doubling', async () => {
    const first = await importExtract(rows);
    const again = await importInto(first.ws, [first.file], { force: 'warwickshire' });
    expect(again.by_file[0]).toMatchObject({ status: 'unchanged', rows: 0 });
    // The next week's extract: 1001 reclassified and re-dated into April, 1005 new, 1002-1004 unchanged.
    const next = [
      '22/1001/18,5D,Assault with intent to cause serious harm,2018-03-02 23:10,,2018-04-02,E01031159,RU01,Rugby,Charged,N,N,Y,Y',
      rows[1]!,
      '22/1005/18,58A,Criminal damage to a dwelling,2018-03-20,,2018-03-21,E01031159,RU01,Rugby,,N,N,N,N',
    ];
    const second = await importExtract(next, 'warwickshire-extract-2018-w2.csv', 'warwickshire', first.ws);
    expect(second.result).toMatchObject({ status: 'imported', rows: 3 });
    const stored = await offences(first.ws);
    expect(stored.map((r) => [r.crime_reference, r.offence_code, r.month])).toEqual([
      ['22/1001/18', '5D', '2018-04'],
      ['22/1002/18', '28E', '2018-03'],
      ['22/1003/18', '8L', '2018-03'],
      ['22/1004/18', '46', '2018-04'],
      ['22/1005/18', '58A', '2018-03'],
    ]);
  });

  it('refuses an extract with an unknown column or a missing required one', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const a = await writeInput(
      dir,
      'a.csv',
      'crime_reference,offence_code,recorded_date,colour\nX,8N,2018-03-01,red\n',
    );
    const b = await writeInput(dir, 'b.csv', 'crime_reference,offence_code,offence_description\nX,8N,Assault\n');
    const summary = await importInto(ws, [a, b], { force: 'warwickshire' });
    expect(summary.by_file.map((f) => f.reason)).toEqual([
      expect.stringMatching(
        /^force extract has unknown column colour; the allowed columns are crime_reference, offence_code, recorded_date, force,/,
      ),
      'force extract is missing required column recorded_date',
    ]);
  });
});
