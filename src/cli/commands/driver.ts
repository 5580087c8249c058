/**
 * `stra driver`: the environmental-scanning register. Change drivers of an assessment with their
 * groups, scores (impact and uncertainty, 1-10), themes, evidence and dated reviews; the
 * impact x uncertainty matrix; the "meta" view (all drivers and their cross-cutting themes); and
 * "configured" uses (a topic with its primary and secondary drivers). Tables for a person at a
 * terminal, JSON with --json or when piped; CSV in and out.
 */
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { collect, parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import type { Driver, DriverConfiguration, DriverSummary } from '../../store/index.js';
import { withAuditedExport } from './export-audit.js';

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const scores = (d: { impact: number; uncertainty: number }) => `impact ${d.impact}, uncertainty ${d.uncertainty}`;
const numbers = (values: readonly string[] | undefined, what: string) => (values ?? []).map((v) => parseId(what, v));

async function scanning() {
  return import('../../domain/scanning/index.js');
}

type EvidenceOptions = { evidence?: string[]; source?: string };
const evidenceOf = (o: EvidenceOptions) => (o.evidence ?? []).map((text) => ({ text, source: o.source }));

const add = withActing(command('add', 'add a change driver to an assessment (its first scores are its first review)'))
  .argument('<assessment>', 'assessment id')
  .requiredOption('--name <name>', 'the driver, e.g. "Connected society faces diverse cyber threats"')
  .requiredOption('--impact <1-10>', 'impact score: 1 negligible .. 10 transformational')
  .requiredOption('--uncertainty <1-10>', 'uncertainty score: 1 near certain .. 10 highly uncertain')
  .option('--number <n>', 'its number in the assessment (default: the next free number)')
  .option('--group <group>', 'social, partner or policing (challenges)')
  .option('--pestelo <heading>', 'political, economic, social, technological, environmental, legal or organisational')
  .option('--themes <list>', 'cross-cutting themes, separated by semicolons')
  .option('--evidence <text>', 'an evidence note (repeat for more)', collect)
  .option('--source <source>', 'the source of the evidence notes given')
  .option('--dated <date>', 'date of these scores, YYYY-MM-DD (default: today)')
  .option('--note <text>', 'note for the first review (default: "First scores.")')
  .option('--marking <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      assessment: string,
      options: StoreOptions &
        EvidenceOptions & {
          name: string;
          impact: string;
          uncertainty: string;
          number?: string;
          group?: string;
          pestelo?: string;
          themes?: string;
          dated?: string;
          note?: string;
          marking?: string;
          share?: string[];
        },
    ) => {
      const { createDriver } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const s = await scanning();
      const d = await withActor(options, (store, actor) =>
        createDriver(store, actor, parseId('assessment', assessment), {
          name: options.name,
          impact: s.parseDriverScore('impact', options.impact),
          uncertainty: s.parseDriverScore('uncertainty', options.uncertainty),
          number: options.number === undefined ? undefined : parseId('--number', options.number),
          challenge: options.group === undefined ? undefined : s.parseChallengeGroup(options.group),
          pestelo: options.pestelo === undefined ? undefined : s.parsePesteloHeading(options.pestelo),
          themes: options.themes?.split(';'),
          evidence: evidenceOf(options),
          dated: options.dated,
          note: options.note,
          marking: options.marking === undefined ? undefined : parseMarking(options.marking),
          sharedWith: options.share,
        }),
      );
      if (wantsJson(options)) printJson(d);
      else
        process.stdout.write(
          `Added driver ${d.id} (number ${d.number}) to assessment ${d.assessmentId}: ${d.name} (${scores(d)}, ${d.marking})\n`,
        );
    },
  );

