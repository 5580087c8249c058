/**
 * Bad input, one test each: every bad row is rejected with file, line, column and reason; a
 * file that is not a known format is refused whole; nothing already stored is lost or doubled.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import {
  importInto,
  streetRow,
  STREET_HEADER_LINE,
  tempDir,
  tempWorkspace,
  withReader,
  writeInput,
} from '../../../test/temp-workspace.js';
import { readCatalog } from '../catalog.js';
import { crimeStats } from '../stats.js';
import { removeOrphans } from './commit.js';

const FILE = '2018-03-warwickshire-street.csv';
const good = (n: number, o: Parameters<typeof streetRow>[0] = {}) =>
  Array.from({ length: n }, (_, i) => streetRow({ id: String(i).padStart(64, 'b'), ...o }));

async function importText(text: string | Buffer, name = FILE) {
  const ws = await tempWorkspace();
  const dir = await tempDir();
  const file = await writeInput(dir, name, text);
  const summary = await importInto(ws, [file]);
  return { ws, file, summary, result: summary.by_file[0]! };
}

describe('a file that is not one of the formats is refused whole', () => {
  it('names the missing and unexpected columns of a wrong header', async () => {
    const header = STREET_HEADER_LINE.replace('Crime type', 'Crime category');
    const { result, summary } = await importText([header, ...good(2)].join('\n') + '\n');
    expect(result.status).toBe('refused');
    expect(result.reason).toBe(
      "header does not match the police.uk street format: missing column 'Crime type'; unexpected column 'Crime category'",
    );
    expect(summary.imported).toBe(0);
  });

  it('refuses a file with no header line (data first)', async () => {
    const { result } = await importText(good(3).join('\n') + '\n');
    expect(result.status).toBe('refused');
    expect(result.reason).toMatch(/^not a police\.uk street, outcomes or stop-and-search file, nor a force extract/);
  });

  it('refuses an empty file', async () => {
    const { result } = await importText('');
    expect(result).toMatchObject({ status: 'refused', reason: 'the file is empty (0 bytes)' });
  });

  it('refuses an HTML page saved by a failed download', async () => {
    const { result } = await importText(
      '<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head></html>\n',
    );
    expect(result.status).toBe('refused');
    expect(result.reason).toMatch(/HTML/);
  });

  it('stops with a clear error, before reading anything, when a path does not exist', async () => {
    const ws = await tempWorkspace();
    const missing = path.join(await tempDir(), 'no-such.csv');
    await expect(importInto(ws, [missing])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `no such file or folder: ${missing}`,
    });
    expect(Object.keys((await readCatalog(ws.catalog)).partitions)).toEqual([]);
  });

  it('refuses a file whose name gives an impossible month', async () => {
    const { result } = await importText([STREET_HEADER_LINE, ...good(1)].join('\n'), '2017-13-warwickshire-street.csv');
    expect(result).toMatchObject({
      status: 'refused',
      reason: 'file name month 2017-13 is not a valid month (expected YYYY-MM)',
    });
  });
});

describe('bad rows are rejected with file, line, column and reason', () => {
  it('rejects a truncated last line and keeps the rest', async () => {
    const truncated = streetRow({ id: 'c'.repeat(64) })
      .split(',')
      .slice(0, 7)
      .join(',');
    const { result, file, summary } = await importText([STREET_HEADER_LINE, ...good(3), truncated].join('\n'));
    expect(result).toMatchObject({ status: 'imported', rows: 3, rejected: 1 });
    expect(result.rejects_sample).toEqual([
      {
        file,
        line: 5,
        column: 'LSOA code',
        reason: 'too few fields (a truncated line or a missing comma?)',
        structural: true,
      },
    ]);
    expect(summary.rejects_report).toMatch(/rejects/);
  });

  it('reads a quoted field holding a newline and a comma, and still counts lines right after it', async () => {
    const multi = streetRow({ id: 'd'.repeat(64), location: '"On or near High Street,\nSoutham"' });
    const badMonth = streetRow({ id: 'e'.repeat(64), month: '2017-13' });
    const { ws, file, result } = await importText([STREET_HEADER_LINE, ...good(2), multi, badMonth].join('\n') + '\n');
    expect(result).toMatchObject({ rows: 3, rejected: 1 });
    // Header line 1, two rows on 2-3, the quoted row on 4-5, the bad month on line 6.
    expect(result.rejects_sample).toEqual([
      {
        file,
        line: 6,
        column: 'Month',
        reason: "Month '2017-13' is not a month (expected YYYY-MM)",
        structural: false,
      },
    ]);
    const loc = await withReader(ws, (wh) =>
      wh.sql.all<{ location: string }>(`SELECT location FROM street WHERE crime_id = '${'d'.repeat(64)}'`),
    );
    expect(loc).toEqual([{ location: 'On or near High Street,\nSoutham' }]);
  });

  it('rejects a month that differs from the file month', async () => {
    const { result, file } = await importText(
      [STREET_HEADER_LINE, ...good(1), streetRow({ id: 'f'.repeat(64), month: '2018-04' })].join('\n'),
    );
    expect(result.rejects_sample).toEqual([
      {
        file,
        line: 3,
        column: 'Month',
        reason: "Month 2018-04 differs from the file's month 2018-03 (a police.uk file holds one month)",
        structural: false,
      },
    ]);
  });

  it('rejects bad longitude and latitude values', async () => {
    const rows = [
      streetRow({ id: '1'.repeat(64), lon: 'abc' }),
      streetRow({ id: '2'.repeat(64), lat: '95.000000' }),
      streetRow({ id: '3'.repeat(64), lat: '' }),
    ];
    const { result, file } = await importText([STREET_HEADER_LINE, ...good(1), ...rows].join('\n'));
    expect(result.rejects_sample).toEqual([
      { file, line: 3, column: 'Longitude', reason: "Longitude 'abc' is not a number", structural: false },
      {
        file,
        line: 4,
        column: 'Latitude',
        reason: 'Latitude 95.000000 is outside the UK (expected 49 to 61.5)',
        structural: false,
      },
      {
        file,
        line: 5,
        column: 'Longitude',
        reason: 'Longitude and Latitude must both be given or both be empty',
        structural: false,
      },
    ]);
    expect(result.rows).toBe(1);
  });

  it('rejects an unknown crime type', async () => {
    const { result, file } = await importText(
      [STREET_HEADER_LINE, ...good(1), streetRow({ id: '4'.repeat(64), type: 'Burglry' })].join('\n'),
    );
    expect(result.rejects_sample).toEqual([
      {
        file,
        line: 3,
        column: 'Crime type',
        reason: "Crime type 'Burglry' is not a police.uk crime category",
        structural: false,
      },
    ]);
  });

  it('rejects a row with bytes that are not UTF-8', async () => {
    const bad = Buffer.from(
      streetRow({ id: '5'.repeat(64), location: 'On or near XX' }).replace('XX', '\u0000'),
      'latin1',
    );
    bad[bad.indexOf(0)] = 0xff;
    const text = Buffer.concat([
      Buffer.from([STREET_HEADER_LINE, ...good(2)].join('\n') + '\n'),
      bad,
      Buffer.from('\n'),
    ]);
    const { result, file } = await importText(text);
    expect(result).toMatchObject({ rows: 2, rejected: 1 });
    expect(result.rejects_sample).toEqual([
      { file, line: 4, column: 'Location', reason: 'bytes that are not UTF-8 text', structural: true },
    ]);
  });

  it('refuses a file whose every row is rejected, keeping the month already stored', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    await importInto(ws, [await writeInput(dir, 'a/' + FILE, [STREET_HEADER_LINE, ...good(4)].join('\n'))]);
    const broken = await writeInput(
      dir,
      'b/' + FILE,
      [STREET_HEADER_LINE, ...good(2, { type: 'Nonsense' })].join('\n'),
    );
    const summary = await importInto(ws, [broken]);
    expect(summary.by_file[0]).toMatchObject({
      status: 'refused',
      rejected: 2,
      reason: 'every one of its 2 rows was rejected; nothing was imported from it',
    });
    const stats = await withReader(ws, (wh) => crimeStats(wh, { by: [] }));
    expect(stats.total).toBe(4);
  });
});

describe('encodings and line endings', () => {
  it('accepts a UTF-8 byte-order mark', async () => {
    const { result, ws } = await importText('\uFEFF' + [STREET_HEADER_LINE, ...good(3)].join('\n') + '\n');
    expect(result).toMatchObject({ status: 'imported', rows: 3, rejected: 0 });
    const ids = await withReader(ws, (wh) =>
      wh.sql.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM street WHERE length(crime_id) = 64`),
    );
    expect(ids[0]!.n).toBe(3);
  });

  it('accepts Windows line endings without leaving carriage returns in values', async () => {
    const { result, ws } = await importText([STREET_HEADER_LINE, ...good(3)].join('\r\n') + '\r\n');
    expect(result).toMatchObject({ rows: 3, rejected: 0 });
    const rows = await withReader(ws, (wh) =>
      wh.sql.all<{ last_outcome: string; context: string | null }>(`SELECT last_outcome, context FROM street`),
    );
    expect(
      rows.every((r) => r.last_outcome === 'Investigation complete; no suspect identified' && r.context === null),
    ).toBe(true);
  });
});

describe('zip archives', () => {
  it('imports the CSV files of an archive and lists the unrelated entries as skipped', async () => {
    const dir = await tempDir();
    const zipPath = path.join(dir, 'archive.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from([STREET_HEADER_LINE, ...good(3)].join('\n') + '\n'), `2018-03/${FILE}`);
    zip.addBuffer(
      Buffer.from([STREET_HEADER_LINE, ...good(2, { month: '2018-04' })].join('\n') + '\n'),
      '2018-04/2018-04-warwickshire-street.csv',
    );
    zip.addBuffer(Buffer.from('Read me'), 'README.txt');
    zip.addBuffer(Buffer.from('a,b\n1,2\n'), 'notes/other.csv');
    await new Promise<void>((resolve, reject) => {
      zip.outputStream.pipe(createWriteStream(zipPath)).on('close', resolve).on('error', reject);
      zip.end();
    });
    const ws = await tempWorkspace();
    const summary = await importInto(ws, [zipPath]);
    expect(summary.imported).toBe(5);
    expect(summary.skipped_files).toEqual([
      { file: `${zipPath}!README.txt`, reason: 'not a CSV file' },
      {
        file: `${zipPath}!notes/other.csv`,
        reason: "not a police.uk street, outcomes or stop-and-search file, nor a force extract: header is 'a,b'",
      },
    ]);
    expect(summary.by_file.map((f) => f.file)).toContain(`${zipPath}!2018-03/${FILE}`);
  });
});

describe('idempotence and re-issues', () => {
  it('replaces a force-month when police.uk re-issues it, and deletes the old partition file after the grace', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    await importInto(ws, [await writeInput(dir, 'v1/' + FILE, [STREET_HEADER_LINE, ...good(3)].join('\n'))]);
    const second = await importInto(ws, [
      await writeInput(dir, 'v2/' + FILE, [STREET_HEADER_LINE, ...good(2)].join('\n')),
    ]);
    expect(second.by_file[0]).toMatchObject({ status: 'replaced', rows: 2 });
    expect((await withReader(ws, (wh) => crimeStats(wh, { by: [] }))).total).toBe(2);
    // kept for readers that opened the catalog before the commit, then swept
    expect(await readdir(path.join(ws.warehouse, 'street'))).toHaveLength(2);
    await removeOrphans(await readCatalog(ws.catalog), ws.warehouse, ws.staging, 0);
    expect(await readdir(path.join(ws.warehouse, 'street'))).toHaveLength(1);
  });

  it('counts anti-social behaviour rows (no Crime ID), keeps identical incidents, and never doubles them', async () => {
    const asb = streetRow({ id: '', type: 'Anti-social behaviour', outcome: '' });
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const file = await writeInput(dir, FILE, [STREET_HEADER_LINE, asb, asb, ...good(1)].join('\n') + '\n');
    await importInto(ws, [file]);
    await importInto(ws, [file]);
    const stats = await withReader(ws, (wh) => crimeStats(wh, { by: ['category'] }));
    expect(stats.rows).toEqual([
      { category: 'anti-social-behaviour', count: 2 },
      { category: 'burglary', count: 1 },
    ]);
  });

  it('reports a force-month with no file as missing, not as zero', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    await importInto(ws, [
      await writeInput(
        dir,
        '2018-01-warwickshire-street.csv',
        [STREET_HEADER_LINE, ...good(1, { month: '2018-01' })].join('\n'),
      ),
      await writeInput(dir, FILE, [STREET_HEADER_LINE, ...good(1)].join('\n')),
    ]);
    const stats = await withReader(ws, (wh) => crimeStats(wh, { by: ['month'] }));
    expect(stats.missing).toEqual([{ force: 'warwickshire', month: '2018-02' }]);
    expect(stats.rows.map((r) => r.month)).toEqual(['2018-01', '2018-03']);
  });
});
