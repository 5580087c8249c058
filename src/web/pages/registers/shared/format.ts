/** How the register pages write dates, statuses and scores. */
import { dayText } from '../../../dates';

/** "6 March 2017" from "2017-03-06"; "May 2016" from "2016-05"; "2016" as it is. */
export const longDate = (value: string | null | undefined): string => dayText(value);

export const today = (): string => new Date().toISOString().slice(0, 10);

/** "in_progress" -> "in progress". */
export const words = (value: string | null | undefined): string =>
  value === null || value === undefined ? '–' : value.replaceAll('_', ' ');

/** "High" from "high". */
export const capital = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

export const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
