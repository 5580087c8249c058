/**
 * Calendar months as police.uk writes them (`YYYY-MM`). A branded string so a month that has
 * not been checked cannot be passed where one is required.
 */
export type Month = string & { readonly __brand: 'Month' };

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(value: string): Month | undefined {
  return MONTH_PATTERN.test(value) ? (value as Month) : undefined;
}

export function monthIndex(month: Month): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

export function monthFromIndex(index: number): Month {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}` as Month;
}

/** Every month from `from` to `to` inclusive (empty when `to` is before `from`). */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

export function addMonths(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}
