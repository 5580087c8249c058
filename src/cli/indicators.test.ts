/**
 * `stra indicators` as a user runs it (the built code: `npm test` builds first): import the seed's
 * tables, list, tabulate and check them as JSON, refuse a bad file naming line and field, and the
 * exit codes 0 ok, 1 refused or a printed percentage that does not match, 2 usage.
 *
 * Until `indicatorsCommand` is registered in src/cli/main.ts, the command is run through a
 * stand-in for bin/stra.js that adds it to the same program with the same exit-code rules; once
 * it is registered, the real bin/stra.js is used.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared-data.js';

const bin = path.join(repoRoot, 'bin', 'stra.js');
const dist = (p: string) => pathToFileURL(path.join(repoRoot, 'dist', 'src', p)).href;
const registered = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout.includes('indicators');

// The same wiring as bin/stra.js + main.ts, with the indicators command added.
const standIn = `
const { buildProgram } = await import(${JSON.stringify(dist('cli/main.js'))});
const { indicatorsCommand } = await import(${JSON.stringify(dist('cli/commands/indicators.js'))});
const { StraError } = await import(${JSON.stringify(dist('errors.js'))});
const program = buildProgram();
program.addCommand(indicatorsCommand);
const deep = (c) => { c.exitOverride(); c.commands.forEach(deep); };
deep(program);
try {
  await program.parseAsync(process.argv.slice(1), { from: 'user' });
} catch (err) {
  if (typeof err?.code === 'string' && err.code.startsWith('commander.')) {
    process.exitCode = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? 0 : 2;
  } else if (err instanceof StraError) {
    process.stderr.write('stra: ' + err.message + '\\n');
    process.exitCode = err.code === 'USAGE' || err.code === 'NOT_FOUND' ? 2 : 1;
  } else {
    process.stderr.write(String(err?.stack ?? err));
    process.exitCode = 1;
  }
}`;

function stra(args: string[], env: Record<string, string> = {}) {
  const argv = registered ? [bin, ...args] : ['--input-type=module', '-e', standIn, ...args];
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => path.join(repoRoot, 'data', 'demo', 'indicators', name);
const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});
async function workspace(): Promise<{ dir: string; ws: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stra-ind-cli-'));
  dirs.push(dir);
  return { dir, ws: path.join(dir, 'ws') };
}

describe('stra indicators', () => {
  it('gives help on the command and its sub-commands', () => {
    const help = stra(['indicators', '--help']);
    expect(help.code).toBe(0);
    for (const c of ['import', 'list', 'table', 'check']) expect(help.stdout).toContain(c);
    const table = stra(['indicators', 'table', '--help']);
    expect(table.code).toBe(0);
    for (const o of [
      '--series <id>',
      '--organisation <name>',
      '--years <basis>',
      '--ytd-to <MM>',
      '--workspace <dir>',
      '--json',
    ])
      expect(table.stdout).toContain(o);
  });

  it.skipIf(!registered)('is listed by stra --help', () => {
    expect(stra(['--help']).stdout).toContain('indicators');
  });

  it('imports the seed tables, tabulates them and finds the seed slips, as JSON', async () => {
    const { ws } = await workspace();
    for (const f of ['seed-hate-crime.csv', 'seed-specials-duty-hours.csv']) {
      const r = stra(['indicators', 'import', '--json', '-w', ws, fixture(f)]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'imported', updated: [] });
    }
    const again = stra(['indicators', 'import', '-w', ws, fixture('seed-hate-crime.csv')]);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged', added: 0, unchanged: 54 });

    const list = JSON.parse(stra(['indicators', 'list', '-w', ws]).stdout);
    expect(list).toContainEqual({
      series: 'hate-crime-markers',
      organisation: 'alliance',
      kind: 'month',
      unit: 'crimes',
      first: '2012-04',
      last: '2016-09',
      values: 54,
      published: 0,
    });
    const imports = JSON.parse(stra(['indicators', 'list', '--imports', '-w', ws]).stdout);
    expect(imports).toHaveLength(2);

    const table = stra(['indicators', 'table', '--series', 'hate-crime-markers', '--ytd-to', '09', '-w', ws], {
      STRA_WORKSPACE: '/nonexistent',
    });
    expect(table.code).toBe(0);
    const t = JSON.parse(table.stdout);
    expect(t.type).toBe('month-year');
    expect(t.table.rows.map((r: { year: string; total: number }) => [r.year, r.total])).toEqual([
      ['2012/13', 899],
      ['2013/14', 748],
      ['2014/15', 846],
      ['2015/16', 1301],
      ['2016/17', 917],
    ]);
    expect(t.table.ytd.label).toBe('Apr-Sep');
    expect(t.table.rows[4].ytdYoyPct).toBeCloseTo(42.834890965732086, 12);

    const check = stra(['indicators', 'check', '-w', ws]);
    expect(check.code).toBe(1);
    const c = JSON.parse(check.stdout);
    expect([c.checked, c.mismatches]).toEqual([12, 2]);
    expect(
      c.checks
        .filter((x: { status: string }) => x.status === 'mismatch')
        .map(
          (x: { organisation: string; period: string; printed: string }) =>
            `${x.organisation} ${x.period} ${x.printed}`,
        ),
    ).toEqual(['warwickshire 2015 - 9.1%', 'west-mercia 2015 -7.3%']);
    const clean = stra(['indicators', 'check', '--series', 'hate-crime-markers', '-w', ws]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ checked: 0, mismatches: 0, checks: [] });
  });

  it('refuses a bad file naming file, line and field, exit 1, and stores nothing', async () => {
    const { dir, ws } = await workspace();
    const bad = path.join(dir, 'complaints.csv');
    await writeFile(
      bad,
      'series,organisation,period,value\ncomplaints,west-mercia,2016-04,31\ncomplaints,west-mercia,2016-05,lots\n',
    );
    const r = stra(['indicators', 'import', '-w', ws, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`stra: ${bad}: refused, nothing was stored (1 error):`);
    expect(r.stderr).toContain(`${bad}, line 3, value: 'lots' is not a number`);
    expect(JSON.parse(stra(['indicators', 'list', '-w', ws]).stdout)).toEqual([]);
    expect(stra(['indicators', 'import', '-w', ws, path.join(dir, 'nope.csv')]).code).toBe(2);
  });

  it('exits 2 on a usage error, naming the problem', async () => {
    const { ws } = await workspace();
    stra(['indicators', 'import', '-w', ws, fixture('seed-specials-establishment.csv')]);
    expect(stra(['indicators', 'table', '-w', ws]).code).toBe(2); // --series is required
    const years = stra(['indicators', 'table', '--series', 'x', '--years', 'weekly', '-w', ws]);
    expect([years.code, years.stderr]).toEqual([2, "stra: --years: 'weekly' is not calendar or financial\n"]);
    expect(stra(['indicators', 'table', '--series', 'x', '--ytd-to', '13', '-w', ws]).stderr).toContain(
      "--ytd-to: '13' is not a month number",
    );
    const unknown = stra(['indicators', 'table', '--series', 'nope', '-w', ws]);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      "stra: no indicator series 'nope'; the series are: specials-establishment\n",
    ]);
    const two = stra(['indicators', 'table', '--series', 'specials-establishment', '-w', ws]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('has figures for warwickshire, west-mercia: choose one with --organisation');
    const one = stra([
      'indicators',
      'table',
      '--series',
      'specials-establishment',
      '--organisation',
      'warwickshire',
      '-w',
      ws,
    ]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).table.rows[1].yoyPct[5]).toBeCloseTo(10.695187165775401, 12);
  });
});
