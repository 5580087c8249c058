/**
 * The times exports write, read into UTC ISO 8601. Why one reader: every tool writes time its
 * own way (README of the phone exports, "Timestamps"): Android `date` in milliseconds, MMS and the
 * iLEAPP harness in seconds, iOS in Cocoa seconds since 2001, ALEAPP `2021-04-08 09:14:07.692+00:00`,
 * Cellebrite Excel `18/04/2021 3:30:22 PM (UTC+0)`. Decisions: a number is seconds unless it is
 * too large to be (>= 10^11: milliseconds), or the mapping says "cocoa"; a zero or blank value is
 * "no time" (Android writes 0 for a sent SMS's `date_sent`); text with no zone is UTC, which
 * is what ALEAPP and iLEAPP write; text that cannot be read is an error the importer reports
 * with the row.
 */

import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

export type Epoch = 'auto' | 'unix-s' | 'unix-ms' | 'cocoa';

const COCOA_OFFSET_S = 978_307_200; // 2001-01-01T00:00:00Z in Unix seconds

export type TimeReading = { ok: true; at: string | null } | { ok: false; reason: string };

/** Whether the parts are a real date and time (Date.UTC would roll 2024-13-45 over silently). */
const real = (y: number, mo: number, d: number, h: number, mi: number, s: number): boolean => {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
};
const NOT_REAL: TimeReading = { ok: false, reason: 'is not a real date and time' };

const iso = (ms: number): TimeReading =>
  Number.isFinite(ms) && ms > -2_208_988_800_000 && ms < 4_102_444_800_000
    ? { ok: true, at: new Date(ms).toISOString() }
    : { ok: false, reason: 'is outside 1900-2100' };

export function readTime(value: unknown, epoch: Epoch = 'auto'): TimeReading {
  if (value === null || value === undefined) return { ok: true, at: null };
  if (typeof value === 'number') return fromNumber(value, epoch);
  const text = String(value).trim();
  if (text === '' || text === '0') return { ok: true, at: null };
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), epoch);
  const dmy =
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(?:\(UTC([+-]\d{1,2})(?::?(\d{2}))?\))?$/i.exec(
      text,
    );
  if (dmy !== null) {
    const [, d, mo, y, h, mi, s, ampm, zh, zm] = dmy;
    let hour = Number(h);
    if (ampm !== undefined) hour = (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
    if (!real(Number(y), Number(mo), Number(d), hour, Number(mi), Number(s ?? 0))) return NOT_REAL;
    const offsetMin = zh === undefined ? 0 : Number(zh) * 60 + Math.sign(Number(zh) || 1) * Number(zm ?? 0);
    return iso(Date.UTC(Number(y), Number(mo) - 1, Number(d), hour, Number(mi), Number(s ?? 0)) - offsetMin * 60_000);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i.exec(
    text,
  );
  if (m === null) return { ok: false, reason: `"${text.slice(0, 40)}" is not a date and time this importer reads` };
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (!real(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0))) return NOT_REAL;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (frac !== undefined) ms += Math.round(Number(frac) * 1000);
  if (zone !== undefined && /^[+-]/.test(zone)) {
    const z = zone.replace(':', '');
    ms -= (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
  }
  return iso(ms);
}

function fromNumber(n: number, epoch: Epoch): TimeReading {
  if (n === 0) return { ok: true, at: null };
  switch (epoch) {
    case 'unix-ms':
      return iso(n);
    case 'unix-s':
      return iso(n * 1000);
    case 'cocoa':
      return iso((n + COCOA_OFFSET_S) * 1000);
    default:
      return iso(Math.abs(n) >= 1e11 ? n : n * 1000);
  }
}

/** A duration in seconds from `95`, `95.0`, `00:01:35` or `1:35`. */
export function readDuration(value: unknown): { ok: true; seconds: number | null } | { ok: false; reason: string } {
  if (value === null || value === undefined) return { ok: true, seconds: null };
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0
      ? { ok: true, seconds: Math.round(value) }
      : { ok: false, reason: 'is negative' };
  const text = String(value).trim();
  if (text === '') return { ok: true, seconds: null };
  if (/^\d+(\.\d+)?$/.test(text)) return { ok: true, seconds: Math.round(Number(text)) };
  const hms = /^(?:(\d+):)?(\d{1,2}):(\d{2})(\.\d+)?$/.exec(text);
  if (hms !== null) return { ok: true, seconds: Number(hms[1] ?? 0) * 3600 + Number(hms[2]) * 60 + Number(hms[3]) };
  return { ok: false, reason: `"${text.slice(0, 20)}" is not a duration (seconds or H:MM:SS)` };
}

/**
 * The zone and date format a column's name carries, as Magnet AXIOM writes them
 * (`Call Date/Time - UTC+00:00 (M/d/yyyy)`; phone-exports README, "Magnet AXIOM"). Why from the
 * header: AXIOM writes its values in the examiner's display zone with no offset beside them, so
 * the column's name is the only place the offset is said. Decisions: `UTC±HH:MM` is a fixed
 * offset for every row (a value in summer is not moved by an hour: the header said what it was
 * written in); an IANA zone name in its place (`Europe/London`, for an export whose settings
 * named a zone with clock changes) is read per value with its own offset; null when the name
 * carries no zone.
 */
export interface HeaderZone {
  readonly zone: string;
  /** The date part's format in .NET/luxon tokens (`M/d/yyyy`, `dd/MM/yyyy`, `yyyy-MM-dd`). */
  readonly dateFormat: string;
}

export function headerZone(header: string): HeaderZone | null {
  const m = /\s-\s*(UTC\s*[+-]\s*\d{1,2}(?::?\d{2})?|UTC|[A-Za-z]+\/[A-Za-z0-9_+\-/]+)\s*\(([^)]+)\)\s*$/.exec(
    header.trim(),
  );
  if (m === null) return null;
  const [, zone, dateFormat] = m;
  return { zone: zone!.replace(/\s+/g, ''), dateFormat: dateFormat!.trim() };
}

