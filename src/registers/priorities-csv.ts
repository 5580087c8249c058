/**
 * Partners' priorities as CSV: one row per priority (or note), in the partner's own words with
 * the taxonomy ids it maps to (semicolon-separated). Import stores the whole file or none of it,
 * naming every bad row by line and field; export writes the same columns, so an exported file
 * imports back.
 */
import { highestMarking } from '../domain/marking.js';
import { parsePriorityPeriod } from '../domain/priorities/period.js';
import { parseTaxonomyIds } from '../domain/priorities/taxonomy.js';
import {
  createPriority,
  listPriorities,
  PRIORITY_KINDS,
  type Actor,
  type PartnerPriority,
  type PriorityQuery,
  type Store,
} from '../store/index.js';
import { list, listCell, marking, oneOf, text } from './cells.js';
import { column, importRows, readCsvTable, writeCsvTable, type CsvExport } from './csv-table.js';

export const PRIORITY_COLUMNS = {
  partner: column('partner', text, { required: true, aliases: ['partner id', 'organisation'] }),
  period: column('period', parsePriorityPeriod, { required: true, aliases: ['year'] }),
  wording: column('wording', text, { required: true, aliases: ['priority', 'words'] }),
  taxonomyIds: column('taxonomy_ids', (v) => parseTaxonomyIds(list(v)), {
    aliases: ['taxonomy', 'maps to', 'mapping'],
  }),
  kind: column('kind', oneOf(PRIORITY_KINDS)),
  heldBy: column('held_by', text, { aliases: ['held by'] }),
  marking: column('marking', marking),
  sharedWith: column('shared_with', list, { aliases: ['shared with'] }),
};

/** Imports `csvText` (named `source` in errors); returns the priorities stored. */
export async function importPrioritiesCsv(
  store: Store,
  actor: Actor,
  csvText: string,
  source: string,
): Promise<PartnerPriority[]> {
  const rows = readCsvTable(csvText, source, PRIORITY_COLUMNS);
  return importRows(store, source, rows, (tx, row) =>
    createPriority(tx, actor, {
      partnerId: row.partner ?? '',
      period: row.period ?? '',
      wording: row.wording ?? '',
      taxonomyIds: row.taxonomyIds,
      kind: row.kind,
      heldBy: row.heldBy,
      marking: row.marking,
      sharedWith: row.sharedWith,
    }),
  );
}

/** The priorities the actor can see (optionally of a period or partners), in the order entered, and the export's marking (the highest of its rows). */
export async function exportPrioritiesCsv(store: Store, actor: Actor, q: PriorityQuery = {}): Promise<CsvExport> {
  const rows = await listPriorities(store, actor, q);
  const csv = writeCsvTable(PRIORITY_COLUMNS, rows, (p) => ({
    partner: p.partnerId,
    period: p.period,
    wording: p.wording,
    taxonomyIds: listCell(p.taxonomyIds),
    kind: p.kind,
    heldBy: p.organisationId,
    marking: p.marking,
    sharedWith: listCell(p.sharedWith),
  }));
  return { csv, rows: rows.length, marking: highestMarking(rows.map((p) => p.marking)) };
}
