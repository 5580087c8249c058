/**
 * A publisher's code list (code -> description), such as San Diego's call types or dispositions,
 * read by column name: for labels in tables and charts, and for checking which codes of an export
 * the publisher's own list does not know. Tolerates the traps such lists have: a byte-order mark,
 * empty trailing header columns (`call_type,description,,,`), quoted descriptions with commas, and
 * a code listed twice (the first description is kept, the repeat reported).
 */
import { inputError } from '../../errors.js';
import { csvRecords } from '../csv/records.js';
import { indexHeader } from './header.js';

export interface CodeList {
  readonly codes: Map<string, string>;
  readonly rows: number;
  /** Codes listed more than once. */
  readonly duplicates: string[];
}

export async function readCodeList(file: string, codeColumn: string, descriptionColumn: string): Promise<CodeList> {
  const out = new Map<string, string>();
  const duplicates = new Set<string>();
  let rows = 0;
  let code = -1;
  let description = -1;
  let header = true;
  for await (const record of csvRecords(file, (line, reason) => {
    throw inputError(`${file}, line ${line}: ${reason}`, { file, line });
  })) {
    if (header) {
      const index = indexHeader(file, record.fields, [codeColumn, descriptionColumn]);
      code = index(codeColumn);
      description = index(descriptionColumn);
      header = false;
      continue;
    }
    rows++;
    const key = (record.fields[code] ?? '').trim();
    if (key === '') continue;
    if (out.has(key)) duplicates.add(key);
    else out.set(key, (record.fields[description] ?? '').trim());
  }
  return { codes: out, rows, duplicates: [...duplicates] };
}