const list = withActing(command('list', 'list the drivers you can see, under their groups'))
  .option('--assessment <id>', 'only this assessment')
  .option('--group <group>', 'only this group (social, partner, policing)')
  .option('--pestelo <heading>', 'only this PESTELO heading')
  .option('--theme <theme>', 'only drivers tagged with this theme')
  .option('--by <scheme>', 'group by challenges (default) or pestelo', 'challenges')
  .action(
    async (
      options: StoreOptions & { assessment?: string; group?: string; pestelo?: string; theme?: string; by: string },
    ) => {
      const { listDrivers } = await import('../../store/index.js');
      const s = await scanning();
      const scheme = s.parseGroupingScheme(options.by);
      const drivers = await withActor(options, (store, actor) =>
        listDrivers(store, actor, {
          assessmentId: options.assessment === undefined ? undefined : parseId('--assessment', options.assessment),
          theme: options.theme,
          challenge: options.group === undefined ? undefined : s.parseChallengeGroup(options.group),
          pestelo: options.pestelo === undefined ? undefined : s.parsePesteloHeading(options.pestelo),
        }),
      );
      if (wantsJson(options)) return printJson(drivers);
      const assessments = [...new Set(drivers.map((d) => d.assessmentId))];
      if (drivers.length === 0) return printTable([]);
      for (const a of assessments) {
        for (const g of s.groupDrivers(
          drivers.filter((d) => d.assessmentId === a),
          scheme,
        )) {
          process.stdout.write(`\nAssessment ${a}: ${g.label}\n`);
          printTable(
            g.drivers.map((d: Driver) => ({
              id: d.id,
              no: d.number,
              name: short(d.name, 60),
              impact: d.impact,
              uncertainty: d.uncertainty,
              quadrant: s.QUADRANT_INFO[s.quadrantOf(d)].name,
              reviewed: d.reviewedOn,
              marking: d.marking,
              version: d.version,
            })),
          );
        }
      }
    },
  );

