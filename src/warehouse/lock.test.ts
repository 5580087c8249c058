/**
 * The writer lock (issue 12): a lock whose PID was reused by another process is stale and taken
 * over; a lock of a live writer is not; an import record left running by a writer that is gone
 * is listed as interrupted.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace.js';
import { acquireWriterLock, processStart, writerLockHeld } from './lock.js';

const lockBody = (started: string | undefined) =>
  JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    since: '2026-01-01T00:00:00Z',
    ...(started ? { started } : {}),
  });

describe.runIf(processStart(process.pid) !== undefined)('the writer lock (Linux /proc)', () => {
  it('takes over a lock whose PID now belongs to another process (PID reused)', async () => {
    // Before: the PID was alive, so the import waited forever for a writer that was long gone.
    const file = path.join(await tempDir(), 'lock');
    await writeFile(file, lockBody('1')); // this PID, but a process that started at tick 1
    expect(await writerLockHeld(file)).toBe(false);
    const lock = await acquireWriterLock(file);
    await lock.release();
  });

  it('refuses a lock held by a live writer, naming it', async () => {
    const file = path.join(await tempDir(), 'lock');
    await writeFile(file, lockBody(processStart(process.pid)));
    expect(await writerLockHeld(file)).toBe(true);
    await expect(acquireWriterLock(file)).rejects.toThrow(
      /another import is writing to this workspace \(process \d+ on /,
    );
  });
});

describe('an import killed after some batches', () => {
  it('is listed as interrupted, not finished', async () => {
    const { emptyCatalog, importState } = await import('./catalog.js');
    const c = emptyCatalog();
    const record = { id: 'i', startedAt: 'a', finishedAt: 'b', by: 'u', rejectsFile: null, files: [] };
    c.imports.push({ ...record, state: 'finished' }, { ...record, id: 'j', state: 'running' });
    expect(importState(c, c.imports[0]!, false)).toBe('finished');
    expect(importState(c, c.imports[1]!, false)).toBe('interrupted');
    expect(importState(c, c.imports[1]!, true)).toBe('running');
  });
});
