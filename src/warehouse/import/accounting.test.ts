/**
 * Every row accounted for (issue 12), each case on a real police.uk file made bad in a temp
 * folder: a stray quote costs one row, not the rest of the file; a broken re-issue (header only,
 * truncated, NUL-padded, header and junk) never replaces a good stored month.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../../test/temp-workspace.js';
import { readCatalog } from '../catalog.js';
import { coverage } from '../coverage.js';
import { crimeStats } from '../stats.js';
import { shrinkRefusal, unaccounted } from './accounting.js';
import { scanFile } from './files/scan.js';

const NAME = '2018-03-warwickshire-street.csv';
const ROWS = 4225;
const real = () => readFile(sharedData('police-uk', '2018-03', NAME), 'utf8');

/** The real file with physical line `n` (1 = header) changed by `edit`. */
async function withLine(n: number, edit: (line: string) => string): Promise<string> {
  const lines = (await real()).split('\n');
  lines[n - 1] = edit(lines[n - 1]!);
  return lines.join('\n');
}

async function importMade(
  content: string | Buffer,
  ws?: Awaited<ReturnType<typeof tempWorkspace>>,
  allowShrink = false,
) {
  const workspace = ws ?? (await tempWorkspace());
  const file = await writeInput(await tempDir(), NAME, content);
  const summary = await importInto(workspace, [file], { allowShrink });
  return { ws: workspace, summary, result: summary.by_file[0]! };
}

const total = (ws: Awaited<ReturnType<typeof tempWorkspace>>) =>
  withReader(ws, async (wh) => (await crimeStats(wh, { by: [] })).total);

describe('accounting sums', () => {
  it('balances when every data line is imported, rejected or a duplicate', () => {
    expect(unaccounted(10, { rows: 7, rejected: 2, duplicates: 1 })).toBeUndefined();
  });
  it('names the lines that would be lost', () => {
    expect(unaccounted(4225, { rows: 99, rejected: 1, duplicates: 0 })).toMatch(
      /^its 4,225 data lines do not balance: 99 imported \+ 1 rejected \+ 0 duplicates = 100, so 4,125 lines would be lost; the file was refused whole/,
    );
  });
  it('lets a re-issue shrink a little, not by half or to nothing', () => {
    const stored = { rows: 4225, source: 'old.csv' };
    expect(shrinkRefusal(stored, 4000, false)).toBeUndefined();
    expect(shrinkRefusal(stored, 2000, false)).toMatch(/replace the 4,225 stored rows .* with 2,000: under half/);
    expect(shrinkRefusal(stored, 0, false)).toMatch(/with 0: no rows at all/);
    expect(shrinkRefusal(stored, 0, true)).toBeUndefined();
    expect(shrinkRefusal(undefined, 0, false)).toBeUndefined();
  });
});

