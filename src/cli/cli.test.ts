/**
 * The `stra` command as a user runs it (the built bin): sub-commands with --help, JSON output
 * for scripts, and exit codes 0 ok, 1 failure, 2 usage.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/shared-data.js';
import { streetRow, STREET_HEADER_LINE, tempDir, writeInput } from '../../test/temp-workspace.js';

function stra(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'stra.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stra', () => {
  it('lists its commands and gives help on each', () => {
    const help = stra(['--help']);
    expect(help.code).toBe(0);
    for (const c of [
      'init',
      'import',
      'stats',
      'coverage',
      'imports',
      'areas',
      'trends',
      'harm',
      'population',
      'wdd',
      'indicators',
      'demo',
      'start',
    ])
      expect(help.stdout).toContain(c);
    const importHelp = stra(['import', '--help']);
    expect(importHelp.code).toBe(0);
    expect(importHelp.stdout).toContain('--force <id>');
    expect(importHelp.stdout).toContain('--workspace <dir>');
  });

  it('exits 2 on a usage error, naming the problem', () => {
    const r = stra(['stats', '--by', 'force,colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--by: 'colour' is not a dimension");
    expect(stra(['import']).code).toBe(2);
    expect(stra(['no-such-command']).code).toBe(2);
    expect(stra(['stats', '--from', '2017-13']).stderr).toContain(
      "--from: '2017-13' is not a month (expected YYYY-MM)",
    );
  });

  it('imports, answers stats and coverage as JSON, in the workspace named by STRA_WORKSPACE', async () => {
    const dir = await tempDir();
    const ws = path.join(dir, 'ws');
    const file = await writeInput(
      dir,
      '2018-03-warwickshire-street.csv',
      [
        STREET_HEADER_LINE,
        streetRow(),
        streetRow({ id: 'f'.repeat(64), type: 'Robbery' }),
        streetRow({ id: '', type: 'Anti-social behaviour', outcome: '' }),
      ].join('\n') + '\n',
    );
    const imp = stra(['import', '--json', file], { STRA_WORKSPACE: ws });
    expect(imp.code).toBe(0);
    const summary = JSON.parse(imp.stdout);
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining(['files', 'imported', 'rejected', 'skipped_files', 'by_file']),
    );
    expect(summary).toMatchObject({ files: 1, imported: 3, rejected: 0 });
    // crime by default: anti-social behaviour is not crime and is counted only when asked for
    const stats = JSON.parse(stra(['stats', '--json', '--by', 'csp,category'], { STRA_WORKSPACE: ws }).stdout);
    expect(stats.rows).toEqual([
      { csp: 'Rugby', category: 'burglary', count: 1 },
      { csp: 'Rugby', category: 'robbery', count: 1 },
    ]);
    expect(stats.total).toBe(2);
    const asb = JSON.parse(
      stra(['stats', '--json', '--by', 'force', '--category', 'anti-social-behaviour'], { STRA_WORKSPACE: ws }).stdout,
    );
    expect(asb.rows).toEqual([{ force: 'warwickshire', count: 1 }]);
    const cov = JSON.parse(stra(['coverage', '--json', '-w', ws]).stdout);
    expect(cov.forces).toEqual([
      { force: 'warwickshire', first: '2018-03', last: '2018-03', months: 1, rows: 3, missing: [], small: [] },
    ]);
    const manifest = JSON.parse(stra(['imports', '--json', '-w', ws]).stdout);
    expect(manifest[0].files[0]).toMatchObject({
      source: file,
      kind: 'street',
      force: 'warwickshire',
      month: '2018-03',
      status: 'imported',
      rows: 3,
      rejected: 0,
    });
    expect(manifest[0].files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 2 for a path that does not exist and 1 when a file is refused', async () => {
    const dir = await tempDir();
    const missing = stra(['import', '-w', path.join(dir, 'ws'), path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    const html = await writeInput(dir, 'page.csv', '<html><body>Not found</body></html>');
    const refused = stra(['import', '--json', '-w', path.join(dir, 'ws'), html]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).skipped_files[0].reason).toMatch(/HTML/);
  });

  it('loads an area table for another force and refuses a bad one naming line and field', async () => {
    const dir = await tempDir();
    const ws = path.join(dir, 'ws');
    const good = await writeInput(
      dir,
      'leics.csv',
      'force,csp,district,lsoa_code\nleicestershire,Charnwood CSP,Charnwood,E01025734\n',
    );
    expect(stra(['areas', 'load', good, '-w', ws]).code).toBe(0);
    const areas = JSON.parse(stra(['areas', 'list', '--json', '-w', ws]).stdout);
    // The loaded row wins over the shipped national table's for its LSOA.
    expect(areas).toContainEqual({ force: 'leicestershire', csp: 'Charnwood CSP', district: 'Charnwood', lsoas: 1 });
    const shipped = areas.find((a: { csp: string }) => a.csp === 'Charnwood');
    expect(shipped).toMatchObject({ force: 'leicestershire', district: 'Charnwood' });
    const bad = await writeInput(
      dir,
      'bad.csv',
      'force,csp,district,lsoa_code\nleicestershire,Charnwood,Charnwood,X123\n',
    );
    const r = stra(['areas', 'load', bad, '-w', ws]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}, line 2, lsoa_code: 'X123' is not an ONS LSOA code`);
  });
});
