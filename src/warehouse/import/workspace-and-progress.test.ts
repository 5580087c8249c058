/**
 * Two cases of issue 12 around a real police.uk file: a workspace that cannot be written is said
 * in a sentence (was: a stack trace), and the progress report does not go silent while a zip is
 * unpacked (was: nothing, then a jump).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import yazl from 'yazl';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace } from '../../../test/temp-workspace.js';
import type { ImportProgress } from './types.js';

const NAME = '2018-03-warwickshire-street.csv';
const REAL = () => sharedData('police-uk', '2018-03', NAME);

/** `chattr +i` holds even for root (these tests may run as root, for whom chmod is no bar). */
function immutable(dir: string, on: boolean): boolean {
  try {
    execFileSync('chattr', ['-R', on ? '+i' : '-i', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describeWithSharedData('the workspace and the progress of a real import', () => {
  it('says in a sentence that a workspace cannot be written, and imports nothing', async (ctx) => {
    const ws = await tempWorkspace();
    if (!immutable(ws.root, true)) return ctx.skip(); // a file system without immutable files
    try {
      await expect(importInto(ws, [REAL()])).rejects.toThrow(
        new RegExp(
          `^the workspace ${ws.root.replaceAll('/', '\\/')}.* cannot be written \\(permission denied\\): nothing was imported\\. Make it writable, or choose another with --workspace$`,
        ),
      );
    } finally {
      immutable(ws.root, false);
    }
  });

  it('reports bytes unpacked while a zip is unpacked, before loading starts', async () => {
    const dir = await tempDir();
    const zipFile = path.join(dir, 'archive.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(await readFile(REAL()), `2018-03/${NAME}`);
    await new Promise<void>((resolve, reject) => {
      zip.outputStream.pipe(createWriteStream(zipFile)).on('close', resolve).on('error', reject);
      zip.end();
    });
    const seen: ImportProgress[] = [];
    const summary = await importInto(await tempWorkspace(), [zipFile], { onProgress: (p) => seen.push(p) });
    expect(summary.imported).toBe(4225);
    const unpack = seen.filter((p) => p.phase === 'unpack');
    expect(unpack.length).toBeGreaterThan(0);
    expect(unpack.at(-1)!.bytesDone).toBe((await readFile(REAL())).length);
    expect(seen.findIndex((p) => p.phase === 'load')).toBeGreaterThan(seen.indexOf(unpack.at(-1)!));
  });
});
