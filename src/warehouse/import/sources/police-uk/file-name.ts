/**
 * police.uk archive file names: `YYYY-MM-<force>-<kind>.csv`. The name is how police.uk says
 * which force and month a file covers, so it is the partition key of what the file holds.
 */
import { FORCE_SLUG_PATTERN } from '../../../../domain/crime/forces.js';
import { parseMonth, type Month } from '../../../../domain/crime/month.js';

export type PoliceUkKind = 'street' | 'outcomes' | 'stop-and-search';

export interface PoliceUkFileName {
  readonly month: Month;
  readonly force: string;
  readonly kind: PoliceUkKind;
}

const NAME = /^(\d{4}-\d{2})-([a-z-]+?)-(street|outcomes|stop-and-search)\.csv$/;

export type FileNameParse =
  | { readonly ok: true; readonly value: PoliceUkFileName }
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: 'not-police-uk' };

export function parsePoliceUkFileName(baseName: string): FileNameParse {
  const m = NAME.exec(baseName);
  if (!m) return { ok: 'not-police-uk' };
  const [, monthText, force, kind] = m as unknown as [string, string, string, PoliceUkKind];
  const month = parseMonth(monthText);
  if (!month) return { ok: false, reason: `file name month ${monthText} is not a valid month (expected YYYY-MM)` };
  if (!FORCE_SLUG_PATTERN.test(force))
    return { ok: false, reason: `file name force '${force}' is not a police.uk force id` };
  return { ok: true, value: { month, force, kind } };
}
