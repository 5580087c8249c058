/**
 * Incidents and missing-person episodes as warehouse rows and back. One codec per kind, so the
 * import writes and the readers read the same columns (tables.ts) in the same order, and the
 * content digest (`row_hash`) is taken over exactly what is stored, never over the file it came
 * from: the same incident re-imported from a renamed file is unchanged.
 */
import { createHash } from 'node:crypto';
import type { Incident, IncidentTime } from '../../domain/demand/incident.js';
import type { MissingEpisode } from '../../domain/demand/missing/episode.js';
import type { AddressType, AgeBand, Risk } from '../../domain/demand/missing/episode.js';
import type { DemandClass, Grade, Outcome } from '../../domain/demand/vocabulary.js';
import { TABLE_COLUMNS } from '../tables.js';

export type DemandTable = 'incidents' | 'missing_episodes';
type Text = string | null;

const text = (v: string | number | boolean | null | undefined): Text =>
  v === null || v === undefined ? null : String(v);

function digest(values: readonly Text[]): string {
  return createHash('md5').update(JSON.stringify(values)).digest('hex');
}

function localMonth(t: IncidentTime): string {
  return new Date(t.local).toISOString().slice(0, 7) + '-01';
}

/** The text row (table column order) of an incident of `force`, read from `source`. */
export function incidentRow(force: string, source: string, i: Incident): Text[] {
  const content: Text[] = [
    i.id,
    text(i.opened.utc),
    text(i.opened.local),
    text(i.arrived?.utc),
    text(i.arrived?.local),
    text(i.closed?.utc),
    text(i.closed?.local),
    i.openingCode,
    i.closingCode,
    i.disposition,
    i.demandClass,
    i.grade,
    i.outcome,
    i.area?.kind ?? null,
    i.area?.code ?? null,
    text(i.crimeRelated),
    text(i.mentalHealth),
    text(i.officerMinutes),
    text(i.units),
  ];
  return [force, localMonth(i.opened), ...content, source, digest(content)];
}

export function episodeRow(force: string, source: string, e: MissingEpisode): Text[] {
  const content: Text[] = [
    e.id,
    e.person,
    text(e.reported.utc),
    text(e.reported.local),
    text(e.found?.utc),
    text(e.found?.local),
    e.risk,
    e.ageBand,
    text(e.lookedAfter),
    e.addressType,
    e.missingFrom,
    e.missingFromArea,
    e.foundArea,
  ];
  return [force, localMonth(e.reported), ...content, source, digest(content)];
}

/** Column-wise query results (Sql.columns) back into incidents. */
export function incidentsFromColumns(c: Record<string, unknown[]>): Incident[] {
  const n = (c.id ?? []).length;
  const out: Incident[] = new Array(n);
  const time = (u: unknown, l: unknown): IncidentTime | null =>
    u === null || u === undefined ? null : { utc: Number(u), local: Number(l) };
  for (let k = 0; k < n; k++) {
    const kind = c.area_kind![k] as Text;
    out[k] = {
      id: c.id![k] as string,
      opened: time(c.opened_utc![k], c.opened_local![k])!,
      arrived: time(c.arrived_utc![k], c.arrived_local![k]),
      closed: time(c.closed_utc![k], c.closed_local![k]),
      openingCode: c.opening_code![k] as string,
      closingCode: c.closing_code![k] as Text,
      disposition: c.disposition![k] as Text,
      demandClass: c.demand_class![k] as DemandClass,
      grade: c.grade![k] as Grade,
      outcome: c.outcome![k] as Outcome,
      area: kind ? { kind: kind as 'lsoa' | 'beat', code: c.area_code![k] as string } : null,
      crimeRelated: c.crime_related![k] as boolean | null,
      mentalHealth: c.mental_health![k] === true,
      officerMinutes: c.officer_minutes![k] === null ? null : Number(c.officer_minutes![k]),
      units: Number(c.units![k]),
    };
  }
  return out;
}

export function episodesFromColumns(c: Record<string, unknown[]>): MissingEpisode[] {
  const n = (c.id ?? []).length;
  const out: MissingEpisode[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const found = c.found_utc![k];
    out[k] = {
      id: c.id![k] as string,
      person: c.person![k] as string,
      reported: { utc: Number(c.reported_utc![k]), local: Number(c.reported_local![k]) },
      found: found === null || found === undefined ? null : { utc: Number(found), local: Number(c.found_local![k]) },
      risk: c.risk![k] as Risk,
      ageBand: c.age_band![k] as AgeBand,
      lookedAfter: c.looked_after![k] as boolean | null,
      addressType: c.address_type![k] as AddressType,
      missingFrom: c.missing_from![k] as Text,
      missingFromArea: c.missing_from_area![k] as Text,
      foundArea: c.found_area![k] as Text,
    };
  }
  return out;
}

/** The columns of a demand table, for CREATE TABLE of text staging and SELECT lists. */
export function columnsOf(table: DemandTable): readonly string[] {
  return TABLE_COLUMNS[table].map(([name]) => name);
}
