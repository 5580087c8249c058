/**
 * SHA-256 of a file: the identity of a source in the manifest and for idempotency. Read in large
 * chunks into one reused buffer: several times faster than a stream of small chunks, and memory
 * stays flat however large the file.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const CHUNK = 8 * 1024 * 1024;
let buffer: Buffer | undefined;

export async function sha256File(file: string): Promise<string> {
  buffer ??= Buffer.allocUnsafe(CHUNK);
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * Starts hashing files one after another, in the order batches will need them, so a batch's
 * hashes are ready (or nearly) when DuckDB has finished loading the batch before.
 */
export function hashInOrder<T extends { readonly path: string }>(files: readonly T[]): Map<T, Promise<string>> {
  const out = new Map<T, Promise<string>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const f of files) {
    const next = previous.then(() => sha256File(f.path));
    out.set(f, next);
    previous = next.catch(() => undefined); // a failed hash is reported where it is awaited
  }
  return out;
}