const TIME_FORMATS = ['h:mm:ss a', 'h:mm:ss.SSS a', 'h:mm a', 'H:mm:ss', 'H:mm:ss.SSS', 'H:mm'];

/** The luxon zone of a header's zone: a fixed offset for `UTC±HH:MM`, else the IANA zone. */
function luxonZone(zone: string): FixedOffsetZone | IANAZone | null {
  const fixed = /^UTC(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(zone);
  if (fixed !== null) {
    const [, sign, h, m] = fixed;
    const minutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m ?? 0));
    return FixedOffsetZone.instance(minutes);
  }
  const iana = IANAZone.create(zone);
  return iana.isValid ? iana : null;
}

/**
 * A value of a column whose name carries its zone and date format (`headerZone`), into UTC.
 * A workbook's date cell arrives as ISO text ending in Z (exceljs reads the cell's wall-clock
 * time as if it were UTC), so its digits are read as the wall clock in the header's zone. A wall
 * clock time that a named zone skips (the hour the clocks go forward) is refused.
 */
export function readZonedTime(value: unknown, z: HeaderZone): TimeReading {
  if (value === null || value === undefined) return { ok: true, at: null };
  const text = String(value).trim();
  if (text === '') return { ok: true, at: null };
  const zone = luxonZone(z.zone);
  if (zone === null) return { ok: false, reason: `the column's zone "${z.zone}" is not a time zone` };
  let dt: DateTime | undefined;
  const excel = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/.exec(text);
  if (excel !== null) dt = DateTime.fromISO(excel[1]!, { zone });
  else {
    for (const t of TIME_FORMATS) {
      const d = DateTime.fromFormat(text.replace(/\s+/g, ' '), `${z.dateFormat} ${t}`, { zone, locale: 'en-US' });
      if (d.isValid) {
        dt = d;
        break;
      }
    }
  }
  if (dt === undefined || !dt.isValid)
    return { ok: false, reason: `"${text.slice(0, 40)}" is not a date and time in ${z.dateFormat} as the column says` };
  // luxon moves a wall-clock time the zone skips forward; the digits then differ from the text's.
  const wall = excel !== null ? excel[1]!.slice(11, 16) : null;
  const reparsed = excel !== null ? DateTime.fromISO(excel[1]!, { zone: 'UTC' }) : parseWall(text, z.dateFormat);
  if (reparsed !== undefined && (reparsed.hour !== dt.hour || reparsed.minute !== dt.minute || reparsed.day !== dt.day))
    return { ok: false, reason: `${wall ?? text} does not exist in ${z.zone} (the clocks went forward)` };
  return iso(dt.toMillis());
}

/** The text's wall-clock digits, read without a zone (to compare with what a zone made of them). */
function parseWall(text: string, dateFormat: string): DateTime | undefined {
  for (const t of TIME_FORMATS) {
    const d = DateTime.fromFormat(text.replace(/\s+/g, ' '), `${dateFormat} ${t}`, { zone: 'UTC', locale: 'en-US' });
    if (d.isValid) return d;
  }
  return undefined;
}