describeWithSharedData('every row accounted for, on the real Warwickshire 2018-03 street file', () => {
  it('counts the data lines of the real file as its rows', async () => {
    const scan = await scanFile(sharedData('police-uk', '2018-03', NAME));
    expect(scan).toMatchObject({ dataLines: ROWS, brokenLines: [] });
  });

  it('a stray quote in row 100 rejects that row alone and imports the other 4,224', async () => {
    // Before: 99 rows imported, 1 rejected, and the 4,125 rows after it nowhere.
    const text = await withLine(101, (l) => l.replace(',On or near', ',"On or near'));
    const { ws, result, summary } = await importMade(text);
    expect(result).toMatchObject({ status: 'imported', rows: ROWS - 1, rejected: 1 });
    expect(result.rejects_sample![0]).toMatchObject({ file: expect.stringContaining(NAME), line: 101 });
    expect(result.rejects_sample![0]!.reason).toMatch(/quote opens a field that does not close on this line/);
    expect(summary.rejected).toBe(1);
    expect(await total(ws)).toBe(ROWS - 1);
  });

  it('a quote that opens on row 100 and closes on row 200 costs row 100 alone', async () => {
    // Before: DuckDB read rows 100 to 200 as one bad record: 4,124 imported, 1 rejected.
    let text = await withLine(101, (l) => l.replace(',On or near', ',"On or near'));
    text = text
      .split('\n')
      .map((l, i) => (i === 200 ? l.replace(',On or near', ',On or "near') : l))
      .join('\n');
    const { ws, result } = await importMade(text);
    expect(result).toMatchObject({ status: 'imported', rows: ROWS - 1, rejected: 1 });
    expect(result.rejects_sample!.map((r) => r.line)).toEqual([101]);
    const kept = await withReader(ws, (wh) =>
      wh.sql.all<{ n: number }>(
        `SELECT count(*)::INT AS n FROM street WHERE location = 'On or "near' || substr(location, 12)`,
      ),
    );
    expect(kept[0]!.n).toBe(1); // the quote inside a field is kept as written
  });

  it('a carriage return inside row 100 rejects that row alone', async () => {
    // Before: DuckDB's CSV reader stopped the whole batch ("state machine reached an invalid state").
    const text = await withLine(101, (l) => l.replace('On or near', 'On or\rnear'));
    const { result } = await importMade(text);
    expect(result).toMatchObject({ status: 'imported', rows: ROWS - 1, rejected: 1 });
    expect(result.rejects_sample![0]).toMatchObject({ line: 101, column: '(line)' });
    expect(result.rejects_sample![0]!.reason).toMatch(/^a carriage return inside the line/);
  });

  it('a stray quote on the last line, with no newline after it, is one reject', async () => {
    const text = (await real()).trimEnd() + '"';
    const { result } = await importMade(text);
    expect(result).toMatchObject({ status: 'imported', rows: ROWS - 1, rejected: 1 });
    expect(result.rejects_sample![0]!.line).toBe(ROWS + 1);
  });

  describe('a broken re-issue over the stored month is refused, and the month kept', () => {
    const cases: [string, () => Promise<string | Buffer>, RegExp][] = [
      ['a header-only file', async () => (await real()).split('\n')[0]! + '\n', /4,225 stored rows .* with 0/],
      [
        'a truncated download',
        async () => (await readFile(sharedData('police-uk', '2018-03', NAME))).subarray(0, 200_000),
        /4,225 stored rows .* with 897: under half/,
      ],
      [
        'a NUL-padded download (half the bytes, the rest zeros)',
        async () => {
          const bytes = await readFile(sharedData('police-uk', '2018-03', NAME));
          const cut = bytes.lastIndexOf(0x0a, bytes.length / 2) + 1;
          return Buffer.concat([bytes.subarray(0, cut), Buffer.alloc(bytes.length - cut)]);
        },
        /4,225 stored rows .* under half/,
      ],
      [
        'a header followed by junk',
        async () => (await real()).split('\n')[0]! + '\n<html>\nService unavailable\n',
        /every one of its 2 rows was rejected/,
      ],
    ];
    for (const [what, make, reason] of cases) {
      it(what, async () => {
        const { ws } = await importMade(await real());
        const { result, summary } = await importMade(await make(), ws);
        expect(result.status).toBe('refused');
        expect(result.reason).toMatch(reason);
        expect(summary.imported).toBe(0);
        expect(await total(ws)).toBe(ROWS);
        const source = Object.values((await readCatalog(ws.catalog)).sources)[0]!;
        expect(source.rows).toBe(ROWS);
      });
    }

    it('--allow-shrink lets a smaller re-issue replace the month', async () => {
      const { ws } = await importMade(await real());
      const cut = (await readFile(sharedData('police-uk', '2018-03', NAME))).subarray(0, 200_000);
      const { result } = await importMade(cut, ws, true);
      expect(result).toMatchObject({ status: 'replaced', rows: 897, rejected: 1 });
      expect(await total(ws)).toBe(897);
      // ... and coverage then flags the month beside a full April
      await importInto(ws, [sharedData('police-uk', '2018-04', '2018-04-warwickshire-street.csv')]);
      const report = coverage(await readCatalog(ws.catalog), 'street');
      expect(report.forces[0]!.small).toEqual([{ month: '2018-03', rows: 897, usual: 4363 }]);
    });
  });
});
