/**
 * Importing indicator CSVs: a bad file is refused whole with every error's file, line and field,
 * and leaves the store byte for byte as it was; a good file upserts by series, organisation and
 * period; the same file again changes nothing.
 */
import { mkdtemp, readFile, rm, writeFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importIndicatorsCsv } from './import-csv.js';
import { indicatorPaths, readIndicatorStore, type IndicatorPaths } from './store.js';
import { refusal } from '../../test/refusal.js';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function setup(): Promise<{
  dir: string;
  paths: IndicatorPaths;
  write: (name: string, text: string | Buffer) => Promise<string>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stra-ind-'));
  dirs.push(dir);
  return {
    dir,
    paths: indicatorPaths(path.join(dir, 'ws')),
    write: async (name, text) => {
      const f = path.join(dir, name);
      await writeFile(f, text);
      return f;
    },
  };
}

const run = (paths: IndicatorPaths, file: string) =>
  importIndicatorsCsv(paths, file, { user: 'tester', now: () => new Date('2026-11-26T12:00:00Z') });

const GOOD =
  'series,organisation,period,value,unit\nvetting,warwickshire,2016-04,120,applications\nvetting,warwickshire,2016-05,95,applications\n';

describe('indicator CSV import', () => {
  it('imports a good file and records it in the manifest', async () => {
    const { paths, write } = await setup();
    const file = await write('vetting.csv', '\uFEFF' + GOOD.replace('series,organisation', 'Series,ORGANISATION'));
    const r = await run(paths, file);
    expect(r).toMatchObject({ status: 'imported', rows: 2, added: 2, updated: [], unchanged: 0 });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const store = await readIndicatorStore(paths);
    expect(store.values).toEqual([
      {
        series: 'vetting',
        organisation: 'warwickshire',
        period: '2016-04',
        value: 120,
        unit: 'applications',
        source: { importId: r.importId, file, line: 2 },
      },
      {
        series: 'vetting',
        organisation: 'warwickshire',
        period: '2016-05',
        value: 95,
        unit: 'applications',
        source: { importId: r.importId, file, line: 3 },
      },
    ]);
    expect(store.imports).toEqual([
      {
        id: r.importId,
        file,
        sha256: r.sha256,
        rows: 2,
        added: 2,
        updated: 0,
        unchanged: 0,
        when: '2026-11-26T12:00:00.000Z',
        by: 'tester',
      },
    ]);
  });

  it('refuses a file with any bad row, listing every error by file, line and field, and stores nothing', async () => {
    const { paths, write } = await setup();
    await run(paths, await write('good.csv', GOOD));
    const before = await readFile(paths.values);
    const bad = await write(
      'bad.csv',
      [
        '# complaints received, typed from the PSD report',
        'series,organisation,period,value,published_pct',
        'complaints,west-mercia,2016-04,31,',
        'complaints,,2016-05,28,',
        '',
        'complaints,west-mercia,"2016-06",n/a,',
        'complaints,west-mercia,2016-04,30,',
        'complaints,west-mercia,2016-07,"1,2",about 5%',
        'complaints,west-mercia,2016-13,12,',
      ].join('\n') + '\n',
    );
    const err = await refusal(run(paths, bad));
    expect(err.code).toBe('INPUT');
    expect(err.message.split('\n')).toEqual([
      `${bad}: refused, nothing was stored (6 errors):`,
      `${bad}, line 4, organisation: is empty`,
      `${bad}, line 6, value: 'n/a' is not a number (expected e.g. 1301, 52,327 or 12.5)`,
      `${bad}, line 7, period: series 'complaints', organisation 'west-mercia', period 2016-04 is already on line 3`,
      `${bad}, line 8, value: '1,2' is not a number (expected e.g. 1301, 52,327 or 12.5)`,
      `${bad}, line 8, published_pct: 'about 5%' is not a percentage (expected e.g. -7.3%, + 1.2%, 12 or N/A)`,
      `${bad}, line 9, period: '2016-13' is not a month (the month must be 01 to 12)`,
    ]);
    expect((err.details as { errors: unknown[] }).errors).toHaveLength(6);
    expect(await readFile(paths.values)).toEqual(before);
  });

  it('numbers lines as an editor does, after quoted newlines and comments', async () => {
    const { paths, write } = await setup();
    const file = await write(
      'multi.csv',
      'series,organisation,period,value\r\n"missing\r\npersons",a,2016-01,4\r\n# note\r\n"missing\r\npersons",a,2016-02,x\r\n',
    );
    const err = await refusal(run(paths, file));
    expect(err.message).toContain(`${file}, line 5, value: 'x' is not a number`);
  });

  it('refuses bad headers, empty and non-UTF-8 files, and names a missing file', async () => {
    const { paths, write } = await setup();
    const header = await write('h.csv', 'series,org,period,value\ns,a,2016,1\n');
    expect((await refusal(run(paths, header))).message.split('\n').slice(1)).toEqual([
      `${header}, line 1, org: unexpected column (the columns are series, organisation, period, value, unit, published_pct, source)`,
      `${header}, line 1, organisation: required column is missing (the header needs series, organisation, period, value)`,
    ]);
    expect((await refusal(run(paths, await write('e.csv', '')))).message).toMatch(/is empty/);
    expect((await refusal(run(paths, await write('n.csv', 'series,organisation,period,value\n')))).message).toMatch(
      /no rows/,
    );
    expect(
      (
        await refusal(
          run(
            paths,
            await write('l.csv', Buffer.from('series,organisation,period,value\ns,Caf\xe9,2016,1\n', 'latin1')),
          ),
        )
      ).message,
    ).toMatch(/not UTF-8/);
    const missing = await refusal(run(paths, path.join(path.dirname(header), 'nope.csv')));
    expect(missing.code).toBe('NOT_FOUND');
    await expect(stat(paths.values)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a series whose period kind differs from what is stored', async () => {
    const { paths, write } = await setup();
    await run(paths, await write('good.csv', GOOD));
    const f = await write('fy.csv', 'series,organisation,period,value\nvetting,warwickshire,2016/17,1200\n');
    expect((await refusal(run(paths, f))).message).toContain(
      `${f}, line 2, period: '2016/17' is one of the financial years, but series 'vetting' already holds months; a series holds one kind of period`,
    );
  });

  it('upserts: the same file again changes nothing; a corrected value replaces the old one and is reported', async () => {
    const { paths, write } = await setup();
    const file = await write('good.csv', GOOD);
    const first = await run(paths, file);
    const bytes = await readFile(paths.values);
    const again = await run(paths, file);
    expect(again).toMatchObject({
      status: 'unchanged',
      importId: null,
      added: 0,
      updated: [],
      unchanged: 2,
      sha256: first.sha256,
    });
    expect(await readFile(paths.values)).toEqual(bytes);

    const fix = await write(
      'fix.csv',
      'series,organisation,period,value,unit\nvetting,warwickshire,2016-05,97,applications\nvetting,warwickshire,2016-06,101,applications\n',
    );
    const r = await run(paths, fix);
    expect(r).toMatchObject({ status: 'imported', added: 1, unchanged: 0 });
    expect(r.updated).toEqual([
      {
        series: 'vetting',
        organisation: 'warwickshire',
        period: '2016-05',
        changes: [{ field: 'value', from: 95, to: 97 }],
      },
    ]);
    const store = await readIndicatorStore(paths);
    expect(store.values.map((v) => [v.period, v.value, path.basename(v.source.file)])).toEqual([
      ['2016-04', 120, 'good.csv'],
      ['2016-05', 97, 'fix.csv'],
      ['2016-06', 101, 'fix.csv'],
    ]);
    expect(store.imports.map((i) => [path.basename(i.file), i.added, i.updated, i.unchanged])).toEqual([
      ['good.csv', 2, 0, 0],
      ['fix.csv', 1, 1, 0],
    ]);
  });

  it('keeps the printed percentage when a corrected file has no published_pct column', async () => {
    const { paths, write } = await setup();
    await run(
      paths,
      await write('a.csv', 'series,organisation,period,value,published_pct\nh,a,2014,100,\nh,a,2015,90,-9.1%\n'),
    );
    const r = await run(paths, await write('b.csv', 'series,organisation,period,value\nh,a,2015,91\n'));
    expect(r.updated).toEqual([
      { series: 'h', organisation: 'a', period: '2015', changes: [{ field: 'value', from: 90, to: 91 }] },
    ]);
    expect((await readIndicatorStore(paths)).values.find((v) => v.period === '2015')).toMatchObject({
      value: 91,
      publishedPct: '-9.1%',
    });
  });

  it('stores the source a file names, keeps it when a corrected file has no source column, and reports a new one', async () => {
    const { paths, write } = await setup();
    await run(
      paths,
      await write('a.csv', 'series,organisation,period,value,source\nc,a,2015/16,90,PSD case records\n'),
    );
    await run(paths, await write('b.csv', 'series,organisation,period,value\nc,a,2015/16,91\n'));
    expect((await readIndicatorStore(paths)).values[0]).toMatchObject({ value: 91, sourceName: 'PSD case records' });
    const r = await run(
      paths,
      await write('c.csv', 'series,organisation,period,value,source\nc,a,2015/16,91,Centurion\n'),
    );
    expect(r.updated[0]!.changes).toEqual([{ field: 'sourceName', from: 'PSD case records', to: 'Centurion' }]);
  });

  it('one writer at a time: while a live process holds the lock an import fails with a conflict and stores nothing', async () => {
    const { paths, write } = await setup();
    const file = await write('good.csv', GOOD);
    await run(paths, await write('first.csv', 'series,organisation,period,value\nx,a,2016,1\n'));
    const before = await readFile(paths.values);
    await writeFile(
      paths.lock,
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
    );
    const err = await refusal(run(paths, file));
    expect(err.code).toBe('CONFLICT');
    expect(await readFile(paths.values)).toEqual(before);
    await rm(paths.lock);
    expect((await run(paths, file)).status).toBe('imported');
  });
});
