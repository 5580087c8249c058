/**
 * Demo workspaces for the end-to-end suites, written once per version of the code and copied.
 *
 * Why: `stra demo` takes 15-30 s, and six suites each wrote the same workspace. The first suite to
 * need a period writes it into the temp folder under the key of `src/` and `data/` (and the day, as
 * the demo's dates follow it), holding a lock folder while it does; the others wait for it and copy.
 * The copy is a plain folder copy: the warehouse catalogue's record of where each demo file came
 * from is the only absolute path inside, and is pointed at the copy.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { codeKey } from '../store-snapshots.js';
import { STRA } from './servers.js';

const CACHE = path.join(os.tmpdir(), 'openstra-test-demos');
const WAIT_MS = 300_000;
const MARKER = 'openstra-test-template.json';

interface Template {
  readonly ws: string;
  /** The folder the demo was written in, as the catalogue records it. */
  readonly writtenAt: string;
}

const templates = new Map<string, Promise<Template>>();

/** Writes the demo of the months `from`..`to` (YYYY-MM) into `ws`, a folder that does not exist yet. */
export async function writeDemoWorkspace(ws: string, from: string, to: string): Promise<void> {
  const key = `${from}-${to}`;
  let template = templates.get(key);
  if (template === undefined) {
    template = demoTemplate(from, to);
    templates.set(key, template);
  }
  const t = await template;
  await cp(t.ws, ws, { recursive: true, filter: (src) => path.basename(src) !== MARKER });
  const catalog = path.join(ws, 'warehouse', 'catalog.json');
  const text = await readFile(catalog, 'utf8');
  await writeFile(catalog, text.split(t.writtenAt).join(ws));
}

async function demoTemplate(from: string, to: string): Promise<Template> {
  const name = `demo-${from}-${to}`;
  const final = path.join(CACHE, `${name}-${await codeKey()}`);
  const lock = `${final}.lock`;
  await mkdir(CACHE, { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const ready = await readTemplate(final);
    if (ready !== undefined) return ready;
    if (await takeLock(lock)) break;
    if (Date.now() > deadline) throw new Error(`the demo template ${final} was not written within ${WAIT_MS / 1000} s`);
    await sleep(500);
  }
  try {
    const building = `${final}.${process.pid}.${Date.now()}`;
    const ws = path.join(building, 'ws');
    await promisify(execFile)(
      process.execPath,
      [STRA, 'demo', '-w', ws, '--from', from, '--to', to, '--no-demand', '--json'],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    await writeFile(path.join(ws, MARKER), JSON.stringify({ writtenAt: ws }));
    await rename(building, final);
    await removeOlder(name, final);
    const made = await readTemplate(final);
    if (made === undefined) throw new Error(`the demo template ${final} is unreadable after writing it`);
    return made;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function readTemplate(folder: string): Promise<Template | undefined> {
  const ws = path.join(folder, 'ws');
  const marker = await readFile(path.join(ws, MARKER), 'utf8').catch(() => undefined);
  if (marker === undefined) return undefined;
  return { ws, writtenAt: (JSON.parse(marker) as { writtenAt: string }).writtenAt };
}

/** Takes the lock folder; a lock left by a builder that died (older than the wait) is taken over. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const since = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (since > WAIT_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

/**
 * Templates of earlier code are 100 MB each: those a day old go. (Not younger ones: another
 * checkout of other code may be copying its own template now.)
 */
async function removeOlder(name: string, keep: string): Promise<void> {
  for (const entry of await readdir(CACHE)) {
    const full = path.join(CACHE, entry);
    if (!entry.startsWith(`${name}-`) || full === keep) continue;
    const age = await stat(full).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > 24 * 3600_000) await rm(full, { recursive: true, force: true });
  }
}
