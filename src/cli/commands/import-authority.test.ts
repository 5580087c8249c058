/**
 * Issue 13, defect 3 on the command line: once the workspace's system of record has users,
 * `stra import` acts as one of them (--as or STRA_USER) and may write only the forces' data that
 * user may write; a refused import writes nothing; an accepted one is audited.
 */
import { describe, expect, it } from 'vitest';
import { stra } from '../../../test/store-cli.js';
import { STREET_HEADER_LINE, streetRow, tempDir, withReader, writeInput } from '../../../test/temp-workspace.js';

describe("stra import and the right to write a force's data", () => {
  it("refuses a West Mercia importer Warwickshire's month and imports it for Warwickshire's analyst", async () => {
    const root = await tempDir();
    const env = { STRA_WORKSPACE: root, STRA_USER: 'admin', DATABASE_URL: undefined };
    expect((await stra(['demo-store'], env)).code).toBe(0);
    const add = (name: string, org: string) =>
      stra(['user', 'add', name, '--name', name, '--clearance', 'OFFICIAL', '--member', `${org}:analyst`], env);
    const added = await add('wm.analyst', 'west-mercia');
    expect(added.stderr).toBe('');
    await add('w.analyst', 'warwickshire');
    const file = await writeInput(
      await tempDir(),
      '2018-03-warwickshire-street.csv',
      `${STREET_HEADER_LINE}\n${streetRow()}\n`,
    );
    const refused = await stra(['import', file, '--as', 'wm.analyst'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('police.uk data for warwickshire can be imported only by');
    const ok = await stra(['import', file, '--as', 'w.analyst', '--json'], env);
    expect(ok.code).toBe(0);
    const audit = await stra(['audit', '--as', 'admin', '--json'], env);
    expect(audit.stdout).toContain('"action": "import"');
    const { workspacePaths } = await import('../../workspace/workspace.js');
    const rows = await withReader(workspacePaths(root), (wh) =>
      wh.sql.all<{ n: number }>('SELECT count(*)::INT AS n FROM street'),
    );
    expect(rows[0]!.n).toBe(1);
  }, 120_000);
});
