/**
 * Readers see the last committed state, always (issue 12): a reader that opened the catalog
 * before an import's commit still reads the files it names after the commit, and a loop of
 * readers running through a whole re-import of real police.uk files never fails.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace, writeInput } from '../../../test/temp-workspace.js';
import { openWarehouse } from '../reader.js';
import { crimeStats } from '../stats.js';

const NAMES = ['2018-03-warwickshire-street.csv', '2018-03-west-mercia-street.csv'];

/** Re-issues of the real files: the same rows less the last one. */
async function reissue(): Promise<string[]> {
  const dir = await tempDir();
  return Promise.all(
    NAMES.map(async (n) => {
      const lines = (await readFile(sharedData('police-uk', '2018-03', n), 'utf8')).trimEnd().split('\n');
      return writeInput(dir, n, lines.slice(0, -1).join('\n') + '\n');
    }),
  );
}

describeWithSharedData('readers during an import', () => {
  it('a reader opened before a re-import still reads after its commit', async () => {
    const ws = await tempWorkspace();
    await importInto(
      ws,
      NAMES.map((n) => sharedData('police-uk', '2018-03', n)),
    );
    const early = await openWarehouse(ws, { threads: 1, memoryLimit: '256MB' });
    try {
      await importInto(ws, await reissue());
      // Before: "No files found that match the pattern": the replaced month's file was deleted.
      expect((await crimeStats(early, { by: [] })).total).toBe(4225 + 9748);
    } finally {
      early.close();
    }
    const late = await openWarehouse(ws, { threads: 1, memoryLimit: '256MB' });
    try {
      expect((await crimeStats(late, { by: [] })).total).toBe(4224 + 9747);
    } finally {
      late.close();
    }
  });

  it('a loop of readers running through a whole re-import never fails', async () => {
    const ws = await tempWorkspace();
    await importInto(
      ws,
      NAMES.map((n) => sharedData('police-uk', '2018-03', n)),
    );
    const files = await reissue();
    let done = false;
    const totals = new Set<number>();
    const readers = (async () => {
      while (!done) {
        const wh = await openWarehouse(ws, { threads: 1, memoryLimit: '256MB' });
        try {
          totals.add((await crimeStats(wh, { by: ['month', 'category'] })).total);
        } finally {
          wh.close();
        }
      }
    })();
    await importInto(ws, files);
    done = true;
    await readers; // rejects if any read failed
    expect([...totals].every((t) => t === 4225 + 9748 || t === 4224 + 9747)).toBe(true);
    expect(path.isAbsolute(ws.catalog)).toBe(true);
  });
});
