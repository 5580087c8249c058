/**
 * Step 1 of an import: the paths a user gives to `stra import` become the list of files to
 * consider. Files are taken as given, folders searched recursively (the archive's `YYYY-MM/`
 * layout), zip archives unpacked. A path that does not exist stops the import before anything
 * is read.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { notFoundError } from '../../../errors.js';
import { extractCsvEntries } from './zip.js';

export interface SourceFile {
  /** The file to read. */
  readonly path: string;
  /** How the user knows it: the path given, or `archive.zip!entry.csv`. */
  readonly displayName: string;
  readonly bytes: number;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface Discovery {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
}

export async function discoverSources(paths: readonly string[], stagingDir: string): Promise<Discovery> {
  const missing: string[] = [];
  const stats = await Promise.all(paths.map((p) => stat(p).catch(() => undefined)));
  stats.forEach((s, i) => {
    if (!s) missing.push(paths[i]!);
  });
  if (missing.length > 0) {
    throw notFoundError(`no such file or folder: ${missing.join(', ')}`, { paths: missing });
  }
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  let zipCount = 0;
  const visit = async (p: string, display: string, inFolder: boolean): Promise<void> => {
    const s = await stat(p);
    if (s.isDirectory()) {
      const names = (await readdir(p)).sort();
      for (const name of names) await visit(path.join(p, name), path.join(display, name), true);
      return;
    }
    const lower = p.toLowerCase();
    if (lower.endsWith('.zip')) {
      const dest = path.join(stagingDir, `zip-${process.pid}-${zipCount++}`);
      const contents = await extractCsvEntries(p, dest);
      for (const f of contents.files) {
        const fs = await stat(f.path);
        files.push({ path: f.path, displayName: `${display}!${f.entryName}`, bytes: fs.size });
      }
      for (const s2 of contents.skipped) skipped.push({ file: `${display}!${s2.entryName}`, reason: s2.reason });
      return;
    }
    if (inFolder && !lower.endsWith('.csv')) {
      skipped.push({ file: display, reason: 'not a CSV or zip file' });
      return;
    }
    files.push({ path: p, displayName: display, bytes: s.size });
  };
  for (const p of paths) await visit(p, p, false);
  return { files, skipped };
}
