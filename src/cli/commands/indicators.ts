/**
 * `stra indicators`: figures that are not crime records (hate-crime markers, special constables'
 * hours, complaints, vetting, missing-person reports): import them from CSV, list them, tabulate a
 * series (month x year with totals, year-on-year and year-to-date changes), and check the
 * percentages a published document printed against the arithmetic.
 */
import { Command } from 'commander';
import { command } from './common.js';
import { commandContext, type CommonOptions } from '../context.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { usageError } from '../../errors.js';
import type { TextTable } from '../../indicators/display.js';
import { plural } from '../../domain/plural.js';
import { recordedLoad, withLoadRecord, type LoadRecordOptions } from './load-record.js';

const importCmd = withLoadRecord(
  command('import', 'import indicator values from a CSV: series,organisation,period,value[,unit,published_pct,source]'),
)
  .argument('<file>', 'CSV file (periods YYYY-MM, YYYY-Qn, YYYY/YY or YYYY)')
  .addHelpText(
    'after',
    '\nA file with any bad row is refused whole (every error listed as file, line, field) and nothing\n' +
      'stored changes. Values are replaced by (series, organisation, period): the same file again changes\n' +
      'nothing; a corrected value replaces the old one and is listed. Exit status: 0 imported or unchanged,\n' +
      '1 refused, 2 usage error or no such file. See src/indicators/README.md for the format.',
  )
  .action(async (file: string, options: CommonOptions & LoadRecordOptions) => {
    const ctx = await commandContext(options);
    const { indicatorPaths } = await import('../../indicators/store.js');
    const { importIndicatorsCsv } = await import('../../indicators/import-csv.js');
    const { result: report } = await recordedLoad(
      ctx,
      options,
      'indicators',
      file,
      () => importIndicatorsCsv(indicatorPaths(ctx.workspace.paths.root), file, { user: ctx.config.user }),
      (r) => ({
        rows: r.rows,
        summary:
          r.status === 'unchanged'
            ? `nothing changed (${plural(r.unchanged, 'value')} already held)`
            : `${r.added} added, ${r.updated.length} replaced, ${r.unchanged} unchanged`,
      }),
    );
    if (wantsJson(options)) {
      printJson(report);
      return;
    }
    const counts = `${plural(report.rows, 'row')}: ${report.added} added, ${report.updated.length} replaced, ${report.unchanged} unchanged`;
    process.stdout.write(
      report.status === 'unchanged'
        ? `${file}: nothing changed (${counts}).\n`
        : `${file}: imported as ${report.importId} (${counts}).\n`,
    );
    for (const u of report.updated) {
      const what = u.changes.map((c) => `${c.field} ${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`).join(', ');
      process.stdout.write(`replaced ${u.series}, ${u.organisation}, ${u.period}: ${what}\n`);
    }
  });

interface ListOptions extends CommonOptions {
  readonly imports?: boolean;
}

const listCmd = command('list', 'list the indicator series: organisation, kind of period, first and last, values')
  .option('--imports', 'list the imports instead: file, SHA-256, rows, when and by whom')
  .action(async (options: ListOptions) => {
    const ctx = await commandContext(options);
    const { indicatorPaths } = await import('../../indicators/store.js');
    const { listIndicators } = await import('../../indicators/report.js');
    const { series, imports } = await listIndicators(indicatorPaths(ctx.workspace.paths.root));
    if (wantsJson(options)) {
      printJson(options.imports ? imports : series);
      return;
    }
    if (options.imports) {
      printTable(
        imports.map((i) => ({
          import: i.id,
          when: i.when,
          by: i.by,
          file: i.file,
          sha256: i.sha256.slice(0, 12),
          rows: i.rows,
          added: i.added,
          replaced: i.updated,
          unchanged: i.unchanged,
        })),
      );
      return;
    }
    if (series.length === 0) process.stdout.write('No indicators yet: stra indicators import FILE\n');
    else printTable(series.map((s) => ({ ...s })));
  });

interface TableOptions extends CommonOptions {
  readonly series: string;
  readonly organisation?: string;
  readonly years?: string;
  readonly ytdTo?: string;
}

