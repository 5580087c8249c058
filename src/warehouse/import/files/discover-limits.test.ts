/**
 * What an import reads from disk and archives (issue 12), around a real police.uk file: zip
 * limits checked while unpacking, a Mac's metadata ignored, damaged zips, dangling and looping
 * links and FIFOs reported by path while the rest of the folder imports.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import yazl from 'yazl';
import { describeWithSharedData, sharedData } from '../../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace } from '../../../../test/temp-workspace.js';

const NAME = '2018-03-warwickshire-street.csv';
const REAL = () => sharedData('police-uk', '2018-03', NAME);

async function zipOf(file: string, entries: [string, Buffer][]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject);
    zip.end();
  });
  return file;
}

describeWithSharedData('files and archives around a real police.uk file', () => {
  it('imports a zip made on a Mac and ignores its __MACOSX/._* entries (exit 0: nothing refused)', async () => {
    const dir = await tempDir();
    const zip = await zipOf(path.join(dir, 'mac.zip'), [
      [NAME, await readFile(REAL())],
      [`__MACOSX/._${NAME}`, Buffer.from([0, 5, 22, 7, 0, 2, 0, 0, 0x4d, 0x61, 0x63])],
    ]);
    const summary = await importInto(await tempWorkspace(), [zip]);
    expect(summary.imported).toBe(4225);
    expect(summary.by_file.map((f) => f.status)).toEqual(['imported']);
    expect(summary.skipped_files).toEqual([]);
  });

  it('stops unpacking a zip bomb at the ratio limit and removes what it wrote', async () => {
    // Before: 1 MB became 1 GB on disk before any check.
    const dir = await tempDir();
    const zip = await zipOf(path.join(dir, 'bomb.zip'), [
      [NAME, await readFile(REAL())],
      ['2018-03-west-mercia-street.csv', Buffer.alloc(64 * 1024 * 1024)],
    ]);
    const ws = await tempWorkspace();
    const summary = await importInto(ws, [zip]);
    expect(summary.by_file).toHaveLength(1);
    expect(summary.by_file[0]).toMatchObject({ file: zip, status: 'refused' });
    expect(summary.by_file[0]!.reason).toMatch(
      /bomb\.zip: entry 2018-03-west-mercia-street\.csv claims to unpack [\d,]+ bytes into 67,108,864, more than 200 times; the archive was not imported .* Set STRA_ZIP_MAX_RATIO/,
    );
    expect(await readdir(ws.staging)).toEqual([]);
  });

  it('stops at the total size limit while streaming', async () => {
    const dir = await tempDir();
    const zip = await zipOf(path.join(dir, 'big.zip'), [[NAME, await readFile(REAL())]]);
    const summary = await importInto(await tempWorkspace(), [zip], { limits: { zipMaxBytes: 100_000 } });
    expect(summary.by_file[0]!.reason).toMatch(/unpacks to more than 100,000 bytes; .* Set STRA_ZIP_MAX_BYTES/);
  });

  it('skips an entry with a line over the limit, naming the setting, and imports the rest', async () => {
    const dir = await tempDir();
    const zip = await zipOf(path.join(dir, 'long.zip'), [
      [NAME, await readFile(REAL())],
      ['2018-03-west-mercia-street.csv', Buffer.from(randomBytes(225_000).toString('base64'))], // one 300,000-byte line
    ]);
    const summary = await importInto(await tempWorkspace(), [zip], { limits: { maxLineBytes: 100_000 } });
    expect(summary.imported).toBe(4225);
    expect(summary.skipped_files).toEqual([
      {
        file: `${zip}!2018-03-west-mercia-street.csv`,
        reason: 'a line is longer than 100,000 bytes (set STRA_IMPORT_MAX_LINE_BYTES to allow it)',
      },
    ]);
  });

  it('refuses a CSV whose line is over the limit before reading it', async () => {
    const dir = await tempDir();
    const text = (await readFile(REAL(), 'utf8')).replace('\n', '\n' + 'y'.repeat(2_000_000) + '\n');
    await writeFile(path.join(dir, NAME), text);
    const summary = await importInto(await tempWorkspace(), [path.join(dir, NAME)]);
    expect(summary.by_file[0]).toMatchObject({ status: 'refused' });
    expect(summary.by_file[0]!.reason).toMatch(/^line 2 is 2,000,000 bytes long, over the limit of 1,048,576 bytes/);
  });

  it('reports a damaged zip, a dangling link, a link loop and a FIFO, and imports the rest of the folder', async () => {
    const dir = await tempDir();
    await copyFile(REAL(), path.join(dir, NAME));
    const good = await readFile(await zipOf(path.join(await tempDir(), 'x.zip'), [[NAME, await readFile(REAL())]]));
    await writeFile(path.join(dir, 'damaged.zip'), good.subarray(0, good.length >> 1));
    await symlink(path.join(dir, 'gone.csv'), path.join(dir, 'dangling.csv'));
    await symlink(path.join(dir, 'loop-b.csv'), path.join(dir, 'loop-a.csv'));
    await symlink(path.join(dir, 'loop-a.csv'), path.join(dir, 'loop-b.csv'));
    await symlink(dir, path.join(dir, 'back-to-parent'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    const summary = await importInto(await tempWorkspace(), [dir]);
    expect(summary.imported).toBe(4225);
    const refused = Object.fromEntries(
      summary.by_file.filter((f) => f.status === 'refused').map((f) => [path.basename(f.file), f.reason]),
    );
    expect(refused['dangling.csv']).toBe('a symbolic link to a file or folder that does not exist');
    expect(refused['loop-a.csv']).toBe('a symbolic link that loops back on itself');
    expect(refused['damaged.zip']).toMatch(/damaged\.zip: not a readable zip archive .*Download it again/);
    expect(summary.skipped_files).toContainEqual({
      file: path.join(dir, 'pipe.csv'),
      reason: 'a named pipe (FIFO), not a regular file: not read',
    });
    expect(summary.skipped_files).toContainEqual({
      file: path.join(dir, 'back-to-parent'),
      reason: 'a link to a folder already read (a loop?)',
    });
  });
});
