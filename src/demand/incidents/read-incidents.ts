/**
 * Reads an incident export through a saved mapping: every row becomes an incident, a reject (file,
 * line, field, why) or an accounted repeat, and the counts always add up:
 *   rows = accepted + rejected + duplicates skipped + unit rows collapsed.
 *
 * Repeats: exports with one row per attached unit (the mapping names the unit column) are collapsed
 * to one incident per reference, keeping the earliest opening and arrival, the latest closing, the
 * summed officer time and the number of units; the first row gives the codes. Without a unit column
 * an identical repeat of a row is skipped as a duplicate, and a different row under a reference
 * already read is rejected, since two incidents cannot share a reference.
 */
import type { Incident, IncidentTime } from '../../domain/demand/incident.js';
import { inputError, StraError } from '../../errors.js';
import { csvRecords } from '../csv/records.js';
import type { IncidentMapping } from '../mapping/incident-mapping.js';
import { ZoneClock } from '../time/zone-clock.js';
import { compileIncidentRow, type CompiledIncidentRow } from './row-mapper.js';

export interface RejectedRow {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

export interface UnmappedCode {
  readonly lookup: 'class' | 'grade' | 'outcome';
  readonly code: string;
  readonly rows: number;
}

export interface IncidentReadReport {
  readonly file: string;
  readonly mapping: string;
  readonly timeZone: string;
  /** Data rows in the file (the header not counted). */
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicatesSkipped: number;
  readonly unitRowsCollapsed: number;
  readonly rejects: RejectedRow[];
  /** Codes no rule of the mapping matched (given the lookup's default), most frequent first. */
  readonly unmappedCodes: UnmappedCode[];
  /** Local times that occur twice (clocks going back), read as the first occurrence. */
  readonly ambiguousLocalTimes: number;
  /** Area values that did not match the mapping's pattern, left blank. */
  readonly areasBlanked: number;
  readonly caveats: string[];
  /** Local date-times of the first and last incident opened (YYYY-MM-DD HH:MM). */
  readonly firstOpened: string | null;
  readonly lastOpened: string | null;
}

export interface IncidentRead {
  readonly incidents: Incident[];
  readonly report: IncidentReadReport;
}

export async function readIncidents(file: string, mapping: IncidentMapping, displayName = file): Promise<IncidentRead> {
  const clock = ZoneClock.of(mapping.timeZone);
  if (!clock) throw inputError(`mapping ${mapping.name}: timeZone '${mapping.timeZone}' is not an IANA time zone`);
  const rejects: RejectedRow[] = [];
  const reject = (line: number, field: string, reason: string) =>
    rejects.push({ file: displayName, line, field, reason });
  const byId = new Map<string, { incident: Mutable<Incident>; line: number; signature: string; units: Set<string> }>();
  let row: CompiledIncidentRow | undefined;
  let headerLength = 0;
  let rows = 0;
  let duplicates = 0;
  let collapsed = 0;
  let ambiguous = 0;
  let blanked = 0;
  for await (const record of csvRecords(file, (line, reason) => {
    rows++;
    reject(line, '(row)', reason);
  })) {
    if (!row) {
      headerLength = record.fields.length;
      row = compileIncidentRow(displayName, record.fields, mapping, clock);
      continue;
    }
    rows++;
    if (record.fields.length !== headerLength) {
      reject(record.line, '(row)', `the row has ${record.fields.length} fields where the header has ${headerLength}`);
      continue;
    }
    const result = row(record.fields);
    if (!result.ok) {
      reject(record.line, result.field, result.reason);
      continue;
    }
    const seen = byId.get(result.incident.id);
    if (!seen) {
      byId.set(result.incident.id, {
        incident: { ...result.incident },
        line: record.line,
        signature: record.fields.join('\u0001'),
        units: new Set(result.unitKey === null ? [] : [result.unitKey]),
      });
      if (result.ambiguousTime) ambiguous++;
      if (result.areaBlanked) blanked++;
      continue;
    }
    const signature = record.fields.join('\u0001');
    if (signature === seen.signature || (result.unitKey !== null && seen.units.has(result.unitKey))) {
      duplicates++;
      continue;
    }
    if (result.unitKey === null) {
      reject(
        record.line,
        mapping.columns.id,
        `incident ${result.incident.id} was already read at line ${seen.line} with different values`,
      );
      continue;
    }
    seen.units.add(result.unitKey);
    mergeUnit(seen.incident, result.incident);
    collapsed++;
  }
  if (!row) throw inputError(`${displayName}: the file is empty (no header line)`, { file: displayName });
  const incidents = [...byId.values()].map((v) => v.incident as Incident);
  if (rows !== incidents.length + rejects.length + duplicates + collapsed)
    throw new StraError('INTERNAL', `${displayName}: row accounting does not add up`);
  const opened = incidents.map((i) => i.opened.local).sort((a, b) => a - b);
  return {
    incidents,
    report: {
      file: displayName,
      mapping: mapping.name,
      timeZone: mapping.timeZone,
      rows,
      accepted: incidents.length,
      rejected: rejects.length,
      duplicatesSkipped: duplicates,
      unitRowsCollapsed: collapsed,
      rejects,
      unmappedCodes: unmapped(row),
      ambiguousLocalTimes: ambiguous,
      areasBlanked: blanked,
      caveats: mapping.caveats,
      firstOpened: opened.length ? localText(opened[0]!) : null,
      lastOpened: opened.length ? localText(opened.at(-1)!) : null,
    },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function mergeUnit(into: Mutable<Incident>, unit: Incident): void {
  into.units += 1;
  if (unit.opened.utc < into.opened.utc) into.opened = unit.opened;
  into.arrived = earliest(into.arrived, unit.arrived);
  if (unit.closed && (!into.closed || unit.closed.utc > into.closed.utc)) into.closed = unit.closed;
  if (unit.officerMinutes !== null) into.officerMinutes = (into.officerMinutes ?? 0) + unit.officerMinutes;
}

function earliest(a: IncidentTime | null, b: IncidentTime | null): IncidentTime | null {
  if (!a) return b;
  if (!b) return a;
  return b.utc < a.utc ? b : a;
}

function unmapped(row: CompiledIncidentRow): UnmappedCode[] {
  const out: UnmappedCode[] = [];
  const add = (lookup: UnmappedCode['lookup'], m: Map<string, number> | undefined) =>
    m?.forEach((rows, code) => out.push({ lookup, code, rows }));
  add('class', row.lookups.classes.unmapped);
  add('grade', row.lookups.grades?.unmapped);
  add('outcome', row.lookups.outcomes?.unmapped);
  return out.sort((a, b) => b.rows - a.rows);
}

function localText(wall: number): string {
  return new Date(wall).toISOString().slice(0, 16).replace('T', ' ');
}
