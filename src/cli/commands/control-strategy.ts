import { Command } from 'commander';
import { plural } from '../../domain/plural.js';
import { usageError } from '../../errors.js';
import { command } from './common.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import type { ControlStrategyView } from '../../store/index.js';

function headings(value: string | undefined): 'default' | '4P' | undefined {
  if (value === undefined || value === 'default' || value === '4P') return value;
  throw usageError(`--headings: '${value}' is not default or 4P`);
}

function print(v: ControlStrategyView & { readonly withheld?: ReadonlyArray<{ readonly name: string }> }): void {
  const sections = [
    ['Priorities', v.strategy.priorities],
    ['Intelligence requirements', v.strategy.intelligenceRequirements],
    ['Business as usual', v.strategy.businessAsUsual],
  ] as const;
  process.stdout.write(
    `Control Strategy of assessment ${v.assessmentId}: ${v.status}${v.approvedBy ? `, approved by ${v.approvedBy} at ${v.approvedAt}` : ''}\n`,
  );
  process.stdout.write(
    `Headings: ${v.strategy.headings.map((h) => h.label).join(', ')}. Marked ${v.marking}. Digest ${v.digest.slice(0, 12)}.\n`,
  );
  for (const [title, entries] of sections) {
    process.stdout.write(`\n${title}\n`);
    printTable(entries.map((e) => ({ rank: e.rank, threat: e.name, s: e.s.toFixed(4), reason: e.reason })));
  }
  if (v.unscored.length > 0) note(`Not scored yet (not in the strategy): ${v.unscored.map((t) => t.name).join(', ')}`);
  if (v.aboveClearance !== null)
    note(
      `Shown at your clearance: material above it is withheld (${plural(v.aboveClearance.threats, 'threat')} and ${plural(v.aboveClearance.scores, 'score')}). ` +
        `The bands are worked out from what you may see, so they can differ from the ${v.status === 'approved' ? 'approved' : 'full'} strategy.`,
    );
  const withheld = v.withheld ?? [];
  if (withheld.length > 0)
    note(`Withheld until you submit your own score for them: ${withheld.map((t) => t.name).join(', ')}`);
}

const show = withActing(command('show', 'the Control Strategy: approved, or derived now from the bands'))
  .argument('<assessment>')
  .option('--headings <set>', 'default (prevention, intelligence, enforcement, reassurance) or 4P')
  .action(async (assessment: string, options: StoreOptions & { headings?: string }) => {
    const { controlStrategyAtClearance } = await import('../../store/index.js');
    const { blindStrategy, withheldThreats } = await import('../../assessment/blind-scoring.js');
    const h = headings(options.headings);
    const id = parseId('assessment', assessment);
    // As in the browser: the strategy at the reader's clearance, with blind scoring.
    const v = await withActor(options, async (store, actor) =>
      blindStrategy(
        await controlStrategyAtClearance(store, actor, id, h === undefined ? {} : { headings: h }),
        await withheldThreats(store, actor, id),
      ),
    );
    if (wantsJson(options)) printJson(v);
    else print(v);
  });

const approve = withActing(
  command('approve', 'approve the Control Strategy (approvers); the assessment is then frozen'),
)
  .argument('<assessment>')
  .option('--expect <digest>', 'refuse if it changed since you read it (the digest shown by show)')
  .option('--headings <set>', 'default or 4P')
  .action(async (assessment: string, options: StoreOptions & { expect?: string; headings?: string }) => {
    const { approveControlStrategy } = await import('../../store/index.js');
    const h = headings(options.headings);
    const v = await withActor(options, (store, actor) =>
      approveControlStrategy(store, actor, parseId('assessment', assessment), {
        expectedDigest: options.expect,
        ...(h === undefined ? {} : { headings: h }),
      }),
    );
    if (wantsJson(options)) printJson(v);
    else print(v);
  });

export const controlStrategyCommand = new Command('control-strategy')
  .description('the Control Strategy: priorities, intelligence requirements, business as usual')
  .addCommand(show)
  .addCommand(approve);
