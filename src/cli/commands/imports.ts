import { command } from './common.js';
import { commandContext, type CommonOptions } from '../context.js';
import { printJson, printTable, wantsJson } from '../output.js';

interface ImportsOptions extends CommonOptions {
  readonly files?: boolean;
}

export const importsCommand = command(
  'imports',
  'the import manifest: every import, its files, SHA-256, rows and rejects',
)
  .option('--files', 'list every file of every import')
  .action(async (options: ImportsOptions) => {
    const ctx = await commandContext(options);
    const { importState, readCatalog } = await import('../../warehouse/catalog.js');
    const { writerLockHeld } = await import('../../warehouse/lock.js');
    const catalog = await readCatalog(ctx.workspace.paths.catalog);
    const writing = await writerLockHeld(ctx.workspace.paths.lock);
    // a record left 'running' by a writer that is gone was interrupted (killed, power cut)
    const stateOf = (i: (typeof catalog.imports)[number]) => importState(catalog, i, writing);
    if (wantsJson(options)) {
      printJson(catalog.imports.map((i) => ({ ...i, state: stateOf(i) })));
      return;
    }
    if (options.files) {
      printTable(
        catalog.imports.flatMap((i) =>
          i.files.map((f) => ({
            import: i.id,
            when: i.finishedAt,
            state: stateOf(i),
            by: i.by,
            file: f.source,
            sha256: f.sha256?.slice(0, 12) ?? '',
            kind: f.kind ?? '',
            force: f.force ?? '',
            month: f.month ?? '',
            status: f.status,
            rows: f.rows,
            rejected: f.rejected,
          })),
        ),
      );
      return;
    }
    printTable(
      catalog.imports.map((i) => ({
        import: i.id,
        when: i.finishedAt,
        state: stateOf(i),
        by: i.by,
        files: i.files.length,
        rows: i.files.reduce((a, f) => a + f.rows, 0),
        rejected: i.files.reduce((a, f) => a + f.rejected, 0),
        rejects: i.rejectsFile ?? '',
      })),
    );
  });
