/** Throw-away workspaces and input files for warehouse tests. */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { openWorkspace, type WorkspacePaths } from '../src/workspace/workspace.js';
import { runImport, type ImportOptions } from '../src/warehouse/import/run-import.js';
import { openWarehouse, type Warehouse } from '../src/warehouse/reader.js';
import type { ImportSummary } from '../src/warehouse/import/types.js';

const madeForTest: string[] = [];
const madeForFile: string[] = [];

afterEach(async () => {
  while (madeForTest.length) await rm(madeForTest.pop()!, { recursive: true, force: true });
});
afterAll(async () => {
  while (madeForFile.length) await rm(madeForFile.pop()!, { recursive: true, force: true });
});

/**
 * A temporary folder, removed after the test that made it; with `scope: 'file'` (for data made
 * once in `beforeAll`), removed after the whole test file.
 */
export async function tempDir(prefix = 'stra-test-', scope: 'test' | 'file' = 'test'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  (scope === 'file' ? madeForFile : madeForTest).push(dir);
  return dir;
}

export async function tempWorkspace(scope: 'test' | 'file' = 'test'): Promise<WorkspacePaths> {
  const dir = await tempDir('stra-ws-', scope);
  return (await openWorkspace(path.join(dir, 'workspace'))).paths;
}

export async function importInto(
  ws: WorkspacePaths,
  paths: string[],
  extra: Partial<ImportOptions> = {},
): Promise<ImportSummary> {
  return runImport(ws, { paths, user: 'tester', threads: 2, memoryLimit: '1GB', batchBytes: 400_000_000, ...extra });
}

export async function withReader<T>(ws: WorkspacePaths, fn: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await openWarehouse(ws, { threads: 2, memoryLimit: '1GB' });
  try {
    return await fn(wh);
  } finally {
    wh.close();
  }
}

/** Writes `content` (text or bytes) to `dir/name`, creating folders. */
export async function writeInput(dir: string, name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

export const STREET_HEADER_LINE =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** A valid police.uk street row for Warwickshire. */
export function streetRow(
  o: Partial<
    Record<'id' | 'month' | 'lon' | 'lat' | 'location' | 'lsoa' | 'lsoaName' | 'type' | 'outcome', string>
  > = {},
): string {
  const id = o.id ?? 'a'.repeat(64);
  return [
    id,
    o.month ?? '2018-03',
    'Warwickshire Police',
    'Warwickshire Police',
    o.lon ?? '-1.519500',
    o.lat ?? '52.284000',
    o.location ?? 'On or near Parking Area',
    o.lsoa ?? 'E01031159',
    o.lsoaName ?? 'Rugby 001C',
    o.type ?? 'Burglary',
    o.outcome ?? 'Investigation complete; no suspect identified',
    '',
  ].join(',');
}
