/**
 * A failure mid-import (the disk fills, the process is killed) leaves the warehouse exactly as it
 * was and usable; the next import cleans up what the failed one left and lands normally.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../workspace/workspace.js';
import { repoRoot } from '../../../test/shared-data.js';
import {
  importInto,
  streetRow,
  STREET_HEADER_LINE,
  tempDir,
  tempWorkspace,
  withReader,
  writeInput,
} from '../../../test/temp-workspace.js';
import { crimeStats } from '../stats.js';
import { readCatalog } from '../catalog.js';
import { removeOrphans } from './commit.js';

const rows = (n: number, month = '2018-03') =>
  Array.from({ length: n }, (_, i) => streetRow({ id: i.toString(16).padStart(64, '0'), month }));

async function seeded() {
  const ws = await tempWorkspace();
  const dir = await tempDir();
  await importInto(ws, [
    await writeInput(dir, 'v1/2018-03-warwickshire-street.csv', [STREET_HEADER_LINE, ...rows(5)].join('\n')),
  ]);
  return { ws, dir, catalogBefore: await readFile(ws.catalog, 'utf8') };
}

async function parquetFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.parquet')) out.push(e.name);
  return out.sort();
}

describe('failure mid-import', () => {
  it('leaves the warehouse as it was when the disk fills before the commit', async () => {
    const { ws, dir, catalogBefore } = await seeded();
    const reissue = await writeInput(
      dir,
      'v2/2018-03-warwickshire-street.csv',
      [STREET_HEADER_LINE, ...rows(9)].join('\n'),
    );
    const newMonth = await writeInput(
      dir,
      'v2/2018-04-warwickshire-street.csv',
      [STREET_HEADER_LINE, ...rows(3, '2018-04')].join('\n'),
    );
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(
      importInto(ws, [reissue, newMonth], {
        beforeCommit: () => {
          throw full;
        },
      }),
    ).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(/the disk is full/) });
    expect(await readFile(ws.catalog, 'utf8')).toBe(catalogBefore);
    expect((await withReader(ws, (wh) => crimeStats(wh, { by: [] }))).total).toBe(5);
    // The next import removes the failed one's files and lands.
    const retry = await importInto(ws, [reissue, newMonth]);
    expect(retry.by_file.map((f) => f.status)).toEqual(['replaced', 'imported']);
    expect((await withReader(ws, (wh) => crimeStats(wh, { by: [] }))).total).toBe(12);
    // superseded files are kept for readers for a grace period, then swept: sweep now
    await removeOrphans(await readCatalog(ws.catalog), ws.warehouse, ws.staging, 0);
    expect(await parquetFiles(path.join(ws.warehouse, 'street'))).toHaveLength(2);
  });

  it('leaves the warehouse as it was when the process is killed mid-file', async () => {
    const { ws, dir, catalogBefore } = await seeded();
    // A large re-issue: long enough to be caught while DuckDB is writing it.
    const big = [STREET_HEADER_LINE, ...rows(400_000)].join('\n');
    const file = path.join(dir, 'v2', '2018-03-warwickshire-street.csv');
    await writeInput(dir, 'v2/2018-03-warwickshire-street.csv', big);
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin', 'stra.js'), 'import', '--json', '-w', ws.root, file],
      { stdio: 'ignore' },
    );
    // Kill once DuckDB has started writing the new partition (its output folder exists).
    const deadline = Date.now() + 30_000;
    const writing = async () => {
      const imports = await readdir(ws.staging).catch(() => [] as string[]); // gone again: not yet, or done
      return imports.some((id) => existsSync(path.join(ws.staging, id, 'batch-0', 'out')));
    };
    while (!(await writing())) {
      if (Date.now() > deadline) throw new Error('import never started writing');
      await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(await readFile(ws.catalog, 'utf8')).toBe(catalogBefore);
    expect((await withReader(ws, (wh) => crimeStats(wh, { by: [] }))).total).toBe(5);
    // A stale lock from the killed process does not block the next import.
    const retry = await importInto(ws, [file]);
    expect(retry.by_file[0]).toMatchObject({ status: 'replaced', rows: 400_000 });
    // superseded files are kept for readers for a grace period, then swept: sweep now
    await removeOrphans(await readCatalog(ws.catalog), ws.warehouse, ws.staging, 0);
    expect(await parquetFiles(path.join(ws.warehouse, 'street'))).toHaveLength(1);
  });
});

/** A real full disk: a 4 MiB tmpfs holds the workspace (needs root; skipped elsewhere). */
function smallDisk(): string | undefined {
  const dir = path.join(os.tmpdir(), `stra-full-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined; // not root, or no mount in this sandbox: the simulated test above still runs
  }
}

const disk = smallDisk();
afterAll(() => {
  if (disk) execFileSync('umount', [disk]);
});

describe.skipIf(!disk)('a disk that really fills up (tmpfs)', () => {
  it('refuses the import with the system error and keeps the warehouse as it was', async () => {
    const ws = (await openWorkspace(path.join(disk!, 'workspace'))).paths;
    const dir = await tempDir();
    await importInto(ws, [
      await writeInput(dir, 'v1/2018-03-warwickshire-street.csv', [STREET_HEADER_LINE, ...rows(5)].join('\n')),
    ]);
    const before = await readFile(ws.catalog, 'utf8');
    // Random Crime IDs do not compress: 200,000 of them need far more than the 4 MiB there is.
    const random = Array.from({ length: 200_000 }, () =>
      streetRow({ id: randomBytes(32).toString('hex'), month: '2018-04' }),
    );
    const big = await writeInput(dir, 'v2/2018-04-warwickshire-street.csv', [STREET_HEADER_LINE, ...random].join('\n'));
    await expect(importInto(ws, [big])).rejects.toThrow(
      /the disk is full\. Nothing was imported, and the warehouse is as it was before this batch\. Free some space/,
    );
    expect(await readFile(ws.catalog, 'utf8')).toBe(before);
    expect((await withReader(ws, (wh) => crimeStats(wh, { by: [] }))).total).toBe(5);
    const small = await importInto(ws, [
      await writeInput(
        dir,
        'v3/2018-04-warwickshire-street.csv',
        [STREET_HEADER_LINE, ...rows(3, '2018-04')].join('\n'),
      ),
    ]);
    expect(small.by_file[0]).toMatchObject({ status: 'imported', rows: 3 });
  });
});