const show = withActing(command('show', 'show a driver with its evidence and review history (through earlier years)'))
  .argument('<id>')
  .action(async (id: string, options: StoreOptions) => {
    const { getDriver } = await import('../../store/index.js');
    const s = await scanning();
    const d = await withActor(options, (store, actor) => getDriver(store, actor, parseId('driver', id)));
    if (wantsJson(options)) return printJson(d);
    const groups = [
      d.challenge === null ? null : s.CHALLENGE_LABELS[d.challenge],
      d.pestelo === null ? null : `PESTELO: ${s.PESTELO_LABELS[d.pestelo]}`,
    ].filter((x) => x !== null);
    const out = [
      `Driver ${d.id} (number ${d.number}): ${d.name}`,
      `Assessment ${d.assessmentId}; ${groups.join('; ')}; ${d.marking}, version ${d.version}${d.carriedFrom === null ? '' : `; carried from driver ${d.carriedFrom}`}`,
      `Now: ${scores(d)} (reviewed ${d.reviewedOn}): ${s.QUADRANT_INFO[s.quadrantOf(d)].name}`,
      `Themes: ${d.themes.join('; ') || '-'}`,
      '',
      d.evidence.length === 0 ? 'No evidence notes.' : 'Evidence:',
      ...d.evidence.map((e) => `  - ${e.text}${e.source === null ? '' : ` (${e.source})`}`),
      '',
      'Reviews:',
      ...d.reviews.map(
        (r) => `  ${r.dated}  ${scores(r)}  by ${r.author} (assessment ${r.assessmentId})\n    ${r.note}`,
      ),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  });

const review = withActing(command('review', 'add a dated review: scores and a note (give the version you read)'))
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .requiredOption('--note <text>', 'why the scores are what they are now')
  .option('--impact <1-10>', 'new impact score (unchanged if left out)')
  .option('--uncertainty <1-10>', 'new uncertainty score (unchanged if left out)')
  .option('--dated <date>', 'YYYY-MM-DD (default: today)')
  .option('--evidence <text>', 'an evidence note to add (repeat for more)', collect)
  .option('--source <source>', 'the source of the evidence notes given')
  .action(
    async (
      id: string,
      options: StoreOptions &
        EvidenceOptions & {
          expectVersion: string;
          note: string;
          impact?: string;
          uncertainty?: string;
          dated?: string;
        },
    ) => {
      const { reviewDriver } = await import('../../store/index.js');
      const s = await scanning();
      const r = await withActor(options, (store, actor) =>
        reviewDriver(store, actor, parseId('driver', id), parseId('--expect-version', options.expectVersion), {
          note: options.note,
          dated: options.dated,
          evidence: evidenceOf(options),
          impact: options.impact === undefined ? undefined : s.parseDriverScore('impact', options.impact),
          uncertainty:
            options.uncertainty === undefined ? undefined : s.parseDriverScore('uncertainty', options.uncertainty),
        }),
      );
      if (wantsJson(options)) printJson(r);
      else
        process.stdout.write(
          `Driver ${r.driver.id} (number ${r.driver.number}) reviewed ${r.review.dated}: ${scores(r.driver)}, ${s.QUADRANT_INFO[s.quadrantOf(r.driver)].name}; version ${r.driver.version}\n`,
        );
    },
  );

const edit = withActing(
  command('edit', "change a driver's name, groups or themes, or add evidence (give the version you read)"),
)
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .option('--name <name>', 'new name')
  .option('--group <group>', 'social, partner or policing ("none" to remove)')
  .option('--pestelo <heading>', 'a PESTELO heading ("none" to remove)')
  .option('--themes <list>', 'replace the themes (separated by semicolons)')
  .option('--evidence <text>', 'an evidence note to add (repeat for more)', collect)
  .option('--source <source>', 'the source of the evidence notes given')
  .action(
    async (
      id: string,
      options: StoreOptions &
        EvidenceOptions & { expectVersion: string; name?: string; group?: string; pestelo?: string; themes?: string },
    ) => {
      const { updateDriver } = await import('../../store/index.js');
      const s = await scanning();
      const heading = <T>(value: string | undefined, parse: (v: string) => T) =>
        value === undefined ? undefined : value.trim().toLowerCase() === 'none' ? null : parse(value);
      const d = await withActor(options, (store, actor) =>
        updateDriver(store, actor, parseId('driver', id), parseId('--expect-version', options.expectVersion), {
          name: options.name,
          challenge: heading(options.group, s.parseChallengeGroup),
          pestelo: heading(options.pestelo, s.parsePesteloHeading),
          themes: options.themes?.split(';'),
          addEvidence: evidenceOf(options),
        }),
      );
      if (wantsJson(options)) printJson(d);
      else process.stdout.write(`Driver ${d.id} (number ${d.number}) is now version ${d.version}: ${d.name}\n`);
    },
  );

const matrix = withActing(
  command('matrix', "the impact x uncertainty matrix of an assessment's drivers, by quadrant (or as a grid)"),
)
  .argument('<assessment>')
  .option('--grid', 'draw the 10 x 10 grid of driver numbers, with a key')
  .action(async (assessment: string, options: StoreOptions & { grid?: boolean }) => {
    const { driverMatrix } = await import('../../store/index.js');
    const s = await scanning();
    const m = await withActor(options, (store, actor) => driverMatrix(store, actor, parseId('assessment', assessment)));
    if (wantsJson(options)) return printJson(m);
    const all = m.quadrants.flatMap((q) => q.drivers);
    const out = [
      `Drivers of assessment ${m.assessmentId}: impact x uncertainty (1-10; ${m.scale.highFrom}-10 is high). Marking: ${m.marking}`,
    ];
    if (options.grid === true) {
      out.push(
        '',
        ...s.gridLines(m.grid),
        '',
        ...[...all]
          .sort((a, b) => a.number - b.number)
          .map((d: DriverSummary) => `${String(d.number).padStart(3)}  ${d.name}`),
      );
    } else {
      for (const q of m.quadrants) {
        out.push('', `${q.name} (${q.impact} impact, ${q.uncertainty} uncertainty): ${q.use}`);
        out.push(
          ...(q.drivers.length === 0
            ? ['  (none)']
            : q.drivers.map((d) => `  ${String(d.number).padStart(2)}  ${d.name}  (${scores(d)})`)),
        );
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  });

const themes = withActing(
  command('themes', '"meta" use: all the drivers of an assessment together, with their cross-cutting themes'),
)
  .argument('<assessment>')
  .option('--by <scheme>', 'group by challenges (default) or pestelo', 'challenges')
  .action(async (assessment: string, options: StoreOptions & { by: string }) => {
    const { driverThemes } = await import('../../store/index.js');
    const s = await scanning();
    const meta = await withActor(options, (store, actor) =>
      driverThemes(store, actor, parseId('assessment', assessment), s.parseGroupingScheme(options.by)),
    );
    if (wantsJson(options)) return printJson(meta);
    const out = [`Drivers of assessment ${meta.assessmentId} (marking ${meta.marking})`];
    for (const g of meta.groups)
      out.push('', `${g.label}`, ...g.drivers.map((d) => `  ${String(d.number).padStart(2)}  ${d.name}`));
    out.push('', 'Themes (shared by two or more drivers are cross-cutting):');
    for (const t of meta.themes) {
      const groups = t.groups.map((g) => s.CHALLENGE_LABELS[g].replace(' Challenges', '')).join(', ');
      out.push(
        `  ${t.theme}: ${plural(t.drivers.length, 'driver')} (${t.drivers.map((d) => d.number).join(', ')})${groups === '' ? '' : `; ${groups}`}${t.crossCutting ? '' : '; not cross-cutting'}`,
      );
    }
    if (meta.themes.length === 0) out.push('  (none tagged)');
    process.stdout.write(`${out.join('\n')}\n`);
  });

const describeConfiguration = (c: DriverConfiguration) =>
  [
    `Configuration ${c.id}: ${c.topic} (assessment ${c.assessmentId}; ${c.marking}, version ${c.version}${c.carriedFrom === null ? '' : `; carried from configuration ${c.carriedFrom}`})`,
    ...(c.note === null ? [] : [`  ${c.note}`]),
    '  Primary drivers:',
    ...c.primary.map((d) => `    ${String(d.number).padStart(2)}  ${d.name}  (${scores(d)})`),
    '  Secondary drivers:',
    ...(c.secondary.length === 0
      ? ['    (none)']
      : c.secondary.map((d) => `    ${String(d.number).padStart(2)}  ${d.name}  (${scores(d)})`)),
  ].join('\n');

const configure = withActing(
  command(
    'configure',
    '"configured" use: keep a topic\'s primary and secondary drivers (by number), or change a configuration',
  ),
)
  .argument('[assessment]', 'assessment id (for a new configuration)')
  .option('--topic <topic>', 'the topic or proposal, e.g. "Cyber crime"')
  .option('--primary <numbers>', 'primary driver numbers, most relevant first (comma-separated)', listOption)
  .option('--secondary <numbers>', 'secondary driver numbers (comma-separated)', listOption)
  .option('--note <text>', 'a note on the configuration')
  .option('--configuration <id>', 'change this configuration instead of adding one')
  .option('--expect-version <n>', 'the version you read (with --configuration)')
  .option('--marking <marking>', 'at least the highest marking of its drivers (the default)')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      assessment: string | undefined,
      options: StoreOptions & {
        topic?: string;
        primary?: string[];
        secondary?: string[];
        note?: string;
        configuration?: string;
        expectVersion?: string;
        marking?: string;
        share?: string[];
      },
    ) => {
      const { createDriverConfiguration, updateDriverConfiguration } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const { usageError } = await import('../../errors.js');
      const c = await withActor(options, async (store, actor) => {
        if (options.configuration !== undefined) {
          if (options.expectVersion === undefined)
            throw usageError(
              'Changing a configuration needs --expect-version (the version you read; stra driver configurations shows it).',
            );
          return updateDriverConfiguration(
            store,
            actor,
            parseId('--configuration', options.configuration),
            parseId('--expect-version', options.expectVersion),
            {
              topic: options.topic,
              note: options.note,
              primary: options.primary === undefined ? undefined : numbers(options.primary, '--primary'),
              secondary: options.secondary === undefined ? undefined : numbers(options.secondary, '--secondary'),
            },
          );
        }
        if (assessment === undefined || options.topic === undefined || options.primary === undefined)
          throw usageError(
            'A new configuration needs the assessment, --topic and --primary (driver numbers): stra driver configure 2 --topic "Cyber crime" --primary 1,15 --secondary 12,14',
          );
        return createDriverConfiguration(store, actor, parseId('assessment', assessment), {
          topic: options.topic,
          primary: numbers(options.primary, '--primary'),
          secondary: numbers(options.secondary, '--secondary'),
          note: options.note,
          marking: options.marking === undefined ? undefined : parseMarking(options.marking),
          sharedWith: options.share,
        });
      });
      if (wantsJson(options)) printJson(c);
      else process.stdout.write(`${describeConfiguration(c)}\n`);
    },
  );

const configurations = withActing(command('configurations', 'list the configured uses you can see, with their drivers'))
  .argument('[assessment]', 'only this assessment')
  .option('--topic <topic>', 'only this topic')
  .action(async (assessment: string | undefined, options: StoreOptions & { topic?: string }) => {
    const { listDriverConfigurations } = await import('../../store/index.js');
    const found = await withActor(options, (store, actor) =>
      listDriverConfigurations(store, actor, {
        assessmentId: assessment === undefined ? undefined : parseId('assessment', assessment),
        topic: options.topic,
      }),
    );
    if (wantsJson(options)) return printJson(found);
    process.stdout.write(found.length === 0 ? '(none)\n' : `${found.map(describeConfiguration).join('\n\n')}\n`);
  });

const importDrivers = withActing(command('import', 'import drivers from a CSV into an assessment: all rows or none'))
  .argument('<assessment>')
  .argument('<file>')
  .action(async (assessment: string, file: string, options: StoreOptions) => {
    const { readFile } = await import('node:fs/promises');
    const { importDriversCsv } = await import('../../registers/drivers-csv.js');
    const text = await readFile(file, 'utf8');
    const drivers = await withActor(options, (store, actor) =>
      importDriversCsv(store, actor, parseId('assessment', assessment), text, file),
    );
    if (wantsJson(options)) printJson(drivers);
    else
      process.stdout.write(
        `Imported ${plural(drivers.length, 'driver')} into assessment ${assessment}: numbers ${drivers.map((d) => d.number).join(', ')}\n`,
      );
  });

const exportDrivers = withActing(command('export', 'write the drivers of an assessment as CSV to stdout or --out'))
  .argument('<assessment>')
  .option('--out <file>', 'write to this file')
  .action(async (assessment: string, options: StoreOptions & { out?: string }) => {
    const { exportDriversCsv } = await import('../../registers/drivers-csv.js');
    const { csv: text } = await withAuditedExport(
      options,
      { table: 'drivers', command: `stra driver export ${assessment}` },
      (store, actor) => exportDriversCsv(store, actor, parseId('assessment', assessment)),
    );
    if (options.out === undefined) return void process.stdout.write(text);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.out, text, 'utf8');
    const { readCsvRecords } = await import('../../csv-records.js');
    const rows = Math.max(0, readCsvRecords(text, options.out).length - 1);
    if (wantsJson(options)) printJson({ file: options.out, rows });
    else note(`Wrote ${plural(rows, 'driver')} to ${options.out}`);
  });

export const driverCommand = new Command('driver')
  .description(
    'environmental scanning: change drivers, their scores and history, the impact x uncertainty matrix, themes and configurations',
  )
  .addCommand(add)
  .addCommand(list)
  .addCommand(show)
  .addCommand(review)
  .addCommand(edit)
  .addCommand(matrix)
  .addCommand(themes)
  .addCommand(configure)
  .addCommand(configurations)
  .addCommand(importDrivers)
  .addCommand(exportDrivers);
