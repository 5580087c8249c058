/**
 * The impact x uncertainty matrix. Each driver falls in one quadrant by its two scores (high is
 * 6-10 on the 1-10 scale, see scale.ts). Quadrant names: "critical uncertainties" and
 * "predetermined elements" are the standard terms of scenario planning (P. Schwartz, The Art of
 * the Long View, 1991: high-impact drivers whose outcome is uncertain become the axes of
 * scenarios; high-impact drivers whose course is already largely known are built into every
 * scenario and planned for). The two low-impact quadrants have no standard names and are named
 * plainly for what is done with them. The grid places every driver in its cell for a chart.
 */
import { DRIVER_SCALE, isHigh } from './scale.js';

export const QUADRANTS = ['critical_uncertainties', 'plan_for', 'monitor', 'background'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface QuadrantInfo {
  readonly id: Quadrant;
  readonly name: string;
  readonly impact: 'high' | 'low';
  readonly uncertainty: 'high' | 'low';
  /** What the quadrant means for planning. */
  readonly use: string;
}

export const QUADRANT_INFO: Readonly<Record<Quadrant, QuadrantInfo>> = {
  critical_uncertainties: {
    id: 'critical_uncertainties',
    name: 'Critical uncertainties',
    impact: 'high',
    uncertainty: 'high',
    use: 'Explore with scenario planning: these shape which future arrives.',
  },
  plan_for: {
    id: 'plan_for',
    name: 'Predetermined elements',
    impact: 'high',
    uncertainty: 'low',
    use: 'Plan for them: their course is largely known and they matter in every scenario.',
  },
  monitor: {
    id: 'monitor',
    name: 'Watch list',
    impact: 'low',
    uncertainty: 'high',
    use: 'Monitor: their course is unclear, but they matter less; review if their impact grows.',
  },
  background: {
    id: 'background',
    name: 'Background',
    impact: 'low',
    uncertainty: 'low',
    use: 'Keep under review at the yearly scan.',
  },
};

export interface Positioned {
  readonly number: number;
  readonly impact: number;
  readonly uncertainty: number;
}

export function quadrantOf(d: Pick<Positioned, 'impact' | 'uncertainty'>): Quadrant {
  if (isHigh(d.impact)) return isHigh(d.uncertainty) ? 'critical_uncertainties' : 'plan_for';
  return isHigh(d.uncertainty) ? 'monitor' : 'background';
}

export interface MatrixQuadrant<D> extends QuadrantInfo {
  /** Highest impact first, then highest uncertainty, then by number. */
  readonly drivers: readonly D[];
}

export interface GridCell {
  readonly impact: number;
  readonly uncertainty: number;
  /** Driver numbers in the cell, ascending. */
  readonly numbers: readonly number[];
}

export interface DriverMatrix<D> {
  readonly scale: typeof DRIVER_SCALE;
  /** In the order of QUADRANTS, each present even when empty. */
  readonly quadrants: readonly MatrixQuadrant<D>[];
  /** Occupied cells only, highest impact first, then lowest uncertainty. */
  readonly grid: readonly GridCell[];
}

const byPosition = (a: Positioned, b: Positioned) =>
  b.impact - a.impact || b.uncertainty - a.uncertainty || a.number - b.number;

export function buildMatrix<D extends Positioned>(drivers: readonly D[]): DriverMatrix<D> {
  const quadrants = QUADRANTS.map((q) => ({
    ...QUADRANT_INFO[q],
    drivers: drivers.filter((d) => quadrantOf(d) === q).sort(byPosition),
  }));
  const cells = new Map<string, GridCell & { numbers: number[] }>();
  for (const d of drivers) {
    const key = `${d.impact}:${d.uncertainty}`;
    const cell = cells.get(key) ?? { impact: d.impact, uncertainty: d.uncertainty, numbers: [] };
    cell.numbers.push(d.number);
    cells.set(key, cell);
  }
  const grid = [...cells.values()]
    .map((c) => ({ ...c, numbers: [...c.numbers].sort((a, b) => a - b) }))
    .sort((a, b) => b.impact - a.impact || a.uncertainty - b.uncertainty);
  return { scale: DRIVER_SCALE, quadrants, grid };
}

/**
 * The grid as text rows for a terminal: impact 10 at the top down to 1, uncertainty 1 to 10
 * left to right, each cell the driver numbers in it ("." when empty), with the dividing lines.
 */
export function gridLines(grid: readonly GridCell[]): string[] {
  const { min, max, highFrom } = DRIVER_SCALE;
  const at = new Map(grid.map((c) => [`${c.impact}:${c.uncertainty}`, c.numbers.join(',')]));
  const columns = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const width = Math.max(3, ...[...at.values()].map((v) => v.length));
  const cell = (v: string) => v.padStart(width);
  const row = (label: string, values: string[]) =>
    `${label.padStart(6)} |${values.map((v, i) => (columns[i] === highFrom ? ` |${cell(v)}` : ` ${cell(v)}`)).join('')}`;
  const lines: string[] = ['impact'];
  for (let impact: number = max; impact >= min; impact -= 1) {
    lines.push(
      row(
        String(impact),
        columns.map((u) => at.get(`${impact}:${u}`) ?? '.'),
      ),
    );
    if (impact === highFrom) lines.push(`${' '.repeat(6)} +${'-'.repeat(columns.length * (width + 1) + 2)}`);
  }
  lines.push(`${' '.repeat(6)} +${'-'.repeat(columns.length * (width + 1) + 2)}`);
  lines.push(row('', columns.map(String)));
  lines.push(`${' '.repeat(8)}uncertainty ->`);
  return lines;
}
