/**
 * Performance by force and area (the seed's "Performance" pages): for each force, the snapshot of
 * crime types (change on last year against share of all crime, the types to report on marked by
 * stated rules), the statements the E-test results support, and each community safety
 * partnership area against last year and its three-year average.
 */
import { performanceSnapshot, type Snapshot } from '../../analytics/snapshot.js';
import { compareTrends } from '../../analytics/trend-comparison.js';
import { categoryWeights } from '../../analytics/weights.js';
import { snapshotChart } from '../../charts/snapshot.js';
import { cell, method, para, text, traced, type Block } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import type { BuildContext, Force } from '../context.js';
import { citeCrime, crimeData, periodWords, yearsForAverage, type CrimeData } from './crime-data.js';
import { HARM_INDEX } from './crime-harm.js';
import { omit, type Part } from './part.js';
import { categoryName, changeWords, listWords, pct, qText, reasonWords, share } from './wording.js';
import { areaBlocks, ownAreas, splitAreas } from './areas.js';
import { CRIME_CATEGORIES } from '../../domain/crime/categories.js';
import { spreadLabels } from '../charts/snapshot-labels.js';
import type { LogBook } from '../build-log.js';
import { plural } from '../../domain/plural.js';

export const performance: Part = {
  id: 'performance',
  title: 'Performance',
  async build(ctx, log) {
    const own = analystBlocks(ctx, log, 'performance');
    const d = crimeData(ctx);
    if (typeof d === 'string') return own.length > 0 ? { blocks: own } : omit(d);
    const blocks: Block[] = [...own];
    for (const force of d.forces) blocks.push(...(await forcePerformance(ctx, log, d, force)));
    return blocks.length > 0 ? { blocks } : omit('no force had crime data for the period');
  },
};

async function forcePerformance(ctx: BuildContext, log: LogBook, d: CrimeData, force: Force): Promise<Block[]> {
  const weights = categoryWeights(HARM_INDEX);
  const snapshotQuery = { period: d.period, forces: [force.id], weights };
  const snap = await performanceSnapshot(d.wh, snapshotQuery);
  if (snap.total === null) {
    log.omitted(
      `Performance: ${force.name}`,
      `${d.period.label} or the year before is not complete in the warehouse for ${force.id}`,
    );
    return [];
  }
  const areaQuery = {
    areas: ['csp' as const],
    byCategory: false,
    period: d.period,
    forces: [force.id],
    years: yearsForAverage({ ...d, forceIds: [force.id] }),
    categories: CRIME_CATEGORIES,
  };
  const areas = splitAreas(
    (await compareTrends(d.wh, areaQuery)).rows.filter((r) => (r.cell.area.csp ?? '') !== ''),
    await ownAreas(d.wh, force.id),
  );
  const { provenance, footnote } = citeCrime(
    ctx,
    { ...d, forceIds: [force.id], forces: [force] },
    d.period.first,
    d.period.last,
  );
  const rises = snap.rows.filter((r) => r.flag === 'significantly-above');
  const falls = snap.rows.filter((r) => r.flag === 'significantly-below');
  const reported = snap.rows.filter((r) => r.reportBecause.length > 0);
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: force.name, id: ctx.anchors.make(`performance-${force.name}`) },
    para(
      text(
        `The chart gives a snapshot of the crime types recorded by ${force.name} in ${periodWords(d.period)}: whether each is rising or falling on ${snap.lastYear} (across) and its share of all crime (up); the size of a circle is its share of harm, and each is numbered as in the key beside it (the order of the table under it). The types marked in red are reported on: ${reported.length === 0 ? 'none meets the rules' : listWords(reported.map((r) => categoryName(r.category)))}.`,
      ),
      { footnote },
    ),
    {
      kind: 'chart',
      id: ctx.anchors.make(`chart-snapshot-${force.id}`),
      caption: `Performance snapshot, ${force.name}, ${d.period.label}`,
      option: spreadLabels(
        snapshotChart(
          snap.rows.map((r) => ({ ...r, label: categoryName(r.category), report: r.reportBecause.length > 0 })),
          '',
        ),
        820,
        snap.rows.map((r) => categoryName(r.category)),
      ),
      width: 820,
      height: 420,
      description: `Scatter chart of ${snap.rows.length} crime types by % change on ${snap.lastYear} and % of all crime.`,
      table: snapshotTable(ctx, force, snap),
    },
    para(text(significance(force, snap, rises, falls))),
    ...areaBlocks(ctx, force, d, areas),
    method(text(`Reported on: ${rulesWords(snap)}. The size of a circle is the type's share of harm.`)),
  ];
  const snapshotTrace = log.figure(
    `Chart and table: performance snapshot, ${force.name}`,
    `${snap.rows.length} crime types, ${snap.total.toLocaleString('en-GB')} crimes in ${snap.period}; ${rises.length} significant rises, ${falls.length} significant falls`,
    {
      call: 'performanceSnapshot',
      query: { ...snapshotQuery, period: d.period.label, weights: snap.harmIndex },
      files: provenance.files,
      importIds: provenance.importIds,
      method: snap.method,
    },
    footnote,
  );
  const areaTrace = log.figure(
    `Table: ${force.name} by community safety partnership`,
    `${plural(areas.own.length, 'area')} against ${snap.lastYear} and the ${areaQuery.years}-year average${areas.elsewhere === null ? '' : `; ${areas.elsewhere.count ?? 'no'} crimes elsewhere, one row`}`,
    {
      call: 'compareTrends',
      query: { ...areaQuery, period: d.period.label },
      files: provenance.files,
      importIds: provenance.importIds,
    },
    footnote,
  );
  return traced(
    traced(blocks, snapshotTrace, (b) => b.kind === 'chart'),
    areaTrace,
  );
}

