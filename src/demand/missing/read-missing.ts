/**
 * Reads a missing-person export through a saved mapping, with the incident reader's guarantees:
 * each row is an episode, a reject (file, line, field, why) or a skipped identical repeat, and
 *   rows = accepted + rejected + duplicates skipped.
 * An episode reference seen again with different values is rejected. The key that pseudonymises
 * person references comes from the deployment, never from the file or the workspace.
 */
import type { MissingEpisode } from '../../domain/demand/missing/episode.js';
import { inputError, StraError } from '../../errors.js';
import { csvRecords } from '../csv/records.js';
import type { RejectedRow } from '../incidents/read-incidents.js';
import type { MissingMapping } from '../mapping/missing-mapping.js';
import { ZoneClock } from '../time/zone-clock.js';
import type { Pseudonymiser } from './pseudonymiser.js';
import { compileMissingRow } from './row-mapper.js';

export interface MissingReadReport {
  readonly file: string;
  readonly mapping: string;
  readonly timeZone: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicatesSkipped: number;
  readonly rejects: RejectedRow[];
  readonly unmappedCodes: {
    readonly lookup: 'risk' | 'ageBand' | 'addressType';
    readonly code: string;
    readonly rows: number;
  }[];
  readonly ambiguousLocalTimes: number;
  readonly caveats: string[];
}

export async function readMissing(
  file: string,
  mapping: MissingMapping,
  pseudonym: Pseudonymiser,
  displayName = file,
): Promise<{ episodes: MissingEpisode[]; report: MissingReadReport }> {
  const clock = ZoneClock.of(mapping.timeZone);
  if (!clock) throw inputError(`mapping ${mapping.name}: timeZone '${mapping.timeZone}' is not an IANA time zone`);
  const rejects: RejectedRow[] = [];
  const reject = (line: number, field: string, reason: string) =>
    rejects.push({ file: displayName, line, field, reason });
  const seen = new Map<string, { episode: MissingEpisode; line: number; signature: string }>();
  let row: ReturnType<typeof compileMissingRow> | undefined;
  let width = 0;
  let rows = 0;
  let duplicates = 0;
  let ambiguous = 0;
  for await (const record of csvRecords(file, (line, reason) => {
    rows++;
    reject(line, '(row)', reason);
  })) {
    if (!row) {
      width = record.fields.length;
      row = compileMissingRow(displayName, record.fields, mapping, clock, pseudonym);
      continue;
    }
    rows++;
    if (record.fields.length !== width) {
      reject(record.line, '(row)', `the row has ${record.fields.length} fields where the header has ${width}`);
      continue;
    }
    const result = row(record.fields);
    if (!result.ok) {
      reject(record.line, result.field, result.reason);
      continue;
    }
    // The signature holds the pseudonym, not the raw reference, even in memory.
    const fields = [...record.fields];
    fields[row.personColumn] = result.episode.person;
    const signature = fields.join('\u0001');
    const before = seen.get(result.episode.id);
    if (!before) {
      seen.set(result.episode.id, { episode: result.episode, line: record.line, signature });
      if (result.ambiguousTime) ambiguous++;
    } else if (before.signature === signature) duplicates++;
    else
      reject(
        record.line,
        mapping.columns.id,
        `episode ${result.episode.id} was already read at line ${before.line} with different values`,
      );
  }
  if (!row) throw inputError(`${displayName}: the file is empty (no header line)`, { file: displayName });
  const episodes = [...seen.values()].map((v) => v.episode);
  if (rows !== episodes.length + rejects.length + duplicates)
    throw new StraError('INTERNAL', `${displayName}: row accounting does not add up`);
  const unmappedCodes: MissingReadReport['unmappedCodes'] = [];
  const add = (lookup: 'risk' | 'ageBand' | 'addressType', m: Map<string, number> | undefined) =>
    m?.forEach((n, code) => unmappedCodes.push({ lookup, code, rows: n }));
  add('risk', row.lookups.risks?.unmapped);
  add('ageBand', row.lookups.ageBands?.unmapped);
  add('addressType', row.lookups.addressTypes?.unmapped);
  return {
    episodes,
    report: {
      file: displayName,
      mapping: mapping.name,
      timeZone: mapping.timeZone,
      rows,
      accepted: episodes.length,
      rejected: rejects.length,
      duplicatesSkipped: duplicates,
      rejects,
      unmappedCodes: unmappedCodes.sort((a, b) => b.rows - a.rows),
      ambiguousLocalTimes: ambiguous,
      caveats: mapping.caveats,
    },
  };
}
