/**
 * Upload limits and cleanup (issue 13, defect 10): a batch's files together may hold at most
 * `batchBytes` as uploaded and `unpackedBytes` once its zip archives are unpacked (the sizes the
 * archive declares, which the unzipper holds it to), checked before anything is unpacked; a batch
 * never queued for import is removed `abandonedHours` after it was last written to.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import type { UploadLimits } from '../config.js';
import { inputError } from '../errors.js';

// Set by environment (STRA_UPLOAD_*), validated in src/config.ts.
export { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../config.js';

const gib = (n: number) => `${(n / 1024 ** 3).toFixed(n % 1024 ** 3 === 0 ? 0 : 2)} GiB`;

/** Bytes already in the batch folder. */
export async function batchBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

/** The unpacked size of a zip archive's entries, from its central directory. */
export function zipUnpackedBytes(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(inputError(`${path.basename(file)}: not a readable zip archive.`));
      let total = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Refuses a batch larger than the limits once unpacked, naming the sizes. */
export async function requireUnpackedWithin(dir: string, limits: UploadLimits): Promise<void> {
  let total = 0;
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    total += name.toLowerCase().endsWith('.zip') ? await zipUnpackedBytes(file) : (await stat(file)).size;
  }
  if (total > limits.unpackedBytes)
    throw inputError(
      `This upload unpacks to ${gib(total)}, more than the ${gib(limits.unpackedBytes)} one import may hold; import it in parts.`,
    );
}

/** Removes batches never queued whose last upload is older than the limit; returns how many. */
export async function sweepAbandoned(uploads: string, now: Date, limits: UploadLimits): Promise<number> {
  const names = await readdir(uploads).catch(() => [] as string[]);
  const cutoff = now.getTime() - limits.abandonedHours * 3_600_000;
  let removed = 0;
  for (const name of names) {
    if (!/^[0-9a-f]{16}$/.test(name) || names.includes(`${name}.queued`)) continue;
    const dir = path.join(uploads, name);
    const s = await stat(dir).catch(() => undefined);
    if (s === undefined || s.mtime.getTime() > cutoff) continue;
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