function snapshotTable(ctx: BuildContext, force: Force, snap: Snapshot) {
  return {
    kind: 'table' as const,
    id: ctx.anchors.make(`table-snapshot-${force.id}`),
    caption: `Crime types, ${force.name}, ${snap.period} against ${snap.lastYear}`,
    columns: [
      { header: 'Crime type', align: 'left' as const, width: 5 },
      { header: snap.period, align: 'right' as const, width: 2 },
      { header: snap.lastYear, align: 'right' as const, width: 2 },
      { header: 'Change', align: 'right' as const, width: 2 },
      { header: 'q', align: 'right' as const, width: 2 },
      { header: '% of crime', align: 'right' as const, width: 2 },
      { header: '% of harm', align: 'right' as const, width: 2 },
      { header: 'Reported because', align: 'left' as const, width: 6 },
    ],
    rows: snap.rows.map((r) => [
      cell(categoryName(r.category)),
      cell(r.count),
      cell(r.lastYear),
      cell(pct(r.percentChange)),
      cell(qText(r.qValue)),
      cell(share(r.share)),
      cell(share(r.harmShare)),
      cell(r.reportBecause.map(reasonWords).join('; ')),
    ]),
    compact: true,
  };
}

function significance(force: Force, snap: Snapshot, rises: Snapshot['rows'], falls: Snapshot['rows']): string {
  const each = (rows: Snapshot['rows']) =>
    listWords(rows.map((r) => `${categoryName(r.category).toLowerCase()}, ${changeWords(r)}`));
  const parts = [
    rises.length > 0
      ? `The crime types with a significant rise on ${snap.lastYear} are ${each(rises)}.`
      : `No crime type rose significantly on ${snap.lastYear}.`,
    falls.length > 0 ? `Significant falls: ${each(falls)}.` : '',
  ];
  return `${force.name}: ${snap.total!.toLocaleString('en-GB')} crimes in ${snap.period}. ${parts.filter(Boolean).join(' ')}`;
}

function rulesWords(snap: Snapshot): string {
  const r = snap.rules;
  return [
    r.significantRise ? 'a significant rise on last year' : '',
    `at least ${(r.shareAtLeast * 100).toFixed(0)}% of all crime`,
    `at least ${(r.harmShareAtLeast * 100).toFixed(0)}% of all harm`,
  ]
    .filter(Boolean)
    .join(', or ');
}
