/**
 * `stra report` from the command line: options checked before anything is opened, and a run on a
 * workspace holding only the demo store (no crime data), which writes the HTML and the build log
 * and says in the log that the crime sections were left out.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { StraError } from '../../errors.js';
import { seedDemoStore } from '../../demo/record/seed.js';
import { actorFor, listAudit, openStore, storeFolder } from '../../store/index.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { reportCommand } from './report.js';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-report-cli-'));
  root = (await openWorkspace(path.join(dir, 'ws'))).paths.root;
  const store = await openStore({ folder: storeFolder(root) });
  await seedDemoStore(store);
  await store.close();
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function stra(args: string[]): Promise<{ error: unknown; stdout: string }> {
  const program = buildProgram();
  if (!program.commands.some((c) => c.name() === 'report')) program.addCommand(reportCommand);
  const deep = (c: typeof program) => {
    c.exitOverride();
    c.commands.forEach(deep);
  };
  deep(program);
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = '';
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { error: undefined, stdout };
  } catch (error) {
    return { error, stdout };
  } finally {
    process.stdout.write = write;
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

describe('stra report', () => {
  it('refuses an unknown format or marking before opening anything', async () => {
    const base = ['report', '-w', root, '--as', 'r.patel', '--assessment', '2017/18', '--out', path.join(dir, 'x')];
    const format = await stra([...base, '--clearance', 'OFFICIAL', '--format', 'html,odt']);
    expect(format.error).toBeInstanceOf(StraError);
    expect((format.error as StraError).message).toContain(
      "--format: 'html,odt' should be one or more of html, pdf, docx",
    );
    const marking = await stra([...base, '--clearance', 'PROTECT', '--format', 'html']);
    expect((marking.error as StraError).message).toContain('Unknown protective marking "PROTECT"');
    const period = await stra([...base, '--clearance', 'OFFICIAL', '--format', 'html', '--data-period', 'last year']);
    expect((period.error as StraError).message).toContain('--data-period');
  });

  it('writes the document and its build log, leaving out what has no data', async () => {
    const out = path.join(dir, 'out');
    const run = await stra([
      'report',
      '-w',
      root,
      '--as',
      'r.patel',
      '--assessment',
      '2017/18',
      '--format',
      'html',
      '--clearance',
      'OFFICIAL',
      '--out',
      out,
      '--json',
    ]);
    expect(run.error).toBeUndefined();
    const result = JSON.parse(run.stdout) as { marking: string; files: Record<string, string>; sections: string[] };
    expect(result.marking).toBe('OFFICIAL');
    expect((await readdir(out)).sort()).toEqual([
      'build-log.html',
      'build-log.json',
      'build-log.txt',
      'strategic-assessment-2017-18-OFFICIAL.html',
    ]);
    // The demo's written text is in the store (issue 14), so the introduction comes first, as in the seed.
    expect(result.sections.slice(0, 2)).toEqual(['Section 1: Introduction', 'Section 2: Assessment summary']);
    const log = await readFile(path.join(out, 'build-log.txt'), 'utf8');
    expect(log).toContain('[demand] Recorded crime tables and chart: the workspace holds no crime data');
    expect(log).toContain("above the build's clearance OFFICIAL");
    // The build is in the audit (issue 13): who, which assessment, clearance, marking and files.
    const store = await openStore({ folder: storeFolder(root) });
    try {
      const rows = await listAudit(store, await actorFor(store, 'admin'), { action: 'built', administeredOnly: true });
      expect(rows.find((r) => r.actorName === 'r.patel')).toMatchObject({
        table: 'assessments',
        marking: 'OFFICIAL',
        after: { clearance: 'OFFICIAL', marking: 'OFFICIAL', files: result.files },
      });
    } finally {
      await store.close();
    }
  });

  it('names the assessments to choose from when a period is not found', async () => {
    const run = await stra([
      'report',
      '-w',
      root,
      '--as',
      'r.patel',
      '--assessment',
      '2019/20',
      '--format',
      'html',
      '--clearance',
      'OFFICIAL',
      '--out',
      path.join(dir, 'y'),
    ]);
    expect((run.error as StraError).message).toContain('There is no assessment for 2019/20 that you can see');
  });

  it('writes an audit row for a build that fails: who, what was asked, why, and that nothing was disclosed', async () => {
    const out = path.join(dir, 'failed');
    const args = ['report', '-w', root, '--as', 'k.hughes', '--assessment', '2031/32', '--format', 'html,docx'];
    const run = await stra([...args, '--clearance', 'OFFICIAL', '--out', out]);
    expect((run.error as StraError).message).toContain('There is no assessment for 2031/32 that you can see');
    const store = await openStore({ folder: storeFolder(root) });
    try {
      const rows = await listAudit(store, await actorFor(store, 'admin'), { action: 'build-failed' });
      const row = rows.find((r) => r.actorName === 'k.hughes');
      expect(row).toMatchObject({
        action: 'build-failed',
        table: 'assessments',
        recordId: '2031/32',
        marking: 'OFFICIAL',
        after: { clearance: 'OFFICIAL', formats: ['html', 'docx'], disclosed: 'nothing', via: 'stra report' },
      });
      expect((row?.after as { error: string }).error).toContain('There is no assessment for 2031/32');
    } finally {
      await store.close();
    }
    // Nothing was written where the document would have gone.
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
