/**
 * How `stra` fails (issue 12), as a user runs the built bin: a missing path creates no
 * workspace, `--json` failures print JSON, an unknown category is refused with suggestions,
 * and a reader that closes the pipe early (`| head`) ends the command quietly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedData, hasSharedData } from '../../test/shared-data.js';
import { tempDir } from '../../test/temp-workspace.js';

const bin = path.join(repoRoot, 'bin', 'stra.js');

/** The CLI with its stdout read by `reader`, which may close the pipe whenever it likes. */
function straPiped(
  args: string[],
  reader: (stdout: NodeJS.ReadableStream & { destroy(): void }) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    reader(child.stdout);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

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

  (hasSharedData ? it : it.skip)(
    'stra imports --files exits 0 with nothing on stderr when its reader closes the pipe early',
    async () => {
      const ws = path.join(await tempDir(), 'ws');
      expect(stra(['import', sharedData('police-uk', '2018-03'), '--workspace', ws]).code).toBe(0);
      const args = ['imports', '--files', '--workspace', ws];
      // a reader gone before the first write: every write the command makes meets a closed pipe
      const gone = await straPiped(args, (stdout) => stdout.destroy());
      expect(gone).toEqual({ code: 0, signal: null, stderr: '' });
      // `| head -n 1`: the reader takes one line and closes; the command's own status is checked
      const head = await straPiped(args, (stdout) => {
        let first = '';
        stdout.on('data', (d: Buffer) => {
          first += d.toString('utf8');
          if (first.includes('\n')) stdout.destroy();
        });
      });
      expect(head).toEqual({ code: 0, signal: null, stderr: '' });
      expect(first(stra(args).stdout)).toBe('[');
    },
  );
});

const first = (s: string) => s.slice(0, 1);
