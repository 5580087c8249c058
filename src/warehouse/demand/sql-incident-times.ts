/**
 * Times for the DuckDB read of incident exports (sql-incidents.ts): each of the reader's time
 * formats as SQL, and the zone's offsets as segments, so SQL turns wall clock into UTC exactly as
 * the JavaScript reader's ZoneClock does.
 */
import type { ZoneClock } from '../../demand/time/zone-clock.js';
import { inputError } from '../../errors.js';
import { sqlString, sqlStringList } from '../sql.js';

export const QUARTER_HOUR = 15 * 60 * 1000;
export const HALF_DAY = 12 * 60 * 60 * 1000;
export const DAY = 24 * 60 * 60 * 1000;

/**
 * A time format as SQL: `parse(value)` gives a struct {v, instant} (v the wall clock, or the
 * instant when the text carries its offset or is an epoch), NULL where the reader would reject.
 */
export function timeFormatSql(
  format: string,
): { extract: (v: string) => string; parts: (m: string) => string; value: (p: string) => string } | null {
  if (format === 'epoch-ms' || format === 'epoch-s') {
    const scale = format === 'epoch-ms' ? 1 : 1000;
    return {
      extract: (v) => `CASE WHEN regexp_matches(${v}, '^-?[0-9]+$') THEN TRY_CAST(${v} AS BIGINT) * ${scale} END`,
      parts: (m) => m,
      value: (p) => `CASE WHEN ${p} IS NOT NULL THEN {'v': ${p}, 'instant': true} END`,
    };
  }
  let re: string;
  let fields: Record<'y' | 'mo' | 'd' | 'h' | 'mi' | 's' | 'ms' | 'ampm' | 'zone', string | null>;
  let twelveHour = false;
  let yearPlus = 0;
  if (format === 'iso') {
    re = String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$`;
    fields = { y: 'g1', mo: 'g2', d: 'g3', h: 'g4', mi: 'g5', s: 'g6', ms: 'g7', ampm: null, zone: 'g8' };
  } else {
    const tokens = ['yyyy', 'yy', 'SSS', 'MM', 'dd', 'HH', 'hh', 'mm', 'ss', 'M', 'd', 'H', 'h', 'a'];
    const group: Record<string, string> = {
      yyyy: '(\\d{4})',
      yy: '(\\d{2})',
      SSS: '(\\d{1,3})',
      MM: '(\\d{2})',
      dd: '(\\d{2})',
      HH: '(\\d{2})',
      hh: '(\\d{1,2})',
      mm: '(\\d{2})',
      ss: '(\\d{2})',
      M: '(\\d{1,2})',
      d: '(\\d{1,2})',
      H: '(\\d{1,2})',
      h: '(\\d{1,2})',
      a: '([AaPp][Mm])',
    };
    const field: Record<string, keyof typeof fields> = {
      yyyy: 'y',
      yy: 'y',
      SSS: 'ms',
      MM: 'mo',
      M: 'mo',
      dd: 'd',
      d: 'd',
      HH: 'h',
      H: 'h',
      hh: 'h',
      h: 'h',
      mm: 'mi',
      ss: 's',
      a: 'ampm',
    };
    fields = { y: null, mo: null, d: null, h: null, mi: null, s: null, ms: null, ampm: null, zone: null };
    re = '^';
    let k = 0;
    for (let i = 0; i < format.length;) {
      if (format[i] === "'") {
        const end = format.indexOf("'", i + 1);
        if (end < 0) return null;
        re += escapeRe(format.slice(i + 1, end));
        i = end + 1;
        continue;
      }
      const token = tokens.find((t) => format.startsWith(t, i));
      if (token) {
        k++;
        re += group[token];
        fields[field[token]!] = `g${k}`;
        if (token === 'yy') yearPlus = 2000;
        if (token === 'yyyy') yearPlus = 0;
        if (token === 'hh' || token === 'h') twelveHour = true;
        i += token.length;
      } else {
        re += format[i] === ' ' ? '\\s+' : escapeRe(format[i]!);
        i++;
      }
    }
    re += '$';
    if (!fields.y || (twelveHour && !fields.ampm)) return null;
    if (k === 0) return null;
  }
  const groups = (re.match(/\((?!\?)/g) ?? []).length;
  const names = Array.from({ length: groups }, (_, i) => `g${i + 1}`);
  return {
    extract: (v) =>
      `{'matched': regexp_matches(${v}, ${sqlString(re)}), 'g': regexp_extract(${v}, ${sqlString(re)}, ${sqlStringList(names)})}`,
    parts: (m) => {
      const num = (g: string | null, fallback = '0') =>
        g ? `coalesce(TRY_CAST(nullif(${m}.g.${g}, '') AS BIGINT), ${fallback})` : fallback;
      const zone = fields.zone ? `nullif(${m}.g.${fields.zone}, '')` : 'NULL::VARCHAR';
      const digits = `replace(${zone}, ':', '')`;
      const offset =
        `CASE WHEN ${zone} IS NULL OR ${zone} = 'Z' THEN 0 ELSE (CASE WHEN left(${zone}, 1) = '-' THEN -1 ELSE 1 END) * ` +
        `(CAST(substr(${digits}, 2, 2) AS BIGINT) * 60 + CAST(substr(${digits}, 4, 2) AS BIGINT)) * 60000 END`;
      return (
        `{'matched': ${m}.matched, 'y': ${num(fields.y)} + ${yearPlus}, 'mo': ${fields.mo ? num(fields.mo) : '1'}, ` +
        `'d': ${fields.d ? num(fields.d) : '1'}, 'h': ${num(fields.h)}, 'pm': ${twelveHour ? `upper(${m}.g.${fields.ampm}) = 'PM'` : 'false'}, ` +
        `'mi': ${num(fields.mi)}, 's': ${num(fields.s)}, ` +
        `'ms': ${fields.ms ? `coalesce(TRY_CAST(rpad(left(nullif(${m}.g.${fields.ms}, ''), 3), 3, '0') AS BIGINT), 0)` : '0'}, ` +
        `'instant': ${zone} IS NOT NULL, 'offset': ${offset}}`
      );
    },
    value: (p) => {
      const h = twelveHour ? `((${p}.h % 12) + CASE WHEN ${p}.pm THEN 12 ELSE 0 END)` : `${p}.h`;
      const valid = [
        `${p}.matched`,
        `${p}.y >= 100`,
        `${p}.mo BETWEEN 1 AND 12`,
        `${p}.d BETWEEN 1 AND day(last_day(make_date(${p}.y, least(greatest(${p}.mo, 1), 12), 1)))`,
        twelveHour ? `${p}.h BETWEEN 1 AND 12` : `${p}.h <= 23`,
        `${p}.mi <= 59`,
        `${p}.s <= 59`,
      ].join(' AND ');
      const wall =
        `((make_date(${p}.y, ${p}.mo, 1) - DATE '1970-01-01')::BIGINT + ${p}.d - 1) * 86400000 + ` +
        `${h} * 3600000 + ${p}.mi * 60000 + ${p}.s * 1000 + ${p}.ms`;
      return `CASE WHEN ${valid} THEN {'v': ${wall} - ${p}.offset, 'instant': ${p}.instant} END`;
    },
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface ZoneSegments {
  /** Offset from UTC by instant: the offset of the last segment starting at or before it. */
  readonly utc: { start: number; offset: number }[];
  /** By wall clock: the offset giving the (first) instant, or no instant (clocks went forward). */
  readonly wall: { start: number; ok: boolean; offset: number; ambiguous: boolean }[];
}

/**
 * The zone's offsets between two instants as segments, found with ZoneClock itself (its
 * quarter-hour buckets), so the SQL conversion agrees with the reader's to the millisecond. Null
 * when a wall-clock segment boundary is off the quarter hour (no zone in use today).
 */
export function zoneSegments(clock: ZoneClock, from: number, to: number): ZoneSegments | null {
  const step = 6 * 60 * 60 * 1000;
  const start = Math.floor(from / QUARTER_HOUR) * QUARTER_HOUR;
  const transitions: number[] = [];
  for (let x = start; x < to; x += step) {
    if (clock.offsetAt(x) === clock.offsetAt(x + step)) continue;
    let lo = x / QUARTER_HOUR;
    let hi = (x + step) / QUARTER_HOUR; // offset(lo) != offset(hi); find the first bucket that differs
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (clock.offsetAt(mid * QUARTER_HOUR) === clock.offsetAt(lo * QUARTER_HOUR)) lo = mid;
      else hi = mid;
    }
    transitions.push(hi * QUARTER_HOUR);
  }
  const MIN = -9e15;
  const utc = [
    { start: MIN, offset: clock.offsetAt(start) },
    ...transitions.map((t) => ({ start: t, offset: clock.offsetAt(t) })),
  ];
  const offsets = new Set(utc.map((s) => s.offset));
  const breaks = new Set<number>();
  for (const t of transitions) {
    breaks.add(t - HALF_DAY);
    breaks.add(t + HALF_DAY);
    for (const o of offsets) breaks.add(t + o);
  }
  const sorted = [...breaks].sort((a, b) => a - b);
  if (sorted.some((b) => b % QUARTER_HOUR !== 0)) return null;
  const wall: ZoneSegments['wall'] = [];
  const at = (w: number) => {
    const r = clock.instantOf(w);
    return r.ok ? { ok: true, offset: w - r.utc, ambiguous: r.ambiguous } : { ok: false, offset: 0, ambiguous: false };
  };
  const first = sorted.length ? sorted[0]! - DAY : start;
  wall.push({ start: MIN, ...at(first) });
  for (const b of sorted) wall.push({ start: b, ...at(b) });
  // Each segment must convert alike from its start to its end.
  for (let i = 1; i < wall.length; i++) {
    const end = i + 1 < wall.length ? wall[i + 1]!.start - 1 : wall[i]!.start + DAY;
    const e = at(end);
    if (e.ok !== wall[i]!.ok || e.offset !== wall[i]!.offset || e.ambiguous !== wall[i]!.ambiguous)
      throw inputError(`time zone ${clock.zone}: offsets could not be tabulated near ${new Date(end).toISOString()}`);
  }
  return { utc, wall };
}
