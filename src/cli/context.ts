/**
 * What every command needs: validated configuration and the workspace, created on first use.
 * Commands stay thin: parse options, call one library function, format the result. Heavy
 * modules (DuckDB, validation) are loaded when a command runs, so `stra --help` is instant.
 */
import type { Config } from '../config.js';
import type { WorkspaceInfo } from '../workspace/workspace.js';
import type { Warehouse } from '../warehouse/reader.js';
import { note } from './output.js';

export interface CommonOptions {
  readonly workspace?: string;
  readonly json?: boolean;
}

export interface CommandContext {
  readonly config: Config;
  readonly workspace: WorkspaceInfo;
}

export async function commandContext(options: CommonOptions): Promise<CommandContext> {
  const { loadConfig } = await import('../config.js');
  const { openWorkspace } = await import('../workspace/workspace.js');
  const config = loadConfig(process.env, options.workspace ? { workspace: options.workspace } : {});
  const workspace = await openWorkspace(config.workspace);
  if (workspace.created) note(`Created workspace ${workspace.paths.root}`);
  return { config, workspace };
}

export async function withWarehouse<T>(ctx: CommandContext, fn: (wh: Warehouse) => Promise<T>): Promise<T> {
  const { openWarehouse } = await import('../warehouse/reader.js');
  const wh = await openWarehouse(ctx.workspace.paths, {
    threads: ctx.config.threads,
    memoryLimit: ctx.config.memoryLimit,
  });
  try {
    return await fn(wh);
  } finally {
    wh.close();
  }
}
