/**
 * Each community safety partnership area of a force against its three-year average (or last year
 * when the warehouse does not hold the earlier years): the seed's "volumes are above average in
 * North Warwickshire and significantly above average in South Warwickshire", written from the
 * tests, and the table of the figures. Crimes recorded outside the force's own areas keep a row
 * of their own and are left out of the statement.
 */
import type { TrendRow } from '../../analytics/trend-comparison.js';
import type { BuildContext, Force } from '../context.js';
import { cell, para, text, type Block } from '../model.js';
import type { CrimeData } from './crime-data.js';
import { compactChange, FLAG_WORDS, listWords, pct, qText } from './wording.js';

/** Crimes recorded in places outside the force's area table: their own row, left out of the statements. */
const OUTSIDE = 'Outside';
export function nameOutside(r: TrendRow): TrendRow {
  const csp = r.cell.area.csp ?? '';
  if (csp === '(outside the area table)' || csp === '(elsewhere)')
    return { ...r, cell: { ...r.cell, area: { ...r.cell.area, csp: `${OUTSIDE} the force's own areas` } } };
  if (csp === '(no location)')
    return { ...r, cell: { ...r.cell, area: { ...r.cell.area, csp: `${OUTSIDE} any area (no location)` } } };
  return r;
}

/**
 * The seed's sentence, from the tests: "volumes are above average in North Warwickshire and
 * significantly above average in South Warwickshire". Against the three-year average where the
 * warehouse holds those years, otherwise against last year.
 */
function areaStatement(force: Force, areas: readonly TrendRow[], lastYear: string): string {
  const inArea = areas.filter((a) => !a.cell.area.csp!.startsWith(OUTSIDE));
  const byAverage = inArea.some((a) => a.average.flag !== 'insufficient-data');
  const of = (a: TrendRow) => (byAverage ? a.average : a.lastYear);
  const named = (flag: TrendRow['average']['flag']) =>
    inArea.filter((a) => of(a).flag === flag).map((a) => `${a.cell.area.csp} (${compactChange(of(a))})`);
  const against = byAverage ? 'the average' : lastYear;
  const parts = [
    ['significantly above', named('significantly-above')],
    ['above, though not significantly,', named('above')],
    ['similar to', named('similar')],
    ['below, though not significantly,', named('below')],
    ['significantly below', named('significantly-below')],
  ]
    .filter(([, list]) => list!.length > 0)
    .map(([words, list]) => `${words} ${against} in ${listWords(list as string[])}`);
  if (parts.length === 0)
    return `No area of ${force.name} could be compared with ${lastYear} or its average: the warehouse does not hold the months needed.`;
  return byAverage
    ? `Against the average of the three years before, volumes are ${listWords(parts)}.`
    : `The warehouse does not hold the three years before for an average, so each area is compared with ${lastYear}: volumes are ${listWords(parts)}.`;
}

export function areaBlocks(ctx: BuildContext, force: Force, d: CrimeData, areas: readonly TrendRow[]): Block[] {
  if (areas.length === 0) return [];
  return [
    para(text(areaStatement(force, areas, areas[0]!.lastYear.period))),
    {
      kind: 'table',
      id: ctx.anchors.make(`table-areas-${force.id}`),
      caption: `${force.name} by community safety partnership area, ${d.period.label}`,
      columns: [
        { header: 'Area', align: 'left', width: 4 },
        { header: d.period.label, align: 'right', width: 2 },
        { header: 'Last year', align: 'right', width: 2 },
        { header: 'Change', align: 'right', width: 2 },
        { header: '3-year average', align: 'right', width: 2 },
        { header: 'Against average', align: 'right', width: 2 },
        { header: 'q', align: 'right', width: 2 },
        { header: 'Compared with the average', align: 'left', width: 3 },
      ],
      rows: areas.map((a) => [
        cell(a.cell.area.csp ?? ''),
        cell(a.count),
        cell(a.lastYear.against),
        cell(pct(a.lastYear.percentChange)),
        cell(a.average.against === null ? null : Math.round(a.average.against)),
        cell(pct(a.average.percentChange)),
        cell(qText(a.average.qValue)),
        cell(FLAG_WORDS[a.average.flag]),
      ]),
    },
  ];
}
