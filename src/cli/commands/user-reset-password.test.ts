/**
 * `stra user reset-password` as an administrator types it (the built bin, the new password piped
 * on standard input): the user then logs in with the new password and not with the old one, the
 * reset is audited, and an administrator of another organisation only is refused (nothing
 * changed: the password set before still works).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../auth/login.js';
import { actorFor, listAudit, openStore, setPasswordHash, storeFolder } from '../../store/index.js';
import { repoRoot } from '../../../test/shared-data.js';
import { straIn } from '../../../test/store-cli.js';
import { hashPassword } from '../../auth/passwords.js';

const bin = path.join(repoRoot, 'bin', 'stra.js');
const built = existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'main.js'));

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-reset-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { json } = straIn(() => ws);

/** The embedded store whatever the environment says, and no user acting by default. */
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'STRA_USER'),
);

/** `stra ARGS -w WS [--as AS]` with `input` on standard input (not a terminal, as in a script). */
function stra(args: string[], as?: string, input = '') {
  const r = spawnSync(process.execPath, [bin, ...args, '-w', ws, ...(as ? ['--as', as] : [])], {
    encoding: 'utf8',
    input,
    env: cleanEnv,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Logs `username` in straight against the store, as POST /api/session does. */
async function canLogIn(username: string, password: string): Promise<boolean> {
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    await logIn(store, { username, password, client: 'test', sessionHours: 1, now: new Date() });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'UNAUTHENTICATED') return false;
    throw err;
  } finally {
    await store.close();
  }
}

describe.skipIf(!built)('stra user reset-password (needs npm run build)', () => {
  it('sets a new password read from standard input: the new one logs in, the old one no longer does', async () => {
    const setUp = [
      ['org', 'add', 'wm', '--name', 'West Mercia Police', '--kind', 'force'],
      ['org', 'add', 'kent', '--name', 'Kent Police', '--kind', 'force'],
      [
        'user',
        'add',
        'alice',
        '--name',
        'Alice',
        '--clearance',
        'SECRET',
        '--admin',
        '--org',
        'wm',
        '--member',
        'kent:admin',
      ],
    ];
    // The set-up in-process (fast); only the commands under test run as the built bin.
    for (const args of setUp) await json(args);
    // bob belongs to West Mercia only; kate administers Kent only.
    await json(['user', 'add', 'bob', '--name', 'Bob', '--clearance', 'OFFICIAL', '--member', 'wm:analyst'], 'alice');
    await json(['user', 'add', 'kate', '--name', 'Kate', '--clearance', 'SECRET', '--member', 'kent:admin'], 'alice');
    const setup = await openStore({ folder: storeFolder(ws) });
    try {
      await setPasswordHash(setup, await actorFor(setup, 'alice'), 'bob', await hashPassword('old-password-1'));
    } finally {
      await setup.close();
    }
    expect(await canLogIn('bob', 'old-password-1')).toBe(true);

    const reset = stra(['user', 'reset-password', 'bob'], 'alice', 'new-password-2\n');
    expect(reset.code).toBe(0);
    // Not a terminal, so JSON (as a script reads it); the password itself is never printed.
    expect(JSON.parse(reset.stdout)).toEqual({ username: 'bob', passwordSet: true });
    expect(reset.stdout + reset.stderr).not.toMatch(/new-password-2/);
    expect(await canLogIn('bob', 'new-password-2')).toBe(true);
    expect(await canLogIn('bob', 'old-password-1')).toBe(false);

    // An administrator of Kent only does not administer bob: refused, and bob's password stands.
    const refused = stra(['user', 'reset-password', 'bob'], 'kate', 'kates-choice-3\n');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^stra: .*bob/);
    expect(await canLogIn('bob', 'kates-choice-3')).toBe(false);
    expect(await canLogIn('bob', 'new-password-2')).toBe(true);

    // No password on standard input: a usage error, nothing changed.
    const empty = stra(['user', 'reset-password', 'bob'], 'alice', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/No password on standard input/);
    expect(await canLogIn('bob', 'new-password-2')).toBe(true);

    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const audit = await listAudit(store, await actorFor(store, 'alice'), { table: 'users' });
      // Two passwords set by alice for bob (the first, then the reset); kate's refusal wrote nothing.
      const set = audit.filter((a) => a.action === 'password');
      expect(set.map((a) => [a.actorName, a.after])).toEqual([
        ['alice', { username: 'bob' }],
        ['alice', { username: 'bob' }],
      ]);
      // The hash itself is never written to the audit.
      expect(JSON.stringify(audit)).not.toMatch(/argon2/);
    } finally {
      await store.close();
    }
  }, 300_000);
});
