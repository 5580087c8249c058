/**
 * Unpacks the CSV files of a police.uk zip archive (the monthly archive or a custom download)
 * into a staging folder, streaming, so a 1.5 GB archive never sits in memory. Entries that are
 * not CSV files are listed as skipped; entry names that would escape the folder are refused; a
 * Mac's `__MACOSX/._*` entries are ignored.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { inputError, StraError } from '../../../errors.js';

export interface ZipEntryFile {
  /** Where the entry was written. */
  readonly path: string;
  /** The entry's name inside the archive. */
  readonly entryName: string;
}

export interface ZipContents {
  readonly files: ZipEntryFile[];
  readonly skipped: { entryName: string; reason: string }[];
}

/** What one archive may unpack to (from the configuration: STRA_ZIP_MAX_*). */
export interface ZipLimits {
  readonly zipMaxBytes: number;
  readonly zipMaxRatio: number;
  readonly zipMaxEntries: number;
  readonly maxLineBytes: number;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** A Mac's resource-fork entries (`__MACOSX/`, `._name`): not data, never read. */
export function isMacMetadata(name: string): boolean {
  return name.startsWith('__MACOSX/') || path.posix.basename(name).startsWith('._') || name.endsWith('.DS_Store');
}

/**
 * Unpacks the CSV entries, checking the limits as the bytes stream: a zip bomb is stopped at the
 * limit, not after it filled the disk. An entry over a line-length limit is skipped with the
 * reason; an archive over its size, ratio or entry limit is refused whole (its partial files
 * removed) with an error naming the limit and the setting that raises it.
 */
export async function extractCsvEntries(
  zipPath: string,
  destDir: string,
  limits: ZipLimits,
  onBytes: (bytes: number) => void = () => {},
): Promise<ZipContents> {
  const zip = await openZip(zipPath);
  const files: ZipEntryFile[] = [];
  const skipped: { entryName: string; reason: string }[] = [];
  const archiveBytes = (await stat(zipPath)).size;
  let unpacked = 0;
  let entryCount = 0;
  const refuse = (why: string, setting: string) =>
    inputError(`${zipPath}: ${why}; the archive was not imported (a damaged or malicious zip?). ${setting}`);
  try {
    for await (const entry of entries(zip)) {
      const name = entry.fileName;
      if (++entryCount > limits.zipMaxEntries)
        throw refuse(`holds more than ${n(limits.zipMaxEntries)} entries`, 'Set STRA_ZIP_MAX_ENTRIES to allow more');
      if (name.endsWith('/')) continue; // a folder
      if (isMacMetadata(name)) continue;
      if (!name.toLowerCase().endsWith('.csv')) {
        skipped.push({ entryName: name, reason: 'not a CSV file' });
        continue;
      }
      const target = path.resolve(destDir, name);
      if (!target.startsWith(path.resolve(destDir) + path.sep) || name.includes('\\')) {
        skipped.push({ entryName: name, reason: 'unsafe path inside the archive' });
        continue;
      }
      const ratioCap = Math.max(entry.compressedSize, 1) * limits.zipMaxRatio;
      if (entry.uncompressedSize > ratioCap)
        throw refuse(
          `entry ${name} claims to unpack ${n(entry.compressedSize)} bytes into ${n(entry.uncompressedSize)}, more than ${n(limits.zipMaxRatio)} times`,
          'Set STRA_ZIP_MAX_RATIO to allow it',
        );
      await mkdir(path.dirname(target), { recursive: true });
      const stream = await openEntry(zip, entry);
      let entryBytes = 0;
      let lineBytes = 0;
      let tooLong = false;
      const guard = new Transform({
        transform(chunk: Buffer, _enc, done) {
          entryBytes += chunk.length;
          unpacked += chunk.length;
          onBytes(chunk.length);
          if (unpacked > limits.zipMaxBytes)
            return done(
              refuse(`unpacks to more than ${n(limits.zipMaxBytes)} bytes`, 'Set STRA_ZIP_MAX_BYTES to allow more'),
            );
          if (entryBytes > ratioCap || unpacked > Math.max(archiveBytes, 1) * limits.zipMaxRatio)
            return done(
              refuse(
                `unpacks to more than ${n(limits.zipMaxRatio)} times its compressed size`,
                'Set STRA_ZIP_MAX_RATIO to allow it',
              ),
            );
          let longest = 0;
          for (let pos = 0; ;) {
            const nl = chunk.indexOf(0x0a, pos);
            if (nl === -1) {
              lineBytes += chunk.length - pos;
              longest = Math.max(longest, lineBytes);
              break;
            }
            longest = Math.max(longest, lineBytes + nl - pos);
            lineBytes = 0;
            pos = nl + 1;
          }
          if (longest > limits.maxLineBytes) {
            tooLong = true;
            return done(new Error('line too long'));
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, guard, createWriteStream(target));
      } catch (err) {
        await rm(target, { force: true });
        if (tooLong) {
          skipped.push({
            entryName: name,
            reason: `a line is longer than ${n(limits.maxLineBytes)} bytes (set STRA_IMPORT_MAX_LINE_BYTES to allow it)`,
          });
          continue;
        }
        if (err instanceof StraError) throw err;
        throw inputError(
          `${zipPath}: entry ${name} cannot be unpacked (${(err as Error).message}); the archive is damaged. Download it again`,
        );
      }
      files.push({ path: target, entryName: name });
    }
  } finally {
    zip.close();
  }
  return { files, skipped };
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip)
        reject(
          inputError(
            `${zipPath}: not a readable zip archive (${err?.message ?? 'unknown error'}): a damaged or partial download? Download it again`,
          ),
        );
      else resolve(zip);
    });
  });
}

async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  while (true) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(inputError(`zip archive is damaged: ${err.message}`));
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream)
        reject(inputError(`zip entry ${entry.fileName} cannot be read: ${err?.message ?? 'unknown error'}`));
      else resolve(stream);
    });
  });
}
