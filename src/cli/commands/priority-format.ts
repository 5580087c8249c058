/**
 * How `stra priority` shows the matrix and congruence at a terminal: the seed's side-by-side
 * layout (partners as columns), and one line per partner with its coverage of the alliance
 * priorities. JSON output is the repository's view unchanged.
 */
import { formatTable } from '../output.js';
import type { PriorityCongruenceView, PriorityMatrixView } from '../../store/index.js';

const percent = (v: number | null) => (v === null ? '-' : `${Math.round(v * 100)}%`);

export function formatMatrix(m: PriorityMatrixView): string {
  const head = `Partners' priorities ${m.period} (marked ${m.marking}): ${m.columns.length} partner${m.columns.length === 1 ? '' : 's'}, ${m.rows.length} heading${m.rows.length === 1 ? '' : 's'}`;
  if (m.columns.length === 0) return `${head}\n(none)`;
  const ids = m.columns.map((c) => c.id);
  const rows = m.rows.map((r) =>
    Object.fromEntries([['heading', r.taxonomyId], ...r.cells.map((cell, i) => [ids[i], cell.join('; ')])]),
  );
  const notes = m.columns.flatMap((c) => c.notes.map((n) => `Note (${c.id}): ${n}`));
  return [head, formatTable(rows, ['heading', ...ids]), ...notes].join('\n');
}

export function formatCongruence(c: PriorityCongruenceView): string {
  const strategy = `assessment ${c.assessmentId} (${c.assessmentPeriod}, ${c.strategyStatus} Control Strategy)`;
  const lines = [
    `Alliance priorities of ${strategy}: ${c.alliance.taxonomyIds.join(', ') || '(none on the taxonomy)'}`,
    ...(c.alliance.unmapped.length > 0 ? [`Not on the taxonomy (not counted): ${c.alliance.unmapped.join(', ')}`] : []),
    `Partners' priorities ${c.period}; score = coverage, the share of the alliance priorities a partner holds (marked ${c.marking})`,
  ];
  const rows = c.partners.map((p) => ({
    partner: p.partnerId,
    priorities: p.priorities,
    coverage: `${p.shared.length}/${c.alliance.taxonomyIds.length} ${percent(p.coverage)}`,
    jaccard: percent(p.jaccard),
    shared: p.shared.join(', '),
    lacking: p.lacking.join(', '),
    extra: p.extra.join(', '),
  }));
  return [...lines, rows.length > 0 ? formatTable(rows) : '(no partners)'].join('\n');
}
