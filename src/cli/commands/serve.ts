/**
 * `stra serve`: the web app over this workspace until interrupted. `stra start` (npm start) runs
 * it after opening the demo workspace.
 */
import { Option } from 'commander';
import { command } from './common.js';
import { commandContext, type CommandContext, type CommonOptions } from '../context.js';
import { note } from '../output.js';
import { FIRST_ADMIN_HELP } from './store-context.js';

export interface ServeOptions extends CommonOptions {
  readonly port?: string;
  readonly host?: string;
}

export const serveCommand = command(
  'serve',
  'run the web app (login, dashboard, trends, scoring, registers) on this workspace',
)
  .addOption(new Option('--port <n>', 'port to listen on (default: $STRA_PORT or 8080; 0 picks a free one)'))
  .addOption(new Option('--host <address>', 'address to listen on (default: $STRA_HOST or 127.0.0.1)'))
  .action(async (options: ServeOptions) => {
    const ctx = await commandContext(options);
    await serveUntilStopped(ctx, options);
  });

export async function serveUntilStopped(
  ctx: CommandContext,
  options: ServeOptions,
  banner?: (url: string) => string,
): Promise<void> {
  const { openStore, storeFolder, countUsers } = await import('../../store/index.js');
  const { startServer, builtUi } = await import('../../server/serve.js');
  const { usageError } = await import('../../errors.js');
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw usageError(`--port: '${options.port}' is not a port number (0 to 65535)`);
  const config = {
    ...ctx.config,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(port === undefined ? {} : { port }),
  };
  const store = await openStore({ databaseUrl: config.databaseUrl, folder: storeFolder(ctx.workspace.paths.root) });
  const server = await startServer(store, ctx.workspace.paths, config).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  if (builtUi() === undefined) note('The UI is not built (run `npm run build`): serving the API only.');
  if ((await countUsers(store)) === 0)
    note(
      `Nobody can log in yet: open ${server.url} in a browser to set up the organisation and its first administrator.\n` +
        (server.setupToken === undefined
          ? ''
          : `This server can be reached from other machines, so the set-up asks for this set-up token: ${server.setupToken}\n`) +
        `(Or at the command line, with this server stopped when the store is the embedded one:\n${FIRST_ADMIN_HELP}\nthen give them a password: stra user password alice)`,
    );
  if (config.host === '0.0.0.0' || config.host === '::')
    note(
      `Listening on every address of this machine (--host ${config.host}): from other machines, open http://<this machine's name or address>:${server.port}`,
    );
  process.stdout.write(
    banner === undefined ? `OpenSTRA is running at ${server.url} (Ctrl-C to stop)\n` : banner(server.url),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  note('Stopping.');
  await server.close();
  await store.close();
}
