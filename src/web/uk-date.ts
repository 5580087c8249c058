/**
 * Issue 14: dates typed the UK way. `<input type="date">` follows the machine's locale (only C/POSIX
 * here, so it reads mm/dd/yyyy); the forms take text instead and read it as day/month/year:
 * "9/4/2017", "09/04/2017", "9.4.17", "9 April 2017", "9 Apr 2017", "9th April 2017", or ISO
 * "2017-04-09". Dates that do not exist (31/2/2017, month 13) are refused with the reason. Luxon
 * (already the server's date library) checks the calendar and writes the date in words.
 */
import { DateTime, Info } from 'luxon';

export type UkDate =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly iso: string; readonly words: string }
  | { readonly kind: 'error'; readonly message: string };

export const DATE_EXAMPLE = 'day/month/year, e.g. 9/4/2017';
const NOT_A_DATE = `Not a date: use ${DATE_EXAMPLE}`;

const MONTHS = Info.months('long', { locale: 'en-GB' }).map((m) => m.toLowerCase());

/** The month (1-12) a word names: "April", "apr", "Sept" (the start of its name, three letters or more). */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

/** Two-digit years are this century's ("9/4/17" is 2017). */
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** "Sunday 9 April 2017". */
export const dateWords = (iso: string): string =>
  DateTime.fromISO(iso, { zone: 'utc', locale: 'en-GB' }).toFormat('cccc d MMMM yyyy');

/** "09/04/2017" from "2017-04-09" (what the field shows for a stored date). */
export function ukDateText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m === null ? (iso ?? '') : `${m[3]}/${m[2]}/${m[1]}`;
}

export function parseUkDate(text: string): UkDate {
  const t = text
    .trim()
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    // A weekday in front, as the field itself writes dates: "Sunday 9 April 2017".
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.? /i, '');
  if (t === '') return { kind: 'empty' };
  let parts: [number, number, number] | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)) !== null) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4}|\d{2})$/.exec(t)) !== null)
    parts = [Number(m[1]), Number(m[3]), fullYear(m[4]!)];
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[ \-/]([a-z]+\.?)[ \-/](\d{4})$/i.exec(t)) !== null) {
    const month = monthOf(m[2]!);
    if (month === undefined) return { kind: 'error', message: `Not a month: “${m[2]}”. Use ${DATE_EXAMPLE}` };
    parts = [Number(m[1]), month, Number(m[3])];
  }
  if (parts === undefined) return { kind: 'error', message: NOT_A_DATE };
  const [day, month, year] = parts;
  if (month < 1 || month > 12) {
    // 4/19/2017 was written month first.
    const hint = day >= 1 && day <= 12 && month <= 31 ? ` (dates are day/month/year: ${month}/${day}/${year}?)` : '';
    return { kind: 'error', message: `There is no month ${month}${hint}` };
  }
  if (year < 1900 || year > 2199) return { kind: 'error', message: `${year} is not a year this register can hold` };
  const date = DateTime.fromObject({ year, month, day }, { zone: 'utc', locale: 'en-GB' });
  if (!date.isValid) {
    const monthStart = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc', locale: 'en-GB' });
    return {
      kind: 'error',
      message: `There is no ${day} ${monthStart.toFormat('MMMM yyyy')}: it has ${monthStart.daysInMonth} days`,
    };
  }
  const iso = date.toISODate()!;
  return { kind: 'date', iso, words: dateWords(iso) };
}
