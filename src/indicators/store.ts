/**
 * Where indicator values live: one JSON file, `<workspace>/indicators/values.json`, holding every
 * value (with the import, file and line it came from) and the manifest of imports (file, SHA-256,
 * rows, when, by). Indicators are a few thousand numbers, so one small file replaced atomically
 * (write a temporary file, fsync, rename, fsync the folder) is all the durability they need: a
 * crash leaves either the old file or the new one. One writer at a time, under a lock file.
 */
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { StraError, stateError } from '../errors.js';
import { acquireWriterLock } from '../warehouse/lock.js';
import { parsePeriod } from '../domain/indicators/period.js';
import type { IndicatorValue } from '../domain/indicators/types.js';

export const INDICATOR_STORE_FORMAT = 1;

export interface IndicatorPaths {
  readonly dir: string;
  readonly values: string;
  readonly lock: string;
}

export function indicatorPaths(workspaceRoot: string): IndicatorPaths {
  const dir = path.join(path.resolve(workspaceRoot), 'indicators');
  return { dir, values: path.join(dir, 'values.json'), lock: path.join(dir, '.lock') };
}

export interface ValueSource {
  readonly importId: string;
  readonly file: string;
  readonly line: number;
}

export interface StoredValue extends IndicatorValue {
  /** The import, file and line that set this value. */
  readonly source: ValueSource;
}

export interface IndicatorImportRecord {
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly when: string;
  readonly by: string;
}

export interface IndicatorStore {
  readonly format: typeof INDICATOR_STORE_FORMAT;
  readonly values: readonly StoredValue[];
  readonly imports: readonly IndicatorImportRecord[];
}

const StoreSchema = z.object({
  format: z.literal(INDICATOR_STORE_FORMAT),
  values: z.array(
    z.object({
      series: z.string().min(1),
      organisation: z.string().min(1),
      period: z.string().refine((p) => parsePeriod(p).ok, 'not a period'),
      value: z.number().nonnegative(),
      unit: z.string().optional(),
      publishedPct: z.string().optional(),
      sourceName: z.string().optional(),
      source: z.object({ importId: z.string(), file: z.string(), line: z.number().int() }),
    }),
  ),
  imports: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      sha256: z.string(),
      rows: z.number().int(),
      added: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      when: z.string(),
      by: z.string(),
    }),
  ),
});

export const EMPTY_STORE: IndicatorStore = { format: INDICATOR_STORE_FORMAT, values: [], imports: [] };

/** Reads the stored values; an absent file is an empty store, a damaged one an error. */
export async function readIndicatorStore(paths: IndicatorPaths): Promise<IndicatorStore> {
  let text: string;
  try {
    text = await readFile(paths.values, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_STORE;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw stateError(`indicator store ${paths.values} is damaged: ${(err as Error).message}`);
  }
  const parsed = StoreSchema.safeParse(json);
  if (!parsed.success) throw stateError(`indicator store ${paths.values} is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data as IndicatorStore;
}

/** Replaces the store atomically: the rename is the commit point. */
export async function writeIndicatorStore(paths: IndicatorPaths, store: IndicatorStore): Promise<void> {
  await mkdir(paths.dir, { recursive: true });
  const tmp = `${paths.values}.${process.pid}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(JSON.stringify(store, null, 1) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, paths.values);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    throw new StraError(
      'IO',
      `could not write the indicator store ${paths.values}: ${e.message}. Nothing was changed.`,
      { cause: e.code },
    );
  }
  await syncFolder(paths.dir);
}

/** Runs `fn` holding the indicators' writer lock (a lock left by a dead process is taken over). */
export async function withIndicatorLock<T>(paths: IndicatorPaths, fn: () => Promise<T>): Promise<T> {
  await mkdir(paths.dir, { recursive: true });
  const lock = await acquireWriterLock(paths.lock);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // some file systems cannot fsync a folder; the rename itself is still atomic
  } finally {
    await handle.close();
  }
}
