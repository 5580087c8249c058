import { Command } from 'commander';
import { usageError } from '../../errors.js';
import { command } from './common.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import type { Assessment } from '../../store/index.js';

interface CreateOptions extends StoreOptions {
  readonly org: string;
  readonly period: string;
  readonly label: string;
  readonly title?: string;
  readonly marking?: string;
  readonly model?: string;
  readonly method?: string;
}

const row = (a: Assessment) => ({
  id: a.id,
  org: a.organisationId,
  period: a.period,
  version: a.versionLabel,
  status: a.status,
  marking: a.marking,
  model: `${a.model.id}@${a.model.version}`,
  previous: a.previousId ?? '',
});

export function parseModelRef(value: string | undefined): { id: string; version: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^([A-Za-z][\w-]*)@(\d+)$/.exec(value);
  if (m === null) throw usageError(`--model: '${value}' is not ID@VERSION (e.g. morile-default@1)`);
  return { id: m[1] ?? '', version: Number(m[2]) };
}

const create = withActing(command('create', 'create an assessment for an organisation and period'))
  .requiredOption('--org <id>', 'the organisation whose assessment it is')
  .requiredOption('--period <YYYY/YY>', 'financial year, e.g. 2017/18')
  .requiredOption('--label <label>', 'version label, e.g. "V16 - Final"')
  .option('--title <title>', 'title (default: "<organisation> Strategic Assessment <period>")')
  .option('--marking <marking>', 'OFFICIAL (default), OFFICIAL-SENSITIVE or SECRET')
  .option('--model <id@version>', 'scoring model (default: morile-default@1)')
  .option('--method <median|mean>', 'how assessors are combined (default: median)')
  .action(async (options: CreateOptions) => {
    const { createAssessment } = await import('../../store/index.js');
    const { parseMarking } = await import('../../domain/marking.js');
    if (options.method !== undefined && options.method !== 'median' && options.method !== 'mean')
      throw usageError(`--method: '${options.method}' is not median or mean`);
    const a = await withActor(options, (store, actor) =>
      createAssessment(store, actor, {
        organisationId: options.org,
        period: options.period,
        versionLabel: options.label,
        title: options.title,
        marking: options.marking === undefined ? undefined : parseMarking(options.marking),
        model: parseModelRef(options.model),
        combineMethod: options.method as 'median' | 'mean' | undefined,
      }),
    );
    if (wantsJson(options)) printJson(a);
    else
      process.stdout.write(`Created assessment ${a.id}: ${a.title}, ${a.versionLabel} (${a.status}, ${a.marking})\n`);
  });

const list = withActing(command('list', 'list the assessments you can see'))
  .option('--org <id>', 'only this organisation')
  .action(async (options: StoreOptions & { org?: string }) => {
    const { listAssessments } = await import('../../store/index.js');
    const all = await withActor(options, (store, actor) =>
      listAssessments(store, actor, options.org === undefined ? {} : { organisationId: options.org }),
    );
    if (wantsJson(options)) printJson(all);
    else printTable(all.map(row));
  });

const show = withActing(command('show', 'show an assessment and its threats'))
  .argument('<id>', 'assessment id')
  .action(async (id: string, options: StoreOptions) => {
    const { getAssessment, listThreats } = await import('../../store/index.js');
    const { assessment, threats } = await withActor(options, async (store, actor) => ({
      assessment: await getAssessment(store, actor, parseId('assessment', id)),
      threats: await listThreats(store, actor, { assessmentId: parseId('assessment', id) }),
    }));
    if (wantsJson(options)) return printJson({ ...assessment, threats });
    process.stdout.write(
      `${assessment.title}\n${assessment.versionLabel}, ${assessment.status}, marked ${assessment.marking}, version ${assessment.version}\n` +
        `scored with ${assessment.model.id}@${assessment.model.version}, combined by ${assessment.combineMethod}${assessment.previousId ? `; follows assessment ${assessment.previousId}` : ''}\n\n`,
    );
    printTable(
      threats.map((t) => ({
        id: t.id,
        threat: t.name,
        marking: t.marking,
        owner: t.owner ?? '',
        'last year': t.previousScore?.band ?? '',
      })),
    );
  });

