import { Command } from 'commander';
import { command, listOption } from './common.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import type { Threat } from '../../store/index.js';
import { threatEvidenceCommand } from './threat-evidence.js';

interface FieldOptions extends StoreOptions {
  readonly description?: string;
  readonly owner?: string;
  readonly marking?: string;
  readonly share?: string[];
  readonly category?: string[];
  readonly offence?: string[];
  readonly flag?: string[];
  readonly indicator?: string[];
}

function withFields(cmd: Command): Command {
  return withActing(cmd)
    .option('--description <text>', 'what the threat is and why it matters')
    .option('--owner <who>', 'the owner (a portfolio or post)')
    .option('--marking <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET')
    .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
    .option('--category <slugs>', 'evidence: police.uk categories (e.g. violent-crime)', listOption)
    .option('--offence <codes>', 'evidence: Home Office offence codes (e.g. 19C,19D)', listOption)
    .option('--flag <flags>', 'evidence: force-extract flags (e.g. domestic_abuse)', listOption)
    .option('--indicator <ids>', 'evidence: indicator series ids', listOption);
}

async function fields(o: FieldOptions, before?: Threat) {
  const { parseMarking } = await import('../../domain/marking.js');
  const e = before?.evidence;
  const evidenceGiven = [o.category, o.offence, o.flag, o.indicator].some((x) => x !== undefined);
  return {
    description: o.description,
    owner: o.owner,
    sharedWith: o.share,
    marking: o.marking === undefined ? undefined : parseMarking(o.marking),
    evidence:
      evidenceGiven || before === undefined
        ? {
            policeUkCategories: o.category ?? e?.policeUkCategories ?? [],
            offenceCodes: o.offence ?? e?.offenceCodes ?? [],
            extractFlags: o.flag ?? e?.extractFlags ?? [],
            indicators: o.indicator ?? e?.indicators ?? [],
          }
        : undefined,
  };
}

function evidenceText(t: Threat, width = Infinity): string {
  const parts = [
    ['categories', t.evidence.policeUkCategories],
    ['offences', t.evidence.offenceCodes],
    ['flags', t.evidence.extractFlags],
    ['indicators', t.evidence.indicators],
  ] as const;
  const text = parts
    .filter(([, v]) => v.length > 0)
    .map(([k, v]) => `${k} ${v.join(',')}`)
    .join('; ');
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

const add = withFields(command('add', 'add a threat to an assessment'))
  .argument('<assessment>', 'assessment id')
  .argument('<name>', 'threat name')
  .action(async (assessment: string, name: string, options: FieldOptions) => {
    const { createThreat } = await import('../../store/index.js');
    const t = await withActor(options, async (store, actor) =>
      createThreat(store, actor, parseId('assessment', assessment), { name, ...(await fields(options)) }),
    );
    if (wantsJson(options)) printJson(t);
    else process.stdout.write(`Added threat ${t.id} "${t.name}" (${t.marking}) to assessment ${t.assessmentId}\n`);
  });

const list = withActing(command('list', 'list the threats you can see'))
  .option('--assessment <id>', 'only this assessment')
  .option('--search <text>', 'name contains')
  .action(async (options: StoreOptions & { assessment?: string; search?: string }) => {
    const { listThreats } = await import('../../store/index.js');
    const threats = await withActor(options, (store, actor) =>
      listThreats(store, actor, {
        assessmentId: options.assessment === undefined ? undefined : parseId('--assessment', options.assessment),
        nameContains: options.search,
      }),
    );
    if (wantsJson(options)) printJson(threats);
    else
      printTable(
        threats.map((t) => ({
          id: t.id,
          assessment: t.assessmentId,
          threat: t.name,
          marking: t.marking,
          version: t.version,
          evidence: evidenceText(t, 50),
        })),
      );
  });

const show = withActing(command('show', 'show a threat with its evidence and scores'))
  .argument('<id>')
  .action(async (id: string, options: StoreOptions) => {
    const { getThreat, listScores } = await import('../../store/index.js');
    const { threat, scores } = await withActor(options, async (store, actor) => ({
      threat: await getThreat(store, actor, parseId('threat', id)),
      scores: await listScores(store, actor, { threatId: parseId('threat', id) }),
    }));
    if (wantsJson(options)) return printJson({ ...threat, scores });
    process.stdout.write(
      `Threat ${threat.id}: ${threat.name} (${threat.marking}, version ${threat.version}), assessment ${threat.assessmentId}\n`,
    );
    process.stdout.write(
      `Owner: ${threat.owner ?? '-'}\nEvidence: ${evidenceText(threat) || '-'}\n${threat.description}\n`,
    );
    if (threat.previousScore)
      process.stdout.write(
        `Last year: ${threat.previousScore.band}, s = ${threat.previousScore.s.toFixed(4)} (assessment ${threat.previousScore.assessmentId})\n`,
      );
    process.stdout.write('\n');
    printTable(
      scores.map((s) => ({
        score: s.id,
        assessor: s.assessor,
        harm: s.outputs.harm,
        likelihood: s.outputs.likelihood,
        priority: Number(s.outputs.priority.toFixed(2)),
        s: s.outputs.s.toFixed(4),
        band: s.outputs.band,
        version: s.version,
      })),
    );
  });

const edit = withFields(command('edit', 'change a threat (give the version you read)'))
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .option('--name <name>', 'new name')
  .action(async (id: string, options: FieldOptions & { expectVersion: string; name?: string }) => {
    const { getThreat, updateThreat } = await import('../../store/index.js');
    const t = await withActor(options, async (store, actor) => {
      const before = await getThreat(store, actor, parseId('threat', id));
      return updateThreat(store, actor, before.id, parseId('--expect-version', options.expectVersion), {
        name: options.name,
        ...(await fields(options, before)),
      });
    });
    if (wantsJson(options)) printJson(t);
    else process.stdout.write(`Threat ${t.id} "${t.name}" is now version ${t.version}\n`);
  });

export const threatCommand = new Command('threat')
  .description('the threat catalogue of an assessment')
  .addCommand(add)
  .addCommand(list)
  .addCommand(show)
  .addCommand(edit)
  .addCommand(threatEvidenceCommand);
