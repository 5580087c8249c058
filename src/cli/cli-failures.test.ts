/**
 * How `stra` fails (issue 12), as a user runs the built bin: a missing path creates no
 * workspace, `--json` failures print JSON, an unknown category is refused with suggestions,
 * and a reader that closes the pipe early (`| head`) ends the command quietly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedData, hasSharedData } from '../../test/shared-data.js';
import { tempDir } from '../../test/temp-workspace.js';

const bin = path.join(repoRoot, 'bin', 'stra.js');

function stra(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stra failures', () => {
  it('import of a path that does not exist fails before creating the workspace', async () => {
    const ws = path.join(await tempDir(), 'never');
    const r = stra(['import', '/nonexistent/2018-03-warwickshire-street.csv', '--workspace', ws]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stra: no such file or folder: /nonexistent/2018-03-warwickshire-street.csv\n');
    expect(existsSync(ws)).toBe(false);
  });

  it('prints a failure as JSON with --json', async () => {
    const ws = path.join(await tempDir(), 'ws');
    const r = stra(['import', '/nonexistent.csv', '--json', '--workspace', ws]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'NOT_FOUND', message: 'no such file or folder: /nonexistent.csv' },
    });
  });

  it('refuses an unknown --category with the closest categories', async () => {
    const ws = path.join(await tempDir(), 'ws');
    const r = stra(['stats', '--category', 'burglery', '--workspace', ws]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--category: 'burglery' is not a police.uk crime category (did you mean burglary,");
  });

  (hasSharedData ? it : it.skip)('ends quietly when the reader of its output goes away (| head)', async () => {
    const ws = path.join(await tempDir(), 'ws');
    expect(stra(['import', sharedData('police-uk', '2018-03'), '--workspace', ws]).code).toBe(0);
    // thousands of rows: far more than a pipe holds, so writes go on after head has gone
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" stats --by lsoa,month,category --json --workspace "${ws}" | head -c 10`],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|Error/); // before: "Error: write EPIPE" and a stack trace
  });
});
