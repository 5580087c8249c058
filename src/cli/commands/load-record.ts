/**
 * Area, population and indicator tables loaded from the command line are recorded in the store's
 * audit like the browser's loads (issue 14), so GET /api/reference-tables lists both. Recorded
 * against `--org` when given (with `--as`, that user must hold the admin role there, as in the
 * browser, checked before anything is loaded); else an area table against each force it names
 * that is an organisation in the store, and a population or indicator table as a load for the
 * whole workspace (no organisation: every organisation's rates use it). Who: the `--as` user, or
 * the operating-system user marked "(command line)". A workspace without a store (the warehouse
 * used on its own) records nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { forbiddenError, notFoundError, StraError } from '../../errors.js';
import type { CommandContext } from '../context.js';

export interface LoadRecordOptions {
  readonly as?: string;
  readonly org?: string;
}

export const withLoadRecord = (cmd: Command): Command =>
  cmd
    .option('--as <username>', 'record the load as this user (default: $STRA_USER)')
    .option('--org <id>', 'the organisation the table is loaded for, as recorded in the audit');

export type LoadKind = 'areas' | 'population' | 'indicators';

export interface LoadOutcome {
  readonly rows: number;
  readonly summary: string;
  /** An area table's forces. */
  readonly forces?: readonly string[];
}

/**
 * Runs `load` and records it as `describe` puts it; returns the organisations it was recorded
 * against (null: the whole workspace).
 */
export async function recordedLoad<T>(
  ctx: CommandContext,
  options: LoadRecordOptions,
  kind: LoadKind,
  file: string,
  load: () => Promise<T>,
  describe: (result: T) => LoadOutcome,
): Promise<{ result: T; recordedFor: (string | null)[] }> {
  const { openStore, storeFolder } = await import('../../store/index.js');
  const folder = storeFolder(ctx.workspace.paths.root);
  if (ctx.config.databaseUrl === undefined && !existsSync(folder)) return { result: await load(), recordedFor: [] };
  const { actorFor, listOrganisations, recordEvent } = await import('../../store/index.js');
  const store = await openStore({ databaseUrl: ctx.config.databaseUrl, folder });
  try {
    const name = options.as ?? process.env.STRA_USER;
    let actor = null;
    if (name !== undefined && name !== '') {
      try {
        actor = await actorFor(store, name);
      } catch (err) {
        if (!(err instanceof StraError && err.code === 'NOT_FOUND') || options.as !== undefined) throw err;
      }
    }
    const orgs = await listOrganisations(store);
    if (options.org !== undefined) {
      if (!orgs.some((o) => o.id === options.org)) throw notFoundError(`There is no organisation "${options.org}".`);
      if (actor !== null && !(actor.roles[options.org] ?? []).includes('admin'))
        throw forbiddenError(
          `${actor.username} cannot load tables for ${options.org}: that needs the admin role there. Nothing was loaded.`,
        );
    }
    const sha256 = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    const result = await load();
    const outcome = describe(result);
    const known = new Set(orgs.map((o) => o.id));
    const named = (outcome.forces ?? []).filter((f) => known.has(f));
    const recordedFor: (string | null)[] =
      options.org !== undefined ? [options.org] : kind === 'areas' && named.length > 0 ? named : [null];
    for (const organisationId of recordedFor)
      await recordEvent(store, actor, {
        action: 'load',
        table: `${kind === 'areas' ? 'area' : kind === 'population' ? 'population' : 'indicator'}_tables`,
        recordId: path.basename(file),
        marking: 'OFFICIAL',
        organisationId,
        actorName: `${ctx.config.user} (command line)`,
        after: {
          kind,
          file: path.basename(file),
          sha256,
          rows: outcome.rows,
          summary: outcome.summary,
          via: 'command line',
        },
      });
    return { result, recordedFor };
  } finally {
    await store.close();
  }
}
