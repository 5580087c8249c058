/**
 * One CSV record to a missing-person episode through a compiled mapping, or the field and reason
 * it was rejected for. The person reference is pseudonymised here and never leaves this function
 * (reject reasons do not quote it).
 */
import { ageBandOf, type MissingEpisode } from '../../domain/demand/missing/episode.js';
import { indexHeader } from '../mapping/header.js';
import { compileLookup } from '../mapping/lookup.js';
import type { MissingMapping } from '../mapping/missing-mapping.js';
import { flag, isBlank, timeReader } from '../mapping/values.js';
import type { ZoneClock } from '../time/zone-clock.js';
import type { Pseudonymiser } from './pseudonymiser.js';

export type EpisodeResult =
  | { readonly ok: true; readonly episode: MissingEpisode; readonly ambiguousTime: boolean }
  | { readonly ok: false; readonly field: string; readonly reason: string };

export function compileMissingRow(
  file: string,
  header: readonly string[],
  mapping: MissingMapping,
  clock: ZoneClock,
  pseudonym: Pseudonymiser,
) {
  const c = mapping.columns;
  const required = [c.id, c.person, ...c.reported.columns];
  const others = [
    ...(c.found?.columns ?? []),
    c.risk,
    c.age,
    c.ageBand,
    c.lookedAfter?.column,
    c.addressType,
    c.missingFrom,
    c.missingFromArea?.column,
    c.foundArea?.column,
  ].filter((n): n is string => n !== undefined);
  const blank = mapping.absentColumns === 'blank';
  const index = indexHeader(file, header, blank ? required : [...required, ...others], blank ? others : []);
  const text = (fields: readonly string[], column: string | undefined) =>
    column === undefined ? '' : (fields[index(column)] ?? '').trim();
  const reported = timeReader(c.reported, index, clock);
  const found = c.found ? timeReader(c.found, index, clock) : undefined;
  const risks = mapping.risks ? compileLookup(mapping.risks) : undefined;
  const ageBands = mapping.ageBands ? compileLookup(mapping.ageBands) : undefined;
  const addressTypes = mapping.addressTypes ? compileLookup(mapping.addressTypes) : undefined;
  const area = (fields: readonly string[], spec: MissingMapping['columns']['missingFromArea']) => {
    if (!spec) return null;
    const value = text(fields, spec.column);
    if (value === '' || spec.missing.some((m) => m.toLowerCase() === value.toLowerCase())) return null;
    return spec.pattern && !new RegExp(spec.pattern).test(value) ? null : value;
  };

  const row = (fields: readonly string[]): EpisodeResult => {
    const id = text(fields, c.id);
    if (id === '') return { ok: false, field: c.id, reason: `${c.id} is empty: an episode needs its reference` };
    const person = text(fields, c.person);
    if (person === '')
      return {
        ok: false,
        field: c.person,
        reason: `${c.person} is empty: repeat episodes cannot be counted without it`,
      };
    const at = reported(fields);
    if (!at.ok) return { ok: false, field: c.reported.columns.join(' + '), reason: at.reason };
    let foundAt = null;
    if (found && !isBlank(fields, c.found!.columns, index)) {
      const f = found(fields);
      if (!f.ok) return { ok: false, field: c.found!.columns.join(' + '), reason: f.reason };
      if (f.time.utc < at.time.utc)
        return { ok: false, field: c.found!.columns.join(' + '), reason: 'found before being reported missing' };
      foundAt = f.time;
    }
    let ageBand = ageBands ? ageBands(text(fields, c.ageBand)) : ('unknown' as const);
    if (c.age) {
      const raw = text(fields, c.age);
      if (raw !== '') {
        const years = Number(raw);
        if (!Number.isFinite(years) || years < 0 || years > 120)
          return { ok: false, field: c.age, reason: `${c.age} '${raw}' is not an age in years` };
        ageBand = ageBandOf(years);
      }
    }
    const episode: MissingEpisode = {
      id,
      person: pseudonym(person),
      reported: at.time,
      found: foundAt,
      risk: risks ? risks(text(fields, c.risk)) : 'unknown',
      ageBand,
      lookedAfter: c.lookedAfter ? flag(text(fields, c.lookedAfter.column), c.lookedAfter) : null,
      addressType: addressTypes ? addressTypes(text(fields, c.addressType)) : 'unknown',
      missingFrom: text(fields, c.missingFrom) || null,
      missingFromArea: area(fields, c.missingFromArea),
      foundArea: area(fields, c.foundArea),
    };
    return { ok: true, episode, ambiguousTime: at.ambiguous };
  };
  return Object.assign(row, { lookups: { risks, ageBands, addressTypes }, personColumn: index(c.person) });
}
