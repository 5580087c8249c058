/**
 * Each community safety partnership area of a force against its three-year average (or last year
 * when the warehouse does not hold the earlier years): the seed's "volumes are significantly above
 * average in South Warwickshire", written from the tests, and the table of the figures.
 *
 * Decisions: only the force's own areas (from the area table) get a row and a test; the few crimes
 * a force records in places outside them (a neighbouring force's area, no location) are one row,
 * "elsewhere", last, untested. The false-discovery adjustment is made again over the force's own
 * areas, so that untested places with a handful of crimes do not dilute the tests that matter.
 */
import type { TrendRow } from '../../analytics/trend-comparison.js';
import { adjustBenjaminiHochberg } from '../../domain/stats/fdr.js';
import { sqlString } from '../../warehouse/sql.js';
import type { Warehouse } from '../../warehouse/reader.js';
import type { BuildContext, Force } from '../context.js';
import { cell, para, text, type Block } from '../model.js';
import { numberWord, type CrimeData } from './crime-data.js';
import { FLAG_WORDS, listWords, pct, qText } from './wording.js';

type Comparison = TrendRow['average'];

/** The areas a force covers, by the area table; empty when the warehouse has none for it. */
export async function ownAreas(wh: Warehouse, force: string): Promise<Set<string>> {
  const rows = await wh.sql.all<{ csp: string | null }>(
    `SELECT DISTINCT csp FROM areas WHERE force = ${sqlString(force)} AND csp IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.csp!));
}

export interface AreaRows {
  /** The force's own areas, tested against each other's family of comparisons only. */
  readonly own: TrendRow[];
  /** Crimes recorded in places outside the force's areas, summed; null when there are none. */
  readonly elsewhere: { count: number | null; lastYear: number | null; average: number | null } | null;
}

export function splitAreas(rows: readonly TrendRow[], own: ReadonlySet<string>, alpha = 0.05): AreaRows {
  const isOwn = (r: TrendRow) => (own.size === 0 ? !r.cell.area.csp!.startsWith('(') : own.has(r.cell.area.csp!));
  const mine = retest(
    rows.filter(isOwn).sort((a, b) => a.cell.area.csp!.localeCompare(b.cell.area.csp!)),
    alpha,
  );
  const rest = rows.filter((r) => !isOwn(r));
  const sum = (xs: Array<number | null>) =>
    xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + x!, 0);
  return {
    own: mine,
    elsewhere:
      rest.length === 0
        ? null
        : {
            count: sum(rest.map((r) => r.count)),
            lastYear: sum(rest.map((r) => r.lastYear.against)),
            average: sum(rest.map((r) => r.average.against)),
          },
  };
}

/** q-values and flags again, over these rows alone. */
function retest(rows: TrendRow[], alpha: number): TrendRow[] {
  const again = <C extends Comparison | TrendRow['lastYear']>(list: C[]): C[] => {
    const at = list.flatMap((c, i) => (c.pValue === null ? [] : [i]));
    const q = adjustBenjaminiHochberg(at.map((i) => list[i]!.pValue!));
    return list.map((c, i) => {
      const k = at.indexOf(i);
      if (k < 0) return c;
      const qValue = q[k]!;
      const significant = qValue <= alpha && c.change !== null && c.change !== 0;
      const flag = significant
        ? c.change! > 0
          ? 'significantly-above'
          : 'significantly-below'
        : c.flag.startsWith('significantly')
          ? c.change! > 0
            ? 'above'
            : 'below'
          : c.flag;
      return { ...c, qValue, flag };
    });
  };
  const avg = again(rows.map((r) => r.average));
  const last = again(rows.map((r) => r.lastYear));
  return rows.map((r, i) => ({ ...r, average: avg[i]!, lastYear: last[i]! }));
}

/**
 * The seed's sentence, from the tests: areas significantly above or below the average are named;
 * the others are said to show no significant difference. Against the three-year average where the
 * warehouse holds those years, otherwise against last year.
 */
function areaStatement(force: Force, areas: readonly TrendRow[], lastYear: string): string {
  const byAverage = areas.some((a) => a.average.flag !== 'insufficient-data');
  const of = (a: TrendRow) => (byAverage ? a.average : a.lastYear);
  const named = (flag: Comparison['flag']) =>
    areas.filter((a) => of(a).flag === flag).map((a) => `${a.cell.area.csp} (${pct(of(a).percentChange)})`);
  const compared = areas.filter((a) => of(a).flag !== 'insufficient-data');
  if (compared.length === 0)
    return `No area of ${force.name} could be compared with ${lastYear} or its average: the months needed are not all published.`;
  const years = areas[0]!.average.years;
  const against = byAverage
    ? years === 1
      ? 'the year before last'
      : `their average of the ${numberWord(years)} years before`
    : lastYear;
  const up = named('significantly-above');
  const down = named('significantly-below');
  const rest = compared.filter((a) => !of(a).flag.startsWith('significantly')).map((a) => a.cell.area.csp!);
  const parts = [
    up.length > 0 ? `significantly above ${against} in ${listWords(up)}` : '',
    down.length > 0 ? `significantly below ${against} in ${listWords(down)}` : '',
  ].filter(Boolean);
  const others =
    rest.length === 0
      ? ''
      : parts.length === 0
        ? `No area's volume differs significantly from ${against}.`
        : `In ${listWords(rest)} the difference is not significant.`;
  const lead = byAverage
    ? ''
    : `The three years before are not all published, so each area is compared with ${lastYear}. `;
  return `${lead}${parts.length > 0 ? `Volumes are ${listWords(parts)}. ` : ''}${others}`.trim();
}

export function areaBlocks(ctx: BuildContext, force: Force, d: CrimeData, areas: AreaRows): Block[] {
  if (areas.own.length === 0) return [];
  const elsewhere = areas.elsewhere;
  return [
    para(text(areaStatement(force, areas.own, areas.own[0]!.lastYear.period))),
    {
      kind: 'table',
      id: ctx.anchors.make(`table-areas-${force.id}`),
      caption: `Crimes recorded by ${force.name} by community safety partnership area, ${d.period.label}`,
      columns: [
        { header: 'Area', align: 'left', width: 4 },
        { header: d.period.label, align: 'right', width: 2 },
        { header: areas.own[0]!.lastYear.period, align: 'right', width: 2 },
        { header: 'Change', align: 'right', width: 2 },
        { header: `${areas.own[0]!.average.years}-year average`, align: 'right', width: 2 },
        { header: 'Against the average', align: 'right', width: 2 },
        { header: 'q', align: 'right', width: 2 },
        { header: 'Compared with the average', align: 'left', width: 3 },
      ],
      rows: [
        ...areas.own.map((a) => [
          cell(a.cell.area.csp ?? ''),
          cell(a.count),
          cell(a.lastYear.against),
          cell(pct(a.lastYear.percentChange)),
          cell(a.average.against === null ? null : Math.round(a.average.against)),
          cell(pct(a.average.percentChange)),
          cell(qText(a.average.qValue)),
          cell(FLAG_WORDS[a.average.flag]),
        ]),
        ...(elsewhere === null
          ? []
          : [
              [
                cell(`Elsewhere (outside ${force.name}'s areas, or no location)`),
                cell(elsewhere.count),
                cell(elsewhere.lastYear),
                cell(''),
                cell(elsewhere.average === null ? null : Math.round(elsewhere.average)),
                cell(''),
                cell(''),
                cell('not compared'),
              ],
            ]),
      ],
    },
  ];
}
