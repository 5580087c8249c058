/**
 * The build log as HTML, written beside the document's HTML: the same content as build-log.txt,
 * with each figure's entry under an anchor that stays the same from build to build (the entry's
 * id), so that each table and figure number in the document links to where its figures came from
 * (the call and its query, every file with its import id and hash, the store records, the
 * method), and each entry links back to the tables and figures it backs. Self-contained: inline
 * style, no script.
 */
import type { BuildLog, LogEntry, SourceFile } from './build-log.js';
import { esc } from './render/escape.js';
import { filesOf } from './build-log-text.js';
import { plural } from '../domain/plural.js';

export interface BuildLogHtmlOptions {
  /** The document's HTML file name beside the log, for links back to each table and figure. */
  readonly document?: string;
}

const CSS = `
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem; font: 10.5pt/1.45 Arial, "Liberation Sans", Helvetica, sans-serif; color: #1a1a1a; }
h1 { font-size: 15pt; } h2 { font-size: 12.5pt; margin-top: 1.6rem; border-bottom: 1px solid #c8ced6; }
h3 { font-size: 11pt; margin: 1.2rem 0 0.3rem; }
section.figure { border-left: 3px solid #c8ced6; padding: 0.1rem 0 0.4rem 0.8rem; margin: 0.8rem 0; }
section.figure:target { border-left-color: #1f4e79; background: #f3f6fa; }
dl { display: grid; grid-template-columns: 9rem 1fr; gap: 0.2rem 0.8rem; margin: 0.3rem 0; }
dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
code, pre { font: 8.5pt/1.4 "DejaVu Sans Mono", Consolas, monospace; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
table { border-collapse: collapse; font-size: 8.5pt; margin-top: 0.3rem; }
th, td { text-align: left; padding: 0.1rem 0.6rem 0.1rem 0; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
td.num { text-align: right; }
ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.section { color: #555; font-weight: normal; }
`;

export function buildLogHtml(log: BuildLog, o: BuildLogHtmlOptions = {}): string {
  const omitted = log.entries.filter((e) => e.kind === 'omitted');
  const warnings = log.entries.filter((e) => e.kind === 'warning');
  const notes = log.entries.filter((e) => e.kind === 'note');
  const figures = log.entries.filter((e) => e.kind === 'figure');
  const item = (e: LogEntry) =>
    `<li><span class="section">[${esc(e.section)}]</span> ${esc(e.subject)}: ${esc(e.detail)}</li>`;
  const list = (entries: readonly LogEntry[]) =>
    entries.length === 0 ? '<p>Nothing.</p>' : `<ul>${entries.map(item).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Build log: assessment ${log.assessment.id} (${log.assessment.period}, ${log.assessment.versionLabel})`)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(`Build log: assessment ${log.assessment.id} (${log.assessment.period}, ${log.assessment.versionLabel})`)}</h1>
<p>${esc(`Built by ${log.builtBy} (clearance ${log.builderClearance}) for clearance ${log.clearance}; the document is marked ${log.marking}. Started ${log.startedAt}; took ${(log.durationMs / 1000).toFixed(2)} s; formats: ${log.formats.join(', ')}.`)}</p>
<p>${esc("This log is for the person who built the document: it counts records above the build's clearance without quoting them.")}${o.document ? ` The document: <a href="${esc(o.document)}">${esc(o.document)}</a>.` : ''}</p>
<h2 id="left-out">Left out (${omitted.length})</h2>
${list(omitted)}
${warnings.length > 0 ? `<h2 id="warnings">Warnings (${warnings.length})</h2>\n${list(warnings)}` : ''}
<h2 id="notes">Notes</h2>
${list(notes)}
<h2 id="figures">Figures and their sources (${figures.length})</h2>
${figures.map((e) => figureHtml(e, o)).join('\n')}
<h2 id="timings">Timings (ms)</h2>
<table>${Object.entries(log.timings)
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${v.toFixed(0)}</td></tr>`)
    .join('')}</table>
</body>
</html>
`;
}

function figureHtml(e: LogEntry, o: BuildLogHtmlOptions): string {
  const shows = e.shows ?? [];
  const numbers = shows
    .map((s) => (o.document ? `<a href="${esc(`${o.document}#${s.anchor}`)}">${esc(s.number)}</a>` : esc(s.number)))
    .join(', ');
  const s = e.source;
  const rows: Array<[string, string]> = [['Figures', esc(e.detail)]];
  if (s !== undefined) {
    rows.push(['Computed by', `<code>${esc(s.call)}</code>`]);
    if (s.query !== undefined) rows.push(['Query', `<pre>${esc(JSON.stringify(s.query, null, 1))}</pre>`]);
    if (s.files?.length) rows.push(['Source files', filesHtml(s.files)]);
    if (s.importIds?.length) rows.push(['Imports', s.importIds.map((i) => `<code>${esc(i)}</code>`).join(', ')]);
    if (s.records) rows.push(['Records', esc(s.records)]);
    if (s.method) rows.push(['Method', esc(s.method)]);
  }
  if (e.footnote !== undefined) rows.push(['Note', `cited as note ${e.footnote} in the document`]);
  return `<section class="figure" id="${esc(e.id ?? '')}">
<h3>${numbers === '' ? esc(e.subject) : `${numbers}: ${esc(e.subject.replace(/^(Chart and table|Chart|Tables|Table): /, ''))}`} <span class="section">[${esc(e.section)}]</span></h3>
<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
</section>`;
}

/** Every file, with its force, month, rows, import id and hash (a long list opens on demand). */
function filesHtml(files: readonly SourceFile[]): string {
  const forces = [...new Set(files.map((f) => f.force).filter(Boolean))];
  const months = files
    .map((f) => f.month)
    .filter((m): m is string => m !== undefined)
    .sort();
  const summary =
    forces.length > 0 && months.length > 0
      ? `${files.length} ${files.length === 1 ? filesOf(files).replace(/s$/, '') : filesOf(files)} (${forces.join(', ')}, ${months[0]} to ${months.at(-1)})`
      : plural(files.length, 'file');
  const table = `<table><tr><th>File</th><th>Force</th><th>Month</th><th>Rows</th><th>Import</th><th>SHA-256</th></tr>${files
    .map(
      (f) =>
        `<tr><td><code>${esc(f.file)}</code></td><td>${esc(f.force ?? '')}</td><td>${esc(f.month ?? '')}</td><td class="num">${f.rows ?? ''}</td><td><code>${esc(f.importId ?? '')}</code></td><td><code>${esc((f.sha256 ?? '').slice(0, 12))}</code></td></tr>`,
    )
    .join('')}</table>`;
  return files.length <= 6
    ? `${esc(summary)}${table}`
    : `<details><summary>${esc(summary)}</summary>${table}</details>`;
}