const next = withActing(
  command('next', "create next year's assessment from this one (carries threats and last year's scores)"),
)
  .argument('<id>', 'the previous assessment')
  .requiredOption('--label <label>', 'version label')
  .option('--period <YYYY/YY>', 'default: the year after')
  .option('--model <id@version>', "scoring model (default: the previous one's)")
  .action(async (id: string, options: StoreOptions & { label: string; period?: string; model?: string }) => {
    const { createNextAssessment } = await import('../../store/index.js');
    const model = parseModelRef(options.model);
    const r = await withActor(options, (store, actor) =>
      createNextAssessment(store, actor, parseId('assessment', id), {
        versionLabel: options.label,
        ...(options.period ? { period: options.period } : {}),
        ...(model ? { model } : {}),
      }),
    );
    if (wantsJson(options)) printJson(r);
    else
      process.stdout.write(
        `Created assessment ${r.assessment.id} for ${r.assessment.period} (${r.assessment.versionLabel}), carrying ${r.carried.threats ?? 0} threats with last year's scores\n`,
      );
  });

const revise = withActing(command('revise', 'make a new version of an assessment (after approval froze it)'))
  .argument('<id>')
  .requiredOption('--label <label>', 'the new version label, e.g. "V17"')
  .action(async (id: string, options: StoreOptions & { label: string }) => {
    const { reviseAssessment } = await import('../../store/index.js');
    const r = await withActor(options, (store, actor) =>
      reviseAssessment(store, actor, parseId('assessment', id), { versionLabel: options.label }),
    );
    if (wantsJson(options)) printJson(r);
    else
      process.stdout.write(
        `Created assessment ${r.assessment.id} (${r.assessment.period} ${r.assessment.versionLabel}) from ${id}: ${r.carried.threats ?? 0} threats, ${r.carried.scores ?? 0} scores\n`,
      );
  });

const status = withActing(command('status', 'move an assessment between draft, under_review and published'))
  .argument('<id>')
  .argument('<status>', 'draft, under_review or published')
  .requiredOption('--expect-version <n>', 'the version you read (stra assessment show)')
  .action(async (id: string, to: string, options: StoreOptions & { expectVersion: string }) => {
    const { setAssessmentStatus } = await import('../../store/index.js');
    const a = await withActor(options, (store, actor) =>
      setAssessmentStatus(
        store,
        actor,
        parseId('assessment', id),
        parseId('--expect-version', options.expectVersion),
        to,
      ),
    );
    if (wantsJson(options)) printJson(a);
    else process.stdout.write(`Assessment ${a.id} is now ${a.status} (version ${a.version})\n`);
  });

const direction = withActing(
  command('direction', 'direction of travel: each threat now and last year (probability x impact)'),
)
  .argument('<id>')
  .action(async (id: string, options: StoreOptions) => {
    const { directionOfTravelFor } = await import('../../store/index.js');
    const { blindDirection, withheldThreats } = await import('../../assessment/blind-scoring.js');
    const assessmentId = parseId('assessment', id);
    // Blind scoring holds here as in the browser: no movement of a threat the actor has yet to score.
    const v = await withActor(options, async (store, actor) =>
      blindDirection(
        await directionOfTravelFor(store, actor, assessmentId),
        await withheldThreats(store, actor, assessmentId),
      ),
    );
    if (wantsJson(options)) return printJson(v);
    const at = (p: { likelihood: number; harm: number } | null) =>
      p === null ? '' : `${fmt(p.likelihood)} x ${fmt(p.harm)}`;
    printTable(
      v.directions.map((d) => ({
        threat: d.name,
        'last year (L x H)': at(d.previous),
        'now (L x H)': at(d.now),
        direction: d.label === 'removed' && d.inAssessment ? 'not scored yet' : d.label,
      })),
    );
    note(`Marked ${v.marking}.`);
  });

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export const assessmentCommand = new Command('assessment')
  .description('strategic assessments: create, list, show, next year, new version, status, direction of travel')
  .addCommand(create)
  .addCommand(list)
  .addCommand(show)
  .addCommand(next)
  .addCommand(revise)
  .addCommand(status)
  .addCommand(direction);
