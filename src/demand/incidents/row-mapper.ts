/**
 * Turns one CSV record into an Incident through a compiled mapping, or says which field is wrong
 * and why. Compiled once per file: columns are found by name, formats and lookups prepared, so
 * each row costs a few array reads and one date parse per time field.
 */
import type { Incident, IncidentArea } from '../../domain/demand/incident.js';
import type { IncidentMapping } from '../mapping/incident-mapping.js';
import { indexHeader } from '../mapping/header.js';
import { compileLookup, type CompiledLookup } from '../mapping/lookup.js';
import type { ZoneClock } from '../time/zone-clock.js';
import { flag, isBlank, timeReader, type TimeRead } from '../mapping/values.js';
import type { DemandClass, Grade, Outcome } from '../../domain/demand/vocabulary.js';

export type RowResult =
  | {
      readonly ok: true;
      readonly incident: Incident;
      readonly unitKey: string | null;
      readonly ambiguousTime: boolean;
      readonly areaBlanked: boolean;
    }
  | { readonly ok: false; readonly field: string; readonly reason: string };

export interface CompiledIncidentRow {
  (fields: readonly string[]): RowResult;
  readonly lookups: {
    classes: CompiledLookup<DemandClass>;
    grades?: CompiledLookup<Grade>;
    outcomes?: CompiledLookup<Outcome>;
  };
}

export function compileIncidentRow(
  file: string,
  header: readonly string[],
  mapping: IncidentMapping,
  clock: ZoneClock,
): CompiledIncidentRow {
  const c = mapping.columns;
  const required = [c.id, ...c.opened.columns, c.openingCode, mapping.classes.column].filter(
    (n): n is string => n !== undefined,
  );
  const others = [
    ...(c.arrived?.columns ?? []),
    ...(c.closed?.columns ?? []),
    c.closingCode,
    c.disposition,
    c.area?.column,
    c.area?.fallback?.column,
    c.unit,
    c.officerMinutes?.column,
    c.grade,
    c.crimeRelated?.column,
    c.mentalHealth?.column,
  ].filter((n): n is string => n !== undefined);
  const blank = mapping.absentColumns === 'blank';
  const index = indexHeader(file, header, blank ? required : [...required, ...others], blank ? others : []);
  const text = (fields: readonly string[], column: string | undefined): string =>
    column === undefined ? '' : (fields[index(column)] ?? '').trim();
  const opened = timeReader(c.opened, index, clock);
  const arrived = c.arrived ? timeReader(c.arrived, index, clock) : undefined;
  const closed = c.closed ? timeReader(c.closed, index, clock) : undefined;
  const classes = compileLookup(mapping.classes);
  const grades = mapping.grades ? compileLookup(mapping.grades) : undefined;
  const outcomes = mapping.outcomes ? compileLookup(mapping.outcomes) : undefined;
  const areas = [c.area, c.area?.fallback]
    .filter((a): a is NonNullable<typeof a> => a !== undefined)
    .map((a) => ({
      column: a.column,
      kind: a.kind,
      pattern: a.pattern ? new RegExp(a.pattern) : undefined,
      missing: new Set(a.missing.map((v) => v.trim().toLowerCase())),
    }));
  const minutesPer = { minutes: 1, hours: 60, seconds: 1 / 60 }[c.officerMinutes?.unit ?? 'minutes'];

  const row = (fields: readonly string[]): RowResult => {
    const id = text(fields, c.id);
    if (id === '') return fail(c.id, `${c.id} is empty: an incident needs its reference`);
    const openedAt = opened(fields);
    if (!openedAt.ok) return fail(c.opened.columns.join(' + '), openedAt.reason);
    let arrivedAt: TimeRead | undefined;
    if (arrived && !isBlank(fields, c.arrived!.columns, index)) {
      arrivedAt = arrived(fields);
      if (!arrivedAt.ok) return fail(c.arrived!.columns.join(' + '), arrivedAt.reason);
    }
    let closedAt: TimeRead | undefined;
    if (closed && !isBlank(fields, c.closed!.columns, index)) {
      closedAt = closed(fields);
      if (!closedAt.ok) return fail(c.closed!.columns.join(' + '), closedAt.reason);
      if (closedAt.time.utc < openedAt.time.utc)
        return fail(c.closed!.columns.join(' + '), 'the incident closes before it opens');
    }
    const openingCode = text(fields, c.openingCode);
    if (openingCode === '') return fail(c.openingCode, `${c.openingCode} is empty: the incident has no type`);
    const closingCode = text(fields, c.closingCode) || null;
    const disposition = text(fields, c.disposition) || null;
    const classCode = mapping.classes.column ? text(fields, mapping.classes.column) : (closingCode ?? openingCode);
    const demandClass = classes(classCode);
    let area: IncidentArea | null = null;
    let areaBlanked = false;
    for (const a of areas) {
      const value = text(fields, a.column);
      if (value === '' || a.missing.has(value.toLowerCase())) continue;
      if (a.pattern && !a.pattern.test(value)) {
        areaBlanked = true;
        continue;
      }
      area = { kind: a.kind, code: value };
      areaBlanked = false;
      break;
    }
    let officerMinutes: number | null = null;
    if (c.officerMinutes) {
      const value = text(fields, c.officerMinutes.column);
      if (value !== '') {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0)
          return fail(
            c.officerMinutes.column,
            `${c.officerMinutes.column} '${value}' is not a number of ${c.officerMinutes.unit}`,
          );
        officerMinutes = n * minutesPer;
      }
    }
    const crimeRelated = c.crimeRelated ? flag(text(fields, c.crimeRelated.column), c.crimeRelated) : null;
    const mentalHealthFlag = c.mentalHealth ? flag(text(fields, c.mentalHealth.column), c.mentalHealth) : null;
    const incident: Incident = {
      id,
      opened: openedAt.time,
      arrived: arrivedAt?.ok ? arrivedAt.time : null,
      closed: closedAt?.ok ? closedAt.time : null,
      openingCode,
      closingCode,
      disposition,
      demandClass,
      grade: grades ? grades(text(fields, c.grade)) : 'unknown',
      outcome: outcomes ? (disposition === null ? 'unknown' : outcomes(disposition)) : 'unknown',
      area,
      crimeRelated,
      mentalHealth: mentalHealthFlag === true || demandClass === 'mental-health',
      officerMinutes,
      units: 1,
    };
    const ambiguousTime = openedAt.ambiguous;
    return { ok: true, incident, unitKey: c.unit ? text(fields, c.unit) : null, ambiguousTime, areaBlanked };
  };
  return Object.assign(row, { lookups: { classes, grades, outcomes } });
}

function fail(field: string, reason: string): RowResult {
  return { ok: false, field, reason };
}
