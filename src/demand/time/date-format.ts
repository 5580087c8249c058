/**
 * Date-time formats as a saved column mapping declares them, compiled once into a parser.
 *
 * Why our own small parser: every row of a million-row export goes through it, each format is
 * fixed per column, and the reasons for a rejected value must be precise ("has no AM/PM", "month
 * 13"), which general date libraries do not report. Time zones are left to zone-clock.ts.
 *
 * Formats:
 *  - `iso`: 2023-01-01T00:00:05, 2023-01-01 00:00, with optional .sss and an optional offset
 *    (Z, +01:00); without an offset the time is local to the mapping's zone;
 *  - `epoch-ms`, `epoch-s`: an instant (UTC);
 *  - a pattern of tokens yyyy yy MM M dd d HH H hh h mm ss SSS a, other characters literal and
 *    'quoted text' literal: `MM/dd/yyyy hh:mm:ss a`, `yyyy-MM-dd'T'HH:mm:ss.SSS`. `yy` is 20yy;
 *    `hh`/`h` (12-hour clock) need `a` (AM/PM). Surrounding spaces are ignored; one space in the
 *    pattern matches one or more in the value.
 */

export type ParsedTime =
  | { readonly kind: 'wall'; readonly wall: number }
  | { readonly kind: 'instant'; readonly utc: number }
  | { readonly kind: 'error'; readonly reason: string };

export type TimeParser = (text: string) => ParsedTime;

const TOKENS = ['yyyy', 'yy', 'SSS', 'MM', 'dd', 'HH', 'hh', 'mm', 'ss', 'M', 'd', 'H', 'h', 'a'] as const;
type Token = (typeof TOKENS)[number];
const TOKEN_REGEX: Record<Token, string> = {
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

export function compileTimeFormat(format: string): TimeParser {
  if (format === 'epoch-ms' || format === 'epoch-s') {
    const scale = format === 'epoch-ms' ? 1 : 1000;
    return (text) => {
      const t = text.trim();
      if (!/^-?\d+$/.test(t))
        return error(
          `'${text}' is not a whole number of ${format === 'epoch-ms' ? 'milliseconds' : 'seconds'} since 1970`,
        );
      return { kind: 'instant', utc: Number(t) * scale };
    };
  }
  if (format === 'iso') return parseIso;
  return compilePattern(format);
}

function compilePattern(format: string): TimeParser {
  const tokens: Token[] = [];
  let regex = '^';
  for (let i = 0; i < format.length;) {
    if (format[i] === "'") {
      const end = format.indexOf("'", i + 1);
      if (end < 0) throw new RangeError(`date format '${format}': unclosed quote`);
      regex += escape(format.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      tokens.push(token);
      regex += TOKEN_REGEX[token];
      i += token.length;
    } else {
      regex += format[i] === ' ' ? '\\s+' : escape(format[i]!);
      i++;
    }
  }
  const re = new RegExp(`${regex}$`);
  const twelveHour = tokens.includes('hh') || tokens.includes('h');
  if (twelveHour && !tokens.includes('a'))
    throw new RangeError(`date format '${format}': a 12-hour clock (h) needs AM/PM (a)`);
  if (!tokens.some((t) => t === 'yyyy' || t === 'yy')) throw new RangeError(`date format '${format}' has no year`);
  return (text) => {
    const t = text.trim();
    const m = re.exec(t);
    if (!m) {
      if (twelveHour && !/[AaPp][Mm]\s*$/.test(t))
        return error(`'${text}' has no AM/PM, so its hour is ambiguous (expected ${format})`);
      return error(`'${text}' does not match the format ${format}`);
    }
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let ms = 0;
    let pm: boolean | undefined;
    tokens.forEach((token, k) => {
      const v = m[k + 1]!;
      const n = Number(v);
      if (token === 'yyyy') year = n;
      else if (token === 'yy') year = 2000 + n;
      else if (token === 'MM' || token === 'M') month = n;
      else if (token === 'dd' || token === 'd') day = n;
      else if (token === 'HH' || token === 'H' || token === 'hh' || token === 'h') hour = n;
      else if (token === 'mm') minute = n;
      else if (token === 'ss') second = n;
      else if (token === 'SSS') ms = Number(v.padEnd(3, '0'));
      else if (token === 'a') pm = v.toUpperCase() === 'PM';
    });
    if (twelveHour) {
      if (hour < 1 || hour > 12) return error(`'${text}': hour ${hour} is not on a 12-hour clock`);
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    return wallTime(text, year, month, day, hour, minute, second, ms);
  };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function parseIso(text: string): ParsedTime {
  const m = ISO.exec(text.trim());
  if (!m)
    return error(
      `'${text}' is not an ISO 8601 date-time (expected e.g. 2018-03-01T14:05:00 or 2018-03-01T14:05:00+00:00)`,
    );
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const parsed = wallTime(
    text,
    +y!,
    +mo!,
    +d!,
    +(h ?? 0),
    +(mi ?? 0),
    +(s ?? 0),
    frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0,
  );
  if (parsed.kind !== 'wall' || !zone) return parsed;
  if (zone === 'Z') return { kind: 'instant', utc: parsed.wall };
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return { kind: 'instant', utc: parsed.wall - offset };
}

function wallTime(
  text: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): ParsedTime {
  if (month < 1 || month > 12) return error(`'${text}': month ${month} does not exist`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth)
    return error(`'${text}': day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`);
  if (hour > 23 || minute > 59 || second > 59) return error(`'${text}' is not a time of day`);
  return { kind: 'wall', wall: Date.UTC(year, month - 1, day, hour, minute, second, ms) };
}

function error(reason: string): ParsedTime {
  return { kind: 'error', reason };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
