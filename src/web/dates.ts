/**
 * One way of writing dates on every page (issue 14: ISO and "6 March 2017" were mixed): en-GB,
 * the month in words. Days "6 March 2017", months "March 2018", moments "6 March 2017 at 14:05"
 * (in the browser's time zone). Machine-readable values stay ISO in `<time dateTime>` and in
 * downloads.
 */

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d));

/** "6 March 2017" from "2017-03-06"; "March 2018" from "2018-03"; anything else as it is. */
export function dayText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (m === null) return value;
  const date = utc(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  return date.toLocaleDateString('en-GB', {
    ...(m[3] === undefined ? {} : { day: 'numeric' }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "March 2018" from "2018-03". */
export const monthText = (month: string | null | undefined): string => dayText(month);

/** "6 March 2017 at 14:05" (with seconds when asked) from an ISO timestamp: en-GB's own wording. */
export function momentText(iso: string | null | undefined, seconds = false): string {
  if (iso === null || iso === undefined || iso === '') return '–';
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}
