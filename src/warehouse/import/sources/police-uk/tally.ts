/**
 * What became of each file of a police.uk batch: the rows that landed (counted in the staged
 * month files by duplicates.ts), the rows rejected (by a check, or by the CSV reader itself), and, for the files
 * that have rejects only, each reject's line and reason from a second, in-order read. A file has
 * rejects when the rows that landed (with its duplicates and the lines rejected before DuckDB
 * read it) fall short of its data lines; only those files are read again, and their rejects are
 * counted there, one by one. A file is refused whole when every row was rejected, when its data
 * lines do not balance (imported + rejected + duplicates), or when it is a re-issue far smaller
 * than the stored force-month (../../accounting.ts).
 */
import type { Catalog } from '../../../catalog.js';
import type { Sql } from '../../../duckdb.js';
import { sourceId } from '../../../tables.js';
import { shrinkRefusal, unaccounted } from '../../accounting.js';
import type { SourceFormat } from '../../format.js';
import { collectRejects } from '../../rejects/collect.js';
import { STAGE, stageInOrder, withFileContext } from '../../stage.js';
import type { PlannedSource, RejectRow } from '../../types.js';
import type { PerFile } from '../import-source.js';

export interface Tally {
  readonly perFile: Map<PlannedSource, PerFile>;
  readonly rejects: RejectRow[];
  /** Files whose every row was rejected. */
  readonly refused: PlannedSource[];
}

export interface TallyContext {
  /** Rows skipped as duplicates, by `force/month` (duplicates.ts). */
  readonly duplicates: ReadonlyMap<string, number>;
  /** Rejects found before DuckDB read the files (lines with unclosed quotes). */
  readonly earlierRejects: readonly RejectRow[];
  /** The catalog before this batch: the stored force-months a re-issue replaces. */
  readonly catalog: Catalog;
  readonly allowShrink: boolean;
}

export async function tallyFiles(
  sql: Sql,
  sources: readonly PlannedSource[],
  format: SourceFormat,
  landed: ReadonlyMap<string, number>,
  { duplicates, earlierRejects, catalog, allowShrink }: TallyContext,
): Promise<Tally> {
  const earlier = (s: PlannedSource) => earlierRejects.filter((r) => r.file === s.displayName).length;
  const withRejects = sources.filter((s) => {
    const key = `${s.force}/${s.month}`;
    return (landed.get(key) ?? 0) + (duplicates.get(key) ?? 0) + earlier(s) !== s.scan.dataLines;
  });
  const rejects = [...earlierRejects, ...(withRejects.length ? await rejectDetails(sql, withRejects, format) : [])];
  rejects.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));

  const perFile = new Map<PlannedSource, PerFile>();
  const refused: PlannedSource[] = [];
  for (const s of sources) {
    const rows = landed.get(`${s.force}/${s.month}`) ?? 0;
    const dups = duplicates.get(`${s.force}/${s.month}`) ?? 0;
    const rejected = rejects.filter((r) => r.file === s.displayName).length;
    const stored = catalog.sources[sourceId({ table: format.table, force: s.force!, month: s.month! })];
    const refusedReason =
      rows === 0 && rejected > 0
        ? `every one of its ${rejected} rows was rejected; nothing was imported from it`
        : (unaccounted(s.scan.dataLines, { rows, rejected, duplicates: dups }) ??
          shrinkRefusal(stored, rows, allowShrink));
    if (refusedReason) {
      perFile.set(s, { rows: 0, rejected, duplicates: dups, refusedReason });
      refused.push(s);
    } else {
      perFile.set(s, { rows, rejected, duplicates: dups });
    }
  }
  return { perFile, rejects, refused };
}

/** Reads the files that have rejects again, in order, for each reject's line and reason. */
async function rejectDetails(sql: Sql, files: readonly PlannedSource[], format: SourceFormat): Promise<RejectRow[]> {
  await stageInOrder(sql, files, format.header);
  await sql.run(`CREATE OR REPLACE TEMP VIEW stage_checked AS ${withFileContext(STAGE, format, { rowid: true })}`);
  const rejects = await collectRejects(sql, files, 'stage_checked', format.checks);
  await sql.run('DROP VIEW stage_checked');
  await sql.run(`DROP TABLE ${STAGE}`);
  await sql.run('SET preserve_insertion_order = false');
  return rejects;
}
