/**
 * Every row accounted for in a Home Office PRC table (issue 12), as strictly as for police.uk
 * files, each case on the real 2017/18 table made bad in a temp folder: every data line is
 * imported or rejected, a stray quote costs one row, and a broken re-issue (header only,
 * truncated, NUL-padded, header and junk, the file joined to itself) never replaces the stored
 * year.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../../../../test/temp-workspace.js';
import { readCatalog } from '../../../catalog.js';
import { scanFile } from '../../files/scan.js';

const PRC_2017 = sharedData('prc', 'prc_pfa_2017_18.csv');
const ROWS = 23_068;
const NAME = 'prc_pfa_2017_18.csv';

type Ws = Awaited<ReturnType<typeof tempWorkspace>>;

async function importMade(content: string | Buffer, ws?: Ws, allowShrink = false) {
  const workspace = ws ?? (await tempWorkspace());
  const file = await writeInput(await tempDir(), NAME, content);
  const summary = await importInto(workspace, [file], { allowShrink });
  return { ws: workspace, file, summary, result: summary.by_file[0]! };
}

/** The real table, imported into a fresh workspace: the year a broken re-issue must not replace. */
async function storedYear(): Promise<Ws> {
  const ws = await tempWorkspace();
  const first = await importInto(ws, [PRC_2017]);
  expect(first.by_file[0]).toMatchObject({ status: 'imported', rows: ROWS });
  return ws;
}

const stored = (ws: Ws) =>
  withReader(ws, async (wh) => {
    const [r] = await wh.sql.all<{ n: number; total: number }>(
      `SELECT count(*)::INTEGER AS n, sum(count)::DOUBLE AS total FROM prc`,
    );
    return r!;
  });

describeWithSharedData('every row accounted for, on the real Home Office PRC table 2017/18', () => {
  it('a stray quote in row 100 rejects that row alone: 23,067 imported + 1 rejected = 23,068 data lines', async () => {
    const lines = (await readFile(PRC_2017, 'utf8')).split('\n');
    lines[100] = lines[100]!.replace(',', ',"'); // physical line 101 = data row 100
    const { result, file } = await importMade(lines.join('\n'));
    expect(result).toMatchObject({ status: 'imported', rows: ROWS - 1, rejected: 1 });
    expect(result.rejects_sample!.map((r) => [r.line, r.column])).toEqual([[101, '(line)']]);
    expect(result.rejects_sample![0]!.reason).toMatch(/a quote opens a field that does not close/);
    const scan = await scanFile(file);
    expect(result.rows + result.rejected).toBe(scan.dataLines);
  });

  it('keeps the identical rows the 2017/18 layout explains (four homicide codes under one)', async () => {
    const { ws, result } = await importMade(await readFile(PRC_2017));
    expect(result).toMatchObject({ rows: ROWS, rejected: 0 });
    await withReader(ws, async (wh) => {
      const [r] = await wh.sql.all<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM prc WHERE force_name = 'Avon and Somerset' AND quarter = 1 AND offence_code = '1/4.1/4.10/4.2'`,
      );
      expect(r?.n).toBe(4);
    });
  });

  const broken: [string, (real: Buffer) => Buffer, RegExp][] = [
    ['a header-only file', (real) => real.subarray(0, real.indexOf('\n') + 1), /has no data rows/],
    [
      'a truncated download',
      (real) => real.subarray(0, 200_000),
      /would replace the 23,068 stored rows of its financial year \(from .*prc_pfa_2017_18\.csv\) with [\d,]+: under half as many.*--allow-shrink/,
    ],
    [
      'a NUL-padded download (half the bytes, the rest zeros)',
      (real) => Buffer.concat([real.subarray(0, real.length / 2), Buffer.alloc(real.length - real.length / 2)]),
      /under half as many|over the limit|every one of/,
    ],
    [
      'a header followed by junk',
      (real) =>
        Buffer.concat([real.subarray(0, real.indexOf('\n') + 1), Buffer.from('<html>oops</html>\nnot,a,row\n')]),
      /every one of its 2 rows was rejected|Financial Year .<html>oops<\/html>. is not a financial year/,
    ],
    ['the file joined to itself', (real) => Buffer.concat([real, real]), /repeats the header line/],
  ];
  for (const [name, make, reason] of broken) {
    it(`${name} over a stored year is refused whole and the year keeps its rows`, async () => {
      const ws = await storedYear();
      const before = await stored(ws);
      const { result } = await importMade(make(await readFile(PRC_2017)), ws);
      expect(result.status).toBe('refused');
      expect(result.rows).toBe(0);
      expect(result.reason).toMatch(reason);
      expect(await stored(ws)).toEqual(before);
      const catalog = await readCatalog(ws.catalog);
      expect(catalog.sources['prc/all/2017-04']).toMatchObject({ rows: ROWS, source: PRC_2017 });
    });
  }

  it('--allow-shrink lets a smaller re-issue replace the year', async () => {
    const ws = await storedYear();
    const real = await readFile(PRC_2017);
    const { result } = await importMade(real.subarray(0, real.lastIndexOf('\n', 200_000) + 1), ws, true);
    expect(result.status).toBe('replaced');
    expect(result.rows).toBeLessThan(ROWS / 2);
    expect((await stored(ws)).n).toBe(result.rows);
  });
});
