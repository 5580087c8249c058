/**
 * What the crime parts share: the warehouse, the data period and the forces of the assessment,
 * or the reason there is no crime data to report; and the footnote citing the police.uk files.
 */
import type { Period } from '../../domain/crime/periods.js';
import type { Warehouse } from '../../warehouse/reader.js';
import type { BuildContext, Force } from '../context.js';
import { crimeProvenance, monthName, type CrimeProvenance } from '../provenance.js';
import { addMonths, type Month } from '../../domain/crime/month.js';

export interface CrimeData {
  readonly wh: Warehouse;
  readonly period: Period;
  readonly forces: readonly Force[];
  readonly forceIds: string[];
}

export function crimeData(ctx: BuildContext): CrimeData | string {
  if (ctx.warehouse === null) return 'the workspace holds no crime data (stra import or stra demo)';
  if (ctx.dataPeriod === null) return "no complete data period (see the build log's document notes)";
  return { wh: ctx.warehouse, period: ctx.dataPeriod, forces: ctx.forces, forceIds: ctx.forces.map((f) => f.id) };
}

/**
 * The files behind one figure (months first..last for its forces), for the build log, and the
 * document's one footnote for crime data: every force of the assessment over all the months any
 * figure reads (the three years before the period, for the averages, to its end), so the reader
 * sees one source, not one per table.
 */
export function citeCrime(
  ctx: BuildContext,
  d: CrimeData,
  first: Month,
  last: Month,
): { provenance: CrimeProvenance; footnote: number } {
  const names = new Map(ctx.forces.map((f) => [f.id, f.name]));
  const provenance = crimeProvenance(d.wh.catalog, d.forceIds, first, last, names);
  const earliest = heldFrom(d, addMonths(d.period.first, -36));
  const whole = crimeProvenance(
    d.wh.catalog,
    ctx.forces.map((f) => f.id),
    earliest,
    d.period.last,
    names,
  );
  return { provenance, footnote: ctx.footnotes.cite(whole.summary) };
}

/** The first month at or after `from` that the warehouse holds for any of the forces. */
function heldFrom(d: CrimeData, from: Month): Month {
  const months = Object.values(d.wh.catalog.sources)
    .filter((s) => s.table === 'street' && d.forceIds.includes(s.force) && s.month >= from)
    .map((s) => s.month)
    .sort();
  return (months[0] as Month | undefined) ?? from;
}

export const periodWords = (p: Pick<Period, 'label' | 'first' | 'last'>): string =>
  `${p.label} (${monthName(p.first)} to ${monthName(p.last)})`;
