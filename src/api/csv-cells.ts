/**
 * CSV injection (issue 13, OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is read by Excel, LibreOffice and Sheets as a formula, so a record's
 * text could run `=HYPERLINK(...)` on the machine of whoever opens the export. Every CSV the
 * system writes (register exports, scores, import rejects, the pages' table downloads) passes
 * each cell through `neutraliseCell`, which puts a single quote in front of such a cell; a plain
 * number (`-12.5`) is left alone. The register and score imports take the quote off again
 * (`restoreCell`), so an exported file still imports back unchanged. Pure: used by the server
 * and the browser.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** The cell as it was before `neutraliseCell` (for files this system exported). */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
