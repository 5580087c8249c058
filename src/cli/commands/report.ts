/**
 * `stra report`: the Strategic Assessment document from the workspace, in HTML, PDF and/or Word,
 * built for a clearance, with the build log written beside it. Thin: parse the options, open the
 * store and the warehouse, call generateReport, say where the files are.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { command } from './common.js';
import { note, printJson, wantsJson } from '../output.js';
import { actingUser, withActing, withStore, type StoreOptions } from './store-context.js';
import { commandContext } from '../context.js';
import { parseMarking } from '../../domain/marking.js';
import { usageError } from '../../errors.js';
import { plural } from '../../domain/plural.js';

interface ReportOptions extends StoreOptions {
  readonly assessment?: string;
  readonly format: string;
  readonly clearance?: string;
  readonly out?: string;
  readonly dataPeriod?: string;
}

export const reportCommand = withActing(
  command(
    'report',
    'the Strategic Assessment document (HTML, PDF, Word) built from the workspace for a clearance, with its build log',
  ),
)
  .requiredOption('--assessment <period|id>', 'the assessment: a period (2017/18) or an id')
  .option('--format <list>', 'html, pdf, docx (comma-separated)', 'html,pdf,docx')
  .requiredOption(
    '--clearance <marking>',
    'build for this clearance: OFFICIAL, OFFICIAL-SENSITIVE or SECRET; records above it are left out',
  )
  .requiredOption('--out <dir>', 'folder to write the documents and the build log (build-log.html, .txt, .json) to')
  .option(
    '--data-period <period>',
    'the crime data period: a financial year (2016/17) or "12 months to YYYY-MM" (default: the assessment\'s year, or the latest complete one before it)',
  )
  .action(async (options: ReportOptions) => {
    const { traced } = await import('../../trace.js');
    const { generateReport, parseFormats, parseDataPeriod } = await traced(
      'report: load the report modules',
      () => import('../../report/index.js'),
    );
    const formats = parseFormats(options.format);
    const clearance = parseMarking(options.clearance);
    const dataPeriod = options.dataPeriod === undefined ? undefined : parseDataPeriod(options.dataPeriod);
    if (options.out === undefined || options.assessment === undefined)
      throw usageError('--assessment and --out are required');
    const ctx = await commandContext(options);
    const outDir = path.resolve(options.out);
    const bar = progress();
    // The warehouse opens (DuckDB, on its own threads) while the store does (PGlite, on this one).
    const hasWarehouse = existsSync(ctx.workspace.paths.catalog);
    const opening = hasWarehouse
      ? traced('report: open the warehouse', () =>
          import('../../warehouse/reader.js').then(({ openWarehouse }) =>
            openWarehouse(ctx.workspace.paths, { threads: ctx.config.threads, memoryLimit: ctx.config.memoryLimit }),
          ),
        )
      : Promise.resolve(null);
    opening.catch(() => undefined); // awaited below, or closed if the store fails to open
    let result: Awaited<ReturnType<typeof generateReport>>;
    try {
      result = await withStore(options, async (store) => {
        const builder = await traced('report: the store opened, the builder read', () => actingUser(store, options));
        const warehouse = await traced('report: waiting for the warehouse', () => opening);
        try {
          const built = await traced('report: build and write', () =>
            generateReport({
              store,
              builder,
              assessment: options.assessment!,
              clearance,
              workspaceRoot: ctx.workspace.paths.root,
              warehouse,
              dataPeriod,
              formats,
              outDir,
              onProgress: bar.update,
            }).catch(async (err: unknown) => {
              // A failed build is audited too (issue 13): who, what, why; nothing was disclosed.
              const { recordEvent } = await import('../../store/index.js');
              await recordEvent(store, builder, {
                action: 'build-failed',
                table: 'assessments',
                recordId: options.assessment!,
                marking: clearance,
                organisationId: null,
                subjectId: builder.userId,
                after: {
                  clearance,
                  formats,
                  error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
                  disclosed: 'nothing',
                  via: 'stra report',
                },
              });
              throw err;
            }),
          );
          // The files written are a disclosure (issue 13), audited as the server's builds are.
          const { getAssessment, recordEvent } = await import('../../store/index.js');
          const meta = built.document.meta;
          await recordEvent(store, builder, {
            action: 'built',
            table: 'assessments',
            recordId: meta.assessmentId,
            marking: meta.marking,
            organisationId: (await getAssessment(store, builder, meta.assessmentId)).organisationId,
            after: { clearance: meta.clearance, marking: meta.marking, files: built.outputs.files, via: 'stra report' },
          });
          return built;
        } finally {
          bar.stop();
        }
      });
    } finally {
      (await opening.catch(() => null))?.close();
    }
    const { outputs, document } = result;
    const omitted = outputs.log.entries.filter((e) => e.kind === 'omitted').length;
    if (wantsJson(options)) {
      printJson({
        marking: document.meta.marking,
        clearance: document.meta.clearance,
        files: outputs.files,
        omitted,
        sections: document.sections.map((s) => `${s.number}: ${s.title}`),
      });
      return;
    }
    process.stdout.write(`${document.meta.title} (${document.meta.versionLabel}), marked ${document.meta.marking}:\n`);
    for (const file of Object.values(outputs.files)) process.stdout.write(`  ${file}\n`);
    note(
      `${plural(document.sections.length, 'section')}; ${plural(omitted, 'item')} left out${omitted > 0 ? ' (see build-log.html or build-log.txt)' : ''}.`,
    );
  });

function progress(): { update: (step: string, done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'Report     {bar} {percentage}% | {step}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update(step, done, total) {
      if (!begun) {
        bar.start(total, done, { step });
        begun = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { step });
      }
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
