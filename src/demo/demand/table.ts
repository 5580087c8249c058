/**
 * The synthetic incidents as an IncidentTable for the demand profiles, straight from the columns
 * (no million objects in between): what the benchmark and the demo's profile tests use.
 */
import type { IncidentTable } from '../../domain/demand/incident-table.js';
import type { DemandColumns } from './columns.js';

const MS_DAY = 86_400_000;

export function demandTable(c: DemandColumns): IncidentTable {
  const n = c.size;
  const day = new Int32Array(n);
  const minute = new Int16Array(n);
  const durationMinutes = new Float64Array(n);
  const responseMinutes = new Float64Array(n);
  const officerMinutes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const local = c.local[i]!;
    const d = Math.floor(local / MS_DAY);
    day[i] = d;
    minute[i] = Math.floor((local - d * MS_DAY) / 60_000);
    durationMinutes[i] = c.closedAfter[i]!;
    responseMinutes[i] = c.arrivedAfter[i]!;
    officerMinutes[i] = c.officerMinutes[i]!;
  }
  return {
    size: n,
    day,
    minute,
    demandClass: c.demandClass.subarray(0, n),
    grade: c.grade.subarray(0, n),
    outcome: c.outcome.subarray(0, n),
    crime: c.crime.subarray(0, n),
    mentalHealth: c.mentalHealth.subarray(0, n),
    area: c.area.subarray(0, n),
    areas: c.areas,
    openingCode: c.opening.subarray(0, n),
    openingCodes: c.codes,
    closingCode: c.closing.subarray(0, n),
    closingCodes: c.codes,
    officerMinutes,
    durationMinutes,
    responseMinutes,
  };
}
