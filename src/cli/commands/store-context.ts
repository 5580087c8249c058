/**
 * What every system-of-record command needs: the store (embedded PGlite in the workspace's
 * `store/` folder, or the PostgreSQL server named by DATABASE_URL) and the acting user (`--as`
 * or STRA_USER). Why here: commands stay thin and all agree on who is acting; an empty store
 * never gets a user silently, it says how to create the first administrator.
 */
import type { Command } from 'commander';
import { usageError } from '../../errors.js';
import type { Actor, Store } from '../../store/index.js';
import { commandContext, type CommonOptions } from '../context.js';

export interface StoreOptions extends CommonOptions {
  readonly as?: string;
}

export function withActing(cmd: Command): Command {
  return cmd.option('--as <username>', 'act as this user (default: $STRA_USER)');
}

export const FIRST_ADMIN_HELP = [
  'The store has no users yet. Create an organisation and the first administrator:',
  '  stra org add warwickshire --name "Warwickshire Police" --kind force',
  '  stra user add alice --name "Alice Example" --clearance SECRET --admin --org warwickshire',
  'then act as them with --as alice (or STRA_USER=alice). Or load the demo: stra demo-store',
].join('\n');

/** Opens the store, runs `fn`, closes the store. */
export async function withStore<T>(options: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const ctx = await commandContext(options);
  const { openStore, storeFolder } = await import('../../store/index.js');
  const store = await openStore({ databaseUrl: ctx.config.databaseUrl, folder: storeFolder(ctx.workspace.paths.root) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Opens the store as the acting user. */
export async function withActor<T>(options: StoreOptions, fn: (store: Store, actor: Actor) => Promise<T>): Promise<T> {
  return withStore(options, async (store) => fn(store, await actingUser(store, options)));
}

export async function actingUser(store: Store, options: StoreOptions): Promise<Actor> {
  const { actorFor, countUsers } = await import('../../store/index.js');
  if ((await countUsers(store)) === 0) throw usageError(FIRST_ADMIN_HELP);
  const username = options.as ?? process.env.STRA_USER;
  if (username === undefined || username === '') {
    throw usageError(
      'Say who is acting: --as USERNAME or STRA_USER=USERNAME (stra user list --as ADMIN shows the users).',
    );
  }
  return actorFor(store, username);
}

/** A positive whole number from an argument or option ("assessment id", "--version"). */
export function parseId(what: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw usageError(`${what}: '${value}' is not a number (expected 1, 2, 3 ...)`);
  return n;
}

/** key=value pairs from repeatable options: --set physical=3,trend=increasing --why "physical=..." */
export function parsePairs(what: string, items: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf('=');
    if (at <= 0) throw usageError(`${what}: '${item}' is not NAME=VALUE`);
    out[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return out;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
