/**
 * `stra strategy-plan`: the Control Strategy's plans from the command line (issue 14), as the
 * Control Strategy page writes them: a threat's lead officer, the actions under each heading and
 * the intelligence-requirement questions (`show`, `set`), and the headings an assessment's plans
 * are written under (`headings`). Acting as `--as` (or STRA_USER), under the store's rules: the
 * threat's organisation's analyst or admin writes, a plan is marked at least as its threat and at
 * most the writer's clearance, and a write names the version read (`--expect-version`, default the
 * version just read), so a plan changed meanwhile is refused rather than overwritten.
 */
import { Command } from 'commander';
import { usageError } from '../../errors.js';
import { parseMarking } from '../../domain/marking.js';
import { command } from './common.js';
import { printJson, wantsJson } from '../output.js';
import { collect, parseId, parsePairs, withActing, withActor, type StoreOptions } from './store-context.js';
import type { Actor, Store, StrategyPlan } from '../../store/index.js';

function printPlan(
  threat: { id: number; name: string },
  plan: StrategyPlan | null,
  headings: readonly { id: string; label: string }[],
): void {
  process.stdout.write(`Plan for threat ${threat.id} "${threat.name}"\n`);
  if (plan === null) {
    process.stdout.write('No plan yet (stra strategy-plan set to write one).\n');
    return;
  }
  process.stdout.write(`Lead officer: ${plan.leadOfficer || '(none)'}\n`);
  for (const h of headings) process.stdout.write(`${h.label}: ${plan.actions[h.id] ?? '(none)'}\n`);
  for (const [id, text] of Object.entries(plan.actions))
    if (!headings.some((h) => h.id === id)) process.stdout.write(`${id} (not a heading now): ${text}\n`);
  if (plan.questions.length > 0) {
    process.stdout.write('Questions:\n');
    for (const q of plan.questions) process.stdout.write(`  - ${q}\n`);
  }
  process.stdout.write(
    `Marked ${plan.marking}; version ${plan.version}${plan.updatedByName ? `, by ${plan.updatedByName}` : ''}.\n`,
  );
}

async function planOf(store: Store, actor: Actor, threatId: number) {
  const { getThreat, listStrategyPlans, getAssessmentSettings } = await import('../../store/index.js');
  const { DEFAULT_HEADINGS } = await import('../../domain/morile/index.js');
  const threat = await getThreat(store, actor, threatId);
  const plan =
    (await listStrategyPlans(store, actor, threat.assessmentId)).find((p) => p.threatId === threatId) ?? null;
  const headings =
    (await getAssessmentSettings(store, actor, threat.assessmentId)).strategyHeadings ?? DEFAULT_HEADINGS;
  return { threat, plan, headings };
}

const show = withActing(
  command('show', "a threat's Control Strategy plan: lead officer, actions by heading, questions"),
)
  .argument('<threat>', 'threat id')
  .action(async (threat: string, options: StoreOptions) => {
    const found = await withActor(options, (store, actor) => planOf(store, actor, parseId('threat', threat)));
    if (wantsJson(options)) printJson({ threatId: found.threat.id, headings: found.headings, plan: found.plan });
    else printPlan(found.threat, found.plan, found.headings);
  });

interface SetOptions extends StoreOptions {
  readonly lead?: string;
  readonly action?: string[];
  readonly question?: string[];
  readonly clearQuestions?: boolean;
  readonly marking?: string;
  readonly expectVersion?: string;
}

