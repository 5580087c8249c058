/**
 * Content decides, and nothing implausible gets in (issue 12), each on a real police.uk file
 * made bad in a temp folder: rows of another force, a file joined to itself, an unknown force
 * in a file name, a month in the future, a search dated outside its file's month.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../../test/temp-workspace.js';
import { crimeStats } from '../stats.js';

const WARWICKSHIRE = '2018-03-warwickshire-street.csv';
const real = (name: string, month = '2018-03') => readFile(sharedData('police-uk', month, name), 'utf8');

async function importAs(name: string, content: string, extra: Parameters<typeof importInto>[2] = {}) {
  const ws = await tempWorkspace();
  const file = await writeInput(await tempDir(), name, content);
  const summary = await importInto(ws, [file], extra);
  return { ws, summary, result: summary.by_file[0]! };
}

const total = (ws: Awaited<ReturnType<typeof tempWorkspace>>) =>
  withReader(ws, async (wh) => (await crimeStats(wh, { by: [] })).total);

describeWithSharedData('plausibility of real police.uk files made bad', () => {
  it("rejects another force's rows in a force's file, naming the force", async () => {
    // Before: West Mercia's 9,748 rows were counted as Warwickshire's crimes.
    const mercia = (await real('2018-03-west-mercia-street.csv')).trimEnd().split('\n').slice(1);
    const text = (await real(WARWICKSHIRE)).trimEnd() + '\n' + mercia.join('\n') + '\n';
    const { ws, result } = await importAs(WARWICKSHIRE, text);
    expect(result).toMatchObject({ status: 'imported', rows: 4225, rejected: 9748 });
    expect(result.rejects_sample![0]).toMatchObject({ line: 4227, column: 'Reported by' });
    expect(result.rejects_sample![0]!.reason).toBe(
      "Reported by 'West Mercia Police' is not Warwickshire Police, the force the file name gives (warwickshire): a row of another force is not counted under this one",
    );
    expect(await total(ws)).toBe(4225);
  });

  it('refuses a file concatenated with itself, naming the line where the header repeats', async () => {
    // Before: 8,450 crimes, each counted twice.
    const text = await real(WARWICKSHIRE);
    const { ws, result, summary } = await importAs(WARWICKSHIRE, text + text);
    expect(result.status).toBe('refused');
    expect(result.reason).toMatch(/^line 4227 repeats the header line: this looks like files joined together/);
    expect(summary.imported).toBe(0);
    expect(await total(ws)).toBe(0);
  });

  it('refuses an unknown force in the file name, with the closest ids, unless the user adds it', async () => {
    const text = await real(WARWICKSHIRE);
    const { result } = await importAs('2018-03-narnia-street.csv', text);
    expect(result.status).toBe('refused');
    expect(result.reason).toMatch(
      /^force 'narnia' is not one of the 45 police.uk forces \(closest: .+\)\. If it is a new or renamed force, import again with --new-force narnia$/,
    );
    const { result: misspelt } = await importAs('2018-03-warwickshir-street.csv', text);
    expect(misspelt.reason).toMatch(/closest: warwickshire,/);
    const added = await importAs('2018-03-narnia-street.csv', text, { newForces: ['narnia'] });
    expect(added.result).toMatchObject({ status: 'imported', force: 'narnia', rows: 4225 });
  });

  it('refuses a month in the future', async () => {
    const text = (await real(WARWICKSHIRE)).replaceAll(',2018-03,', ',2999-03,');
    const { result } = await importAs('2999-03-warwickshire-street.csv', text);
    expect(result.status).toBe('refused');
    expect(result.reason).toMatch(
      /^month 2999-03 is in the future \(it is now \d{4}-\d{2}\): no data can exist for it yet$/,
    );
  });

  it("rejects a search dated outside its file's month, in UK time", async () => {
    const name = '2018-04-west-mercia-stop-and-search.csv';
    const lines = (await real(name, '2018-04')).split('\n');
    const n = lines.length - 1 - 1; // data rows (trailing newline)
    // one search moved to February; the file's own 23:xx UTC on 31 March rows stay (April in BST)
    const i = lines.findIndex((l) => l.includes(',2018-04-1'));
    lines[i] = lines[i]!.replace(/,2018-04-\d\dT/, ',2018-02-10T');
    const { result } = await importAs(name, lines.join('\n'));
    expect(result).toMatchObject({ status: 'imported', rows: n - 1, rejected: 1 });
    expect(result.rejects_sample![0]).toMatchObject({ line: i + 1, column: 'Date' });
    expect(result.rejects_sample![0]!.reason).toMatch(
      /^Date '2018-02-10T.+' is not in the file's month 2018-04 \(UK time/,
    );
  });
});

describeWithSharedData('duplicates in real police.uk files', () => {
  it("counts a Crime ID repeated in a force's month once, and says how many rows were skipped", async () => {
    // The real Avon and Somerset file repeats 304 Crime IDs of its month.
    const name = '2018-03-avon-and-somerset-street.csv';
    const { ws, result } = await importAs(name, await real(name));
    expect(result).toMatchObject({
      status: 'imported',
      rows: 14_117 - 304,
      duplicates: 304,
      duplicates_reason: 'a Crime ID already seen in the same force and month: one crime, counted once',
    });
    const ids = await withReader(ws, (wh) =>
      wh.sql.all<{ n: number; d: number }>(
        `SELECT count(crime_id)::INT AS n, count(DISTINCT crime_id)::INT AS d FROM street`,
      ),
    );
    expect(ids[0]!.n).toBe(ids[0]!.d);
  });

  it('a row of Warwickshire doubled in its file is skipped as a duplicate', async () => {
    const lines = (await real(WARWICKSHIRE)).trimEnd().split('\n');
    const { result } = await importAs(WARWICKSHIRE, [...lines, lines[1]!].join('\n') + '\n');
    expect(result).toMatchObject({ status: 'imported', rows: 4225, rejected: 0, duplicates: 1 });
  });
});
