/**
 * Readers of mapped values shared by the incident and missing-person rows: a date-time from one or
 * more columns in the mapping's format and zone (with the daylight-saving traps named), blank
 * checks, and yes/no flags.
 */
import type { IncidentTime } from '../../domain/demand/incident.js';
import { compileTimeFormat } from '../time/date-format.js';
import type { ZoneClock } from '../time/zone-clock.js';
import type { ColumnIndex } from './header.js';

export type TimeRead = { ok: true; time: IncidentTime; ambiguous: boolean } | { ok: false; reason: string };

export function timeReader(spec: { columns: string[]; format: string }, index: ColumnIndex, clock: ZoneClock) {
  const parse = compileTimeFormat(spec.format);
  const positions = spec.columns.map(index).filter((i) => i >= 0);
  const label = spec.columns.join(' + ');
  return (fields: readonly string[]): TimeRead => {
    const value = positions
      .map((i) => (fields[i] ?? '').trim())
      .join(' ')
      .trim();
    if (value === '') return { ok: false, reason: `${label} is empty` };
    const parsed = parse(value);
    if (parsed.kind === 'error') return { ok: false, reason: `${label} ${parsed.reason}` };
    if (parsed.kind === 'instant')
      return { ok: true, time: { utc: parsed.utc, local: clock.wallAt(parsed.utc) }, ambiguous: false };
    const instant = clock.instantOf(parsed.wall);
    if (!instant.ok)
      return {
        ok: false,
        reason: `${label} '${value}' does not exist in ${clock.zone}: the clocks went forward over it`,
      };
    return { ok: true, time: { utc: instant.utc, local: parsed.wall }, ambiguous: instant.ambiguous };
  };
}

export function isBlank(fields: readonly string[], columns: readonly string[], index: ColumnIndex): boolean {
  return columns.every((c) => index(c) < 0 || (fields[index(c)] ?? '').trim() === '');
}

export function flag(value: string, spec: { yes: string[]; no: string[] }): boolean | null {
  const v = value.toLowerCase();
  if (spec.yes.some((y) => y.toLowerCase() === v)) return true;
  if (spec.no.some((n) => n.toLowerCase() === v)) return false;
  return null;
}
