/**
 * The closed vocabularies of the plans and inspections registers, and how values are read. Why
 * here: the migration builds its CHECK constraints from these lists and the repositories, CSV and
 * CLI parse with these functions, so the database refuses exactly what the code refuses.
 * Decisions: HMIC/HMICFRS grade words, with "not graded" for a pillar the inspectorate chose not
 * to grade (the seed's 2016 Leadership); an inspection's date is as precise as its source says
 * ("May 2016" is 2016-05, never an invented day); a plan's period is a span of years (2016-2021).
 */
import { inputError } from '../../errors.js';

export const INSPECTION_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate', 'not_graded'] as const;
export type InspectionGrade = (typeof INSPECTION_GRADES)[number];

/** What the inspectorate called the finding: HMICFRS reports causes of concern, recommendations and areas for improvement. */
export const FINDING_KINDS = ['area_for_improvement', 'recommendation', 'cause_of_concern'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['open', 'in_progress', 'complete', 'superseded'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** A value of a closed list, matched ignoring case, with spaces or hyphens for underscores. */
function oneOf<T extends string>(what: string, values: readonly T[]) {
  return (value: string): T => {
    const v = value
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const found = values.find((x) => x === v);
    if (found === undefined) throw inputError(`Unknown ${what} "${value}": expected one of ${values.join(', ')}.`);
    return found;
  };
}

export const parseInspectionGrade = oneOf('inspection grade', INSPECTION_GRADES);
export const parseFindingKind = oneOf('finding kind', FINDING_KINDS);
export const parseFindingStatus = oneOf('finding status', FINDING_STATUSES);

/** YYYY, YYYY-MM or YYYY-MM-DD: a real year, month or calendar day. */
export function parsePartialDate(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  const month = m?.[2] === undefined ? 1 : Number(m[2]);
  const day = m?.[3] === undefined ? 1 : Number(m[3]);
  const d = m === null ? undefined : new Date(Date.UTC(Number(m[1]), month - 1, day));
  const ok = d !== undefined && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  if (!ok)
    throw inputError(`"${value}" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (as precise as the source).`);
  return v;
}

/** "2016-2021" (an en dash or spaces are accepted); the end may not come before the start. */
export function parsePlanPeriod(value: string): string {
  const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(value.trim());
  if (m === null || Number(m[2]) < Number(m[1]))
    throw inputError(`Plan period "${value}" is not a span of years: expected e.g. 2016-2021.`);
  return `${m[1]}-${m[2]}`;
}
