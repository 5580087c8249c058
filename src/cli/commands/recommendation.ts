import { Command } from 'commander';
import { command, listOption } from './common.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import { withAuditedExport } from './export-audit.js';

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

const add = withActing(command('add', 'add a recommendation to an assessment'))
  .argument('<assessment>', 'assessment id')
  .requiredOption('--theme <theme>', 'the control-strategy area (e.g. "Cyber Crime")')
  .requiredOption('--text <text>', 'the recommendation')
  .option('--number <n>', 'its number in the document (e.g. 15)')
  .option('--owner <who>', 'the owner (a portfolio or post)')
  .option('--status <status>', 'proposed (default), agreed, in_progress, complete, superseded or not_adopted')
  .option('--marking <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      assessment: string,
      options: StoreOptions & {
        theme: string;
        text: string;
        number?: string;
        owner?: string;
        status?: string;
        marking?: string;
        share?: string[];
      },
    ) => {
      const { createRecommendation, parseRecommendationStatus } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const r = await withActor(options, (store, actor) =>
        createRecommendation(store, actor, parseId('assessment', assessment), {
          theme: options.theme,
          text: options.text,
          number: options.number,
          owner: options.owner,
          sharedWith: options.share,
          status: options.status === undefined ? undefined : parseRecommendationStatus(options.status),
          marking: options.marking === undefined ? undefined : parseMarking(options.marking),
        }),
      );
      if (wantsJson(options)) printJson(r);
      else
        process.stdout.write(
          `Added recommendation ${r.id}${r.number === null ? '' : ` (number ${r.number})`} to assessment ${r.assessmentId}: ${r.theme} (${r.status}, ${r.marking})\n`,
        );
    },
  );

const list = withActing(command('list', 'list the recommendations you can see'))
  .option('--assessment <id>', 'only this assessment')
  .option('--status <status>', 'only this status')
  .action(async (options: StoreOptions & { assessment?: string; status?: string }) => {
    const { listRecommendations, parseRecommendationStatus } = await import('../../store/index.js');
    const recs = await withActor(options, (store, actor) =>
      listRecommendations(store, actor, {
        assessmentId: options.assessment === undefined ? undefined : parseId('--assessment', options.assessment),
        status: options.status === undefined ? undefined : parseRecommendationStatus(options.status),
      }),
    );
    if (wantsJson(options)) printJson(recs);
    else
      printTable(
        recs.map((r) => ({
          id: r.id,
          assessment: r.assessmentId,
          no: r.number ?? '-',
          theme: short(r.theme, 30),
          status: r.status,
          carried_from: r.carriedFrom ?? '-',
          marking: r.marking,
          version: r.version,
          text: short(r.text, 50),
        })),
      );
  });

const show = withActing(command('show', 'show a recommendation with its update history (through earlier years)'))
  .argument('<id>')
  .action(async (id: string, options: StoreOptions) => {
    const { getRecommendation } = await import('../../store/index.js');
    const r = await withActor(options, (store, actor) =>
      getRecommendation(store, actor, parseId('recommendation', id)),
    );
    if (wantsJson(options)) {
      printJson(r);
      return;
    }
    process.stdout.write(
      `Recommendation ${r.id}${r.number === null ? '' : ` (number ${r.number})`}: ${r.theme} (${r.status}, ${r.marking}, version ${r.version}), assessment ${r.assessmentId}\n`,
    );
    process.stdout.write(
      `Owner: ${r.owner ?? '-'}\n${r.carriedFrom === null ? '' : `Carried from recommendation ${r.carriedFrom}\n`}${r.text}\n\n`,
    );
    if (r.updates.length === 0) process.stdout.write('No updates yet.\n');
    for (const u of r.updates)
      process.stdout.write(
        `${u.dated}  ${u.statusAfter}  by ${u.author} (assessment ${u.assessmentId})\n  ${u.text.replace(/\n/g, '\n  ')}\n`,
      );
  });

const update = withActing(command('update', 'add a dated progress update (give the version you read)'))
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .requiredOption('--text <text>', 'the progress update')
  .option('--status <status>', 'the status after this update (unchanged if left out)')
  .option('--dated <date>', 'YYYY-MM-DD (default: today)')
  .action(
    async (
      id: string,
      options: StoreOptions & { expectVersion: string; text: string; status?: string; dated?: string },
    ) => {
      const { addRecommendationUpdate, parseRecommendationStatus } = await import('../../store/index.js');
      const result = await withActor(options, (store, actor) =>
        addRecommendationUpdate(
          store,
          actor,
          parseId('recommendation', id),
          parseId('--expect-version', options.expectVersion),
          {
            text: options.text,
            dated: options.dated,
            status: options.status === undefined ? undefined : parseRecommendationStatus(options.status),
          },
        ),
      );
      if (wantsJson(options)) printJson(result);
      else
        process.stdout.write(
          `Recommendation ${result.recommendation.id} is now ${result.recommendation.status}, version ${result.recommendation.version} (update ${result.update.id}, ${result.update.dated})\n`,
        );
    },
  );

const importRecs = withActing(
  command('import', 'import a recommendations CSV (recommendation | update) into an assessment: all rows or none'),
)
  .argument('<assessment>', 'assessment id')
  .argument('<file>')
  .action(async (assessment: string, file: string, options: StoreOptions) => {
    const { readFile } = await import('node:fs/promises');
    const { importRecommendationsCsv } = await import('../../registers/recommendations-csv.js');
    const text = await readFile(file, 'utf8');
    const recs = await withActor(options, (store, actor) =>
      importRecommendationsCsv(store, actor, parseId('assessment', assessment), text, file),
    );
    if (wantsJson(options)) printJson(recs);
    else
      process.stdout.write(
        `Imported ${recs.length} recommendation${recs.length === 1 ? '' : 's'} into assessment ${assessment}\n`,
      );
  });

const exportRecs = withActing(
  command('export', "write an assessment's recommendations, each with its latest update, as CSV to stdout or --out"),
)
  .argument('<assessment>', 'assessment id')
  .option('--out <file>', 'write to this file')
  .action(async (assessment: string, options: StoreOptions & { out?: string }) => {
    const { exportRecommendationsCsv } = await import('../../registers/recommendations-csv.js');
    const { csv: text } = await withAuditedExport(
      options,
      { table: 'recommendations', command: `stra recommendation export ${assessment}` },
      (store, actor) => exportRecommendationsCsv(store, actor, parseId('assessment', assessment)),
    );
    if (options.out === undefined) {
      process.stdout.write(text);
      return;
    }
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.out, text);
    process.stderr.write(`Wrote ${options.out}\n`);
  });

export const recommendationCommand = new Command('recommendation')
  .description('the recommendations register: recommendations of an assessment and their progress')
  .addCommand(add)
  .addCommand(list)
  .addCommand(show)
  .addCommand(update)
  .addCommand(importRecs)
  .addCommand(exportRecs);
