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
import { dayInTheLifeFrom, type DayInTheLife } from '../../domain/demand/profiles/day-in-the-life.js';
import { ASB } from '../../domain/crime/categories.js';
import { demandForces, where } from '../../warehouse/demand/load-demand.js';
import type { Warehouse } from '../../warehouse/reader.js';
import { sqlString } from '../../warehouse/sql.js';

const MISSING = 'missing-person';
const UNKNOWN = 'unknown';
const ARREST = 'arrest';

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
  // Summed where the incidents are (a year of a force is half a million rows): the same tallies
  // dayInTheLife makes over a loaded incident table (an outcome that is not 'unknown', null
  // included, counts as recorded; a null class or flag counts as not), without reading the rows
  // into Node (that took about 1 s of each build: src/analytics/demand/day-in-the-life.test.ts
  // checks both give the same figures).
  const [t] = await wh.sql.all<{
    n: number;
    days: number;
    lo: number | null;
    hi: number | null;
    crime: number | null;
    mental: number | null;
    missing: number;
    known: number;
    arrests: number;
  }>(
    `WITH s AS (SELECT floor(opened_local / 86400000)::INTEGER AS day, * FROM incidents WHERE ${where('incidents', { force, from, to })}) ` +
      `SELECT count(*)::BIGINT AS n, count(DISTINCT day)::BIGINT AS days, min(day) AS lo, max(day) AS hi, ` +
      `sum(coalesce(crime_related, demand_class = 'crime')::INTEGER)::BIGINT AS crime, sum(mental_health::INTEGER)::BIGINT AS mental, ` +
      `count(*) FILTER (WHERE demand_class = ${sqlString(MISSING)})::BIGINT AS missing, ` +
      `count(*) FILTER (WHERE outcome IS DISTINCT FROM ${sqlString(UNKNOWN)})::BIGINT AS known, ` +
      `count(*) FILTER (WHERE outcome = ${sqlString(ARREST)})::BIGINT AS arrests FROM s`,
  );
  if (t === undefined || t.n === 0 || t.lo === null || t.hi === null) return null;
  const periodDays = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
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
  const crimeHeld = t.days === periodDays && crimeMonths === months && crimes?.n !== null;
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
    from: dayLabel(t.lo),
    to: dayLabel(t.hi),
    periodDays,
    figure: dayInTheLifeFrom(
      {
        days: t.days,
        incidents: t.n,
        crimeRelated: t.crime ?? 0,
        arrests: t.arrests,
        outcomesKnown: t.known,
        missingIncidents: t.missing,
        mentalHealth: t.mental ?? 0,
      },
      {
        ...(crimeHeld ? { recordedCrimes: crimes!.n! } : {}),
        ...(missingEpisodes !== undefined ? { missingEpisodes } : {}),
      },
    ),
  };
}
