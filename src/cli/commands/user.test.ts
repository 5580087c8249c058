/**
 * `stra user disable|enable|revoke-sessions` as an administrator runs them (in-process; see
 * test/store-cli.ts): disabling ends the user's sessions and refuses their logins, enabling lets
 * them in again, revoking ends sessions and leaves logins allowed; each audited; an administrator
 * of another organisation only is refused. (`reset-password` reads standard input like `stra user
 * password`; its store rule, resetPassword, is tested with the users' administration.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';
import { actorFor, createSession, findSession, listAudit, openStore, storeFolder } from '../../store/index.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-user-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

/** Gives bob a session straight in the store, as a login would. */
async function sessionFor(username: string, token: string): Promise<void> {
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    const actor = await actorFor(store, username);
    await createSession(store, actor.userId, {
      tokenHash: token,
      csrfToken: 'c'.repeat(32),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  } finally {
    await store.close();
  }
}

async function active(token: string): Promise<boolean> {
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    return (await findSession(store, token, new Date())) !== undefined;
  } finally {
    await store.close();
  }
}

describe('stra user disable, enable and revoke-sessions', () => {
  it('ends sessions, refuses and restores logins, each audited; disabling oneself is refused', async () => {
    await json(['org', 'add', 'wwm', '--name', 'Warwickshire and West Mercia alliance', '--kind', 'alliance']);
    await json(['user', 'add', 'alice', '--name', 'Alice', '--clearance', 'SECRET', '--admin', '--org', 'wwm']);
    await json(['user', 'add', 'bob', '--name', 'Bob', '--clearance', 'OFFICIAL', '--member', 'wwm:analyst'], 'alice');
    await sessionFor('bob', 'a'.repeat(64));
    expect(await active('a'.repeat(64))).toBe(true);

    expect(await json(['user', 'revoke-sessions', 'bob'], 'alice')).toEqual({ username: 'bob', sessionsEnded: 1 });
    expect(await active('a'.repeat(64))).toBe(false);

    await sessionFor('bob', 'b'.repeat(64));
    const off = await run(['user', 'disable', 'bob'], 'alice', true);
    expect(off).toMatchObject({ code: 0, stdout: 'bob can no longer log in; their sessions have ended.\n' });
    expect(await active('b'.repeat(64))).toBe(false);
    expect(await json(['user', 'enable', 'bob'], 'alice')).toEqual({ username: 'bob', disabled: false });

    const self = await run(['user', 'disable', 'alice'], 'alice');
    expect(self.code).not.toBe(0);
    expect(self.stderr).toMatch(/cannot disable yourself/);
    const missing = await run(['user', 'revoke-sessions', 'nobody'], 'alice');
    expect(missing.code).toBe(2);

    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const admin = await actorFor(store, 'alice');
      const audit = await listAudit(store, admin, {});
      const about = audit.filter((a) => a.table === 'sessions' || (a.table === 'users' && a.action === 'update'));
      expect(about.map((a) => a.action)).toEqual(expect.arrayContaining(['logout', 'update', 'update']));
    } finally {
      await store.close();
    }
  });
});
