/**
 * Which force-month a police.uk file holds: the name police.uk gives it says so
 * (`YYYY-MM-<force>-<kind>.csv`); a renamed street or outcomes file is keyed by its first
 * record's `Month` and `Reported by` instead. A name that contradicts the header is refused.
 */
import path from 'node:path';
import { POLICE_UK_FORCES } from '../../../../domain/crime/forces.js';
import { parseMonth } from '../../../../domain/crime/month.js';
import type { SniffedHeader, SourceKey } from '../import-source.js';
import { parsePoliceUkFileName } from './file-name.js';

/** The force-month of a police.uk file: from its name, or else from its first record. */
export function policeUkKey(displayName: string, sniffed: SniffedHeader): SourceKey {
  const kind = sniffed.format.kind;
  const parsed = parsePoliceUkFileName(path.basename(displayName));
  if (parsed.ok === true) {
    if (parsed.value.kind !== kind) {
      return {
        ok: false,
        reason: `the file name says ${parsed.value.kind} but the header is a police.uk ${kind} file`,
      };
    }
    return { ok: true, force: parsed.value.force, month: parsed.value.month };
  }
  if (parsed.ok === false) return { ok: false, reason: parsed.reason };
  const fromContent = kind === 'stop-and-search' ? undefined : keyFromRecord(sniffed.firstRecord, sniffed.header);
  if (fromContent) return { ok: true, ...fromContent };
  return {
    ok: false,
    reason: `cannot tell which force and month this ${kind} file holds: name it YYYY-MM-<force>-${kind}.csv as police.uk does`,
  };
}

function keyFromRecord(
  first: readonly string[] | undefined,
  header: readonly string[],
): { force: string; month: string } | undefined {
  if (!first) return undefined;
  const month = parseMonth(first[header.indexOf('Month')] ?? '');
  const reportedBy = first[header.indexOf('Reported by')] ?? '';
  const force = POLICE_UK_FORCES.find((f) => f.name === reportedBy)?.slug;
  return month && force ? { force, month } : undefined;
}
