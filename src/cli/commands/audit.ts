import { command } from './common.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { withActing, withActor, type StoreOptions } from './store-context.js';

export const auditCommand = withActing(
  command('audit', 'the audit log of changes you may see (who, when, what, before and after)'),
)
  .option('--table <name>', 'only this table (threats, scores, assessments, ...)')
  .option('--record <id>', 'only this record')
  .option('--limit <n>', 'at most this many rows', '100')
  .action(async (options: StoreOptions & { table?: string; record?: string; limit: string }) => {
    const { listAudit } = await import('../../store/index.js');
    const rows = await withActor(options, (store, actor) =>
      listAudit(store, actor, { table: options.table, recordId: options.record, limit: Number(options.limit) || 100 }),
    );
    if (wantsJson(options)) printJson(rows);
    else
      printTable(
        rows.map((r) => ({
          id: r.id,
          at: r.at.slice(0, 19).replace('T', ' '),
          who: r.actorName,
          action: r.action,
          table: r.table,
          record: r.recordId,
          marking: r.marking,
        })),
      );
  });
