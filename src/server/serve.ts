/**
 * Starting and stopping the web server: the store and warehouse opened once, the HTTP app on
 * @hono/node-server, and the job worker. Nothing a request needs is kept only in this process
 * (sessions, login attempts and jobs are in the store), so several servers can share one
 * PostgreSQL store and one workspace.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config.js';
import { stateError } from '../errors.js';
import { packageRoot } from '../data-files.js';
import type { Store } from '../store/index.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { createApp } from './app.js';
import { startWorker } from './jobs-worker.js';
import type { ServerOptions } from './options.js';
import { WarehouseAccess } from './warehouse-access.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The first-run set-up token, when the server needs one (see ServerOptions.setupToken). */
  readonly setupToken: string | undefined;
  close(): Promise<void>;
}

/** The built UI, if `npm run build` has built it. */
export function builtUi(): string | undefined {
  const dir = path.join(packageRoot(), 'dist', 'web');
  return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/**
 * A server others can reach (listening beyond the loopback, or behind a proxy) is set up only by
 * whoever started it: on the loopback alone, the person at the machine is that person.
 */
export function needsSetupToken(config: Pick<Config, 'host' | 'trustedProxies'>): boolean {
  return !LOOPBACK.has(config.host) || (config.trustedProxies ?? []).length > 0;
}

/** 20 random bytes as five groups of letters and digits, easy to copy from a terminal. */
function newSetupToken(): string {
  const text = randomBytes(20).toString('base64url').replace(/[-_]/g, 'x').slice(0, 25);
  return text.match(/.{5}/g)!.join('-');
}

export async function startServer(
  store: Store,
  workspace: WorkspacePaths,
  config: Config,
  overrides: Partial<ServerOptions> & { port?: number } = {},
): Promise<RunningServer> {
  const options: ServerOptions = {
    workspace,
    sessionHours: config.sessionHours,
    secureCookies: config.secureCookies,
    threads: config.threads,
    memoryLimit: config.memoryLimit,
    nationalDataOrganisation: config.nationalDataOrganisation,
    deconfliction: config.deconfliction,
    trustedProxies: config.trustedProxies,
    uploadLimits: config.uploadLimits,
    webRoot: builtUi(),
    setupToken: needsSetupToken(config) ? newSetupToken() : undefined,
    now: () => new Date(),
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    ...overrides,
  };
  const warehouse = new WarehouseAccess(workspace, options);
  const app = createApp(store, warehouse, options);
  const worker = startWorker(store, { ...options, batchBytes: config.importBatchBytes });
  const port = overrides.port ?? config.port;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      void worker.stop();
      warehouse.close();
      if (err.code === 'EADDRINUSE')
        reject(
          stateError(
            `Port ${port} on ${config.host} is already in use (another OpenSTRA server?): stop it, or choose another with --port or STRA_PORT.`,
          ),
        );
      else if (err.code === 'EACCES')
        reject(stateError(`Not allowed to listen on port ${port}: choose a port above 1024 with --port or STRA_PORT.`));
      else reject(err);
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${bound}`,
    port: bound,
    setupToken: options.setupToken,
    async close() {
      await worker.stop();
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closing;
      warehouse.close();
    },
  };
}
