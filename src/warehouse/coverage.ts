/**
 * Which force-months the warehouse holds and which are missing. police.uk has whole
 * force-months absent; a missing month must read as "no data", never as zero crime, so every
 * trend and count that spans a gap says so.
 */
import { suspiciouslySmall, type SmallMonth } from '../domain/crime/completeness.js';
import { monthRange, parseMonth, type Month } from '../domain/crime/month.js';
import type { Catalog } from './catalog.js';
import type { TableName } from './tables.js';

export interface ForceCoverage {
  readonly force: string;
  readonly first: string;
  readonly last: string;
  readonly months: number;
  readonly rows: number;
  /** Months in the range asked about (or the warehouse's whole span) with no data for this force. */
  readonly missing: string[];
  /** Months held with far fewer rows than the force's usual month (a partial file?). */
  readonly small: SmallMonth[];
}

export interface CoverageReport {
  readonly table: TableName;
  readonly from: string | null;
  readonly to: string | null;
  readonly forces: ForceCoverage[];
}

export function coverage(catalog: Catalog, table: TableName, range: { from?: Month; to?: Month } = {}): CoverageReport {
  const byForce = new Map<string, Map<string, number>>();
  for (const p of Object.values(catalog.sources)) {
    if (p.table !== table) continue;
    const months = byForce.get(p.force) ?? new Map<string, number>();
    months.set(p.month, p.rows);
    byForce.set(p.force, months);
  }
  const allMonths = [...byForce.values()].flatMap((m) => [...m.keys()]).sort();
  const from = range.from ?? parseMonth(allMonths[0] ?? '');
  const to = range.to ?? parseMonth(allMonths[allMonths.length - 1] ?? '');
  // PRC tables come a financial year at a time (keyed by its first month, April).
  const step = table === 'prc' ? (m: string) => m.endsWith('-04') : () => true;
  const span = from && to ? monthRange(from, to).filter(step) : [];
  const forces = [...byForce.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([force, months]) => {
      const present = [...months.keys()].sort();
      return {
        force,
        first: present[0]!,
        last: present[present.length - 1]!,
        months: present.length,
        rows: [...months.values()].reduce((a, b) => a + b, 0),
        missing: span.filter((m) => !months.has(m)),
        small: table === 'prc' ? [] : suspiciouslySmall(months),
      };
    });
  return { table, from: from ?? null, to: to ?? null, forces };
}

/** "2018-01..2018-03, 2018-07": runs of consecutive months, for people to read. */
export function describeMonths(months: readonly string[]): string {
  const runs: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  const next = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  };
  for (const m of [...months].sort()) {
    if (start && prev && next(prev) === m) {
      prev = m;
      continue;
    }
    if (start) runs.push(start === prev ? start : `${start}..${prev}`);
    start = m;
    prev = m;
  }
  if (start) runs.push(start === prev ? start : `${start}..${prev}`);
  return runs.join(', ');
}

/** force -> the months a table holds for it (from the catalog; no data is read). */
export function monthsByForce(
  catalog: Catalog,
  table: TableName,
  forces?: readonly string[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of Object.values(catalog.sources)) {
    if (s.table !== table || (forces?.length && !forces.includes(s.force))) continue;
    out.set(s.force, (out.get(s.force) ?? new Set()).add(s.month));
  }
  return out;
}
