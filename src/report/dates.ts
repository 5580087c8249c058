/**
 * Dates as the document prints them: "9 April 2017", "April 2017". Why words: ISO dates wrap in
 * table cells and read as system output; a chief officer reads dates in words.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2017-04" -> "April 2017". */
export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "2017-04-09" (or a timestamp) -> "9 April 2017"; anything else is returned as it is. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const name = MONTHS[Number(m[2]) - 1];
  return name === undefined ? iso : `${Number(m[3])} ${name} ${m[1]}`;
}

/** "April 2016 to March 2017", or "April 2017" for one month. */
export function monthSpan(first: string, last: string): string {
  return first === last ? monthName(first) : `${monthName(first)} to ${monthName(last)}`;
}
