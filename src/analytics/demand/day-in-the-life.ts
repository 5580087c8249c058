/**
 * The seed's "day in the life" figure for one force over a period, from data: incidents,
 * crimes, arrests (when the incident data record outcomes), missing-person reports and
 * mental-health related incidents, each an average per day the incident data cover.
 *
 * Crimes are the recorded crimes of the warehouse (police.uk street data, anti-social behaviour
 * excluded) when the incidents cover every day of the period, so both averages rest on the same
 * days; otherwise the crime-related incidents. Missing reports are the missing-person episodes
 * when the force's are held, otherwise incidents of the missing-person class.
 */
import { dayLabel } from '../../domain/demand/incident-table.js';
import { dayInTheLife, type DayInTheLife } from '../../domain/demand/profiles/day-in-the-life.js';
import { ASB } from '../../domain/crime/categories.js';
import { demandForces, loadIncidentTable } from '../../warehouse/demand/load-demand.js';
import type { Warehouse } from '../../warehouse/reader.js';
import { sqlString } from '../../warehouse/sql.js';

export interface ForceDay {
  readonly force: string;
  readonly from: string;
  readonly to: string;
  /** Days in the period. */
  readonly periodDays: number;
  readonly figure: DayInTheLife;
}

/** `from`/`to` are months `YYYY-MM`; null when the warehouse holds no incidents of the force in them. */
export async function forceDayInTheLife(
  wh: Warehouse,
  force: string,
  fromMonth: string,
  toMonth: string,
): Promise<ForceDay | null> {
  if (!(await demandForces(wh, 'incidents')).includes(force)) return null;
  const from = `${fromMonth}-01`;
  const end = new Date(Date.UTC(Number(toMonth.slice(0, 4)), Number(toMonth.slice(5, 7)), 0));
  const to = end.toISOString().slice(0, 10);
  const table = await loadIncidentTable(wh, { force, from, to });
  if (table.size === 0) return null;
  const periodDays = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const covered = new Set<number>();
  for (let i = 0; i < table.size; i++) covered.add(table.day[i]!);
  const [crimes] = await wh.sql.all<{ n: number | null }>(
    `SELECT sum(n)::BIGINT AS n FROM street_counts WHERE force = ${sqlString(force)} AND category <> ${sqlString(ASB)}
       AND month BETWEEN DATE ${sqlString(from)} AND DATE ${sqlString(to)}`,
  );
  const crimeMonths = Object.values(wh.catalog.sources).filter(
    (s) => s.table === 'street' && s.force === force && s.month >= fromMonth && s.month <= toMonth,
  ).length;
  const months =
    (Number(toMonth.slice(0, 4)) - Number(fromMonth.slice(0, 4))) * 12 +
    Number(toMonth.slice(5)) -
    Number(fromMonth.slice(5)) +
    1;
  const crimeHeld = covered.size === periodDays && crimeMonths === months && crimes?.n !== null;
  let missingEpisodes: number | undefined;
  if ((await demandForces(wh, 'missing_episodes')).includes(force)) {
    const [m] = await wh.sql.all<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM missing_episodes WHERE force = ${sqlString(force)}
         AND reported_local >= epoch_ms(DATE ${sqlString(from)}) AND reported_local < epoch_ms(DATE ${sqlString(to)}) + 86400000`,
    );
    missingEpisodes = m!.n;
  }
  return {
    force,
    from: dayLabel(Math.min(...covered)),
    to: dayLabel(Math.max(...covered)),
    periodDays,
    figure: dayInTheLife(
      table,
      { from, to },
      {
        ...(crimeHeld ? { recordedCrimes: crimes!.n! } : {}),
        ...(missingEpisodes !== undefined ? { missingEpisodes } : {}),
      },
    ),
  };
}
