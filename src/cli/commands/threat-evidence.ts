/** `stra threat evidence`: the warehouse's figures beside each threat you can see. */
import { command } from './common.js';
import { withActing, withActor, type StoreOptions } from './store-context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { withWarehouse, commandContext } from '../context.js';
import { usageError } from '../../errors.js';
import { collect } from './analysis-options.js';

interface EvidenceOptions extends StoreOptions {
  readonly threat?: string;
  readonly force?: string[];
}

export const threatEvidenceCommand = withActing(
  command(
    'evidence',
    "the warehouse's figures for each threat over the assessment's year: volume, change, significance, harm",
  )
    .argument('<assessment>', 'assessment id')
    .option('--threat <id>', 'only this threat')
    .option('--force <ids>', 'only crimes of these forces (comma-separated police.uk ids)', collect),
).action(async (assessment: string, options: EvidenceOptions) => {
  const id = Number(assessment);
  if (!Number.isInteger(id) || id < 1) throw usageError(`assessment: '${assessment}' is not an id`);
  const { getAssessment, listThreats } = await import('../../store/index.js');
  const { parseFinancialYear } = await import('../../domain/crime/periods.js');
  const { threatEvidence } = await import('../../assessment/threat-evidence.js');
  const { a, threats } = await withActor(options, async (store, actor) => ({
    a: await getAssessment(store, actor, id),
    threats: await listThreats(store, actor, { assessmentId: id }),
  }));
  const period = parseFinancialYear(a.period);
  if (!period) throw usageError(`assessment ${id}'s period '${a.period}' is not a financial year (e.g. 2017/18)`);
  const chosen = options.threat ? threats.filter((t) => String(t.id) === options.threat) : threats;
  if (options.threat && chosen.length === 0)
    throw usageError(`no threat ${options.threat} in assessment ${id} that you can see`);
  const ctx = await commandContext(options);
  const rows = await withWarehouse(ctx, async (wh) => {
    const out = [];
    for (const t of chosen)
      for (const f of await threatEvidence(wh, t.evidence, period, options.force))
        out.push({ threat: t.name, threatId: t.id, marking: t.marking, ...f });
    return out;
  });
  if (wantsJson(options)) return printJson(rows);
  const pct = (x: number | null) => (x === null ? '' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`);
  printTable(
    rows.map((r) => ({
      threat: r.threat,
      evidence: r.what,
      source: r.source,
      [period.label]: r.count ?? '(incomplete)',
      'last year': r.lastYear ?? '',
      change: pct(r.percentChange),
      p: r.pValue === null ? '' : r.pValue < 0.0001 ? '<0.0001' : r.pValue.toFixed(4),
      trend: r.flag,
      'harm (CCHI days)': r.harm === null ? '' : Math.round(r.harm),
    })),
  );
  const notes = [...new Set(rows.flatMap((r) => (r.note ? [r.note] : [])))];
  for (const n of notes) note(n);
  note(
    `Threats without police.uk categories, offence codes or flags have no warehouse evidence; indicator series: stra indicators table --series ID.`,
  );
});
