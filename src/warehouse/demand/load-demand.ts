/**
 * Reads a force's incidents or missing episodes back from the warehouse for the demand profiles
 * and the missing-people analyses (pure functions in src/domain/demand), optionally between two
 * local days. Column-wise reads: a year of a force's incidents is a million rows.
 */
import type { Incident } from '../../domain/demand/incident.js';
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
}

function where(table: DemandTable, q: DemandQuery): string {
  const t = table === 'incidents' ? 'opened_local' : 'reported_local';
  const day = (d: string) => `epoch_ms(DATE ${sqlString(d)})`;
  return [
    `force = ${sqlString(q.force)}`,
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
