/**
 * One writer at a time: an exclusive lock file in the warehouse. A lock left by a process that
 * no longer exists (killed mid-import) is taken over, so a crash never wedges the workspace. The
 * lock records its process's start time (Linux: /proc), so a lock whose PID now belongs to
 * another process (the PID was reused after a reboot or a long time) is known to be stale.
 */
import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import { conflictError } from '../errors.js';

interface LockBody {
  pid: number;
  host: string;
  since: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), where known. */
  started?: string;
}

/** A process's start time (/proc/<pid>/stat, field 22), or undefined where there is no /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count from after it
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export interface WriterLock {
  release(): Promise<void>;
}

export async function acquireWriterLock(file: string): Promise<WriterLock> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      const started = processStart(process.pid);
      const body: LockBody = {
        pid: process.pid,
        host: os.hostname(),
        since: new Date().toISOString(),
        ...(started ? { started } : {}),
      };
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
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // the PID is in use: by the lock's writer, or by another process that was given its number
  if (lock.started === undefined) return true;
  const now = processStart(lock.pid);
  return now === undefined || now === lock.started;
}

/** Whether the lock file is held by a live writer (for listing an import as running). */
export async function writerLockHeld(file: string): Promise<boolean> {
  const holder = await readLock(file).catch(() => undefined);
  return holder !== undefined && isAlive(holder);
}
