/** How the register pages write dates, statuses and scores. */

/** "6 March 2017" from "2017-03-06"; "May 2016" from "2016-05"; "2016" as it is. */
export function longDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const [y, m, d] = value.split('-');
  const date = new Date(Date.UTC(Number(y), Number(m ?? 1) - 1, Number(d ?? 1)));
  if (m === undefined) return value;
  return date.toLocaleDateString('en-GB', {
    ...(d === undefined ? {} : { day: 'numeric' }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** "in_progress" -> "in progress". */
export const words = (value: string | null | undefined): string =>
  value === null || value === undefined ? '–' : value.replaceAll('_', ' ');

/** "High" from "high". */
export const capital = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

export const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
