/**
 * A workspace is one folder that holds all of an installation's state: the crime warehouse
 * (Parquet partitions + catalog) and, later, the system of record. Commands create it on
 * first use so a newcomer never has to run `stra init` first.
 */
import { mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { inputError } from '../errors.js';

export const WORKSPACE_FORMAT = 1;

export interface WorkspacePaths {
  readonly root: string;
  readonly marker: string;
  readonly warehouse: string;
  readonly catalog: string;
  readonly lock: string;
  readonly staging: string;
  readonly rejects: string;
  readonly areas: string;
}

export function workspacePaths(root: string): WorkspacePaths {
  const abs = path.resolve(root);
  const warehouse = path.join(abs, 'warehouse');
  return {
    root: abs,
    marker: path.join(abs, 'workspace.json'),
    warehouse,
    catalog: path.join(warehouse, 'catalog.json'),
    lock: path.join(warehouse, '.lock'),
    staging: path.join(warehouse, 'staging'),
    rejects: path.join(warehouse, 'rejects'),
    areas: path.join(warehouse, 'areas'),
  };
}

export interface WorkspaceInfo {
  readonly paths: WorkspacePaths;
  readonly created: boolean;
}

/** Opens the workspace at `root`, creating it if needed. Refuses a folder that is something else. */
export async function openWorkspace(root: string): Promise<WorkspaceInfo> {
  const paths = workspacePaths(root);
  const existing = await stat(paths.root).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw inputError(`workspace ${paths.root} exists but is not a folder`);
  }
  const marker = await readFile(paths.marker, 'utf8').catch(() => undefined);
  if (marker !== undefined) {
    const format = (JSON.parse(marker) as { format?: unknown }).format;
    if (format !== WORKSPACE_FORMAT) {
      throw inputError(`workspace ${paths.root} has format ${String(format)}; this version reads format ${WORKSPACE_FORMAT}`);
    }
    return { paths, created: false };
  }
  await mkdir(paths.warehouse, { recursive: true });
  await mkdir(paths.rejects, { recursive: true });
  await mkdir(paths.areas, { recursive: true });
  const body = { format: WORKSPACE_FORMAT, created: new Date().toISOString() };
  await writeFile(paths.marker, JSON.stringify(body, null, 2) + '\n');
  return { paths, created: true };
}
