/**
 * Reads a force's incidents or missing episodes back from the warehouse for the demand profiles
 * and the missing-people analyses (pure functions in src/domain/demand), optionally between two
 * local days. Column-wise reads: a year of a force's incidents is a million rows.
 */
import type { Incident } from '../../domain/demand/incident.js';
import type { IncidentTable } from '../../domain/demand/incident-table.js';
import { DEMAND_CLASSES, GRADES, OUTCOMES } from '../../domain/demand/vocabulary.js';
import type { MissingEpisode } from '../../domain/demand/missing/episode.js';
import { notFoundError } from '../../errors.js';
import type { Warehouse } from '../reader.js';
import { sqlString } from '../sql.js';
import { demandCoverage, type MonthCoverage } from './coverage.js';
import { columnsOf, episodesFromColumns, incidentsFromColumns, type DemandTable } from './rows.js';
import path from 'node:path';

export interface DemandQuery {
  readonly force: string;
  /** Local days `YYYY-MM-DD`, both included. */
  readonly from?: string;
  readonly to?: string;
  /** Only those in one community safety partnership: area (LSOA) in the area table's CSP of the force. */
  readonly csp?: string;
}

/** The SQL condition keeping a demand table's rows in one CSP of a force (by LSOA; a beat is in none). */
export function cspCondition(table: DemandTable, force: string, csp: string): string {
  const column = table === 'incidents' ? 'area_code' : 'missing_from_area';
  return `${column} IN (SELECT lsoa_code FROM areas WHERE force = ${sqlString(force)} AND csp = ${sqlString(csp)})`;
}

/** The SQL condition choosing a force's rows between two local days (both included). */
export function where(table: DemandTable, q: DemandQuery): string {
  const t = table === 'incidents' ? 'opened_local' : 'reported_local';
  const day = (d: string) => `epoch_ms(DATE ${sqlString(d)})`;
  return [
    `force = ${sqlString(q.force)}`,
    ...(q.csp ? [cspCondition(table, q.force, q.csp)] : []),
    ...(q.from ? [`${t} >= ${day(q.from)}`] : []),
    ...(q.to ? [`${t} < ${day(q.to)} + 86400000`] : []),
  ].join(' AND ');
}

/** The forces holding data in a demand table, for "no data for X; held: ..." messages. */
export async function demandForces(wh: Warehouse, table: DemandTable): Promise<string[]> {
  const rows = await wh.sql.all<{ force: string }>(`SELECT DISTINCT force FROM ${table} ORDER BY 1`);
  return rows.map((r) => r.force);
}

async function requireForce(wh: Warehouse, table: DemandTable, force: string): Promise<void> {
  const forces = await demandForces(wh, table);
  if (!forces.includes(force))
    throw notFoundError(
      `no ${table === 'incidents' ? 'incidents' : 'missing-person episodes'} for '${force}' in the warehouse` +
        (forces.length
          ? ` (held: ${forces.join(', ')})`
          : '; import some with stra demand import <file> --mapping <name> --force <id>'),
    );
}

export async function loadIncidents(wh: Warehouse, q: DemandQuery): Promise<Incident[]> {
  await requireForce(wh, 'incidents', q.force);
  const cols = columnsOf('incidents').join(', ');
  return incidentsFromColumns(await wh.sql.columns(`SELECT ${cols} FROM incidents WHERE ${where('incidents', q)}`));
}

export async function loadEpisodes(wh: Warehouse, q: DemandQuery): Promise<MissingEpisode[]> {
  await requireForce(wh, 'missing_episodes', q.force);
  const cols = columnsOf('missing_episodes').join(', ');
  return episodesFromColumns(
    await wh.sql.columns(`SELECT ${cols} FROM missing_episodes WHERE ${where('missing_episodes', q)}`),
  );
}

/** Coverage by month of a force's data in the warehouse. */
export async function warehouseCoverage(
  wh: Warehouse,
  warehouseDir: string,
  table: DemandTable,
  force: string,
): Promise<MonthCoverage[]> {
  const files = Object.values(wh.catalog.partitions)
    .filter((p) => p.table === table)
    .map((p) => path.join(warehouseDir, p.file));
  return demandCoverage(wh.sql, table, files, force);
}

/**
 * A force's incidents straight into the profiles' columnar table (incident-table.ts), computed
 * in SQL: day and minute, class, grade and outcome as indexes, and codes and areas as indexes
 * into their dictionaries, so no object is made per incident (a million incidents: a few hundred
 * milliseconds, where reading them as objects took seconds).
 */
export async function loadIncidentTable(wh: Warehouse, q: DemandQuery): Promise<IncidentTable> {
  await requireForce(wh, 'incidents', q.force);
  const list = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;
  const scope = `SELECT * FROM incidents WHERE ${where('incidents', q)}`;
  const dictionaries = await wh.sql.columns(
    `WITH s AS (${scope}) SELECT ` +
      ['area_code', 'opening_code', 'closing_code']
        .map((c) => `(SELECT coalesce(list(DISTINCT ${c} ORDER BY ${c}), []) FROM s WHERE ${c} IS NOT NULL) AS ${c}`)
        .join(', '),
  );
  const areas = (dictionaries.area_code![0] ?? []) as string[];
  const openingCodes = (dictionaries.opening_code![0] ?? []) as string[];
  const closingCodes = (dictionaries.closing_code![0] ?? []) as string[];
  const position = (c: string, values: readonly string[]) =>
    values.length ? `coalesce(list_position(${list(values)}, ${c}) - 1, -1)` : '-1';
  const c = await wh.sql.columns(
    `SELECT floor(opened_local / 86400000)::INTEGER AS day, ((opened_local % 86400000 + 86400000) % 86400000 // 60000)::INTEGER AS minute, ` +
      `${position('demand_class', DEMAND_CLASSES)} AS demand_class, ${position('grade', GRADES)} AS grade, ` +
      `${position('outcome', OUTCOMES)} AS outcome, coalesce(crime_related, demand_class = 'crime')::INTEGER AS crime, ` +
      `mental_health::INTEGER AS mental_health, ` +
      `officer_minutes, (closed_utc - opened_utc) / 60000 AS duration, (arrived_utc - opened_utc) / 60000 AS response, ` +
      `area_code, opening_code, closing_code FROM (${scope})`,
  );
  const n = (c.day ?? []).length;
  const index = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
  const areaIndex = index(areas);
  const openingIndex = index(openingCodes);
  const closingIndex = index(closingCodes);
  const floats = (values: unknown[]) => Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v)));
  const strings = (values: unknown[], at: Map<string, number>) =>
    Int32Array.from(values, (v) => (v === null ? -1 : at.get(v as string)!));
  return {
    size: n,
    day: Int32Array.from(c.day as number[]),
    minute: Int16Array.from(c.minute as number[]),
    demandClass: Uint8Array.from(c.demand_class as number[]),
    grade: Uint8Array.from(c.grade as number[]),
    outcome: Uint8Array.from(c.outcome as number[]),
    crime: Uint8Array.from(c.crime as number[]),
    mentalHealth: Uint8Array.from(c.mental_health as number[]),
    area: strings(c.area_code!, areaIndex),
    areas,
    openingCode: strings(c.opening_code!, openingIndex),
    openingCodes,
    closingCode: strings(c.closing_code!, closingIndex),
    closingCodes,
    officerMinutes: floats(c.officer_minutes!),
    durationMinutes: floats(c.duration!),
    responseMinutes: floats(c.response!),
  };
}
