import { Command } from 'commander';
import { usageError } from '../../errors.js';
import { command, listOption } from './common.js';
import { deliverExport, note, printJson, printTable, wantsJson } from '../output.js';
import { collect, parseId, parsePairs, withActing, withActor, type StoreOptions } from './store-context.js';
import type { BlindCombinedView } from '../../assessment/blind-scoring.js';
import { plural } from '../../domain/plural.js';
import { withAuditedExport } from './export-audit.js';

interface AddOptions extends StoreOptions {
  readonly assessor?: string;
  readonly set?: string[];
  readonly why?: string[];
  readonly marking?: string;
  readonly expectVersion?: string;
}

const add = withActing(
  command('add', "record one assessor's MoRiLE score for a threat (or change it: --expect-version)"),
)
  .argument('<threat>', 'threat id')
  .option(
    '--assessor <username>',
    'whose score it is (default: the acting user; another user only for an admin of the organisation)',
  )
  .option(
    '--set <factor=value>',
    'factor values or level labels, e.g. physical=3,trend=increasing,confidence=low',
    listOption,
  )
  .option('--why <factor=text>', 'the rationale for a factor (repeatable)', collect)
  .option('--marking <marking>', 'mark the score higher than its threat')
  .option('--expect-version <n>', 'change the existing score by this assessor: the version you read')
  .action(async (threat: string, options: AddOptions) => {
    const { addScore, listScores, updateScore } = await import('../../store/index.js');
    const { parseMarking } = await import('../../domain/marking.js');
    const values = parsePairs('--set', options.set);
    const rationale = parsePairs('--why', options.why);
    const marking = options.marking === undefined ? undefined : parseMarking(options.marking);
    const s = await withActor(options, async (store, actor) => {
      const assessor = options.assessor ?? actor.username;
      if (options.expectVersion === undefined)
        return addScore(store, actor, { threatId: parseId('threat', threat), assessor, values, rationale, marking });
      const [mine] = (await listScores(store, actor, { threatId: parseId('threat', threat) })).filter(
        (x) => x.assessor === assessor,
      );
      if (mine === undefined)
        throw usageError(
          `--expect-version: ${assessor} has not scored threat ${threat} yet; leave it out to add a score`,
        );
      return updateScore(store, actor, mine.id, parseId('--expect-version', options.expectVersion), {
        values: { ...mine.inputs.values, ...values },
        rationale: { ...mine.inputs.rationale, ...rationale },
        marking,
      });
    });
    if (wantsJson(options)) printJson(s);
    else
      process.stdout.write(
        `Score ${s.id} (${s.assessor}, version ${s.version}): harm ${s.outputs.harm}, likelihood ${s.outputs.likelihood}, priority ${s.outputs.priority.toFixed(2)}, s = ${s.outputs.s.toFixed(4)}, ${s.outputs.band}${s.outputs.intelligenceRequirement === 'low-confidence' ? ' + intelligence requirement (low confidence)' : ''}\n`,
      );
  });

const list = withActing(command('list', 'list scores'))
  .option('--assessment <id>')
  .option('--threat <id>')
  .action(async (options: StoreOptions & { assessment?: string; threat?: string }) => {
    if (options.assessment === undefined && options.threat === undefined)
      throw usageError('give --assessment ID or --threat ID');
    const { listScores, getThreat } = await import('../../store/index.js');
    const { blindScores, withheldThreats } = await import('../../assessment/blind-scoring.js');
    const { scores, left } = await withActor(options, async (store, actor) => {
      const threatId = options.threat === undefined ? undefined : parseId('--threat', options.threat);
      const assessmentId =
        options.assessment === undefined
          ? (await getThreat(store, actor, threatId as number)).assessmentId
          : parseId('--assessment', options.assessment);
      const all = await listScores(store, actor, { assessmentId, threatId });
      const shown = blindScores(all, await withheldThreats(store, actor, assessmentId), actor);
      return { scores: shown, left: all.length - shown.length };
    });
    if (left > 0)
      note(`${plural(left, 'score')} by other assessors withheld until you submit your own score for those threats.`);
    if (wantsJson(options)) printJson(scores);
    else
      printTable(
        scores.map((s) => ({
          score: s.id,
          threat: s.threatId,
          assessor: s.assessor,
          priority: Number(s.outputs.priority.toFixed(2)),
          s: s.outputs.s.toFixed(4),
          band: s.outputs.band,
          marking: s.marking,
          version: s.version,
        })),
      );
  });

