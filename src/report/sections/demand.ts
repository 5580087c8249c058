/**
 * Demand (the seed's Section 4 opening): recorded crime by force in the data period against the
 * year before and the three-year average, each change tested (Poisson E-test, Benjamini-Hochberg
 * across the forces), and the monthly series of the two years with its expected level and
 * control limits. The analyst's national context comes first. Crime is police.uk's and the Home
 * Office's: anti-social behaviour is not crime, so it is counted apart, as incidents, beside it,
 * and never in a crime total.
 */
import { compareTrends } from '../../analytics/trend-comparison.js';
import { monthlySeries } from '../../analytics/series.js';
import { seriesChart } from '../../charts/series.js';
import { addMonths } from '../../domain/crime/month.js';
import { ASB, CRIME_CATEGORIES } from '../../domain/crime/categories.js';
import { monthName, monthSpan } from '../dates.js';
import { cell, para, text, traced, type Block } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { averageWords, citeCrime, crimeData, PART_YEAR_WORDS, periodWords, yearsForAverage } from './crime-data.js';
import { dayInTheLifeBlocks } from './day-in-the-life.js';
import { demandForecastBlocks } from './demand-forecast.js';
import { omit, type Part } from './part.js';
import { changeWords, FLAG_WORDS, missingWords, pct, qText, SERIES_FLAG_WORDS } from './wording.js';
import { plural } from '../../domain/plural.js';

