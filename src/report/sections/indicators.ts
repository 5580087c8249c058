/**
 * Indicator tables (the seed's Special Constabulary and hate-crime tables, complaints, vetting):
 * every indicator series in the workspace, each as the table its kind calls for, with every
 * total and percentage computed from the stored values by the indicators library. A monthly
 * series with one figure a year (a headcount at a date, such as the establishment) is shown date
 * by date against the same month a year earlier, since summing a stock means nothing.
 *
 * Indicators are aggregate figures without a protective marking of their own; they are treated
 * as OFFICIAL. Printed percentages that do not match the arithmetic are listed in the build log.
 */
import { checkIndicators, indicatorTable, listIndicators } from '../../indicators/report.js';
import { readIndicatorStore, type StoredValue } from '../../indicators/store.js';
import { formatPct, pctChange } from '../../domain/indicators/percent.js';
import { periodOf, sameTimeLastYear, formatPeriod } from '../../domain/indicators/period.js';
import type { MonthYearTable } from '../../domain/indicators/month-year-table.js';
import type { YearTable } from '../../domain/indicators/year-table.js';
import type { SeriesSummary } from '../../domain/indicators/series.js';
import { listOrganisations } from '../../store/index.js';
import type { BuildContext } from '../context.js';
import type { LogBook } from '../build-log.js';
import { cell, method, text, traced, type Block, type TableBlock } from '../model.js';
import { omit, type Part } from './part.js';
import { plural } from '../../domain/plural.js';

/** Titles for the series the seed prints; any other series is titled from its id. */
export const SERIES_TITLES: Readonly<Record<string, string>> = {
  'hate-crime-markers': 'Hate crime: offences or crimed incidents with at least one hate crime marker',
  'specials-establishment': 'Special Constabulary establishment, including those in training',
  'specials-duty-hours': 'Special Constabulary duty hours logged, full year',
  'specials-duty-hours-jan-sep': 'Special Constabulary duty hours logged, January to September',
  complaints: 'Complaints and conduct matters: recorded cases',
  'vetting-applications': 'Vetting applications',
  'vetting-internal': 'Vetting applications: internal (officers, staff and volunteers)',
  'vetting-national': 'Vetting applications: national (the external contractor scheme)',
};

const titleOf = (series: string) =>
  SERIES_TITLES[series] ?? series.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
const pct = (x: number | null) => formatPct(x);

/**
 * The professional standards department's series (complaints and conduct, vetting): printed in
 * their own part, as the seed does; every other series is in the indicators part.
 */
export const isProfessionalStandardsSeries = (series: string): boolean =>
  /^(complaints|conduct|misconduct|vetting)(-|$)/.test(series);

export const indicators: Part = {
  id: 'indicators',
  title: 'Indicators',
  async build(ctx, log) {
    const out = await indicatorBlocks(ctx, log, (s) => !isProfessionalStandardsSeries(s));
    if (out === null) return omit('no indicators in the workspace (stra indicators import FILE)');
    log.note('Indicators', 'indicator figures carry no protective marking of their own and are treated as OFFICIAL');
    return { blocks: out };
  },
};

/**
 * Each chosen series as its table, the source under it and the method line; null when the
 * workspace holds none of the chosen series. Printed percentages that the figures do not give
 * are listed in the build log as warnings.
 */
export async function indicatorBlocks(
  ctx: BuildContext,
  log: LogBook,
  keep: (series: string) => boolean,
): Promise<Block[] | null> {
  const series = (await listIndicators(ctx.indicators)).series.filter((s) => keep(s.series));
  if (series.length === 0) return null;
  const values = (await readIndicatorStore(ctx.indicators)).values;
  const names = new Map((await listOrganisations(ctx.store)).map((o) => [o.id, o.name]));
  const orgName = (id: string) => names.get(id) ?? id.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const blocks: Block[] = [];
  for (const name of [...new Set(series.map((s) => s.series))]) {
    const mine = series.filter((s) => s.series === name);
    const own = values.filter((v) => v.series === name);
    blocks.push({ kind: 'heading', level: 3, text: titleOf(name), id: ctx.anchors.make(`indicator-${name}`) });
    const sourceNames = [...new Set(own.map((v) => v.sourceName).filter((x): x is string => Boolean(x)))];
    const footnote = ctx.footnotes.cite(
      sourceNames.length > 0
        ? `${titleOf(name)}: ${sourceNames.join('; ')}`
        : `${titleOf(name)}: the forces' own records, as held in the alliance's indicator tables`,
    );
    blocks.push(...(await seriesBlocks(ctx, name, mine, own, orgName)));
    if (sourceNames.length > 0) blocks.push(method(text(`Source: ${sourceNames.join('; ')}.`)));
    blocks.push(
      method(
        text(
          'Computed from the stored figures; percentages rounded half away from zero to 1 decimal place; n/a = no percentage (no earlier figure); a blank = no figure; * = a part year (its total is not compared).',
        ),
        { footnote },
      ),
    );
    blocks.splice(0, blocks.length, ...traced(blocks, logSeries(log, name, own, footnote)));
  }
  const check = await checkIndicators(ctx.indicators);
  for (const c of check.checks.filter((x) => x.status === 'mismatch' && keep(x.series))) {
    log.warning(
      `Indicator ${c.series}, ${c.organisation}, ${c.period}`,
      `a published document printed ${c.printed}; computed from the figures: ${c.computedPct === null ? 'n/a' : formatPct(c.computedPct, 3)} (the document prints the computed value)`,
    );
  }
  return blocks;
}

