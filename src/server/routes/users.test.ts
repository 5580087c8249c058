/**
 * Administering users over HTTP (issue 14), on the multi-organisation fixture: an administrator
 * creates, renames, clears, disables and re-enables users, resets passwords and grants and
 * removes roles in their own organisation, each audited; never above their own clearance, never
 * in another organisation, never for a user who also belongs to an organisation they do not
 * administer; every other role is refused 403 and nothing changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import { FIXTURE_USERS, multiOrgApp, SECOND_FORCE } from '../../../test/multi-org.js';
import type { AdministeredUser } from '../../api/index.js';
import { actorFor, credentialsFor, listAudit, addMembership } from '../../store/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp();
}, 180_000);

const PASSWORD = 'a long enough password';
const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: `Analyst ${username}`,
  clearance: 'OFFICIAL',
  password: PASSWORD,
  memberships: [{ organisationId: 'warwickshire', role: 'analyst' }],
  ...extra,
});

async function loginAs(username: string, password: string): Promise<number> {
  return (await new ApiClient(demo.app).login(username, password)).status;
}

describe('users for their administrators', () => {
  it('lets an admin create a user with a password and roles in their organisation, audited', async () => {
    const admin = await demo.as('warwickshire.admin.os');
    const r = await admin.call<AdministeredUser>('POST', '/api/users', newUser('new.analyst'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      username: 'new.analyst',
      clearance: 'OFFICIAL',
      disabled: false,
      hasPassword: true,
      manageable: true,
      memberships: [{ organisationId: 'warwickshire', role: 'analyst' }],
    });
    expect(await loginAs('new.analyst', PASSWORD)).toBe(200);
    const list = (await admin.get<AdministeredUser[]>('/api/users')).body.map((u) => u.username);
    expect(list).toContain('new.analyst');
    expect(list.every((u) => !u.startsWith(`${SECOND_FORCE}.`))).toBe(true);
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'warwickshire.admin.os'), { table: 'users' });
    expect(audit.filter((a) => a.recordId === String(r.body.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'password']),
    );
  });

  it('names the bad field and refuses a clearance above the admin’s own or a role elsewhere', async () => {
    const admin = await demo.as('warwickshire.admin.os');
    const bad = await admin.call('POST', '/api/users', newUser('Bad Name!', { password: 'short' }));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['password', 'username']);
    const taken = await admin.call('POST', '/api/users', newUser('new.analyst'));
    expect(fieldsOf(taken.body)).toEqual(['username']);
    const secret = await admin.call('POST', '/api/users', newUser('too.high', { clearance: 'SECRET' }));
    expect(secret.status).toBe(403);
    const elsewhere = await admin.call(
      'POST',
      '/api/users',
      newUser('elsewhere', { memberships: [{ organisationId: SECOND_FORCE, role: 'analyst' }] }),
    );
    expect(elsewhere.status).toBe(403);
    expect(await credentialsFor(demo.store, 'too.high')).toBeUndefined();
    expect(await credentialsFor(demo.store, 'elsewhere')).toBeUndefined();
  });

  it('refuses every role but admin, in every organisation, and changes nothing', async () => {
    const wrong: string[] = [];
    for (const u of FIXTURE_USERS.filter((f) => f.role !== 'admin')) {
      const client = await demo.as(u.username);
      const answers = [
        await client.get('/api/users'),
        await client.call('POST', '/api/users', newUser(`x.${u.username}`)),
        await client.call('PUT', '/api/users/new.analyst', { displayName: 'Changed' }),
        await client.call('POST', '/api/users/new.analyst/password', { password: 'another long password' }),
        await client.call('POST', '/api/users/new.analyst/memberships', {
          organisationId: u.organisationId,
          role: 'reader',
        }),
        await client.call('DELETE', '/api/users/new.analyst/memberships/warwickshire/analyst'),
      ];
      for (const a of answers) if (a.status !== 403) wrong.push(`${u.username}: ${a.status}`);
    }
    expect(wrong).toEqual([]);
    const admin = await demo.as('warwickshire.admin.os');
    const me = (await admin.get<AdministeredUser[]>('/api/users')).body.find((u) => u.username === 'new.analyst')!;
    expect(me.displayName).toBe('Analyst new.analyst');
    expect(me.memberships).toEqual([{ organisationId: 'warwickshire', role: 'analyst' }]);
  }, 300_000);

  it('keeps another organisation’s admin out: 404 for its users, 403 for roles there', async () => {
    const tv = await demo.as(`${SECOND_FORCE}.admin.s`);
    expect((await tv.get<AdministeredUser[]>('/api/users')).body.map((u) => u.username)).not.toContain('new.analyst');
    expect((await tv.call('PUT', '/api/users/new.analyst', { clearance: 'SECRET' })).status).toBe(404);
    expect((await tv.call('POST', '/api/users/new.analyst/password', { password: 'take over password' })).status).toBe(
      404,
    );
    expect((await tv.call('DELETE', '/api/users/new.analyst/memberships/warwickshire/analyst')).status).toBe(403);
    expect(await loginAs('new.analyst', PASSWORD)).toBe(200);
  });

  it('renames, raises the clearance, disables (ending the session) and re-enables a user', async () => {
    const admin = await demo.as('warwickshire.admin.os');
    const user = new ApiClient(demo.app);
    expect((await user.login('new.analyst', PASSWORD)).status).toBe(200);
    const changed = await admin.call<AdministeredUser>('PUT', '/api/users/new.analyst', {
      displayName: 'DC New Analyst',
      clearance: 'OFFICIAL-SENSITIVE',
    });
    expect(changed.body).toMatchObject({ displayName: 'DC New Analyst', clearance: 'OFFICIAL-SENSITIVE' });
    expect((await admin.call('PUT', '/api/users/new.analyst', { clearance: 'SECRET' })).status).toBe(403);
    expect((await admin.call('PUT', '/api/users/new.analyst', { clearance: 'TOP' })).status).toBe(400);
    const disabled = await admin.call<AdministeredUser>('PUT', '/api/users/new.analyst', { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await user.get('/api/session')).status).toBe(401);
    expect(await loginAs('new.analyst', PASSWORD)).toBe(401);
    expect((await admin.call('PUT', '/api/users/warwickshire.admin.os', { disabled: true })).status).toBe(400);
    await admin.call('PUT', '/api/users/new.analyst', { disabled: false });
    expect(await loginAs('new.analyst', PASSWORD)).toBe(200);
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'warwickshire.admin.os'), { table: 'users' });
    const updates = audit.filter((a) => a.action === 'update' && a.recordId === String(changed.body.id));
    expect(updates.map((a) => (a.after as { disabled: boolean }).disabled).sort()).toEqual([false, false, true]);
    expect(
      updates.find((a) => (a.after as { clearance: string }).clearance === 'OFFICIAL-SENSITIVE')?.before,
    ).toMatchObject({
      clearance: 'OFFICIAL',
    });
  });

  it('resets a password: the new one works, the old one does not', async () => {
    const admin = await demo.as('warwickshire.admin.os');
    const r = await admin.call('POST', '/api/users/new.analyst/password', { password: 'the new long password' });
    expect(r.status).toBe(200);
    expect(await loginAs('new.analyst', 'the new long password')).toBe(200);
    expect(await loginAs('new.analyst', PASSWORD)).toBe(401);
  });

  it('grants and removes roles in the admin’s organisation, but never removes its last administrator', async () => {
    const admin = await demo.as('warwickshire.admin.os');
    const granted = await admin.call<AdministeredUser>('POST', '/api/users/new.analyst/memberships', {
      organisationId: 'warwickshire',
      role: 'approver',
    });
    expect(granted.body.memberships.map((m) => m.role)).toEqual(['analyst', 'approver']);
    const removed = await admin.call<AdministeredUser>(
      'DELETE',
      '/api/users/new.analyst/memberships/warwickshire/approver',
    );
    expect(removed.body.memberships.map((m) => m.role)).toEqual(['analyst']);
    // The three fixture admins of warwickshire and the demo's admin: removing all but one is allowed.
    const admins = FIXTURE_USERS.filter((u) => u.organisationId === 'warwickshire' && u.role === 'admin');
    const root = await demo.as('admin');
    for (const u of admins.filter((a) => a.username !== 'warwickshire.admin.os'))
      expect((await root.call('DELETE', `/api/users/${u.username}/memberships/warwickshire/admin`)).status).toBe(200);
    expect((await root.call('DELETE', '/api/users/admin/memberships/warwickshire/admin')).status).toBe(200);
    const last = await admin.call('DELETE', '/api/users/warwickshire.admin.os/memberships/warwickshire/admin');
    expect(last.status).toBe(400);
    expect(fieldsOf(last.body)).toEqual(['role']);
  });

  it('refuses to change a user who also belongs to an organisation the admin does not administer', async () => {
    const root = await actorFor(demo.store, 'admin');
    await addMembership(demo.store, root, 'new.analyst', SECOND_FORCE, 'reader');
    const admin = await demo.as('warwickshire.admin.os');
    const r = await admin.call('PUT', '/api/users/new.analyst', { displayName: 'Not allowed' });
    expect(r.status).toBe(403);
    expect((r.body as { error: { message: string } }).error.message).toMatch(/also belongs to thames-valley/);
    const listed = (await admin.get<AdministeredUser[]>('/api/users')).body.find((u) => u.username === 'new.analyst')!;
    expect(listed.manageable).toBe(false);
  });
});
