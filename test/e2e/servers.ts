/**
 * Real `stra serve` processes for end-to-end tests (the built program, bin/stra.js, as a user runs
 * it), and throw-away PostgreSQL databases for them. Slow: each server is a new Node process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { repoRoot } from '../shared-data.js';
import { POSTGRES_TEST_URL } from '../store-dialects.js';

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly log: () => string;
  stop(): Promise<void>;
}

export const STRA = path.join(repoRoot, 'bin', 'stra.js');

export function startServe(
  workspace: string,
  env: Record<string, string | undefined>,
  startMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [STRA, 'serve', '-w', workspace, '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`stra serve did not start in ${startMs / 1000} s:\n${out}`)),
      startMs,
    );
    const check = () => {
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({
        url: m[1],
        child,
        log: () => out,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`stra serve exited (${code}):\n${out}`)));
  });
}

/** A new empty database on the test PostgreSQL server; returns its URL and a drop function. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `stra_e2e_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
