import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_STORE, indicatorPaths, readIndicatorStore, writeIndicatorStore, type IndicatorStore } from './store.js';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});
async function paths() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stra-ind-store-'));
  dirs.push(dir);
  return indicatorPaths(dir);
}

const store: IndicatorStore = {
  format: 1,
  values: [
    {
      series: 's',
      organisation: 'a',
      period: '2016/17',
      value: 3,
      publishedPct: '+2%',
      source: { importId: 'ind-1', file: '/x.csv', line: 2 },
    },
  ],
  imports: [
    {
      id: 'ind-1',
      file: '/x.csv',
      sha256: 'a'.repeat(64),
      rows: 1,
      added: 1,
      updated: 0,
      unchanged: 0,
      when: '2026-11-26T12:00:00.000Z',
      by: 'tester',
    },
  ],
};

describe('the indicator store', () => {
  it('is empty before the first import and reads back what was written', async () => {
    const p = await paths();
    expect(p.values).toMatch(/indicators[\\/]values\.json$/);
    expect(await readIndicatorStore(p)).toEqual(EMPTY_STORE);
    await writeIndicatorStore(p, store);
    expect(await readIndicatorStore(p)).toEqual(store);
    expect(await readdir(p.dir)).toEqual(['values.json']); // no temporary file left behind
  });

  it('says when the file is damaged rather than reading it as empty', async () => {
    const p = await paths();
    await mkdir(p.dir, { recursive: true });
    await writeFile(p.values, '{"format":1,"values":[{"series":"s"}');
    await expect(readIndicatorStore(p)).rejects.toMatchObject({
      code: 'STATE',
      message: expect.stringContaining('is damaged'),
    });
    await writeFile(p.values, JSON.stringify({ ...store, values: [{ ...store.values[0], period: '2016-13' }] }));
    await expect(readIndicatorStore(p)).rejects.toMatchObject({
      code: 'STATE',
      message: expect.stringContaining('not a period'),
    });
  });

  it('leaves the previous file whole when a write fails', async () => {
    const p = await paths();
    await writeIndicatorStore(p, store);
    const before = await readFile(p.values);
    await mkdir(`${p.values}.${process.pid}.tmp`); // the temporary file cannot be created
    await expect(writeIndicatorStore(p, { ...store, values: [] })).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringContaining('Nothing was changed'),
    });
    expect(await readFile(p.values)).toEqual(before);
  });
});
