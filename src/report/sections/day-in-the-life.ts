/**
 * The Demand part's "day in the life" (the seed's diagram of the daily demand: incidents, crimes,
 * arrests, missing people and mental-health calls a day), as a figure with its table behind it,
 * computed from the incidents, crime and
 * missing episodes the warehouse holds for the data period. Nothing is shown for a force whose
 * incidents are not held; what each figure counts is said beside it, since a force's data decide
 * whether "crimes" are recorded crimes or crime-related incidents.
 */
import { forceDayInTheLife, type ForceDay } from '../../analytics/demand/day-in-the-life.js';
import type { BuildContext } from '../context.js';
import type { LogBook } from '../build-log.js';
import { dayInTheLifeChart } from '../../charts/day-in-the-life.js';
import { cell, para, text, type Block } from '../model.js';

const MEASURES = ['Incidents', 'Crimes', 'Arrests', 'Missing people reported', 'Mental-health related'] as const;

const one = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export async function dayInTheLifeBlocks(
  ctx: Pick<BuildContext, 'warehouse' | 'dataPeriod' | 'forces' | 'anchors'>,
  log: Pick<LogBook, 'figure' | 'omitted'>,
): Promise<Block[]> {
  const wh = ctx.warehouse;
  const period = ctx.dataPeriod;
  if (wh === null || period === null) return [];
  const days: (ForceDay & { name: string })[] = [];
  for (const f of ctx.forces) {
    const d = await forceDayInTheLife(wh, f.id, period.first, period.last);
    if (d) days.push({ ...d, name: f.name });
  }
  if (days.length === 0) {
    log.omitted(
      'A day in the life',
      `no incidents of ${ctx.forces.map((f) => f.id).join(', ')} are held for ${period.label}`,
    );
    return [];
  }
  const sources = [
    ...new Set(
      days.flatMap((d) => [
        `crimes: ${d.figure.crimes.source}`,
        `arrests: ${d.figure.arrests.source}`,
        `missing people: ${d.figure.missingReports.source}`,
      ]),
    ),
  ];
  const partial = days.filter((d) => d.figure.days < d.periodDays);
  const trace = log.figure(
    'Chart and table: a day in the life',
    days.map((d) => `${d.force}: ${d.figure.days} days with incidents, ${d.from} to ${d.to}`).join('; '),
    {
      call: 'forceDayInTheLife',
      query: { forces: days.map((d) => d.force), from: period.first, to: period.last },
      method: `averages per day the incident data cover; ${sources.join('; ')}`,
    },
  );
  const perDay = (d: ForceDay) => [
    d.figure.incidents.perDay,
    d.figure.crimes.perDay,
    d.figure.arrests.perDay,
    d.figure.missingReports.perDay,
    d.figure.mentalHealth.perDay,
  ];
  const words = (d: ForceDay & { name: string }) =>
    `${d.name}: ${MEASURES.map((m, i) => `${m.toLowerCase()} ${perDay(d)[i] === null ? 'not recorded' : one(perDay(d)[i]!)!.toLocaleString('en-GB')}`).join(', ')}`;
  return [
    {
      kind: 'heading',
      level: 3,
      text: 'Daily demand: a day in the life',
      id: ctx.anchors.make('a-day-in-the-life'),
    },
    para(
      text(
        `An average day of ${period.label}, from the incidents (calls for service) and missing-person reports each force holds. ` +
          `Figures are averages per day the incident data cover${partial.length ? ` (${partial.map((d) => `${d.name}: ${d.figure.days} of ${d.periodDays} days`).join('; ')})` : ''}; ${sources.join('; ')}.`,
      ),
    ),
    {
      kind: 'chart',
      id: ctx.anchors.make('chart-a-day-in-the-life'),
      trace,
      caption: `Daily demand: a day in the life, ${period.label} (average a day)`,
      option: dayInTheLifeChart(
        MEASURES,
        days.map((d) => ({ force: d.name, perDay: perDay(d) })),
        '',
      ),
      width: 820,
      height: 100 + 30 * MEASURES.length * days.length,
      description: `Bar chart of the average demand a day in ${period.label}, by force. ${days.map(words).join('. ')}.`,
      table: {
        kind: 'table',
        id: ctx.anchors.make('table-a-day-in-the-life'),
        trace,
        caption: `A day in the life, ${period.label}: average a day`,
        columns: [
          { header: 'Force', align: 'left', width: 4 },
          { header: 'Incidents', align: 'right', width: 2 },
          { header: 'Crimes', align: 'right', width: 2 },
          { header: 'Arrests', align: 'right', width: 2 },
          { header: 'Missing people reported', align: 'right', width: 2 },
          { header: 'Mental-health related', align: 'right', width: 2 },
          { header: 'Days', align: 'right', width: 1 },
        ],
        rows: days.map((d) => [
          cell(d.name),
          cell(one(d.figure.incidents.perDay)),
          cell(one(d.figure.crimes.perDay)),
          cell(one(d.figure.arrests.perDay)),
          cell(one(d.figure.missingReports.perDay)),
          cell(one(d.figure.mentalHealth.perDay)),
          cell(d.figure.days),
        ]),
      },
    },
  ];
}
