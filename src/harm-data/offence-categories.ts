/**
 * Loads the shipped Home Office offence-code table (`data/reference/ho-offence-codes.csv`) as
 * the code -> police.uk category lookup, once per process: the force-extract import and a
 * threat's evidence links both check offence codes against it.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../data-files.js';
import { offenceCategoriesFrom, type OffenceCategories } from '../domain/crime/offence-codes.js';

let cached: OffenceCategories | undefined;

/** Offence code (upper case) -> police.uk category slug, or null (fraud: not on police.uk). */
export async function offenceCategories(): Promise<OffenceCategories> {
  if (cached) return cached;
  const text = await readFile(dataFile('reference', 'ho-offence-codes.csv'), 'utf8');
  const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  cached = offenceCategoriesFrom(rows);
  return cached;
}
