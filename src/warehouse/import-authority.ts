/**
 * Before an import writes anything: which force's data each file would write (police.uk files by
 * their name, a force extract by every value of its `force` column or `--force`, a PRC table as
 * national), checked against the importer's roles (auth/data-authority.ts). One refusal stops the
 * whole import, naming each file refused and why. Used by the upload route and `stra import`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importRefusal, type ImportTarget } from '../auth/data-authority.js';
import { forbiddenError } from '../errors.js';
import { listOrganisations, recordEvent, type Actor, type Store } from '../store/index.js';
import { openDuck } from './duckdb.js';
import { discoverSources } from './import/files/discover.js';
import { recogniseAll } from './import/recognise.js';
import type { ImportLimits } from '../config.js';
import { DEFAULT_LIMITS } from './import/run-import.js';
import { sourceOf } from './import/sources/registry.js';
import { sqlString } from './sql.js';

/** What each file the paths name would write; unrecognised files are left to the import to refuse. */
export async function importTargets(
  paths: readonly string[],
  force?: string,
  newForces: readonly string[] = [],
  limits: Partial<ImportLimits> = {},
): Promise<ImportTarget[]> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'stra-authority-'));
  try {
    const discovery = await discoverSources(paths, staging, { limits: { ...DEFAULT_LIMITS, ...limits } });
    const { sniffed } = await recogniseAll(discovery.files, { force, newForces });
    const targets: ImportTarget[] = [];
    for (const s of sniffed) {
      const source = sourceOf(s.format).name;
      if (source === 'force-extract' && s.header.includes('force')) {
        for (const f of await forcesInExtract(s.path, force ?? null))
          targets.push({ file: s.displayName, source, force: f });
      } else targets.push({ file: s.displayName, source, force: s.force });
    }
    return targets;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Every force a force extract's rows name (an empty cell takes the `--force` default). */
async function forcesInExtract(file: string, fallback: string | null): Promise<(string | null)[]> {
  const sql = await openDuck({ threads: 1, memoryLimit: '256MB' });
  try {
    const rows = await sql.all<{ f: string | null }>(
      `SELECT DISTINCT coalesce(nullif(trim("force"), ''), ${fallback === null ? 'NULL' : sqlString(fallback)}) AS f ` +
        `FROM read_csv(${sqlString(file)}, all_varchar = true, header = true)`,
    );
    return rows.map((r) => r.f);
  } finally {
    sql.close();
  }
}

export interface AuthorityOptions {
  readonly force?: string | undefined;
  /** --new-force: force ids accepted in file names though not on the shipped list. */
  readonly newForces?: readonly string[] | undefined;
  /** The import's zip limits (default DEFAULT_LIMITS), so the check unpacks what the import would. */
  readonly limits?: Partial<ImportLimits> | undefined;
  readonly nationalDataOrganisation?: string | undefined;
}

/** Refuses (FORBIDDEN) unless the actor may write every force's data the paths hold; returns the targets. */
export async function requireImportAuthority(
  store: Store,
  actor: Actor,
  paths: readonly string[],
  options: AuthorityOptions = {},
): Promise<ImportTarget[]> {
  const targets = await importTargets(paths, options.force, options.newForces, options.limits);
  const organisations = await listOrganisations(store);
  const refusals = [
    ...new Set(targets.map((t) => importRefusal(actor, organisations, t, options.nationalDataOrganisation))),
  ].filter((r): r is string => r !== null);
  if (refusals.length > 0)
    throw forbiddenError(`Nothing was imported. ${refusals.slice(0, 10).join(' ')}`, { refused: refusals });
  return targets;
}

/**
 * The import in the audit: one row per force written (action `import`, or `replace` when a file
 * replaced a force-month already held), naming the import, its files and the user.
 */
export async function auditImport(
  store: Store,
  actor: Actor,
  summary: {
    readonly import_id: string;
    readonly by_file: readonly {
      file: string;
      force: string | null;
      month: string | null;
      status: string;
      rows: number;
    }[];
  },
): Promise<void> {
  const organisations = new Set((await listOrganisations(store)).map((o) => o.id));
  const groups = new Map<string, { force: string | null; action: 'import' | 'replace'; files: unknown[] }>();
  for (const f of summary.by_file) {
    if (f.status !== 'imported' && f.status !== 'replaced') continue;
    const action = f.status === 'replaced' ? 'replace' : 'import';
    const key = `${f.force ?? ''}|${action}`;
    const group = groups.get(key) ?? { force: f.force, action, files: [] };
    group.files.push({ file: f.file, month: f.month, rows: f.rows });
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    await recordEvent(store, actor, {
      action: g.action,
      table: 'warehouse',
      recordId: summary.import_id,
      marking: 'OFFICIAL',
      organisationId: g.force !== null && organisations.has(g.force) ? g.force : null,
      subjectId: actor.userId,
      after: { force: g.force, user: actor.username, files: g.files },
    });
  }
}
