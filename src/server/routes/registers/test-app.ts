/** For the register route tests: the demo store seeded once per file, the app over it, and a client logged in as a demo user. */
import { expect } from 'vitest';
import { seedDemoStore } from '../../../assessment/demo-store.js';
import { DEMO_PASSWORD } from '../../../assessment/demo-people.js';
import { openStore, type Store } from '../../../store/index.js';
import { ApiClient } from '../../../../test/api-client.js';
import { tempWorkspace } from '../../../../test/temp-workspace.js';
import { createApp } from '../../app.js';
import type { ServerOptions } from '../../options.js';
import { WarehouseAccess } from '../../warehouse-access.js';

export interface DemoApp {
  readonly store: Store;
  as(username: string): Promise<ApiClient>;
}

export async function demoApp(): Promise<DemoApp> {
  const store = await openStore({});
  await seedDemoStore(store);
  const workspace = await tempWorkspace('file');
  const options: ServerOptions = { workspace, sessionHours: 8, secureCookies: false, threads: 1, memoryLimit: '256MB', webRoot: undefined, now: () => new Date(), log: () => undefined };
  const app = createApp(store, new WarehouseAccess(workspace, options), options);
  return {
    store,
    async as(username: string) {
      const client = new ApiClient(app);
      expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
      return client;
    },
  };
}

/** The field names a 400 answer names. */
export const fieldsOf = (body: unknown): string[] =>
  ((body as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field)).sort();

/** The data rows of a CSV (header left off), by the first column. */
export const csvFirstColumn = (csv: string): string[] => csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0] ?? '');
