/**
 * Home Office offence codes and the police.uk category each falls in, read from the reference
 * file shipped in `data/reference/ho-offence-codes.csv` (source and derivation in its README).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../../data-files.js';

let cached: Map<string, string | null> | undefined;

/** Offence code (upper case) -> police.uk category slug, or null (fraud: not on police.uk). */
export async function offenceCategories(): Promise<ReadonlyMap<string, string | null>> {
  if (cached) return cached;
  const text = await readFile(dataFile('reference', 'ho-offence-codes.csv'), 'utf8');
  const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  cached = new Map(
    rows.map((r) => [String(r.offence_code).trim().toUpperCase(), r.policeuk_category_slug?.trim() || null]),
  );
  return cached;
}
