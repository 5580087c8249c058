/**
 * A force extract's force must be one of the shipped police.uk forces, as a police.uk file
 * name's must (issue 12): an unknown id in its force column or from --force is refused with the
 * file, the line and the force named, unless the user adds it with --new-force; a force written
 * as its name is answered with its id.
 */
import { describe, expect, it } from 'vitest';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../../../../test/temp-workspace.js';
import type { ImportOptions } from '../../run-import.js';

const HEADER = 'Crime Reference,Offence Code,Recorded Date,Force';
const row = (n: number, force: string) => `22/10${n}/18,8N,2018-03-0${n},${force}`;

async function importExtract(lines: string[], extra: Partial<ImportOptions> = {}, header = HEADER) {
  const ws = await tempWorkspace();
  const file = await writeInput(await tempDir(), 'extract-2018.csv', [header, ...lines].join('\n') + '\n');
  const summary = await importInto(ws, [file], extra);
  return { ws, file, summary, result: summary.by_file[0]! };
}

const forces = (ws: Awaited<ReturnType<typeof tempWorkspace>>) =>
  withReader(ws, (wh) =>
    wh.sql.all<{ force: string; n: number }>(
      `SELECT force, count(*)::INTEGER AS n FROM offences GROUP BY ALL ORDER BY ALL`,
    ),
  );

describe('force extracts of a force not on the shipped list', () => {
  it('refuses rows whose force column is an unknown id, naming the file, line and force and how to add it', async () => {
    const { result, file } = await importExtract([row(1, 'narnia'), row(2, 'narnia'), row(3, 'warwickshire')]);
    expect(result).toMatchObject({ status: 'imported', rows: 1, rejected: 2 });
    expect(result.rejects_sample!.map((r) => [r.file, r.line, r.column])).toEqual([
      [file, 2, 'force'],
      [file, 3, 'force'],
    ]);
    expect(result.rejects_sample![0]!.reason).toBe(
      "force 'narnia' is not a police.uk force id of the 45 shipped; if it is a new or renamed force, import again with --new-force narnia",
    );
  });

  it('refuses a file whose every row is of an unknown force, quoting the first reject', async () => {
    const { result } = await importExtract([row(1, 'narnia'), row(2, 'narnia')]);
    expect(result.status).toBe('refused');
    expect(result.reason).toBe(
      "every one of its 2 rows was rejected (line 2, force: force 'narnia' is not a police.uk force id of the 45 shipped; if it is a new or renamed force, import again with --new-force narnia); nothing was imported from it",
    );
  });

  it('imports them under the new force with --new-force', async () => {
    const { ws, result } = await importExtract([row(1, 'narnia'), row(2, 'narnia'), row(3, 'warwickshire')], {
      newForces: ['narnia'],
    });
    expect(result).toMatchObject({ status: 'imported', rows: 3, rejected: 0 });
    expect(await forces(ws)).toEqual([
      { force: 'narnia', n: 2 },
      { force: 'warwickshire', n: 1 },
    ]);
  });

  it('refuses the whole file when --force names an unknown force, unless it is added', async () => {
    const header = 'Crime Reference,Offence Code,Recorded Date';
    const lines = ['22/1001/18,8N,2018-03-01', '22/1002/18,28E,2018-03-02'];
    const { result, file } = await importExtract(lines, { force: 'narnia' }, header);
    expect(result).toMatchObject({ file, status: 'refused', kind: 'force-extract', force: 'narnia', rows: 0 });
    expect(result.reason).toMatch(
      /^force 'narnia' is not one of the 45 police.uk forces \(closest: .+\)\. If it is a new or renamed force, import again with --new-force narnia$/,
    );
    const added = await importExtract(lines, { force: 'narnia', newForces: ['narnia'] }, header);
    expect(added.result).toMatchObject({ status: 'imported', rows: 2 });
    expect(await forces(added.ws)).toEqual([{ force: 'narnia', n: 2 }]);
  });

  it("answers a force written as its name with the force's id", async () => {
    const { result } = await importExtract([row(1, 'West Mercia Police'), row(2, 'west-mercia')]);
    expect(result).toMatchObject({ status: 'imported', rows: 1, rejected: 1 });
    expect(result.rejects_sample![0]).toMatchObject({ line: 2, column: 'force' });
    expect(result.rejects_sample![0]!.reason).toBe(
      "force 'West Mercia Police' is not a police.uk force id: it is the name of west-mercia, write that id instead",
    );
  });
});
