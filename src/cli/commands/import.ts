import { existsSync } from 'node:fs';
import { command } from './common.js';
import { commandContext, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { progressBar, spinner } from '../progress.js';
import type { ImportSummary } from '../../warehouse/import/types.js';
import { FORCE_SLUG_PATTERN } from '../../domain/crime/forces.js';
import { notFoundError, usageError } from '../../errors.js';
import { stat } from 'node:fs/promises';
import { plural } from '../../domain/plural.js';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

interface ImportOptions extends CommonOptions {
  readonly force?: string;
  readonly allowShrink?: boolean;
  readonly newForce?: string[];
  readonly as?: string;
}

export const importCommand = command('import', 'import police.uk files, folders or zip archives, and force extracts')
  .argument('<paths...>', 'files (.csv), folders (searched recursively) or police.uk .zip archives')
  .option('--force <id>', 'police.uk force id for force extracts without a force column (e.g. west-mercia)')
  .option('--allow-shrink', 'let a re-issue replace a stored force-month with under half its rows')
  .option(
    '--new-force <id...>',
    "accept a force id (in a file name, --force or an extract's force column) that is not one of the 45 police.uk forces",
  )
  .option('--as <username>', 'import as this user of the system of record (default: $STRA_USER)')
  .addHelpText(
    'after',
    '\nExit status: 0 when every file was imported or already present (rejected rows are listed in the\nrejects report), 1 when a file was refused or the import failed, 2 for a usage error or a path\nthat does not exist.',
  )
  .action(async (paths: string[], options: ImportOptions) => {
    if (options.force && !FORCE_SLUG_PATTERN.test(options.force)) {
      throw usageError(`--force: '${options.force}' is not a police.uk force id (e.g. west-mercia)`);
    }
    for (const f of options.newForce ?? [])
      if (!FORCE_SLUG_PATTERN.test(f))
        throw usageError(`--new-force: '${f}' is not a force id (lower-case words joined by hyphens)`);
    // a path that does not exist stops here, before a workspace is created for nothing
    const missing = (await Promise.all(paths.map(async (p) => ((await exists(p)) ? null : p)))).filter(
      (p) => p !== null,
    );
    if (missing.length) throw notFoundError(`no such file or folder: ${missing.join(', ')}`, { paths: missing });
    const ctx = await commandContext(options);
    const { runImport } = await import('../../warehouse/import/run-import.js');
    // Who may write which force's data (issue 13): when the workspace's system of record has
    // users, the importer must be one of them with the right to write every force's data the
    // files hold, and the import is audited. A workspace without users (one analyst's own
    // warehouse) imports as before.
    const authority = await importAuthority(ctx, paths, options);
    const unpacking = spinner('Unzipping');
    const loading = progressBar('Importing');
    const summary = await runImport(ctx.workspace.paths, {
      paths,
      user: ctx.config.user,
      threads: ctx.config.threads,
      memoryLimit: ctx.config.memoryLimit,
      batchBytes: ctx.config.importBatchBytes,
      ...(options.force ? { force: options.force } : {}),
      allowShrink: options.allowShrink === true,
      newForces: options.newForce ?? [],
      limits: ctx.config.importLimits,
      onProgress: (p) =>
        p.phase === 'unpack' ? unpacking.update(p.bytesDone) : loading.update(p.bytesDone, p.bytesTotal, p.rowsDone),
    });
    unpacking.stop();
    loading.stop();
    await authority?.audit(summary);
    if (wantsJson(options)) printJson(summary);
    else printSummary(summary);
    if (summary.by_file.some((f) => f.status === 'refused')) process.exitCode = 1;
  });

/** The import's authority check; undefined when the workspace's store has no users. */
async function importAuthority(
  ctx: Awaited<ReturnType<typeof commandContext>>,
  paths: readonly string[],
  options: ImportOptions,
): Promise<{ audit: (summary: ImportSummary) => Promise<void> } | undefined> {
  const { openStore, storeFolder, countUsers } = await import('../../store/index.js');
  const folder = storeFolder(ctx.workspace.paths.root);
  if (ctx.config.databaseUrl === undefined && !existsSync(folder)) return undefined;
  const { actingUser } = await import('./store-context.js');
  const { requireImportAuthority, auditImport } = await import('../../warehouse/import-authority.js');
  const open = () => openStore({ databaseUrl: ctx.config.databaseUrl, folder });
  const store = await open();
  try {
    if ((await countUsers(store)) === 0) return undefined;
    const actor = await actingUser(store, { ...options, as: options.as ?? ctx.config.user });
    await requireImportAuthority(store, actor, paths, {
      force: options.force,
      newForces: options.newForce,
      limits: ctx.config.importLimits,
      nationalDataOrganisation: ctx.config.nationalDataOrganisation,
    });
    return {
      audit: async (summary) => {
        const again = await open();
        try {
          await auditImport(again, actor, summary);
        } finally {
          await again.close();
        }
      },
    };
  } finally {
    await store.close();
  }
}

function printSummary(s: ImportSummary): void {
  printTable(
    s.by_file.map((f) => ({
      file: f.file,
      kind: f.kind ?? '',
      force: f.force ?? '',
      month: f.month ?? '',
      status: f.status,
      rows: f.rows,
      rejected: f.rejected,
      duplicates: f.duplicates ?? 0,
    })),
  );
  const counts = (status: string) => s.by_file.filter((f) => f.status === status).length;
  process.stdout.write(
    `\n${plural(s.files, 'file')}: ${counts('imported')} imported, ${counts('replaced')} replaced, ${counts('unchanged') + counts('superseded')} unchanged, ${counts('refused')} refused. ` +
      `${plural(s.imported, 'row')} imported, ${s.rejected.toLocaleString('en-GB')} rejected.\n`,
  );
  for (const f of s.by_file.filter((x) => x.status === 'refused')) note(`refused ${f.file}: ${f.reason}`);
  for (const f of s.by_file.filter((x) => x.duplicates))
    note(`skipped ${plural(f.duplicates!, 'duplicate row')} of ${f.file}: ${f.duplicates_reason}`);
  for (const f of s.skipped_files.filter((x) => !s.by_file.some((b) => b.file === x.file)))
    note(`skipped ${f.file}: ${f.reason}`);
  for (const f of s.by_file)
    for (const r of f.rejects_sample ?? []) note(`rejected ${r.file}, line ${r.line}, ${r.column}: ${r.reason}`);
  if (s.rejects_report) note(`All rejected rows: ${s.rejects_report}`);
}
