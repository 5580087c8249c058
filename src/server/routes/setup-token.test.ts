/**
 * Issue 14: a server reachable beyond the loopback asks the first-run set-up for the token
 * `stra serve` printed when it started. Without it, or with a wrong one, the set-up is refused
 * (403, naming the field) and nothing is created; with it, the set-up goes ahead. A server on the
 * loopback alone asks for none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { fieldsOf } from '../../../test/demo-app.js';
import { emptyStore } from '../../../test/store-snapshots.js';
import { tempWorkspace } from '../../../test/temp-workspace.js';
import type { SetupDone, SetupOptions } from '../../api/index.js';
import { listOrganisations, type Store } from '../../store/index.js';
import { createApp } from '../app.js';
import type { ServerOptions } from '../options.js';
import { needsSetupToken } from '../serve.js';
import { WarehouseAccess } from '../warehouse-access.js';

const TOKEN = 'abcde-fghij-klmno-pqrst-uvwxy';
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
    setupToken: TOKEN,
  };
  app = createApp(store, new WarehouseAccess(workspace, options), options);
}, 120_000);
afterAll(async () => store.close());

const request = {
  organisation: { kind: 'force', force: 'staffordshire' },
  admin: { username: 'j.bloggs', displayName: 'Jo Bloggs', clearance: 'SECRET', password: 'correct horse battery' },
};

describe('the set-up token', () => {
  it('is needed beyond the loopback or behind a proxy, not on the loopback alone', () => {
    expect(needsSetupToken({ host: '127.0.0.1', trustedProxies: [] })).toBe(false);
    expect(needsSetupToken({ host: 'localhost', trustedProxies: [] })).toBe(false);
    expect(needsSetupToken({ host: '0.0.0.0', trustedProxies: [] })).toBe(true);
    expect(needsSetupToken({ host: '10.1.2.3', trustedProxies: [] })).toBe(true);
    expect(needsSetupToken({ host: '127.0.0.1', trustedProxies: ['127.0.0.1'] })).toBe(true);
  });

  it('is asked for, and a set-up without it or with a wrong one is refused, creating nothing', async () => {
    const client = new ApiClient(app);
    expect((await client.get<SetupOptions>('/api/setup')).body.tokenRequired).toBe(true);
    const none = await client.call('POST', '/api/setup', request);
    expect(none.status).toBe(403);
    expect(fieldsOf(none.body)).toEqual(['setupToken']);
    const wrong = await client.call('POST', '/api/setup', { ...request, setupToken: 'abcde-fghij-klmno-pqrst-uvwxz' });
    expect(wrong.status).toBe(403);
    expect(await listOrganisations(store)).toEqual([]);
  });

  it('lets the set-up go ahead with the token printed', async () => {
    const r = await new ApiClient(app).call<SetupDone>('POST', '/api/setup', { ...request, setupToken: ` ${TOKEN} ` });
    expect(r.status).toBe(201);
    expect(r.body.username).toBe('j.bloggs');
  });
});
