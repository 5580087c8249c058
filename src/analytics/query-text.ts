/**
 * Analysis queries written as text (`csp,category`, `csp=Rugby`, `financial-year`, `2017/18`),
 * as the CLI's options and the web API's query strings give them. Parsed in one place so a bad
 * value is named the same way everywhere.
 */
import { usageError } from '../errors.js';
import {
  isPeriodKind,
  latestPeriodEnding,
  parsePeriod,
  PERIOD_EXAMPLES,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
} from '../domain/crime/periods.js';
import { parseMonth, type Month } from '../domain/crime/month.js';
import { AREA_DIMENSIONS, type AreaDimension } from '../warehouse/dimensions.js';

/** `--by csp,category` -> area dimensions and whether categories are split out. */
export function parseBy(text: string | undefined): { areas: AreaDimension[]; byCategory: boolean } {
  const dims = (text ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const areas: AreaDimension[] = [];
  let byCategory = false;
  for (const d of dims) {
    if (d === 'category') byCategory = true;
    else if ((AREA_DIMENSIONS as readonly string[]).includes(d)) areas.push(d as AreaDimension);
    else throw usageError(`--by: '${d}' is not one of ${[...AREA_DIMENSIONS, 'category'].join(', ')}`);
  }
  return { areas, byCategory };
}

/** `--area csp=Rugby` (repeatable) -> { csp: 'Rugby' }. */
export function parseAreaFilter(values: readonly string[] | undefined): Partial<Record<AreaDimension, string>> {
  const out: Partial<Record<AreaDimension, string>> = {};
  for (const v of values ?? []) {
    const [dim, ...rest] = v.split('=');
    const value = rest.join('=');
    if (!dim || !(AREA_DIMENSIONS as readonly string[]).includes(dim) || !value) {
      throw usageError(
        `--area: '${v}' should be one of ${AREA_DIMENSIONS.map((d) => `${d}=NAME`).join(', ')} (e.g. csp=Rugby)`,
      );
    }
    out[dim as AreaDimension] = value;
  }
  return out;
}

export function parsePeriodKind(text: string): PeriodKind {
  if (!isPeriodKind(text)) throw usageError(`--period: '${text}' is not one of ${PERIOD_KINDS.join(', ')}`);
  return text;
}

/** `--at` for a period kind, or the latest complete period before `latest`. */
export function parseAt(kind: PeriodKind, text: string | undefined, latest: Month | undefined): Period {
  if (text === undefined) {
    if (!latest) throw usageError('the warehouse holds no street data yet: import some (stra import) or run stra demo');
    return latestPeriodEnding(kind, latest);
  }
  const p = parsePeriod(kind, text);
  if (!p) throw usageError(`--at: '${text}' is not a ${kind} (e.g. ${PERIOD_EXAMPLES[kind]})`);
  return p;
}

export function parseMonthArg(name: string, text: string | undefined): Month | undefined {
  if (text === undefined) return undefined;
  const m = parseMonth(text);
  if (!m) throw usageError(`${name}: '${text}' is not a month (expected YYYY-MM)`);
  return m;
}

export function parseFraction(name: string, text: string): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0 || x >= 1)
    throw usageError(`${name}: '${text}' should be a number between 0 and 1 (e.g. 0.05)`);
  return x;
}
