/**
 * The drivers register as CSV: one row per change driver with its latest scores (1-10), groups,
 * themes (separated by semicolons), evidence notes (one per line in the cell, a source written
 * as "[source: ...]" at the end of a line) and the review that gave the scores. Import adds each
 * row to an assessment, its scores as the driver's first review; the whole file is stored or none
 * of it. Export writes the same columns, so a file imports back.
 */
import { createDriver, getDriver, listDrivers, type Actor, type Driver, type Store } from '../store/index.js';
import {
  CHALLENGE_GROUPS,
  DRIVER_SCALE,
  evidenceLines,
  parseChallengeGroup,
  parseEvidenceLines,
  parsePesteloHeading,
} from '../domain/scanning/index.js';
import { integerIn, isoDate, list, listCell, marking, positiveInteger, text } from './cells.js';
import { column, csvExport, importRows, readCsvTable, writeCsvTable, type CsvExport } from './csv-table.js';

const score = integerIn(DRIVER_SCALE.min, DRIVER_SCALE.max);

export const DRIVER_COLUMNS = {
  number: column('number', positiveInteger, { aliases: ['no', 'driver number'] }),
  name: column('name', text, { required: true, aliases: ['driver'] }),
  challenge: column('group', parseChallengeGroup, {
    aliases: ['challenge', 'driver group', CHALLENGE_GROUPS.join('/')],
  }),
  pestelo: column('pestelo', parsePesteloHeading, { aliases: ['pestelo heading'] }),
  impact: column('impact', score, { required: true }),
  uncertainty: column('uncertainty', score, { required: true, aliases: ['level of uncertainty'] }),
  themes: column('themes', list, { aliases: ['cross cutting themes'] }),
  evidence: column('evidence', parseEvidenceLines, { aliases: ['evidence notes'] }),
  marking: column('marking', marking),
  sharedWith: column('shared_with', list, { aliases: ['shared with'] }),
  reviewedOn: column('reviewed_on', isoDate, { aliases: ['review date', 'dated'] }),
  reviewNote: column('review_note', text, { aliases: ['note'] }),
};

/** Imports `csvText` (named `source` in errors) into the assessment; returns the drivers stored. */
export async function importDriversCsv(
  store: Store,
  actor: Actor,
  assessmentId: number,
  csvText: string,
  source: string,
): Promise<Driver[]> {
  const rows = readCsvTable(csvText, source, DRIVER_COLUMNS);
  return importRows(store, source, rows, (tx, row) =>
    createDriver(tx, actor, assessmentId, {
      number: row.number,
      name: row.name ?? '',
      challenge: row.challenge,
      pestelo: row.pestelo,
      impact: row.impact ?? 0,
      uncertainty: row.uncertainty ?? 0,
      themes: row.themes,
      evidence: row.evidence,
      marking: row.marking,
      sharedWith: row.sharedWith,
      dated: row.reviewedOn,
      note: row.reviewNote,
    }),
  );
}

/** The drivers of an assessment the actor can see, each with the note of its latest review. */
export async function exportDriversCsv(store: Store, actor: Actor, assessmentId: number): Promise<CsvExport> {
  const drivers = await listDrivers(store, actor, { assessmentId });
  const rows = [];
  for (const d of drivers) rows.push({ d, note: (await getDriver(store, actor, d.id)).reviews.at(-1)?.note });
  const csv = writeCsvTable(DRIVER_COLUMNS, rows, ({ d, note }) => ({
    number: d.number,
    name: d.name,
    challenge: d.challenge,
    pestelo: d.pestelo,
    impact: d.impact,
    uncertainty: d.uncertainty,
    themes: listCell(d.themes),
    evidence: evidenceLines(d.evidence),
    marking: d.marking,
    sharedWith: listCell(d.sharedWith),
    reviewedOn: d.reviewedOn,
    reviewNote: note,
  }));
  return csvExport(
    csv,
    drivers.map((d) => d.marking),
  );
}