const combined = withActing(
  command('combined', 'the combined, ranked and banded view of an assessment, with disagreements'),
)
  .argument('<assessment>')
  .option('--method <median|mean>', "how assessors are combined (default: the assessment's)")
  .option('--sensitivity <threat>', 'also show the smallest changes that move this threat')
  .action(async (assessment: string, options: StoreOptions & { method?: string; sensitivity?: string }) => {
    if (options.method !== undefined && options.method !== 'median' && options.method !== 'mean')
      throw usageError(`--method: '${options.method}' is not median or mean`);
    const { combinedView, threatSensitivity, getThreat } = await import('../../store/index.js');
    const { blindCombined, refuseWithheld, withheldThreats } = await import('../../assessment/blind-scoring.js');
    const id = parseId('assessment', assessment);
    const { view, sens } = await withActor(options, async (store, actor) => {
      // Blind scoring holds at the command line as in the browser.
      const withheld = await withheldThreats(store, actor, id);
      const method = options.method === undefined ? {} : { method: options.method as 'median' | 'mean' };
      const view = blindCombined(await combinedView(store, actor, id, method), withheld);
      if (options.sensitivity === undefined) return { view, sens: undefined };
      const threatId = parseId('--sensitivity', options.sensitivity);
      refuseWithheld(await getThreat(store, actor, threatId), withheld);
      return { view, sens: await threatSensitivity(store, actor, id, threatId) };
    });
    if (wantsJson(options)) return printJson(sens === undefined ? view : { ...view, sensitivity: sens });
    printCombined(view);
    if (sens !== undefined) {
      const show = (label: string, changes: readonly { factor: string; from: number; to: number }[]) =>
        process.stdout.write(
          `${label}: ${changes.map((c) => `${c.factor} ${c.from} -> ${c.to}`).join('; ') || 'no single change'}\n`,
        );
      process.stdout.write(`\nSensitivity of threat ${sens.threatId}:\n`);
      show('  into a higher band', sens.bandUp);
      show('  into a lower band', sens.bandDown);
      show('  past the threat above', sens.passAbove);
      show('  overtaken by the threat below', sens.fallBelow);
    }
  });

function printCombined(view: BlindCombinedView): void {
  printTable(
    view.entries.map((e) => ({
      rank: e.rank,
      threat: e.name,
      assessors: e.assessors.length,
      harm: e.combined.harm,
      likelihood: e.combined.likelihood,
      priority: Number(e.combined.priority.toFixed(2)),
      s: e.combined.s.toFixed(4),
      band: e.combined.band.id + (e.combined.intelligenceRequirement === 'low-confidence' ? ' + IR' : ''),
      disagree: e.disagreements.map((d) => `${d.factor} ${d.lowest}-${d.highest}`).join(' '),
    })),
  );
  if (view.unscored.length > 0)
    note(`Not scored yet: ${view.unscored.map((t) => `${t.threatId} ${t.name}`).join(', ')}`);
  if (view.withheld.length > 0)
    note(
      `Withheld until you submit your own score for them: ${view.withheld.map((t) => `${t.threatId} ${t.name}`).join(', ')}`,
    );
  note(`Combined by ${view.method}; ranked among the threats you can see; marked ${view.marking}.`);
}

const importCmd = withActing(command('import', 'import scores from a CSV (a spreadsheet export): all rows or none'))
  .argument('<assessment>')
  .argument('<file>')
  .option('--replace', 'overwrite scores an assessor already gave differently')
  .action(async (assessment: string, file: string, options: StoreOptions & { replace?: boolean }) => {
    const { importScoresFile } = await import('../../assessment/scores-file.js');
    const r = await withActor(options, (store, actor) =>
      importScoresFile(store, actor, parseId('assessment', assessment), file, { replace: options.replace === true }),
    );
    if (wantsJson(options)) printJson(r);
    else process.stdout.write(`Imported ${file}: ${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged\n`);
  });

const exportCmd = withActing(command('export', 'export the scores of an assessment as CSV'))
  .argument('<assessment>')
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .action(async (assessment: string, options: StoreOptions & { out?: string }) => {
    const { exportScoresCsv } = await import('../../assessment/scores-file.js');
    const r = await withAuditedExport(
      options,
      { table: 'scores', command: `stra score export ${assessment}` },
      (store, actor) => exportScoresCsv(store, actor, parseId('assessment', assessment)),
    );
    await deliverExport(r, options.out, `${r.rows} scores`);
  });

export const scoreCommand = new Command('score')
  .description('MoRiLE scores: add, list, combined ranking, CSV import and export')
  .addCommand(add)
  .addCommand(list)
  .addCommand(combined)
  .addCommand(importCmd)
  .addCommand(exportCmd);
