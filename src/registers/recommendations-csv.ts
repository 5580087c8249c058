/**
 * The recommendations register as CSV: one row per recommendation, with its latest progress
 * update beside it (the seed's Section 3 is exactly "recommendation | update"). Import adds each
 * row to an assessment and, where an update is given, adds it as the first dated update; the
 * whole file is stored or none of it. Export writes the same columns, so a file imports back.
 */
import {
  addRecommendationUpdate,
  createRecommendation,
  getRecommendation,
  listRecommendations,
  RECOMMENDATION_STATUSES,
  type Actor,
  type Recommendation,
  type Store,
} from '../store/index.js';
import { inputError } from '../errors.js';
import { isoDate, list, listCell, marking, oneOf, text } from './cells.js';
import { column, csvExport, importRows, readCsvTable, writeCsvTable, type CsvExport } from './csv-table.js';

export const RECOMMENDATION_COLUMNS = {
  number: column('number', text, { aliases: ['no', 'recommendation number'] }),
  theme: column('theme', text, { required: true, aliases: ['area', 'control strategy area'] }),
  text: column('text', text, { required: true, aliases: ['recommendation'] }),
  owner: column('owner', text),
  status: column('status', oneOf(RECOMMENDATION_STATUSES)),
  marking: column('marking', marking),
  sharedWith: column('shared_with', list, { aliases: ['shared with'] }),
  updateDated: column('update_dated', isoDate, { aliases: ['update date'] }),
  update: column('update', text, { aliases: ['progress', 'latest update'] }),
};

/** Imports `csvText` (named `source` in errors) into the assessment; returns the recommendations stored. */
export async function importRecommendationsCsv(
  store: Store,
  actor: Actor,
  assessmentId: number,
  csvText: string,
  source: string,
): Promise<Recommendation[]> {
  const rows = readCsvTable(csvText, source, RECOMMENDATION_COLUMNS);
  return importRows(store, source, rows, async (tx, row) => {
    if (row.updateDated !== undefined && row.update === undefined)
      throw inputError('an update date is given but no update text');
    const fields = {
      number: row.number,
      theme: row.theme ?? '',
      text: row.text ?? '',
      owner: row.owner,
      marking: row.marking,
      sharedWith: row.sharedWith,
    };
    // With an update, the status is what the update leaves it at (an update always sets one).
    const made = await createRecommendation(
      tx,
      actor,
      assessmentId,
      row.update === undefined ? { ...fields, status: row.status } : fields,
    );
    if (row.update === undefined) return made;
    const { recommendation } = await addRecommendationUpdate(tx, actor, made.id, made.version, {
      text: row.update,
      dated: row.updateDated,
      status: row.status,
    });
    return recommendation;
  });
}

/** The recommendations of an assessment the actor can see, with each one's latest update. */
export async function exportRecommendationsCsv(store: Store, actor: Actor, assessmentId: number): Promise<CsvExport> {
  const recs = await listRecommendations(store, actor, { assessmentId });
  const withLatest = [];
  for (const r of recs) withLatest.push({ r, latest: (await getRecommendation(store, actor, r.id)).updates.at(-1) });
  const csv = writeCsvTable(RECOMMENDATION_COLUMNS, withLatest, ({ r, latest }) => ({
    number: r.number,
    theme: r.theme,
    text: r.text,
    owner: r.owner,
    status: r.status,
    marking: r.marking,
    sharedWith: listCell(r.sharedWith),
    updateDated: latest?.dated,
    update: latest?.text,
  }));
  return csvExport(
    csv,
    recs.map((r) => r.marking),
  );
}
