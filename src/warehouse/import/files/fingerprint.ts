/**
 * A re-import of files that have not changed should not read them again: hashing is most of the
 * work of an import that finds nothing new. Each file hashed is remembered in the catalog by its
 * path with its size, modification and change times and inode, beside its SHA-256. When all of
 * those are the same at the next import, the recorded hash stands for the content and the file
 * is not read (only its first bytes, to recognise it). The change time (ctime) is set by the
 * system on every write and cannot be set back by a user or a tool (unlike the modification
 * time, which `touch -d` or a copy that keeps times can), so a file edited in place to the same
 * size is always hashed again; so is a file replaced by another (a new inode). Files unpacked
 * from a zip are new files each time and are always hashed.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';

/** What identifies a file's content without reading it, as `stat` gives it. */
export interface FileIdentity {
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** A file's identity when it was last hashed, and the hash. */
export interface FileFingerprint extends FileIdentity {
  readonly sha256: string;
}

export function identityOf(s: Stats): FileIdentity {
  return { bytes: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
}

/** The key fingerprints are kept under: the file's absolute path. */
export const fingerprintKey = (file: string) => path.resolve(file);

/** The recorded hash of a file whose identity is the same as when it was hashed, if any. */
export function recordedSha(
  file: { readonly path: string; readonly identity?: FileIdentity },
  fingerprints: Readonly<Record<string, FileFingerprint>> | undefined,
): string | undefined {
  const now = file.identity;
  const then = fingerprints?.[fingerprintKey(file.path)];
  if (!now || !then) return undefined;
  const same =
    now.bytes === then.bytes && now.mtimeMs === then.mtimeMs && now.ctimeMs === then.ctimeMs && now.ino === then.ino;
  return same ? then.sha256 : undefined;
}
