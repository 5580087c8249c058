/**
 * A re-import does not read files that have not changed since an import hashed them (their
 * path, size, times and inode are the same: files/fingerprint.ts), and still reports each as
 * unchanged; a file edited in place is hashed again, even at the same size and with its
 * modification time set back, and replaces its month. On real police.uk files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace } from '../../../test/temp-workspace.js';

/** Bytes this process has read through read(2) so far, from any file (Linux). */
const bytesRead = () => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeWithSharedData('re-importing unchanged files', () => {
  it('does not read an unchanged folder again and reports every file unchanged', async () => {
    const folder = sharedData('police-uk', '2018-03');
    const names = await readdir(folder);
    const bytes = (await Promise.all(names.map((n) => stat(path.join(folder, n))))).reduce((a, s) => a + s.size, 0);
    const ws = await tempWorkspace();
    let before = bytesRead();
    const first = await importInto(ws, [folder]);
    const firstRead = bytesRead() - before;
    expect(first.by_file.map((f) => f.status)).toEqual(names.map(() => 'imported'));
    expect(firstRead).toBeGreaterThan(bytes); // hashed and counted, then read by DuckDB

    before = bytesRead();
    const again = await importInto(ws, [folder]);
    const againRead = bytesRead() - before;
    expect(again.by_file.map((f) => [f.file, f.status, f.sha256])).toEqual(
      first.by_file.map((f) => [f.file, 'unchanged', f.sha256]),
    );
    // only each file's first bytes are read, to recognise it: under 1 byte in 20 of the folder
    expect(againRead).toBeLessThan(bytes / 20);
    expect(again.by_file[0]!.reason).toBe(
      'this force-month was already imported from identical content; unchanged since it was hashed, so not read again',
    );
  });

  it('hashes again a file edited in place at the same size with its modification time set back', async () => {
    const ws = await tempWorkspace();
    const file = path.join(await tempDir(), '2018-03-warwickshire-street.csv');
    await copyFile(sharedData('police-uk', '2018-03', '2018-03-warwickshire-street.csv'), file);
    const whole = new Date('2018-04-20T09:00:00Z'); // whole seconds, so it can be set back exactly
    await utimes(file, whole, whole);
    const first = (await importInto(ws, [file])).by_file[0]!;
    expect(first.status).toBe('imported');
    const { size } = await stat(file);

    // one hex digit of the first Crime ID changed: the same size, the same rows, another crime
    const text = await readFile(file, 'latin1');
    const at = text.search(/\n[0-9a-f]{64},/) + 1;
    const edited = Buffer.from(text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1), 'latin1');
    await writeFile(file, edited);
    await utimes(file, whole, whole); // as `touch -r` or a copy that keeps times would leave it
    expect((await stat(file)).size).toBe(size);
    expect((await stat(file)).mtimeMs).toBe(whole.getTime());

    const again = (await importInto(ws, [file])).by_file[0]!;
    expect(again).toMatchObject({ status: 'replaced', sha256: sha256(edited), rows: first.rows });
    expect(again.sha256).not.toBe(first.sha256);
  });

  it('hashes again a file only touched, and finds it unchanged', async () => {
    const ws = await tempWorkspace();
    const file = path.join(await tempDir(), '2018-03-warwickshire-street.csv');
    await copyFile(sharedData('police-uk', '2018-03', '2018-03-warwickshire-street.csv'), file);
    const first = (await importInto(ws, [file])).by_file[0]!;
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    const again = (await importInto(ws, [file])).by_file[0]!;
    expect(again).toMatchObject({ status: 'unchanged', sha256: first.sha256 });
    expect(again.reason).toBe('this force-month was already imported from identical content');
  });
});
