/**
 * Unpacks the CSV files of a police.uk zip archive (the monthly archive or a custom download)
 * into a staging folder, streaming, so a 1.5 GB archive never sits in memory. Entries that are
 * not CSV files are listed as skipped; entry names that would escape the folder are refused.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { inputError } from '../../../errors.js';

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

export async function extractCsvEntries(zipPath: string, destDir: string): Promise<ZipContents> {
  const zip = await openZip(zipPath);
  const files: ZipEntryFile[] = [];
  const skipped: { entryName: string; reason: string }[] = [];
  try {
    for await (const entry of entries(zip)) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue; // a folder
      if (!name.toLowerCase().endsWith('.csv')) {
        skipped.push({ entryName: name, reason: 'not a CSV file' });
        continue;
      }
      const target = path.resolve(destDir, name);
      if (!target.startsWith(path.resolve(destDir) + path.sep) || name.includes('\\')) {
        skipped.push({ entryName: name, reason: 'unsafe path inside the archive' });
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      const stream = await openEntry(zip, entry);
      await pipeline(stream, createWriteStream(target));
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
        reject(inputError(`${zipPath}: not a readable zip archive (${err?.message ?? 'unknown error'})`));
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
