/**
 * Demand (the seed's Section 4 opening): recorded crime by force in the data period against the
 * year before and the three-year average, each change tested (Poisson E-test, Benjamini-Hochberg
 * across the forces), and the monthly series of the two years with its expected level and
 * control limits. The analyst's national context comes first.
 */
import { compareTrends } from '../../analytics/trend-comparison.js';
import { monthlySeries } from '../../analytics/series.js';
import { seriesChart } from '../../charts/series.js';
import { addMonths } from '../../domain/crime/month.js';
import { cell, method, para, text, type Block } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { citeCrime, crimeData, periodWords } from './crime-data.js';
import { omit, type Part } from './part.js';
import { changeWords, FLAG_WORDS, missingWords, pct, qText } from './wording.js';

export const demand: Part = {
  id: 'demand',
  title: 'Demand',
  async build(ctx, log) {
    const own = analystBlocks(ctx, log, 'demand');
    const d = crimeData(ctx);
    if (typeof d === 'string') {
      if (own.length === 0) return omit(d);
      log.omitted('Recorded crime tables and chart', d);
      return { blocks: own };
    }
    const query = { areas: ['force' as const], byCategory: false, period: d.period, forces: d.forceIds, years: 3 };
    const trends = await compareTrends(d.wh, query);
    const from = addMonths(d.period.first, -12);
    const { provenance, footnote } = citeCrime(ctx, d, from, d.period.last);
    const name = (id: string) => d.forces.find((f) => f.id === id)?.name ?? id;
    const rows = trends.rows.map((r) => ({ force: name(r.cell.area.force ?? ''), r }));
    const lastLabel = trends.rows[0]?.lastYear.period ?? 'last year';
    const statements = rows
      .filter((x) => x.r.count !== null)
      .map(
        (x) =>
          `${x.force}: ${x.r.count!.toLocaleString('en-GB')} crimes in ${d.period.label}${x.r.lastYear.against === null ? '' : ` against ${x.r.lastYear.against.toLocaleString('en-GB')} in ${lastLabel}`}, ${changeWords(x.r.lastYear)}.`,
      );
    const series = await monthlySeries(d.wh, { from, to: d.period.last, forces: d.forceIds });
    const forcesWords = d.forces.map((f) => f.name).join(' and ');
    const blocks: Block[] = [
      ...own,
      { kind: 'heading', level: 3, text: 'Recorded crime', id: ctx.anchors.make('recorded-crime') },
      para(
        text(
          `Crimes recorded by ${forcesWords} in ${periodWords(d.period)}, against the year before and the average of the three years before it.`,
        ),
        { footnote },
      ),
      { kind: 'list', ordered: false, items: statements.map((s) => [text(s)]) },
      {
        kind: 'table',
        id: ctx.anchors.make('table-recorded-crime-by-force'),
        caption: `Recorded crime by force, ${d.period.label}`,
        columns: [
          { header: 'Force', align: 'left', width: 4 },
          { header: d.period.label, align: 'right', width: 2 },
          { header: lastLabel, align: 'right', width: 2 },
          { header: 'Change', align: 'right', width: 2 },
          { header: 'q (last year)', align: 'right', width: 2 },
          { header: '3-year average', align: 'right', width: 2 },
          { header: 'Against the average', align: 'left', width: 3 },
        ],
        rows: rows.map(({ force, r }) => [
          cell(force),
          cell(r.count),
          cell(r.lastYear.against),
          cell(pct(r.lastYear.percentChange)),
          cell(qText(r.lastYear.qValue)),
          cell(r.average.against === null ? null : Math.round(r.average.against)),
          cell(
            `${FLAG_WORDS[r.average.flag]}${r.average.flag === 'insufficient-data' ? '' : ` (${pct(r.average.percentChange)})`}`,
          ),
        ]),
      },
      {
        kind: 'chart',
        id: ctx.anchors.make('chart-recorded-crime-by-month'),
        caption: `Recorded crime by month, ${forcesWords}, ${from} to ${d.period.last}`,
        option: seriesChart(series.points, ''),
        width: 820,
        height: 340,
        description: `Line chart of crimes recorded each month from ${from} to ${d.period.last}, with the expected level and control limits.`,
        table: {
          kind: 'table',
          id: ctx.anchors.make('table-recorded-crime-by-month'),
          caption: 'Recorded crime by month',
          columns: ['Month', 'Recorded', 'Expected', 'Lower limit', 'Upper limit', 'Flag'].map((h, i) => ({
            header: h,
            align: i === 0 || i === 5 ? ('left' as const) : ('right' as const),
          })),
          rows: series.points.map((p) => [
            cell(p.month),
            cell(p.count),
            cell(round(p.expected)),
            cell(round(p.lower)),
            cell(round(p.upper)),
            cell(p.flag),
          ]),
          compact: true,
        },
      },
      method(text(`${trends.method} ${series.method}`)),
    ];
    log.figure(
      'Table: recorded crime by force',
      `${rows.length} forces, ${d.period.label} against ${lastLabel} and the 3-year average`,
      {
        call: 'compareTrends',
        query: { ...query, period: d.period.label },
        files: provenance.files,
        importIds: provenance.importIds,
        method: trends.method,
      },
      footnote,
    );
    log.figure(
      'Chart: recorded crime by month',
      `${series.points.length} months, ${from} to ${d.period.last}`,
      {
        call: 'monthlySeries',
        query: { from, to: d.period.last, forces: d.forceIds },
        importIds: provenance.importIds,
        method: series.method,
      },
      footnote,
    );
    if (trends.missing.length > 0)
      log.warning(
        'Recorded crime',
        `months missing from the warehouse (those comparisons are not made): ${missingWords(trends.missing)}`,
      );
    return { blocks };
  },
};

const round = (x: number | null) => (x === null ? null : Math.round(x));
