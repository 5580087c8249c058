/**
 * The CLI's output contract: a table for a person at a terminal, JSON when `--json` is given or
 * stdout is piped, notes and progress on stderr so they never mix with data.
 */
export interface OutputOptions {
  readonly json?: boolean;
}

export function wantsJson(options: OutputOptions): boolean {
  return options.json === true || !process.stdout.isTTY;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function note(message: string): void {
  process.stderr.write(message + '\n');
}

/** A plain aligned table; numbers right-aligned with thousands separators. */
export function formatTable(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols: readonly string[] = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const cell = (v: unknown) =>
    typeof v === 'number' ? v.toLocaleString('en-GB') : v === null || v === undefined ? '' : String(v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const numeric = cols.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number'));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(cols),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}

export function printTable(rows: readonly Record<string, unknown>[], columns?: readonly string[]): void {
  // Nothing to show (or nothing this user may see) still says so.
  process.stdout.write((rows.length ? formatTable(rows, columns) : '(none)') + '\n');
}

/**
 * A register or score export: the CSV to stdout, or to `out`; a note on stderr counts the rows
 * (`count`, e.g. "3 findings") and says the marking to handle the file at.
 */
export async function deliverExport(
  exported: { csv: string; marking: string },
  out: string | undefined,
  count: string,
): Promise<void> {
  if (out === undefined) process.stdout.write(exported.csv);
  else await (await import('node:fs/promises')).writeFile(out, exported.csv, 'utf8');
  note(
    `${count}${out === undefined ? '' : ` written to ${out}`}; this export is marked ${exported.marking}: handle it accordingly.`,
  );
}
