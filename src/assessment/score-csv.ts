/**
 * Scores as CSV, so a force can move from its MoRiLE spreadsheet: one row per assessor per
 * threat, a column per factor (by factor id or label, any case; values as numbers or level
 * labels), optional `rationale_<factor>` columns and a `marking` column. Columns starting
 * `computed_` (written by export) are ignored on import, so an export imports back unchanged.
 * Every problem is named by line and field; a file with any problem is refused whole.
 */
import { inputError } from '../errors.js';
import { readCsvRecords } from '../csv-records.js';
import { isMarking, MARKINGS, type Marking } from '../domain/marking.js';
import type { ScoringModel } from '../domain/morile/index.js';
import type { ScoreRow } from '../store/index.js';

type Column =
  { kind: 'threat' | 'assessor' | 'marking' | 'ignored' } | { kind: 'factor' | 'rationale'; factor: string };

export function parseScoresCsv(text: string, model: ScoringModel, source: string): ScoreRow[] {
  const records = readCsvRecords(text, source);
  const [header, ...body] = records;
  if (header === undefined)
    throw inputError(
      `${source} is empty: expected a header row (threat,assessor,${model.factors.map((f) => f.id).join(',')}).`,
    );
  const problems: string[] = [];
  const columns = header.record.map((name, i) =>
    columnFor(name, model, (p) => problems.push(`${source} line ${header.line}, field "${name || `#${i + 1}`}": ${p}`)),
  );
  const has = (kind: string, factor?: string) =>
    columns.some((c) => c.kind === kind && (factor === undefined || ('factor' in c && c.factor === factor)));
  for (const kind of ['threat', 'assessor'] as const)
    if (!has(kind)) problems.push(`${source} line ${header.line}: missing column "${kind}"`);
  for (const f of model.factors)
    if (!f.optional && !has('factor', f.id))
      problems.push(`${source} line ${header.line}: missing column "${f.id}" (${f.label})`);
  const rows = body.map(({ record, line }) => {
    const at = (field: string, p: string) => problems.push(`${source} line ${line}, field "${field}": ${p}`);
    const row = {
      line,
      threat: '',
      assessor: '',
      values: {} as Record<string, string>,
      rationale: {} as Record<string, string>,
      marking: undefined as Marking | undefined,
    };
    columns.forEach((c, i) => {
      const value = (record[i] ?? '').trim();
      if (c.kind === 'threat' || c.kind === 'assessor') {
        if (value === '') at(c.kind, 'is empty');
        row[c.kind] = value;
      } else if (c.kind === 'marking' && value !== '') {
        if (isMarking(value)) row.marking = value;
        else at('marking', `"${value}" is not one of ${MARKINGS.join(', ')}`);
      } else if (c.kind === 'factor' && value !== '') row.values[c.factor] = value;
      else if (c.kind === 'rationale' && value !== '') row.rationale[c.factor] = value;
    });
    return row;
  });
  if (problems.length > 0)
    throw inputError(`${source}: nothing was imported; fix these and import again:\n  ${problems.join('\n  ')}`, {
      problems,
    });
  if (rows.length === 0) throw inputError(`${source} has a header but no scores.`);
  return rows;
}

function columnFor(raw: string, model: ScoringModel, problem: (p: string) => void): Column {
  const name = raw.trim().toLowerCase();
  if (name === 'threat' || name === 'assessor' || name === 'marking') return { kind: name };
  if (name.startsWith('computed_')) return { kind: 'ignored' };
  const rationale = name.startsWith('rationale_');
  const wanted = rationale ? name.slice('rationale_'.length) : name;
  const factor = model.factors.find((f) => f.id.toLowerCase() === wanted || f.label.toLowerCase() === wanted);
  if (factor !== undefined)
    return rationale ? { kind: 'rationale', factor: factor.id } : { kind: 'factor', factor: factor.id };
  problem(
    `not a column of ${model.id} v${model.version} (use threat, assessor, marking, a factor: ${model.factors.map((f) => f.id).join(', ')}, or rationale_<factor>)`,
  );
  return { kind: 'ignored' };
}