const tableCmd = command(
  'table',
  'a series as a month x year table with totals, year-on-year and year-to-date % change',
)
  .requiredOption('--series <id>', 'the series (see stra indicators list)')
  .option('--organisation <name>', 'the organisation (needed when a monthly series has several)')
  .option('--years <basis>', 'calendar (January-December) or financial (April-March; the default) years')
  .option('--ytd-to <MM>', 'last month of the year to date, 1-12 (default: the latest month with a figure)')
  .addHelpText(
    'after',
    '\nYearly series (periods YYYY or YYYY/YY) are shown with organisations side by side: value,\nyear-on-year change and share of their total.',
  )
  .action(async (options: TableOptions) => {
    const years = parseYears(options.years);
    const ytdTo = parseYtdTo(options.ytdTo);
    const ctx = await commandContext(options);
    const { indicatorPaths } = await import('../../indicators/store.js');
    const { indicatorTable } = await import('../../indicators/report.js');
    const { seriesTableText, DISPLAY_RULE } = await import('../../indicators/display.js');
    const table = await indicatorTable(indicatorPaths(ctx.workspace.paths.root), {
      series: options.series,
      ...(options.organisation !== undefined ? { organisation: options.organisation } : {}),
      ...(years ? { years } : {}),
      ...(ytdTo !== undefined ? { ytdTo } : {}),
    });
    if (wantsJson(options)) {
      printJson(table);
      return;
    }
    printSections(seriesTableText(table));
    process.stdout.write(`\n${DISPLAY_RULE}\n`);
  });

interface CheckOptions extends CommonOptions {
  readonly series?: string;
}

const checkCmd = command('check', 'check the percentages a document printed (published_pct) against the figures')
  .option('--series <id>', 'only this series (default: every series)')
  .addHelpText(
    'after',
    '\nA printed year-on-year change matches when it is within half a unit of its last printed decimal\n' +
      'of the computed one: 0.5 points when printed as a whole number (-8%), 0.05 when printed to one\n' +
      'decimal (-7.3%). Exit status: 0 when every printed percentage matches, 1 when any does not.',
  )
  .action(async (options: CheckOptions) => {
    const ctx = await commandContext(options);
    const { indicatorPaths } = await import('../../indicators/store.js');
    const { checkIndicators } = await import('../../indicators/report.js');
    const { checkText } = await import('../../indicators/display.js');
    const result = await checkIndicators(indicatorPaths(ctx.workspace.paths.root), options.series);
    if (result.mismatches > 0) process.exitCode = 1;
    if (wantsJson(options)) {
      printJson(result);
      return;
    }
    if (result.checked === 0) {
      process.stdout.write('No printed percentages to check: import them in a published_pct column.\n');
      return;
    }
    printSections([checkText(result.checks)]);
    process.stdout.write(
      `\n${plural(result.checked, 'printed percentage')} checked: ${result.mismatches === 0 ? 'all match the figures' : `${result.mismatches} do not match the figures`}.\n`,
    );
    for (const c of result.checks.filter((x) => x.status === 'mismatch')) {
      process.stdout.write(
        `mismatch: ${c.series}, ${c.organisation}, ${c.period} against ${c.comparedWith}: ${c.reason}\n`,
      );
    }
  });

export const indicatorsCommand = new Command('indicators')
  .description(
    "figures that are not crime records (hate-crime markers, specials' hours, complaints): import, list, table, check",
  )
  .addCommand(importCmd)
  .addCommand(listCmd)
  .addCommand(tableCmd)
  .addCommand(checkCmd);

function printSections(sections: readonly TextTable[]): void {
  sections.forEach((s, i) => {
    process.stdout.write(`${i ? '\n' : ''}${s.heading}\n\n`);
    printTable(s.rows, s.columns);
  });
}

function parseYears(value: string | undefined): 'calendar' | 'financial' | undefined {
  if (value === undefined || value === 'calendar' || value === 'financial') return value;
  throw usageError(`--years: '${value}' is not calendar or financial`);
}

function parseYtdTo(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0?[1-9]|1[0-2])$/.test(value.trim()))
    throw usageError(`--ytd-to: '${value}' is not a month number (1 to 12, e.g. 09 for September)`);
  return Number(value);
}