async function seriesBlocks(
  ctx: BuildContext,
  name: string,
  summaries: readonly SeriesSummary[],
  values: readonly StoredValue[],
  orgName: (id: string) => string,
): Promise<Block[]> {
  const kind = summaries[0]!.kind;
  if (kind === 'calendar-year' || kind === 'financial-year') {
    const t = await indicatorTable(ctx.indicators, { series: name });
    return t.type === 'year' ? [yearBlock(ctx, name, t.table, t.unit, orgName)] : [];
  }
  const perYear = new Map<string, number>();
  for (const v of values)
    perYear.set(
      `${v.organisation} ${v.period.slice(0, 4)}`,
      (perYear.get(`${v.organisation} ${v.period.slice(0, 4)}`) ?? 0) + 1,
    );
  if (kind === 'month' && [...perYear.values()].every((n) => n === 1))
    return [pointInTimeBlock(ctx, name, values, orgName)];
  const out: Block[] = [];
  for (const s of summaries) {
    const t = await indicatorTable(ctx.indicators, { series: name, organisation: s.organisation });
    if (t.type === 'month-year') out.push(monthYearBlock(ctx, name, orgName(s.organisation), t.table, t.unit));
  }
  return out;
}

function yearBlock(
  ctx: BuildContext,
  name: string,
  t: YearTable,
  unit: string,
  orgName: (id: string) => string,
): TableBlock {
  const single = t.organisations.length === 1;
  return {
    kind: 'table',
    id: ctx.anchors.make(`table-${name}`),
    caption: `${titleOf(name)}${unit ? ` (${unit})` : ''}`,
    columns: [
      { header: t.kind === 'financial-year' ? 'Financial year' : 'Year', align: 'left', width: 2 },
      ...t.organisations.flatMap((o) => [
        { header: orgName(o), align: 'right' as const, width: 2 },
        { header: '% change', align: 'right' as const, width: 1.5 },
      ]),
      // one organisation: its column is the total
      ...(single
        ? []
        : [
            { header: 'Total', align: 'right' as const, width: 2 },
            { header: '% change', align: 'right' as const, width: 1.5 },
          ]),
    ],
    rows: t.rows.map((r, i) => [
      cell(r.period),
      ...r.cells.flatMap((c) => [
        cell(c.value),
        cell(i === 0 || c.value === null ? (c.value === null ? '' : 'n/a') : pct(c.yoyPct)),
      ]),
      ...(single ? [] : [cell(r.total), cell(r.total === null ? '' : i === 0 ? 'n/a' : pct(r.totalYoyPct))]),
    ]),
  };
}

function monthYearBlock(
  ctx: BuildContext,
  name: string,
  organisation: string,
  t: MonthYearTable,
  unit: string,
): TableBlock {
  return {
    kind: 'table',
    id: ctx.anchors.make(`table-${name}-${organisation}`),
    caption: `${titleOf(name)}, ${organisation}${unit ? ` (${unit})` : ''}, ${t.basis === 'financial' ? 'financial years' : 'calendar years'}`,
    columns: [
      { header: 'Year', align: 'left', width: 2 },
      ...t.columns.map((c) => ({ header: c, align: 'right' as const, width: 1 })),
      { header: 'Total', align: 'right', width: 1.4 },
      { header: 'Change', align: 'right', width: 1.4 },
      { header: `${t.ytd.label}`, align: 'right', width: 1.4 },
      { header: 'Change', align: 'right', width: 1.4 },
    ],
    rows: t.rows.map((r, i) => [
      cell(r.year),
      ...r.cells.map((c) => cell(c)),
      cell(`${r.total.toLocaleString('en-GB')}${r.complete ? '' : '*'}`),
      cell(i === 0 ? '' : pct(r.totalYoyPct)),
      cell(r.ytd),
      cell(i === 0 ? '' : pct(r.ytdYoyPct)),
    ]),
    compact: true,
  };
}

/** A stock counted at a date each year: each date's figure against the same month a year before. */
function pointInTimeBlock(
  ctx: BuildContext,
  name: string,
  values: readonly StoredValue[],
  orgName: (id: string) => string,
): TableBlock {
  const orgs = [...new Set(values.map((v) => v.organisation))].sort();
  const periods = [...new Set(values.map((v) => v.period))].sort();
  const get = (o: string, p: string) => values.find((v) => v.organisation === o && v.period === p)?.value ?? null;
  const unit = [...new Set(values.map((v) => v.unit).filter(Boolean))].join(', ');
  return {
    kind: 'table',
    id: ctx.anchors.make(`table-${name}`),
    caption: `${titleOf(name)}${unit ? ` (${unit})` : ''}`,
    columns: [
      { header: 'At', align: 'left', width: 2 },
      ...orgs.flatMap((o) => [
        { header: orgName(o), align: 'right' as const, width: 2 },
        { header: 'Change on a year before', align: 'right' as const, width: 2 },
      ]),
    ],
    rows: periods.map((p) => [
      cell(p),
      ...orgs.flatMap((o) => {
        const now = get(o, p);
        const before = get(o, formatPeriod(sameTimeLastYear(periodOf(p))));
        return [cell(now), cell(now === null ? '' : before === null ? 'n/a' : pct(pctChange(before, now)))];
      }),
    ]),
  };
}

function logSeries(log: LogBook, name: string, values: readonly StoredValue[], footnote: number): string {
  const files = [
    ...new Map(
      values.map((v) => [
        `${v.source.importId} ${v.source.file}`,
        { file: v.source.file, importId: v.source.importId },
      ]),
    ).values(),
  ];
  return log.figure(
    `Indicator table: ${titleOf(name)}`,
    `${plural(values.length, 'figure')}`,
    {
      call: 'indicatorTable',
      query: { series: name },
      files,
      importIds: [...new Set(files.map((f) => f.importId))],
      method: 'percentages computed from the stored values (src/domain/indicators)',
    },
    footnote,
  );
}
