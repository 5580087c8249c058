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
