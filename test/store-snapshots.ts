/**
 * In-memory stores for tests, started from snapshots instead of being built each time.
 *
 * Why: a new PGlite runs initdb (seconds), the migrations add a second, and seeding the demo
 * system of record takes ten more; the suite opens dozens of such stores. Each snapshot is built
 * once, written to the temp folder under a key that hashes every file of `src/` and `data/` (and
 * the day, as the demo's dates are relative to it), and reused by every test file and worker until
 * the code changes. Concurrent builders are harmless: each writes its own file and renames it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoStore } from '../src/demo/record/seed.js';
import { openStore, snapshotStore, type Store } from '../src/store/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(os.tmpdir(), 'openstra-test-snapshots');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

let sourceKey: Promise<string> | undefined;

/** A hash of the code and data a snapshot is made from: any change makes a new snapshot. */
export function codeKey(): Promise<string> {
  sourceKey ??= (async () => {
    const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
    for (const dir of ['src', 'data']) {
      for (const file of await filesUnder(path.join(ROOT, dir))) {
        hash.update(path.relative(ROOT, file)).update(await readFile(file));
      }
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return sourceKey;
}

const built = new Map<string, Promise<Blob>>();

/** The snapshot called `name`, from the cache or made now by `build` (which returns the store to dump). */
function snapshot(name: string, build: () => Promise<Store>): Promise<Blob> {
  let blob = built.get(name);
  if (blob === undefined) {
    blob = (async () => {
      const file = path.join(CACHE, `${name}-${await codeKey()}.tar`);
      const cached = await readFile(file).catch(() => undefined);
      if (cached !== undefined) return new Blob([cached]);
      const store = await build();
      try {
        const made = await snapshotStore(store);
        await mkdir(CACHE, { recursive: true });
        const partial = `${file}.${process.pid}.${Date.now()}`;
        await writeFile(partial, Buffer.from(await made.arrayBuffer()));
        await rename(partial, file);
        return made;
      } finally {
        await store.close();
      }
    })();
    built.set(name, blob);
  }
  return blob;
}

/** A new, empty, migrated in-memory store. */
export async function emptyStore(): Promise<Store> {
  return openStore({ snapshot: await snapshot('empty', () => openStore()) });
}

/** A new in-memory store holding the demo system of record (`seedDemoStore`). */
export async function demoStore(): Promise<Store> {
  const blob = await snapshot('demo', async () => {
    const store = await openStore();
    await seedDemoStore(store);
    return store;
  });
  return openStore({ snapshot: blob });
}
