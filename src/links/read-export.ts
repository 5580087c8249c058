/**
 * An export file into its tables, by what the file is: an SQLite database (Android providers),
 * a workbook (.xlsx), Cellebrite XML, the OpenSTRA JSON form, iLEAPP JSON, or CSV/TSV text. Why sniff rather than trust
 * the extension alone: evidence files are often renamed (`contacts2.db`, `mmssms`, `report.xml`
 * or `.ufdr` contents), and the first bytes say what they are.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { StraError } from '../errors.js';
import { isSqlite, readAndroidDb } from './read-android-db.js';
import { readCellebriteXml } from './read-cellebrite-xml.js';
import { readDelimited } from './read-delimited.js';
import { readIleappJson } from './read-ileapp-json.js';
import { isOpenstraJson, readOpenstraJson } from './read-openstra-json.js';
import { readXlsx } from './read-xlsx.js';
import type { Table } from './table.js';

export type ExportFormat = 'sqlite' | 'xlsx' | 'cellebrite-xml' | 'ileapp-json' | 'openstra-json' | 'delimited';

export async function readExport(
  path: string,
  detectors: readonly (readonly string[])[],
): Promise<{ format: ExportFormat; tables: Table[]; bytes: Buffer }> {
  const bytes = await readFile(path).catch((e: unknown) => {
    throw new StraError('INPUT', `Cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  });
  return readExportBytes(bytes, basename(path), detectors);
}

/** The same, of a file's bytes already in memory (an upload), named as it was uploaded. */
export async function readExportBytes(
  bytes: Buffer,
  name: string,
  detectors: readonly (readonly string[])[],
): Promise<{ format: ExportFormat; tables: Table[]; bytes: Buffer }> {
  if (isSqlite(bytes)) return { format: 'sqlite', tables: await readAndroidDb(bytes, name), bytes };
  if (bytes.subarray(0, 2).toString('latin1') === 'PK' || extname(name).toLowerCase() === '.xlsx') {
    return { format: 'xlsx', tables: await readXlsx(bytes, name, detectors), bytes };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart().slice(0, 400);
  if (start.startsWith('<')) {
    if (!/cellebrite|<project/i.test(start))
      throw new StraError('INPUT', `${name} is XML but not a Cellebrite report.`);
    return { format: 'cellebrite-xml', tables: readCellebriteXml(text, name), bytes };
  }
  if (start.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new StraError('INPUT', `${name} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (isOpenstraJson(doc)) return { format: 'openstra-json', tables: [readOpenstraJson(doc, name)], bytes };
    return { format: 'ileapp-json', tables: [readIleappJson(doc, name)], bytes };
  }
  return { format: 'delimited', tables: [readDelimited(text, name)], bytes };
}
