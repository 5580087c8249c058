/**
 * Score import and export as files: reading a CSV into the store (all or nothing) and writing an
 * assessment's visible scores as CSV with their computed outputs. The export carries the
 * highest marking of its rows, returned so the caller can print it beside the file.
 */
import type { CsvExport } from '../registers/csv-table.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../api/csv-cells.js';
import { notFoundError } from '../errors.js';
import { highestMarking } from '../domain/marking.js';
import {
  importScores,
  listScores,
  listThreats,
  modelOfAssessment,
  type Actor,
  type ImportSummary,
  type Store,
} from '../store/index.js';
import { parseScoresCsv } from './score-csv.js';
import { blindScores, withheldThreats } from './blind-scoring.js';

export async function importScoresFile(
  store: Store,
  actor: Actor,
  assessmentId: number,
  file: string,
  o: { replace?: boolean } = {},
): Promise<ImportSummary> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw notFoundError(`Cannot read ${file}: ${err.code ?? err.message}`);
  });
  return importScoresText(store, actor, assessmentId, text, path.basename(file), o);
}

/** The same for CSV text already read (an upload), named `source` in every problem reported. */
export async function importScoresText(
  store: Store,
  actor: Actor,
  assessmentId: number,
  text: string,
  source: string,
  o: { replace?: boolean } = {},
): Promise<ImportSummary> {
  const model = await modelOfAssessment(store, actor, assessmentId);
  const rows = parseScoresCsv(text, model, source);
  return importScores(store, actor, assessmentId, rows, { source, replace: o.replace ?? false });
}

export async function exportScoresCsv(store: Store, actor: Actor, assessmentId: number): Promise<CsvExport> {
  const model = await modelOfAssessment(store, actor, assessmentId);
  const names = new Map((await listThreats(store, actor, { assessmentId })).map((t) => [t.id, t.name]));
  // A scoring assessor's export holds no other assessor's score of a threat they have not scored yet.
  const scores = blindScores(
    await listScores(store, actor, { assessmentId }),
    await withheldThreats(store, actor, assessmentId),
    actor,
  );
  const factors = model.factors.map((f) => f.id);
  const explained = factors.filter((f) => scores.some((s) => s.inputs.rationale[f] !== undefined));
  const computed = ['harm', 'likelihood', 'risk', 'priority', 's', 'band'] as const;
  const header = [
    'threat',
    'assessor',
    ...factors,
    ...explained.map((f) => `rationale_${f}`),
    'marking',
    ...computed.map((c) => `computed_${c}`),
  ];
  const body = scores.map((s) => [
    names.get(s.threatId) ?? String(s.threatId),
    s.assessor,
    ...factors.map((f) => s.inputs.values[f] ?? ''),
    ...explained.map((f) => s.inputs.rationale[f] ?? ''),
    s.marking,
    ...computed.map((c) => s.outputs[c]),
  ]);
  return {
    csv: stringify([header, ...body].map((row) => row.map((v) => neutraliseCell(v === undefined ? '' : String(v))))),
    rows: scores.length,
    marking: highestMarking(scores.map((s) => s.marking)),
  };
}
