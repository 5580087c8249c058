/**
 * Excel workbooks (Cellebrite "Export to Excel", AXIOM XLSX, an analyst's own sheet), with
 * exceljs. Why the header search: Cellebrite puts a title row above the column names
 * (phone-exports README: third-party parsers read with `header=1` or scan the first rows), so
 * the header row is the first of the first five rows that holds every column a mapping detects
 * by, or the first non-empty row. Each sheet is one table; line numbers are the sheet's rows.
 */
import ExcelJS from 'exceljs';
import type { Table } from './table.js';
import { headerKey } from './table.js';

const cellValue = (v: ExcelJS.CellValue): unknown => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result ?? null;
    return null;
  }
  return v;
};

/** `detectors`: the header sets mappings look for (lower case), to find a header row below a title. */
export async function readXlsx(
  buffer: Buffer,
  source: string,
  detectors: readonly (readonly string[])[],
): Promise<Table[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const tables: Table[] = [];
  wb.eachSheet((sheet) => {
    const rows: { line: number; cells: unknown[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
      rows.push({ line: n, cells: values });
    });
    const isHeader = (cells: readonly unknown[]) => {
      const keys = new Set(cells.map((c) => headerKey(String(c ?? ''))));
      return detectors.some((d) => d.every((h) => keys.has(headerKey(h))));
    };
    const at = Math.max(
      0,
      rows.slice(0, 5).findIndex((r) => isHeader(r.cells)),
    );
    const head = rows[at];
    if (head === undefined) return;
    const device = deviceSheet(sheet.name, rows, source);
    if (device !== undefined) {
      tables.push(device);
      return;
    }
    tables.push({
      source: `${source} [${sheet.name}]`,
      headers: head.cells.map((c) => String(c ?? '')),
      rows: rows.slice(at + 1),
    });
  });
  return tables;
}

/**
 * Cellebrite's device sheet ("Device Info", newer "Device Information"): a title row, then a
 * header row with `Name` (older exports `Device`) and `Value` columns, one row per item (IMEI,
 * IMEI2, IMSI, MSISDN...; clbExtract.py L89-91, L189, L238, which strips the names). Turned into
 * one row whose headers are the item names, so the device-info mapping reads it by name like the
 * report.xml's metadata; its line is the sheet row of the first item.
 */
function deviceSheet(
  name: string,
  rows: readonly { line: number; cells: unknown[] }[],
  source: string,
): Table | undefined {
  if (!/^device info(rmation)?$/i.test(name.trim())) return undefined;
  const at = rows.slice(0, 5).findIndex((r) => {
    const keys = r.cells.map((c) => headerKey(String(c ?? '')));
    return keys.includes('value') && (keys.includes('name') || keys.includes('device'));
  });
  if (at < 0) return undefined;
  const keys = rows[at]!.cells.map((c) => headerKey(String(c ?? '')));
  const nameAt = keys.includes('name') ? keys.indexOf('name') : keys.indexOf('device');
  const valueAt = keys.indexOf('value');
  const items = rows.slice(at + 1).filter((r) => String(r.cells[nameAt] ?? '').trim() !== '');
  if (items.length === 0) return undefined;
  return {
    source: `${source} [${name}]`,
    headers: items.map((r) => String(r.cells[nameAt]).trim()),
    rows: [{ line: items[0]!.line, cells: items.map((r) => r.cells[valueAt] ?? null) }],
  };
}
