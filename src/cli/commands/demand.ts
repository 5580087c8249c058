/**
 * `stra demand`: incidents (calls for service) and missing-person episodes into the warehouse
 * through a saved column mapping, their coverage, and the demand profile. Thin: parse, call one
 * library function, format.
 */
import { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { notFoundError, usageError } from '../../errors.js';
import type { DemandImportSummary } from '../../warehouse/demand/import-demand.js';
import type { DemandProfile } from '../../analytics/demand/profile.js';
import { WEEKDAYS } from '../../domain/demand/profiles/hour-week.js';
import { parseDay, parseForce } from './demand-options.js';
import { plural } from '../../domain/plural.js';

interface ImportOptions extends CommonOptions {
  readonly mapping: string;
  readonly force: string;
  readonly as?: string;
}

const importCmd = command('import', 'import an incident or missing-person export through a saved column mapping')
  .argument('<files...>', 'one or more exports (.csv or .csv.gz); each file is imported in its own transaction')
  .requiredOption(
    '--mapping <name>',
    'a saved mapping (data/demand/mappings: san-diego, openstra-incidents, ...) or a mapping file',
  )
  .requiredOption('--force <id>', 'the force (or service) the data belong to, e.g. west-mercia or san-diego')
  .option('--as <username>', 'import as this user of the system of record (default: $STRA_USER)')
  .addHelpText(
    'after',
    '\nRows are incidents (or episodes), rejects (file, line, field, why: listed in the rejects report) or\nduplicates (identical repeats, unit rows of one incident); the same file twice changes nothing, and a\nrevised incident replaces the stored one. Missing-person references are pseudonymised with the key in\nSTRA_PSEUDONYM_KEY. Exit status: 0 imported or unchanged, 1 the file was refused, 2 usage.',
  )
  .action(async (files: string[], options: ImportOptions) => {
    const force = parseForce(options.force);
    for (const file of files) {
      const exists = await stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists) throw notFoundError(`no such file: ${file}`, { file });
    }
    const { resolveMapping } = await import('../../demand/mapping/resolve-mapping.js');
    const mapping = await resolveMapping(options.mapping);
    let pseudonymiser;
    if (mapping.kind === 'missing') {
      const key = process.env.STRA_PSEUDONYM_KEY;
      if (!key)
        throw usageError(
          'missing-person episodes need a pseudonymisation key: set STRA_PSEUDONYM_KEY (32 bytes or more, kept outside the workspace)',
        );
      pseudonymiser = (await import('../../demand/missing/pseudonymiser.js')).pseudonymiser(key);
    }
    const ctx = await commandContext(options);
    const { demandAuthority } = await import('./demand-authority.js');
    const authority = await demandAuthority(ctx, { ...options, force }, files.join(', '));
    const { importDemandFile } = await import('../../warehouse/demand/import-demand.js');
    const summaries: DemandImportSummary[] = [];
    for (const file of files) {
      const summary = await importDemandFile(ctx.workspace.paths, {
        file,
        mapping,
        force,
        user: ctx.config.user,
        threads: ctx.config.threads,
        memoryLimit: ctx.config.memoryLimit,
        ...(pseudonymiser ? { pseudonymiser } : {}),
      });
      await authority?.audit(summary);
      summaries.push(summary);
      if (!wantsJson(options)) {
        if (files.length > 1 && file !== files.at(-1)) printImport({ ...summary, coverage: [] }, false);
        else printImport(summary);
      }
    }
    if (wantsJson(options)) printJson(files.length === 1 ? summaries[0] : summaries);
  });

