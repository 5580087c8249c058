/**
 * Inspection findings as CSV: one row per finding, with its inspection's body, title, date and
 * grade beside it and its latest progress update, as an improvement tracker spreadsheet holds
 * them. Import finds each row's inspection in the organisation (by body, title and date) or
 * creates it, shared with every organisation its rows are shared with, then adds the finding and,
 * where an update is given, its first dated update. The whole file is stored or none of it; export
 * writes the same columns, so an exported file imports back.
 */
import { inputError } from '../errors.js';
import { highestMarking } from '../domain/marking.js';
import { FINDING_KINDS, FINDING_STATUSES, INSPECTION_GRADES, parsePartialDate } from '../domain/plans/terms.js';
import {
  addInspectionFinding,
  addInspectionFindingUpdate,
  createInspection,
  getInspectionFinding,
  listInspectionFindings,
  listInspections,
  type Actor,
  type Inspection,
  type InspectionFinding,
  type Store,
} from '../store/index.js';
import { isoDate, list, listCell, marking, oneOf, text } from './cells.js';
import { column, importRows, readCsvTable, writeCsvTable, type CsvExport } from './csv-table.js';

export const FINDING_COLUMNS = {
  body: column('body', text, { required: true, aliases: ['inspectorate'] }),
  inspection: column('inspection', text, { required: true, aliases: ['inspection title'] }),
  dated: column('dated', (v) => parsePartialDate(v), { aliases: ['inspection date', 'date'] }),
  grade: column('grade', oneOf(INSPECTION_GRADES)),
  reference: column('reference', text, { aliases: ['ref', 'number'] }),
  kind: column('kind', oneOf(FINDING_KINDS)),
  text: column('finding', text, { required: true, aliases: ['area for improvement', 'afi', 'text'] }),
  detail: column('detail', text, { aliases: ['detailed findings'] }),
  owner: column('owner', text),
  status: column('status', oneOf(FINDING_STATUSES)),
  marking: column('marking', marking),
  sharedWith: column('shared_with', list, { aliases: ['shared with'] }),
  updateDated: column('update_dated', isoDate, { aliases: ['update date'] }),
  update: column('update', text, { aliases: ['progress', 'latest update'] }),
};

const keyOf = (body: string, title: string, dated: string | null | undefined) =>
  JSON.stringify([body.toLowerCase(), title, dated ?? null]);

/** Imports `csvText` (named `source` in errors) as findings of the organisation's inspections. */
export async function importInspectionFindingsCsv(
  store: Store,
  actor: Actor,
  organisationId: string,
  csvText: string,
  source: string,
): Promise<InspectionFinding[]> {
  const rows = readCsvTable(csvText, source, FINDING_COLUMNS);
  // An inspection the file creates is shared with every organisation any of its findings is.
  const shares = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = keyOf(r.body ?? '', r.inspection ?? '', r.dated);
    shares.set(k, new Set([...(shares.get(k) ?? []), ...(r.sharedWith ?? [])]));
  }
  const known = new Map<string, Inspection>(
    (await listInspections(store, actor, { organisationId })).map((i) => [keyOf(i.body, i.title, i.dated), i]),
  );
  return importRows(store, source, rows, async (tx, row) => {
    if (row.updateDated !== undefined && row.update === undefined)
      throw inputError('an update date is given but no update text');
    const k = keyOf(row.body ?? '', row.inspection ?? '', row.dated);
    let inspection = known.get(k);
    if (inspection === undefined) {
      inspection = await createInspection(tx, actor, {
        organisationId,
        body: row.body ?? '',
        title: row.inspection ?? '',
        dated: row.dated,
        grade: row.grade,
        sharedWith: [...(shares.get(k) ?? [])],
      });
      known.set(k, inspection);
    } else if (row.grade !== undefined && row.grade !== inspection.grade) {
      throw inputError(
        `inspection ${inspection.id} (${inspection.title}) is graded ${inspection.grade ?? '(none)'}, not ${row.grade}; change the grade with stra inspection edit`,
      );
    }
    const fields = {
      text: row.text ?? '',
      kind: row.kind,
      reference: row.reference,
      detail: row.detail,
      owner: row.owner,
      marking: row.marking,
      sharedWith: row.sharedWith,
    };
    // With an update, the status is what the update leaves it at.
    const made = await addInspectionFinding(
      tx,
      actor,
      inspection.id,
      row.update === undefined ? { ...fields, status: row.status } : fields,
    );
    if (row.update === undefined) return made;
    return (
      await addInspectionFindingUpdate(tx, actor, made.id, made.version, {
        text: row.update,
        dated: row.updateDated,
        status: row.status,
      })
    ).finding;
  });
}

/** The findings the actor can see (of one organisation or inspection, if given), each with its latest update. */
export async function exportInspectionFindingsCsv(
  store: Store,
  actor: Actor,
  q: { organisationId?: string | undefined; inspectionId?: number | undefined } = {},
): Promise<CsvExport> {
  const inspections = new Map(
    (await listInspections(store, actor, { organisationId: q.organisationId })).map((i) => [i.id, i]),
  );
  const findings = (await listInspectionFindings(store, actor, q)).filter((f) => inspections.has(f.inspectionId));
  const rows = [];
  for (const f of findings)
    rows.push({
      f,
      i: inspections.get(f.inspectionId),
      latest: (await getInspectionFinding(store, actor, f.id)).updates.at(-1),
    });
  const csv = writeCsvTable(FINDING_COLUMNS, rows, ({ f, i, latest }) => ({
    body: f.body,
    inspection: f.inspection,
    dated: i?.dated,
    grade: i?.grade,
    reference: f.reference,
    kind: f.kind,
    text: f.text,
    detail: f.detail,
    owner: f.owner,
    status: f.status,
    marking: f.marking,
    sharedWith: listCell(f.sharedWith),
    updateDated: latest?.dated,
    update: latest?.text,
  }));
  const marking = highestMarking([
    ...findings.map((f) => f.marking),
    ...[...inspections.values()].filter((i) => findings.some((f) => f.inspectionId === i.id)).map((i) => i.marking),
  ]);
  return { csv, rows: findings.length, marking };
}
