/**
 * One process at a time on an embedded PGlite folder. Why: PGlite is PostgreSQL in-process with
 * no server to arbitrate, so two `stra` commands opening the same folder would corrupt it. An
 * exclusive lock file beside the data is taken on open (waiting a little for a short command to
 * finish) and a lock left by a dead process is taken over.
 */
import { open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { conflictError } from '../../errors.js';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface FolderLock {
  release(): Promise<void>;
}

export async function lockFolder(file: string, waitMs = 10_000): Promise<FolderLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const taken = await tryTake(file);
    if (taken !== undefined) return taken;
    const holder = await readHolder(file);
    if (holder === undefined ? await olderThan(file, 5_000) : !isAlive(holder)) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      const who =
        holder === undefined ? 'another process' : `process ${holder.pid} on ${holder.host} (since ${holder.since})`;
      throw conflictError(
        `The store ${file.replace(/\.lock$/, '')} is in use by ${who}; wait for it to finish, then try again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tryTake(file: string): Promise<FolderLock | undefined> {
  try {
    const handle = await open(file, 'wx');
    const body: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(body));
    await handle.close();
    return { release: () => unlink(file).catch(() => undefined) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  }
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** An unreadable lock (its writer died between creating and writing it) is stale after a while. */
async function olderThan(file: string, ms: number): Promise<boolean> {
  const s = await stat(file).catch(() => undefined);
  return s !== undefined && Date.now() - s.mtimeMs > ms;
}

function isAlive(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
