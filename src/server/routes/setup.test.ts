/**
 * First run over HTTP (issue 14): on a workspace with no users GET /api/setup offers the shipped
 * area table's 43 forces with their CSPs, and POST /api/setup creates the chosen force with every
 * CSP at once and the first administrator, logged in by the answer. Bad fields are named; once
 * there is a user both routes answer 404 to everyone, logged in or not, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { fieldsOf } from '../../../test/demo-app.js';
import { emptyStore } from '../../../test/store-snapshots.js';
import { tempWorkspace } from '../../../test/temp-workspace.js';
import type { SessionView, SetupDone, SetupOptions } from '../../api/index.js';
import { listOrganisations, type Store } from '../../store/index.js';
import { createApp } from '../app.js';
import type { ServerOptions } from '../options.js';
import { WarehouseAccess } from '../warehouse-access.js';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await emptyStore();
  const workspace = await tempWorkspace('file');
  const options: ServerOptions = {
    workspace,
    sessionHours: 8,
    secureCookies: false,
    threads: 1,
    memoryLimit: '256MB',
    webRoot: undefined,
    now: () => new Date(),
    log: () => undefined,
  };
  app = createApp(store, new WarehouseAccess(workspace, options), options);
}, 120_000);
afterAll(async () => store.close());

const admin = {
  username: 'j.bloggs',
  displayName: 'Jo Bloggs',
  clearance: 'SECRET',
  password: 'correct horse battery',
};

describe('first run', () => {
  it('offers the 43 forces of the shipped area table with their CSPs and districts', async () => {
    const r = await new ApiClient(app).get<SetupOptions>('/api/setup');
    expect(r.status).toBe(200);
    expect(r.body.forces.filter((f) => f.slug !== 'btp')).toHaveLength(43);
    expect(r.body.forces.reduce((n, f) => n + f.csps.length, 0)).toBe(314);
    const staffs = r.body.forces.find((f) => f.slug === 'staffordshire')!;
    expect(staffs.name).toBe('Staffordshire Police');
    expect(staffs.csps.map((c) => c.name)).toContain('Stoke-on-Trent');
  });

  it('names the field of a bad set-up and creates nothing', async () => {
    const client = new ApiClient(app);
    const short = await client.call('POST', '/api/setup', {
      organisation: { kind: 'force', force: 'staffordshire' },
      admin: { ...admin, password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(fieldsOf(short.body)).toEqual(['admin.password']);
    const unknown = await client.call('POST', '/api/setup', {
      organisation: { kind: 'force', force: 'gotham' },
      admin,
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['organisation.force']);
    const csp = await client.call('POST', '/api/setup', {
      organisation: { kind: 'csp', force: 'staffordshire', csp: 'Rugby' },
      admin,
    });
    expect(fieldsOf(csp.body)).toEqual(['organisation.csp']);
    expect(await listOrganisations(store)).toEqual([]);
  });

  it('sets up a force with all its CSPs and logs the first administrator in', async () => {
    const client = new ApiClient(app);
    const r = await client.call<SetupDone>('POST', '/api/setup', {
      organisation: { kind: 'force', force: 'staffordshire' },
      admin,
    });
    expect(r.status).toBe(201);
    expect(r.body.organisations[0]).toEqual({ id: 'staffordshire', name: 'Staffordshire Police', kind: 'force' });
    expect(r.body.csps).toBeGreaterThan(1);
    expect(r.body.administers).toHaveLength(r.body.csps + 1);
    const me = await client.get<SessionView>('/api/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'j.bloggs', displayName: 'Jo Bloggs', clearance: 'SECRET' });
    expect(Object.keys(me.body.roles)).toEqual(expect.arrayContaining(['staffordshire', 'csp-stoke-on-trent']));
    const orgs = await listOrganisations(store);
    expect(orgs.filter((o) => o.kind === 'csp').every((o) => o.parentId === 'staffordshire')).toBe(true);
    expect(orgs).toHaveLength(r.body.csps + 1);
  });

  it('answers 404 to everyone once there is a user, and changes nothing', async () => {
    const anonymous = new ApiClient(app);
    expect((await anonymous.get('/api/setup')).status).toBe(404);
    const again = await anonymous.call('POST', '/api/setup', { organisation: { kind: 'force', force: 'kent' }, admin });
    expect(again.status).toBe(404);
    const loggedIn = new ApiClient(app);
    expect((await loggedIn.login('j.bloggs', admin.password)).status).toBe(200);
    expect((await loggedIn.get('/api/setup')).status).toBe(404);
    expect((await listOrganisations(store)).some((o) => o.id === 'kent')).toBe(false);
  });
});
