/**
 * The CLI's CSV exports are disclosures like the server's downloads (issue 13, DPA 2018 Part 3):
 * each is written into the append-only audit before the file reaches stdout or --out, with who,
 * the command, the marking to handle it at, the rows and where it went. The marking is the one
 * the export declares, or else the highest in its `marking` column (OFFICIAL when it has none).
 * Every export acts as a user (`--as`/STRA_USER), so the workspace's store has users.
 */
import { highestMarking, isMarking, type Marking } from '../../domain/marking.js';
import type { Actor, Store } from '../../store/index.js';
import { withActor, type StoreOptions } from './store-context.js';

type Exported = string | { readonly csv: string; readonly marking: string };

/** Runs the export as the acting user and audits it before handing it back to be written. */
export async function withAuditedExport<T extends Exported>(
  options: StoreOptions & { readonly out?: string | undefined },
  what: { readonly table: string; readonly command: string },
  fn: (store: Store, actor: Actor) => Promise<T>,
): Promise<T> {
  return withActor(options, async (store, actor) => {
    const exported = await fn(store, actor);
    const csv = typeof exported === 'string' ? exported : exported.csv;
    const { readCsvRecords } = await import('../../csv-records.js');
    const records = readCsvRecords(csv, what.command);
    const column = (records[0]?.record ?? []).findIndex((h) => h.trim().toLowerCase() === 'marking');
    const seen: Marking[] = ['OFFICIAL'];
    if (typeof exported !== 'string' && isMarking(exported.marking)) seen.push(exported.marking);
    for (const r of column < 0 ? [] : records.slice(1)) {
      const m = r.record[column];
      if (isMarking(m)) seen.push(m);
    }
    const marking = highestMarking(seen);
    const { recordEvent } = await import('../../store/index.js');
    await recordEvent(store, actor, {
      action: 'export',
      table: what.table,
      recordId: what.command.slice(0, 300),
      marking,
      organisationId: null,
      subjectId: actor.userId,
      after: {
        command: what.command,
        marking,
        rows: Math.max(0, records.length - 1),
        to: options.out ?? 'stdout',
      },
    });
    return exported;
  });
}