const set = withActing(
  command('set', "write a threat's plan: only what you give changes (an empty --action clears that heading)"),
)
  .argument('<threat>', 'threat id')
  .option('--lead <officer>', 'the lead officer')
  .option('--action <heading=text>', 'the actions under a heading, by its id (repeatable)', collect)
  .option(
    '--question <text>',
    'an intelligence-requirement question; the questions given replace the old (repeatable)',
    collect,
  )
  .option('--clear-questions', 'remove every question')
  .option('--marking <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET (at least the threat’s)')
  .option('--expect-version <n>', 'refuse if the plan is no longer this version (default: the version read now)')
  .action(async (threat: string, options: SetOptions) => {
    const { writeStrategyPlan } = await import('../../store/index.js');
    const threatId = parseId('threat', threat);
    const actions = parsePairs('--action', options.action);
    if (
      options.lead === undefined &&
      options.action === undefined &&
      options.question === undefined &&
      !options.clearQuestions &&
      options.marking === undefined
    )
      throw usageError(
        'Nothing to write: give --lead, --action HEADING=TEXT, --question, --clear-questions or --marking.',
      );
    const written = await withActor(options, async (store, actor) => {
      const { plan, headings } = await planOf(store, actor, threatId);
      const unknown = Object.keys(actions).filter((h) => !headings.some((x) => x.id === h));
      if (unknown.length > 0)
        throw usageError(
          `--action: ${unknown.join(', ')} is not a heading of this assessment (${headings.map((h) => h.id).join(', ')}).`,
        );
      return writeStrategyPlan(store, actor, {
        threatId,
        leadOfficer: options.lead ?? plan?.leadOfficer ?? '',
        actions: { ...(plan?.actions ?? {}), ...actions },
        questions: options.clearQuestions ? [] : (options.question ?? plan?.questions ?? []),
        ...(options.marking === undefined ? {} : { marking: parseMarking(options.marking) }),
        expectedVersion:
          options.expectVersion === undefined
            ? (plan?.version ?? null)
            : parseId('--expect-version', options.expectVersion),
      });
    });
    if (wantsJson(options)) printJson(written);
    else
      process.stdout.write(
        written.changed
          ? `Plan for threat ${threatId} ${written.created ? 'written' : 'updated'}: version ${written.plan.version}, marked ${written.plan.marking}.\n`
          : `Plan for threat ${threatId} already as given; nothing changed.\n`,
      );
  });

interface HeadingsOptions extends StoreOptions {
  readonly set?: string;
  readonly default?: boolean;
}

const headings = withActing(
  command('headings', "show or set the headings an assessment's plans are written under (carried into next year)"),
)
  .argument('<assessment>', 'assessment id')
  .option('--set <labels>', 'comma-separated labels, e.g. "Pursue,Prevent,Protect,Prepare" (ids made from them)')
  .option('--default', 'back to prevention, intelligence, enforcement, reassurance')
  .action(async (assessment: string, options: HeadingsOptions) => {
    const { getAssessmentSettings, setAssessmentSettings } = await import('../../store/index.js');
    const { DEFAULT_HEADINGS, headingIdOf } = await import('../../domain/morile/headings.js');
    const id = parseId('assessment', assessment);
    if (options.set !== undefined && options.default) throw usageError('Give --set or --default, not both.');
    const settings = await withActor(options, async (store, actor) => {
      const now = await getAssessmentSettings(store, actor, id);
      if (options.set === undefined && !options.default) return now;
      const labels = (options.set ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      if (options.set !== undefined && labels.length === 0) throw usageError('--set: give at least one heading.');
      return setAssessmentSettings(store, actor, id, now.version, {
        strategyHeadings: options.default ? null : labels.map((label) => ({ id: headingIdOf(label), label })),
      });
    });
    const list = settings.strategyHeadings ?? DEFAULT_HEADINGS;
    if (wantsJson(options))
      printJson({
        assessmentId: id,
        headings: list,
        default: settings.strategyHeadings === null,
        version: settings.version,
      });
    else
      process.stdout.write(
        `Headings of assessment ${id}${settings.strategyHeadings === null ? ' (the default)' : ''}: ${list.map((h) => `${h.label} [${h.id}]`).join(', ')}\n`,
      );
  });

export const strategyPlanCommand = new Command('strategy-plan')
  .description("the Control Strategy's plans: lead officers, actions by heading, questions; and the headings")
  .addCommand(show)
  .addCommand(set)
  .addCommand(headings);
