/**
 * The build log as text a person reads beside the document: what was built, for which clearance,
 * what was left out and why, and each figure with the call, query and data that produced it.
 * File lists are summarised here (the JSON log has every file, hash and import id).
 */
import type { BuildLog, LogEntry } from './build-log.js';

export function buildLogText(log: BuildLog): string {
  const lines: string[] = [
    `Build log: assessment ${log.assessment.id} (${log.assessment.period}, ${log.assessment.versionLabel})`,
    `Built by ${log.builtBy} (clearance ${log.builderClearance}) for clearance ${log.clearance}; the document is marked ${log.marking}.`,
    `Started ${log.startedAt}; took ${(log.durationMs / 1000).toFixed(2)} s; formats: ${log.formats.join(', ')}.`,
    "This log is for the person who built the document: it counts records above the build's clearance without quoting them.",
    '',
  ];
  const omitted = log.entries.filter((e) => e.kind === 'omitted');
  const warnings = log.entries.filter((e) => e.kind === 'warning');
  lines.push(`Left out (${omitted.length})`, ...(omitted.length === 0 ? ['  nothing'] : omitted.map(line)), '');
  if (warnings.length > 0) lines.push(`Warnings (${warnings.length})`, ...warnings.map(line), '');
  lines.push('Notes', ...log.entries.filter((e) => e.kind === 'note').map(line), '');
  lines.push('Figures and their sources');
  for (const e of log.entries.filter((x) => x.kind === 'figure')) {
    lines.push(line(e));
    const shows = (e.shows ?? []).map((x) => x.number).join(', ');
    if (e.id !== undefined) lines.push(`      id ${e.id}${shows === '' ? '' : `; in the document: ${shows}`}`);
    const s = e.source;
    if (s === undefined) continue;
    lines.push(`      computed by ${s.call}${s.query === undefined ? '' : ` with ${JSON.stringify(s.query)}`}`);
    if (s.files?.length) {
      const forces = [...new Set(s.files.map((f) => f.force).filter(Boolean))];
      const months = s.files
        .map((f) => f.month)
        .filter((m): m is string => m !== undefined)
        .sort();
      lines.push(
        forces.length > 0
          ? `      from ${s.files.length} ${filesOf(s.files)} (${forces.join(', ')}, ${months[0]} to ${months[months.length - 1]}), e.g. ${s.files[0]!.file}`
          : `      from ${s.files.map((f) => f.file).join(', ')}`,
      );
    }
    if (s.importIds?.length) lines.push(`      imports ${s.importIds.join(', ')}`);
    if (s.records) lines.push(`      records: ${s.records}`);
    if (s.method) lines.push(`      method: ${s.method}`);
  }
  lines.push(
    '',
    'Timings (ms)',
    ...Object.entries(log.timings).map(([k, v]) => `  ${k.padEnd(24)} ${v.toFixed(0).padStart(7)}`),
  );
  return lines.join('\n') + '\n';
}

const line = (e: LogEntry) =>
  `  [${e.section}] ${e.subject}: ${e.detail}${e.footnote === undefined ? '' : ` (note ${e.footnote})`}`;

/** What kind of files a figure was read from: police.uk street files, or a force's own demand data. */
export function filesOf(files: ReadonlyArray<{ readonly table?: string }>): string {
  const tables = new Set(files.map((f) => f.table));
  if (tables.size === 1 && tables.has('missing_episodes')) return 'missing-person episode files';
  if (tables.size === 1 && tables.has('incidents')) return 'incident files';
  return 'police.uk files';
}
