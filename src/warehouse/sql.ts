/**
 * Quoting for the DuckDB SQL the warehouse generates (file paths, labels, column names): every
 * query builder quotes through here, so a raw user string is never interpolated into SQL.
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `['a','b']` as a DuckDB list literal of strings. */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}