export const demand: Part = {
  id: 'demand',
  title: 'Demand',
  async build(ctx, log) {
    const own = analystBlocks(ctx, log, 'demand');
    const d = crimeData(ctx);
    // The day in the life from incidents, when the warehouse holds any for the period (issue 17).
    const day = await dayInTheLifeBlocks(ctx, log);
    // Next year's expected crime, incidents and missing reports, where the backtest beats seasonal naive.
    const forecast = await demandForecastBlocks(ctx, log);
    if (typeof d === 'string') {
      if (own.length === 0 && day.length === 0 && forecast.length === 0) return omit(d);
      log.omitted('Recorded crime tables and chart', d);
      return { blocks: [...own, ...day, ...forecast] };
    }
    const query = {
      areas: ['force' as const],
      byCategory: false,
      period: d.period,
      forces: d.forceIds,
      years: yearsForAverage(d),
      categories: CRIME_CATEGORIES,
    };
    const trends = await compareTrends(d.wh, query);
    const asb = await compareTrends(d.wh, { ...query, categories: [ASB] });
    const asbOf = (force: string) => asb.rows.find((r) => r.cell.area.force === force)?.count ?? null;
    const from = d.partYear ? d.period.first : addMonths(d.period.first, -12);
    const { provenance, footnote } = citeCrime(ctx, d, from, d.period.last);
    const name = (id: string) => d.forces.find((f) => f.id === id)?.name ?? id;
    const rows = trends.rows.map((r) => ({ force: name(r.cell.area.force ?? ''), id: r.cell.area.force ?? '', r }));
    const lastLabel = trends.rows[0]?.lastYear.period ?? 'last year';
    const statements = rows
      .filter((x) => x.r.count !== null)
      .map((x) => {
        const n = asbOf(x.id);
        const against =
          d.partYear || x.r.lastYear.against === null
            ? '.'
            : ` against ${x.r.lastYear.against.toLocaleString('en-GB')} in ${lastLabel}: ${changeWords(x.r.lastYear)}.`;
        const asbWords =
          n === null ? '' : ` It also recorded ${n.toLocaleString('en-GB')} incidents of anti-social behaviour.`;
        return `${x.force} recorded ${x.r.count!.toLocaleString('en-GB')} crimes in ${d.period.label}${against}${asbWords}`;
      });
    const series = await monthlySeries(d.wh, {
      from,
      to: d.period.last,
      forces: d.forceIds,
      categories: CRIME_CATEGORIES,
    });
    const forcesWords = d.forces.map((f) => f.name).join(' and ');
    const blocks: Block[] = [
      ...own,
      ...day,
      { kind: 'heading', level: 3, text: 'Recorded crime', id: ctx.anchors.make('recorded-crime') },
      para(
        text(
          d.partYear
            ? `Crimes recorded by ${forcesWords} in ${periodWords(d.period)}. ${PART_YEAR_WORDS}`
            : `Crimes recorded by ${forcesWords} in ${periodWords(d.period)}, against the year before and ${averageWords(query.years)}. Anti-social behaviour is not a crime: its incidents are given beside the crimes, never in their totals.`,
        ),
        { footnote },
      ),
      { kind: 'list', ordered: false, items: statements.map((s) => [text(s)]) },
      {
        kind: 'table',
        id: ctx.anchors.make('table-recorded-crime-by-force'),
        caption: `Recorded crime by force, ${d.period.label}, with anti-social behaviour incidents beside it`,
        columns: [
          { header: 'Force', align: 'left', width: 4 },
          { header: `Crimes ${d.period.label}`, align: 'right', width: 2 },
          { header: `Crimes ${lastLabel}`, align: 'right', width: 2 },
          { header: 'Change', align: 'right', width: 2 },
          { header: 'q (last year)', align: 'right', width: 2 },
          { header: `${query.years}-year average`, align: 'right', width: 2 },
          { header: 'Against the average', align: 'left', width: 3 },
          { header: `ASB incidents ${d.period.label}`, align: 'right', width: 2 },
        ],
        rows: rows.map(({ force, id, r }) => [
          cell(force),
          cell(r.count),
          cell(r.lastYear.against),
          cell(pct(r.lastYear.percentChange)),
          cell(qText(r.lastYear.qValue)),
          cell(r.average.against === null ? null : Math.round(r.average.against)),
          cell(
            `${FLAG_WORDS[r.average.flag]}${r.average.flag === 'insufficient-data' ? '' : ` (${pct(r.average.percentChange)})`}`,
          ),
          cell(asbOf(id)),
        ]),
      },
      {
        kind: 'chart',
        id: ctx.anchors.make('chart-recorded-crime-by-month'),
        caption: `Recorded crime by month, ${forcesWords}, ${monthSpan(from, d.period.last)}`,
        option: drawnOnly(
          seriesChart(
            series.points.map((p) => ({ ...p, month: shortMonth(p.month) })),
            '',
          ),
        ),
        width: 820,
        height: 340,
        description: `Line chart of crimes recorded each month, ${monthSpan(from, d.period.last)}, with the expected level and control limits.`,
        table: {
          kind: 'table',
          id: ctx.anchors.make('table-recorded-crime-by-month'),
          caption: 'Recorded crime by month',
          columns: ['Month', 'Crimes recorded', 'Expected', 'Lower limit', 'Upper limit', 'Against the limits'].map(
            (h, i) => ({
              header: h,
              align: i === 0 || i === 5 ? ('left' as const) : ('right' as const),
            }),
          ),
          rows: series.points.map((p) => [
            cell(monthName(p.month)),
            cell(p.count),
            cell(round(p.expected)),
            cell(round(p.lower)),
            cell(round(p.upper)),
            cell(SERIES_FLAG_WORDS[p.flag] ?? p.flag),
          ]),
          compact: true,
        },
      },
      ...forecast,
    ];
    const tableTrace = log.figure(
      'Table: recorded crime by force',
      `${plural(rows.length, 'force')}, ${d.period.label} against ${lastLabel} and the ${query.years}-year average`,
      {
        call: 'compareTrends',
        query: { ...query, period: d.period.label },
        files: provenance.files,
        importIds: provenance.importIds,
        method: trends.method,
      },
      footnote,
    );
    const chartTrace = log.figure(
      'Chart: recorded crime by month',
      `${plural(series.points.length, 'month')}, ${from} to ${d.period.last}`,
      {
        call: 'monthlySeries',
        query: { from, to: d.period.last, forces: d.forceIds, categories: CRIME_CATEGORIES },
        files: provenance.files,
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
    return {
      blocks: traced(
        traced(blocks, tableTrace, (b) => b.kind === 'table'),
        chartTrace,
        (b) => b.kind === 'chart',
      ),
    };
  },
};

/** "2016-04" -> "Apr 2016" for a chart's axis. */
const shortMonth = (m: string) => monthName(m).replace(/^(\w{3})\w*/, '$1');

const round = (x: number | null) => (x === null ? null : Math.round(x));

/** The chart without the series that have nothing to draw (no baseline yet), so its legend matches what is drawn. */
function drawnOnly(option: Record<string, unknown>): Record<string, unknown> {
  const series = (option.series as Array<{ name: string; data: unknown[] }>).filter((x) =>
    x.data.some((v) => v !== null && v !== undefined),
  );
  return { ...option, series, legend: { ...(option.legend as object), data: series.map((x) => x.name) } };
}