function printImport(s: DemandImportSummary, withCoverage = true): void {
  const what = s.table === 'incidents' ? 'incidents' : 'episodes';
  process.stdout.write(
    `${s.file} (${s.mapping}) for ${s.force}: ${s.status}.\n` +
      `${s.lines.toLocaleString('en-GB')} lines = ${s.imported.toLocaleString('en-GB')} ${what} + ${s.rejected.toLocaleString('en-GB')} rejected + ${s.duplicates.toLocaleString('en-GB')} duplicates` +
      `${s.unit_rows_collapsed ? ` (${s.unit_rows_collapsed.toLocaleString('en-GB')} unit rows collapsed into their incident)` : ''}.\n` +
      `${what[0]!.toUpperCase() + what.slice(1)}: ${s.new.toLocaleString('en-GB')} new, ${s.revised.toLocaleString('en-GB')} revised, ${s.unchanged.toLocaleString('en-GB')} already held unchanged.\n`,
  );
  if (withCoverage) {
    process.stdout.write(`\nCoverage of ${s.force}:\n`);
    printCoverage(s.coverage);
  }
  for (const r of s.rejects_sample) note(`rejected ${r.file}, line ${r.line}, ${r.field}: ${r.reason}`);
  if (s.rejected > s.rejects_sample.length) note(`... and ${s.rejected - s.rejects_sample.length} more`);
  if (s.rejects_report) note(`All rejected rows: ${s.rejects_report}`);
  for (const u of s.unmapped_codes.slice(0, 10))
    note(`code ${u.code} (${u.lookup}, ${u.rows} rows) matched no rule of the mapping: its default was used`);
  if (s.ambiguous_local_times)
    note(`${plural(s.ambiguous_local_times, 'local time')} fell in the hour the clocks go back: read as the first`);
  for (const c of s.caveats) note(`caveat: ${c}`);
}

function printCoverage(rows: DemandImportSummary['coverage']): void {
  printTable(
    rows.map((c) => ({
      month: c.month,
      rows: c.rows,
      days: `${c.days_with_data}/${c.days_in_month}`,
      first: c.first_day,
      last: c.last_day,
      complete: c.complete ? 'yes' : 'partial',
    })),
  );
}

interface CoverageOptions extends CommonOptions {
  readonly force: string;
  readonly missing?: boolean;
}

const coverageCmd = command(
  'coverage',
  "a force's incidents (or missing episodes) month by month: rows and days with data",
)
  .requiredOption('--force <id>', 'the force')
  .option('--missing', 'missing-person episodes instead of incidents')
  .action(async (options: CoverageOptions) => {
    const force = parseForce(options.force);
    const ctx = await commandContext(options);
    const { warehouseCoverage } = await import('../../warehouse/demand/load-demand.js');
    const rows = await withWarehouse(ctx, (wh) =>
      warehouseCoverage(wh, ctx.workspace.paths.warehouse, options.missing ? 'missing_episodes' : 'incidents', force),
    );
    if (rows.length === 0) throw notFoundError(`nothing held for '${force}'`);
    if (wantsJson(options)) printJson({ force, coverage: rows });
    else printCoverage(rows);
  });

interface ProfileOptions extends CommonOptions {
  readonly force: string;
  readonly from?: string;
  readonly to?: string;
  readonly top: string;
}

