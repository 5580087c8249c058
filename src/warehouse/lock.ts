/**
 * One writer at a time: an exclusive lock file in the warehouse. A lock left by a process that
 * no longer exists (killed mid-import) is taken over, so a crash never wedges the workspace.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import { conflictError } from '../errors.js';

interface LockBody {
  pid: number;
  host: string;
  since: string;
}

export interface WriterLock {
  release(): Promise<void>;
}

export async function acquireWriterLock(file: string): Promise<WriterLock> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      const body: LockBody = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
      await handle.writeFile(JSON.stringify(body));
      await handle.close();
      return { release: () => unlink(file).catch(() => undefined) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readLock(file);
      if (holder && isAlive(holder)) {
        throw conflictError(
          `another import is writing to this workspace (process ${holder.pid} on ${holder.host} since ${holder.since}); wait for it to finish`,
          { writerLockHeld: true },
        );
      }
      await unlink(file).catch(() => undefined); // stale: its process is gone
    }
  }
  throw conflictError(`could not take the warehouse lock ${file}`);
}

async function readLock(file: string): Promise<LockBody | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockBody;
  } catch {
    return undefined; // empty or half-written lock: its writer died before finishing it
  }
}

function isAlive(lock: LockBody): boolean {
  if (lock.host !== os.hostname()) return true; // cannot check another machine: assume alive
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
