/**
 * Writes the synthetic demand as OpenSTRA's own CSV forms (docs/demand-formats.md), one file per
 * force and month, as a force would export them: `incidents/YYYY-MM/YYYY-MM-<force>-incidents.csv`
 * and `missing/YYYY-MM/YYYY-MM-<force>-missing.csv`. Times are UK local times written with their
 * offset (`2018-07-01T22:15:00+01:00`), so that arrivals and closings across a clock change are
 * exact; the reader's handling of local times without an offset is tested on its own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMAND_CLASSES, GRADES, OUTCOMES } from '../../domain/demand/vocabulary.js';
import { csvField } from '../csv-writer.js';
import { ZoneClock } from '../../demand/time/zone-clock.js';
import type { DemandColumns } from './columns.js';
import { FORCE_PREFIX, type DemandDataset } from './incidents.js';
import type { EpisodeRow } from './missing-episodes.js';

export const INCIDENT_HEADER =
  'incident_id,opened_at,arrived_at,closed_at,opening_code,closing_code,category,grade,outcome,lsoa_code,beat,crime_related,mental_health,officer_minutes';
export const MISSING_HEADER =
  'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa';

export interface DemandFile {
  readonly path: string;
  readonly kind: 'incidents' | 'missing';
  readonly force: string;
  readonly month: string;
  readonly rows: number;
}

const iso = (wall: number) => new Date(wall).toISOString().slice(0, 19);
const london = ZoneClock.of('Europe/London')!;

/** The instant as UK local time with its offset. */
function withOffset(utc: number): string {
  const offset = london.offsetAt(utc);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${iso(utc + offset)}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export async function writeDemandFiles(outDir: string, data: DemandDataset): Promise<DemandFile[]> {
  const files: DemandFile[] = [];
  const groups = new Map<string, number[]>();
  const c = data.incidents;
  for (let i = 0; i < c.size; i++) {
    const key = `${c.forces[c.force[i]!]}|${iso(c.local[i]!).slice(0, 7)}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  for (const [key, rows] of groups) {
    const [force, month] = key.split('|') as [string, string];
    rows.sort((a, b) => c.local[a]! - c.local[b]!);
    const seq = new Map<string, number>();
    const lines = rows.map((i) => {
      const day = iso(c.local[i]!).slice(0, 10).replace(/-/g, '');
      const n = (seq.get(day) ?? 0) + 1;
      seq.set(day, n);
      return incidentLine(c, i, `${FORCE_PREFIX[force]}-${day}-${String(n).padStart(5, '0')}`);
    });
    files.push(await write(outDir, 'incidents', force, month, INCIDENT_HEADER, lines));
  }
  const episodeGroups = new Map<string, EpisodeRow[]>();
  for (const e of data.episodes) {
    const key = `${e.force}|${iso(e.reportedLocal).slice(0, 7)}`;
    const list = episodeGroups.get(key);
    if (list) list.push(e);
    else episodeGroups.set(key, [e]);
  }
  for (const [key, episodes] of episodeGroups) {
    const [force, month] = key.split('|') as [string, string];
    files.push(await write(outDir, 'missing', force, month, MISSING_HEADER, episodes.map(missingLine)));
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

async function write(
  outDir: string,
  kind: DemandFile['kind'],
  force: string,
  month: string,
  header: string,
  lines: string[],
): Promise<DemandFile> {
  const dir = path.join(outDir, kind, month);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${month}-${force}-${kind}.csv`);
  await writeFile(file, `${header}\n${lines.join('\n')}\n`);
  return { path: file, kind, force, month, rows: lines.length };
}

function incidentLine(c: DemandColumns, i: number, id: string): string {
  const opened = c.utc[i]!;
  const after = (minutes: number) =>
    Number.isNaN(minutes) ? '' : withOffset(opened + Math.round(minutes * 60) * 1000);
  return [
    id,
    withOffset(opened),
    after(c.arrivedAfter[i]!),
    after(c.closedAfter[i]!),
    csvField(c.codes[c.opening[i]!]!),
    csvField(c.codes[c.closing[i]!]!),
    DEMAND_CLASSES[c.demandClass[i]!],
    GRADES[c.grade[i]!],
    OUTCOMES[c.outcome[i]!],
    c.area[i]! >= 0 ? c.areas[c.area[i]!] : '',
    '',
    c.crime[i] ? 'Y' : 'N',
    c.mentalHealth[i] ? 'Y' : 'N',
    Math.round(c.officerMinutes[i]!),
  ].join(',');
}

function missingLine(e: EpisodeRow): string {
  return [
    e.id,
    e.personRef,
    withOffset(instant(e.reportedLocal)),
    e.foundLocal === null ? '' : withOffset(instant(e.reportedLocal) + (e.foundLocal - e.reportedLocal)),
    e.risk,
    e.age,
    e.lookedAfter ? 'Y' : 'N',
    e.addressType,
    e.missingFromRef ?? '',
    e.missingFromLsoa,
    e.foundLsoa ?? '',
  ].join(',');
}

/** The instant of a synthetic local time (a skipped hour moves forward by an hour). */
function instant(wall: number): number {
  const r = london.instantOf(wall);
  return r.ok ? r.utc : wall - london.offsetAt(wall + 3_600_000) + 3_600_000;
}
