/**
 * Harm beside volume for any breakdown: each cell's count of crimes and its harm under a chosen
 * index (Cambridge Crime Harm Index days or ONS Crime Severity Score weights, per police.uk
 * category), ranked both ways, so that where the rankings disagree is plain to see. Anti-social
 * behaviour has no published weight: it is counted and reported as unweighted, never given one.
 */
import type { WeightsTable } from '../domain/harm/weights.js';
import { rankByHarmAndVolume, type RankRow } from '../domain/harm/ranking.js';
import { concentrationCurve, harmConcentration, type ConcentrationResult } from '../domain/harm/concentration.js';
import type { Warehouse } from '../warehouse/reader.js';
import type { AreaDimension } from '../warehouse/dimensions.js';
import { periodCounts, type PeriodSpan } from './period-counts.js';

export interface HarmBreakdownQuery {
  readonly areas: readonly AreaDimension[];
  readonly byCategory: boolean;
  readonly span: PeriodSpan;
  readonly weights: WeightsTable;
  readonly forces?: readonly string[];
  readonly categories?: readonly string[];
  readonly where?: Partial<Record<AreaDimension, string>>;
}

export interface HarmCell {
  readonly key: string;
  readonly area: Partial<Record<AreaDimension, string>>;
  readonly category: string | null;
  readonly volume: number;
  /** Sum of count x weight over weighted categories. */
  readonly harm: number;
  /** Crimes (or incidents) in the cell with no published weight, e.g. anti-social behaviour. */
  readonly unweighted: number;
}

export interface HarmBreakdown {
  readonly index: string;
  readonly edition: string;
  readonly unit: string;
  readonly span: PeriodSpan;
  readonly cells: HarmCell[];
  readonly ranking: RankRow[];
  readonly complete: boolean;
  readonly missing: { force: string; month: string }[];
  readonly note: string;
}

export async function harmBreakdown(wh: Warehouse, q: HarmBreakdownQuery): Promise<HarmBreakdown> {
  // Harm needs the category of every crime, whatever the cells are.
  const counts = await periodCounts(wh, { ...q, byCategory: true, periods: [q.span] });
  const cells = new Map<
    string,
    { area: HarmCell['area']; category: string | null; volume: number; harm: number; unweighted: number }
  >();
  let complete = true;
  for (const c of counts.cells) {
    const pc = counts.count(c.key, q.span.label);
    complete &&= pc.complete;
    const key = cellKey(c.area, q.areas, q.byCategory ? c.category : null);
    const cell = cells.get(key) ?? {
      area: c.area,
      category: q.byCategory ? c.category : null,
      volume: 0,
      harm: 0,
      unweighted: 0,
    };
    const weight = q.weights.weights.get(c.category!)?.weight ?? null;
    cell.volume += pc.count;
    if (weight === null) cell.unweighted += pc.count;
    else cell.harm += pc.count * weight;
    cells.set(key, cell);
  }
  const list = [...cells.entries()].map(([key, c]) => ({ key, ...c }));
  const ranking = rankByHarmAndVolume(
    list.map((c) => ({ key: c.key, volume: c.volume, harm: c.harm > 0 || c.unweighted < c.volume ? c.harm : null })),
  );
  const unweighted = list.reduce((a, c) => a + c.unweighted, 0);
  return {
    index: q.weights.index,
    edition: q.weights.edition,
    unit: q.weights.unit,
    span: q.span,
    cells: list,
    ranking,
    complete,
    missing: counts.missing,
    note: unweighted
      ? `${unweighted.toLocaleString('en-GB')} incidents have no published harm weight (anti-social behaviour is not a notifiable crime): counted in volume, not in harm.`
      : 'Every crime counted has a weight.',
  };
}

function cellKey(area: HarmCell['area'], dims: readonly AreaDimension[], category: string | null): string {
  const parts = dims.map((d) => area[d] ?? '');
  if (category) parts.push(category);
  return parts.length ? parts.join(' | ') : 'all';
}

/**
 * Concentration of harm: the share of an area's harm in its most harmed 5% and 10% of LSOAs.
 * Every LSOA the area table lists for the forces counts, including those with no crime.
 */
export async function harmConcentrationByLsoa(
  wh: Warehouse,
  q: Omit<HarmBreakdownQuery, 'areas' | 'byCategory'>,
  fractions?: readonly number[],
): Promise<
  ConcentrationResult & {
    edition: string;
    unit: string;
    missing: HarmBreakdown['missing'];
    curve: { areaShare: number; harmShare: number }[];
    top: { lsoa: string; name: string; district: string; harm: number }[];
  }
> {
  const b = await harmBreakdown(wh, { ...q, areas: ['lsoa'], byCategory: false });
  const listed = await wh.sql.all<{ lsoa_code: string; lsoa_name: string; district: string }>(
    `SELECT lsoa_code, coalesce(lsoa_name, '') AS lsoa_name, district FROM areas${q.forces?.length ? ` WHERE force IN (${q.forces.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')})` : ''}`,
  );
  const harm = new Map(listed.map((l) => [l.lsoa_code, 0]));
  for (const c of b.cells) {
    const code = c.area.lsoa!;
    if (harm.has(code)) harm.set(code, c.harm); // snaps outside the force's own LSOAs are not its areas
  }
  const areas = [...harm.entries()].map(([area, h]) => ({ area, harm: h }));
  const result = harmConcentration(areas, fractions);
  const names = new Map(listed.map((l) => [l.lsoa_code, l]));
  const top = [...areas]
    .sort((a, z) => z.harm - a.harm || (a.area < z.area ? -1 : 1))
    .slice(0, 20)
    .map((a) => ({
      lsoa: a.area,
      name: names.get(a.area)?.lsoa_name ?? '',
      district: names.get(a.area)?.district ?? '',
      harm: a.harm,
    }));
  return {
    ...result,
    edition: b.edition,
    unit: b.unit,
    missing: b.missing,
    curve: concentrationCurve(areas),
    top,
  };
}
