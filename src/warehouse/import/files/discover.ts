/**
 * Step 1 of an import: the paths a user gives to `stra import` become the list of files to
 * consider. Files are taken as given, folders searched recursively (the archive's `YYYY-MM/`
 * layout), zip archives unpacked. A path that does not exist stops the import before anything
 * is read. Links are followed (a folder reached twice is read once); a link that dangles or
 * loops, a damaged zip, a FIFO or a device is listed with the reason and the rest read on.
 */
import type { Stats } from 'node:fs';
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { notFoundError, StraError } from '../../../errors.js';
import { identityOf, type FileIdentity } from './fingerprint.js';
import { extractCsvEntries, isMacMetadata, type ZipLimits } from './zip.js';

export interface SourceFile {
  /** The file to read. */
  readonly path: string;
  /** How the user knows it: the path given, or `archive.zip!entry.csv`. */
  readonly displayName: string;
  readonly bytes: number;
  /** Size, times and inode, for a file read in place (not unpacked): see fingerprint.ts. */
  readonly identity?: FileIdentity;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface Discovery {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
  /** Paths given or found that could not be read at all (a damaged zip, a dangling link). */
  readonly unreadable: SkippedFile[];
}

export interface DiscoverOptions {
  readonly limits: ZipLimits;
  /** Bytes unpacked from zips so far, for a progress bar. */
  readonly onUnpacked?: (bytes: number) => void;
}

/** Why a path cannot be read, in words, from the system's error code. */
function unreadableReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a symbolic link to a file or folder that does not exist';
  if (code === 'ELOOP') return 'a symbolic link that loops back on itself';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: it cannot be read';
  if (err instanceof StraError) return err.message;
  return `it cannot be read (${(err as Error).message})`;
}

export async function discoverSources(
  paths: readonly string[],
  stagingDir: string,
  options: DiscoverOptions,
): Promise<Discovery> {
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
  const unreadable: SkippedFile[] = [];
  const foldersSeen = new Set<string>(); // real paths: a link back to a parent is read once
  let zipCount = 0;
  const visit = async (p: string, display: string, inFolder: boolean): Promise<void> => {
    let s: Stats;
    try {
      s = await stat(p); // follows symbolic links
    } catch (err) {
      unreadable.push({ file: display, reason: unreadableReason(err) });
      return;
    }
    if (s.isDirectory()) {
      const real = await realpath(p);
      if (foldersSeen.has(real)) {
        skipped.push({ file: display, reason: 'a link to a folder already read (a loop?)' });
        return;
      }
      foldersSeen.add(real);
      let names: string[];
      try {
        names = (await readdir(p)).sort();
      } catch (err) {
        unreadable.push({ file: display, reason: unreadableReason(err) });
        return;
      }
      for (const name of names) await visit(path.join(p, name), path.join(display, name), true);
      return;
    }
    const lower = p.toLowerCase();
    if (inFolder && isMacMetadata(path.basename(p))) return;
    if (!s.isFile()) {
      const what = s.isFIFO() ? 'a named pipe (FIFO)' : s.isSocket() ? 'a socket' : 'a device';
      (inFolder ? skipped : unreadable).push({ file: display, reason: `${what}, not a regular file: not read` });
      return;
    }
    if (lower.endsWith('.zip')) {
      const dest = path.join(stagingDir, `zip-${process.pid}-${zipCount++}`);
      try {
        const contents = await extractCsvEntries(p, dest, options.limits, options.onUnpacked);
        for (const f of contents.files) {
          const fs = await stat(f.path);
          files.push({ path: f.path, displayName: `${display}!${f.entryName}`, bytes: fs.size });
        }
        for (const s2 of contents.skipped) skipped.push({ file: `${display}!${s2.entryName}`, reason: s2.reason });
      } catch (err) {
        if (!(err instanceof StraError)) throw err; // the workspace itself (disk full): stop
        await rm(dest, { recursive: true, force: true });
        unreadable.push({ file: display, reason: err.message });
      }
      return;
    }
    if (inFolder && !lower.endsWith('.csv')) {
      skipped.push({ file: display, reason: 'not a CSV or zip file' });
      return;
    }
    files.push({ path: p, displayName: display, bytes: s.size, identity: identityOf(s) });
  };
  for (const p of paths) await visit(p, p, false);
  return { files, skipped, unreadable };
}