const profileCmd = command(
  'profile',
  'demand profile: hour x weekday, type and closing code, non-crime share, area x grade, time spent, change on last year',
)
  .requiredOption('--force <id>', 'the force')
  .option('--from <day>', 'first local day, YYYY-MM-DD (default: the first held)')
  .option('--to <day>', 'last local day, YYYY-MM-DD (default: the last held)')
  .option('--top <n>', 'rows in the code and area lists', '15')
  .action(async (options: ProfileOptions) => {
    const force = parseForce(options.force);
    const from = options.from === undefined ? undefined : parseDay('--from', options.from);
    const to = options.to === undefined ? undefined : parseDay('--to', options.to);
    if (from && to && from > to) throw usageError(`--from ${from} is after --to ${to}`);
    const top = Number(options.top);
    if (!Number.isInteger(top) || top < 1) throw usageError(`--top: '${options.top}' should be a whole number above 0`);
    const ctx = await commandContext(options);
    const { demandProfile } = await import('../../analytics/demand/profile.js');
    const profile = await withWarehouse(ctx, (wh) =>
      demandProfile(wh, ctx.workspace.paths.warehouse, {
        force,
        top,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
    );
    if (profile.incidents === 0)
      throw notFoundError(`no incidents of ${force} between ${from ?? 'the start'} and ${to ?? 'the end'}`);
    if (wantsJson(options)) printJson(profile);
    else printProfile(profile);
  });

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '');
const pc = (x: number) => `${(x * 100).toFixed(1)}%`;

function printProfile(p: DemandProfile): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  out(
    `Demand of ${p.force}, ${p.from} to ${p.to}: ${p.incidents.toLocaleString('en-GB')} incidents on ${p.days} covered days (${f1(p.incidents / p.days)} a day).`,
  );
  const partial = p.coverage.filter((c) => !c.complete);
  if (partial.length)
    note(
      `partial months: ${partial.map((c) => `${c.month} (${c.days_with_data}/${c.days_in_month} days)`).join(', ')}; averages are per covered day`,
    );
  out('\nIncidents a day by hour (rows) and weekday (columns):');
  printTable(
    Array.from({ length: 24 }, (_, h) => ({
      hour: String(h).padStart(2, '0'),
      ...Object.fromEntries(WEEKDAYS.map((w, d) => [w.slice(0, 3), f1(p.hourWeek.perDay[d]![h]!)])),
    })),
  );
  if (p.hourWeek.peak)
    out(
      `Busiest: ${WEEKDAYS[p.hourWeek.peak.weekday]} ${String(p.hourWeek.peak.hour).padStart(2, '0')}:00, ${f1(p.hourWeek.peak.perDay)} a day.`,
    );
  out(
    `\nNot crime: ${pc(p.nonCrime.shareNotCrime)} (${p.nonCrime.notCrime.toLocaleString('en-GB')} of ${p.nonCrime.total.toLocaleString('en-GB')}).`,
  );
  for (const [title, b] of [
    ['By type (demand class)', p.byClass],
    ['By grade', p.byGrade],
    ['By outcome', p.byOutcome],
    ['Opening codes', p.byOpeningCode],
    ['Closing codes', p.byClosingCode],
  ] as const) {
    if (b.rows.length === 1 && b.rows[0]!.key === '(none)') continue;
    out(`\n${title}:`);
    printTable(
      b.rows.map((r) => ({ [b.dimension]: r.key, incidents: r.count, share: pc(r.share), per_day: f1(r.perDay) })),
    );
  }
  if (p.areaByGrade.rows.length) {
    out('\nBusiest areas by grade:');
    printTable(
      p.areaByGrade.rows.map((a, i) => ({
        area: a,
        ...Object.fromEntries(p.areaByGrade.columns.map((c, j) => [c, p.areaByGrade.counts[i]![j]!])),
        total: p.areaByGrade.rowTotals[i]!,
      })),
    );
  }
  const t = p.timeSpent;
  if (t.officer.incidents)
    out(
      `\nOfficer time: ${Math.round(t.officer.hours).toLocaleString('en-GB')} hours over ${t.officer.incidents.toLocaleString('en-GB')} incidents.`,
    );
  if (t.responseMinutes.incidents)
    out(
      `Response (opened to arrival): median ${f1(t.responseMinutes.median)} min, 90th percentile ${f1(t.responseMinutes.p90)} min (${t.responseMinutes.incidents.toLocaleString('en-GB')} incidents).`,
    );
  const d = p.dayInTheLife;
  out(
    `\nA day in the life (per covered day): ${f1(d.incidents.perDay ?? NaN)} incidents, ${f1(d.crimes.perDay ?? NaN)} crime-related, ` +
      `${d.arrests.perDay === null ? 'arrests not recorded' : `${f1(d.arrests.perDay)} arrests`}, ${f1(d.missingReports.perDay ?? NaN)} missing-person reports, ${f1(d.mentalHealth.perDay ?? NaN)} mental-health related.`,
  );
  if (p.changeOnLastYear) {
    out(`\nChange on ${p.changeOnLastYear.previous.from} to ${p.changeOnLastYear.previous.to}:`);
    printTable(
      p.changeOnLastYear.rows.map((r) => ({
        class: r.key,
        current: r.current,
        previous: r.previous,
        change: r.percentChange === null ? '' : `${r.percentChange >= 0 ? '+' : ''}${r.percentChange.toFixed(1)}%`,
        q: r.qValue === null ? '' : r.qValue.toFixed(4),
        flag: r.flag,
      })),
    );
  } else if (p.changeUnavailable) note(`change on last year: ${p.changeUnavailable}`);
}

export const demandCommand = new Command('demand')
  .description('incidents and missing-person episodes: import through a saved mapping, coverage, demand profile')
  .addCommand(importCmd)
  .addCommand(coverageCmd)
  .addCommand(profileCmd);
