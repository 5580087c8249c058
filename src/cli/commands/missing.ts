/**
 * `stra missing`: missing-person episodes held in the warehouse (imported with `stra demand
 * import --mapping openstra-missing`): the summary (children, looked after, high-risk share, time
 * missing), repeat missing persons (3 or more episodes in 90 days unless told otherwise) and the
 * places people go missing from (care homes first), ranked for partners.
 */
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { usageError } from '../../errors.js';
import { ADDRESS_TYPES, type AddressType } from '../../domain/demand/missing/episode.js';
import { parseDay, parseForce, parseWhole } from './demand-options.js';
import type { MissingAnalysis } from '../../analytics/demand/missing.js';

interface MissingOptions extends CommonOptions {
  readonly force: string;
  readonly from?: string;
  readonly to?: string;
  readonly episodes: string;
  readonly days: string;
  readonly addressType?: string[];
  readonly top: string;
}

function withOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--force <id>', 'the force')
    .option('--from <day>', 'first local day reported, YYYY-MM-DD')
    .option('--to <day>', 'last local day reported, YYYY-MM-DD')
    .option('--episodes <n>', 'a repeat: this many episodes or more ...', '3')
    .option('--days <n>', '... within this many days', '90')
    .option('--address-type <types>', `places ranked (default care-home): ${ADDRESS_TYPES.join(', ')}`, listOption)
    .option('--top <n>', 'rows in the repeat and location lists', '20');
}

async function analyse(options: MissingOptions): Promise<MissingAnalysis> {
  const force = parseForce(options.force);
  const from = options.from === undefined ? undefined : parseDay('--from', options.from);
  const to = options.to === undefined ? undefined : parseDay('--to', options.to);
  if (from && to && from > to) throw usageError(`--from ${from} is after --to ${to}`);
  const repeatEpisodes = parseWhole('--episodes', options.episodes, 2, 100);
  const withinDays = parseWhole('--days', options.days, 1, 3660);
  const top = parseWhole('--top', options.top, 1, 10_000);
  for (const t of options.addressType ?? [])
    if (!(ADDRESS_TYPES as readonly string[]).includes(t))
      throw usageError(`--address-type: '${t}' is not one of ${ADDRESS_TYPES.join(', ')}`);
  const ctx = await commandContext(options);
  const { missingAnalysis } = await import('../../analytics/demand/missing.js');
  return withWarehouse(ctx, (wh) =>
    missingAnalysis(wh, ctx.workspace.paths.warehouse, {
      force,
      repeatEpisodes,
      withinDays,
      top,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(options.addressType ? { addressTypes: options.addressType as AddressType[] } : {}),
    }),
  );
}

const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const out = (s: string) => process.stdout.write(s + '\n');

function printSummary(a: MissingAnalysis): void {
  const s = a.summary;
  out(
    `Missing people, ${a.force}${a.from || a.to ? ` (${a.from ?? 'start'} to ${a.to ?? 'end'})` : ''}: ${s.episodes.toLocaleString('en-GB')} episodes of ${s.people.toLocaleString('en-GB')} people.`,
  );
  out(
    `Children: ${s.childEpisodes.toLocaleString('en-GB')} episodes, ${pc(s.lookedAfterShareOfChildren)} of them of children looked after. High risk: ${pc(s.highRiskShare)}. Still missing: ${s.stillMissing}.`,
  );
  out(
    `Time missing: median ${s.hoursMissing.median.toFixed(1)} hours, 90th percentile ${s.hoursMissing.p90.toFixed(1)} hours (${s.hoursMissing.incidents.toLocaleString('en-GB')} episodes ended).`,
  );
  out(
    `Repeats (${a.repeats.definition.episodes}+ episodes within ${a.repeats.definition.withinDays} days): ${a.repeats.people.toLocaleString('en-GB')} people, ${pc(a.repeats.shareOfEpisodes)} of all episodes.`,
  );
  out('\nBy risk:');
  printTable(s.byRisk.map((r) => ({ risk: r.risk, episodes: r.episodes, share: pc(r.episodes / s.episodes) })));
  out('\nBy age:');
  printTable(s.byAge.map((r) => ({ age: r.ageBand, episodes: r.episodes })));
  out('\nTime missing:');
  printTable(s.hoursMissing.bands.map((b) => ({ band: b.band, episodes: b.episodes })));
}

function printRepeats(a: MissingAnalysis): void {
  out(
    `${a.repeats.people.toLocaleString('en-GB')} people went missing ${a.repeats.definition.episodes} or more times within ${a.repeats.definition.withinDays} days (${pc(a.repeats.shareOfEpisodes)} of episodes); people are pseudonyms.`,
  );
  printTable(
    a.repeats.persons.map((p) => ({
      person: p.person.slice(0, 12),
      episodes: p.episodes,
      most_in_window: p.mostInWindow,
      first: day(p.firstReported),
      last: day(p.lastReported),
      child: p.child ? 'yes' : 'no',
      looked_after: p.lookedAfter ? 'yes' : 'no',
      high_risk: p.highRiskEpisodes,
      hours_missing: Math.round(p.hoursMissing),
    })),
  );
}

function printLocations(a: MissingAnalysis): void {
  printTable(
    a.locations.map((l) => ({
      location: l.location,
      area: l.area ?? '',
      episodes: l.episodes,
      people: l.people,
      looked_after: l.lookedAfterEpisodes,
      high_risk: l.highRiskEpisodes,
      repeat_people: l.repeatPeople,
      median_hours: Number(l.medianHoursMissing.toFixed(1)),
    })),
  );
}

const summaryCmd = withOptions(
  command('summary', 'episodes, people, children looked after, high-risk share, time missing'),
).action(async (o: MissingOptions) => {
  const a = await analyse(o);
  if (wantsJson(o)) printJson(a);
  else printSummary(a);
});
const repeatsCmd = withOptions(
  command('repeats', 'people missing N or more times within D days (3 in 90 unless told)'),
).action(async (o: MissingOptions) => {
  const a = await analyse(o);
  if (wantsJson(o)) printJson({ force: a.force, repeats: a.repeats });
  else printRepeats(a);
});
const locationsCmd = withOptions(
  command('locations', 'places people go missing from, ranked by episodes (care homes by default)'),
).action(async (o: MissingOptions) => {
  const a = await analyse(o);
  if (wantsJson(o)) printJson({ force: a.force, locations: a.locations });
  else printLocations(a);
});

export const missingCommand = new Command('missing')
  .description('missing-person episodes: summary, repeat missing persons, care-home and other locations ranked')
  .addCommand(summaryCmd)
  .addCommand(repeatsCmd)
  .addCommand(locationsCmd);
