/**
 * Who may import a force's incidents or missing episodes: as for crime data (issue 13), when the
 * workspace's system of record has users the importer must be an analyst or administrator of that
 * force (auth/data-authority.ts), and the import is audited; a workspace without users (one
 * analyst's own warehouse) imports as before.
 */
import { existsSync } from 'node:fs';
import type { CommandContext } from '../context.js';
import type { DemandImportSummary } from '../../warehouse/demand/import-demand.js';
import { forbiddenError } from '../../errors.js';

export async function demandAuthority(
  ctx: CommandContext,
  options: { readonly force: string; readonly as?: string },
  file: string,
): Promise<{ audit: (summary: DemandImportSummary) => Promise<void> } | undefined> {
  const { openStore, storeFolder, countUsers, listOrganisations } = await import('../../store/index.js');
  const folder = storeFolder(ctx.workspace.paths.root);
  if (ctx.config.databaseUrl === undefined && !existsSync(folder)) return undefined;
  const { actingUser } = await import('./store-context.js');
  const { importRefusal } = await import('../../auth/data-authority.js');
  const { auditImport } = await import('../../warehouse/import-authority.js');
  const open = () => openStore({ databaseUrl: ctx.config.databaseUrl, folder });
  const store = await open();
  try {
    if ((await countUsers(store)) === 0) return undefined;
    const actor = await actingUser(store, { as: options.as ?? ctx.config.user });
    const refusal = importRefusal(actor, await listOrganisations(store), {
      file,
      source: 'force-extract',
      force: options.force,
    });
    if (refusal) throw forbiddenError(`Nothing was imported. ${refusal}`, { refused: [refusal] });
    return {
      audit: async (s) => {
        const again = await open();
        try {
          await auditImport(again, actor, {
            import_id: s.import_id,
            by_file: [{ file: s.file, force: s.force, month: null, status: s.status, rows: s.imported }],
          });
        } finally {
          await again.close();
        }
      },
    };
  } finally {
    await store.close();
  }
}
