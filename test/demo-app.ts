/** For API tests: the demo store seeded once per file, the app over it, and a client logged in as a demo user. */
import { expect } from 'vitest';
import type { ErrorAnswer } from '../src/api/index.js';
import { DEMO_PASSWORD } from '../src/demo/record/people.js';
import type { Store } from '../src/store/index.js';
import { demoStore } from './store-snapshots.js';
import { ApiClient } from './api-client.js';
import { tempWorkspace } from './temp-workspace.js';
import { createApp } from '../src/server/app.js';
import type { ServerOptions } from '../src/server/options.js';
import { WarehouseAccess } from '../src/server/warehouse-access.js';

export interface DemoApp {
  readonly store: Store;
  readonly options: ServerOptions;
  readonly app: ReturnType<typeof createApp>;
  as(username: string): Promise<ApiClient>;
}

/** `overrides` set the clock, the log or the DuckDB memory for a test. */
export async function demoApp(overrides: Partial<ServerOptions> = {}): Promise<DemoApp> {
  const store = await demoStore();
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
    ...overrides,
  };
  const app = createApp(store, new WarehouseAccess(workspace, options), options);
  return {
    store,
    options,
    app,
    async as(username: string) {
      const client = new ApiClient(app);
      expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
      return client;
    },
  };
}

/** The field names a 400 answer names. */
export const fieldsOf = (body: unknown): string[] =>
  (body as ErrorAnswer).error.details!.fields!.map((f) => f.field).sort();

/** The data rows of a CSV (header left off), by the first column. */
export const csvFirstColumn = (csv: string): string[] =>
  csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0] ?? '');
