/**
 * `stra inspection`: the inspections register. Inspections (HMIC/HMICFRS ...) with their grade,
 * their findings (areas for improvement, recommendations, causes of concern) with owner, status
 * and dated progress updates that only ever add, and CSV in and out. Every change names the
 * version it read (`--expect-version`), as `show` and `--json` print it.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { deliverExport, printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';

type Shared = StoreOptions & { marking?: string; share?: string[] };

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const marking = async (value: string | undefined) =>
  value === undefined ? undefined : (await import('../../domain/marking.js')).parseMarking(value);
const terms = () => import('../../domain/plans/terms.js');

const add = withActing(command('add', 'add an inspection and the grade it gave'))
  .requiredOption('--org <id>', 'the force (or alliance) inspected, who owns the findings')
  .requiredOption('--body <body>', 'the inspectorate, e.g. HMIC or HMICFRS')
  .requiredOption('--title <title>', 'e.g. "PEEL: Legitimacy 2016"')
  .option('--dated <date>', 'as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD')
  .option('--grade <grade>', 'outstanding, good, requires improvement, inadequate or not graded')
  .option('--source <where>', 'the report (an address or document)')
  .option('--marking <marking>', 'OFFICIAL (default), OFFICIAL-SENSITIVE or SECRET')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      options: Shared & { org: string; body: string; title: string; dated?: string; grade?: string; source?: string },
    ) => {
      const { createInspection } = await import('../../store/index.js');
      const { parseInspectionGrade } = await terms();
      const i = await withActor(options, async (store, actor) =>
        createInspection(store, actor, {
          organisationId: options.org,
          body: options.body,
          title: options.title,
          dated: options.dated,
          source: options.source,
          sharedWith: options.share,
          grade: options.grade === undefined ? undefined : parseInspectionGrade(options.grade),
          marking: await marking(options.marking),
        }),
      );
      if (wantsJson(options)) printJson(i);
      else
        process.stdout.write(
          `Added inspection ${i.id}: ${i.body} ${i.title} (${i.dated ?? 'undated'}, ${i.grade ?? 'no grade'}, ${i.marking}, version ${i.version})\n`,
        );
    },
  );

const list = withActing(command('list', 'list the inspections you can see, with their findings counted'))
  .option('--org <id>', 'only inspections of this organisation')
  .option('--body <body>', 'only this inspectorate')
  .action(async (options: StoreOptions & { org?: string; body?: string }) => {
    const { listInspections } = await import('../../store/index.js');
    const rows = await withActor(options, (store, actor) =>
      listInspections(store, actor, { organisationId: options.org, body: options.body }),
    );
    if (wantsJson(options)) printJson(rows);
    else
      printTable(
        rows.map((i) => ({
          id: i.id,
          body: i.body,
          inspection: short(i.title, 40),
          dated: i.dated ?? '-',
          grade: i.grade ?? '-',
          findings: i.findings,
          open: i.open,
          organisation: i.organisationId,
          marking: i.marking,
          version: i.version,
        })),
      );
  });

const show = withActing(command('show', 'show an inspection with its findings'))
  .argument('<inspection>')
  .action(async (id: string, options: StoreOptions) => {
    const { getInspection } = await import('../../store/index.js');
    const i = await withActor(options, (store, actor) => getInspection(store, actor, parseId('inspection', id)));
    if (wantsJson(options)) return printJson(i);
    process.stdout.write(
      `Inspection ${i.id}: ${i.body} ${i.title} (${i.dated ?? 'undated'}), graded ${i.grade ?? '-'}, ${i.organisationId} (${i.marking}, version ${i.version})\n`,
    );
    if (i.source !== null) process.stdout.write(`Source: ${i.source}\n`);
    process.stdout.write('\n');
    printTable(
      i.findings.map((f) => ({
        id: f.id,
        ref: f.reference ?? '-',
        kind: f.kind,
        status: f.status,
        owner: f.owner ?? '-',
        marking: f.marking,
        finding: short(f.text, 70),
      })),
    );
  });

const edit = withActing(command('edit', "correct an inspection's details or record its grade"))
  .argument('<inspection>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .option('--body <body>')
  .option('--title <title>')
  .option('--dated <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
  .option('--grade <grade>')
  .option('--source <where>')
  .action(
    async (
      id: string,
      options: StoreOptions & {
        expectVersion: string;
        body?: string;
        title?: string;
        dated?: string;
        grade?: string;
        source?: string;
      },
    ) => {
      const { updateInspection } = await import('../../store/index.js');
      const { parseInspectionGrade } = await terms();
      const i = await withActor(options, (store, actor) =>
        updateInspection(store, actor, parseId('inspection', id), parseId('--expect-version', options.expectVersion), {
          body: options.body,
          title: options.title,
          dated: options.dated,
          source: options.source,
          grade: options.grade === undefined ? undefined : parseInspectionGrade(options.grade),
        }),
      );
      if (wantsJson(options)) printJson(i);
      else
        process.stdout.write(
          `Inspection ${i.id} is now version ${i.version}: ${i.body} ${i.title} (${i.dated ?? 'undated'}, ${i.grade ?? 'no grade'})\n`,
        );
    },
  );

const findingAdd = withActing(command('add', 'add a finding (an area for improvement by default) to an inspection'))
  .argument('<inspection>')
  .requiredOption('--text <text>', 'the finding as the inspectorate wrote it')
  .option('--kind <kind>', 'area_for_improvement (default), recommendation or cause_of_concern')
  .option('--reference <ref>', "the inspectorate's number for it")
  .option('--detail <text>', 'the detailed findings behind it')
  .option('--owner <who>', 'the owner (a portfolio or post)')
  .option('--status <status>', 'open (default), in_progress, complete or superseded')
  .option('--marking <marking>', "the inspection's marking by default; never lower")
  .option('--share <orgs>', 'share with these organisations (the inspection must be shared with them)', listOption)
  .action(
    async (
      inspection: string,
      options: Shared & {
        text: string;
        kind?: string;
        reference?: string;
        detail?: string;
        owner?: string;
        status?: string;
      },
    ) => {
      const { addInspectionFinding } = await import('../../store/index.js');
      const { parseFindingKind, parseFindingStatus } = await terms();
      const f = await withActor(options, async (store, actor) =>
        addInspectionFinding(store, actor, parseId('inspection', inspection), {
          text: options.text,
          reference: options.reference,
          detail: options.detail,
          owner: options.owner,
          sharedWith: options.share,
          kind: options.kind === undefined ? undefined : parseFindingKind(options.kind),
          status: options.status === undefined ? undefined : parseFindingStatus(options.status),
          marking: await marking(options.marking),
        }),
      );
      if (wantsJson(options)) printJson(f);
      else
        process.stdout.write(
          `Added finding ${f.id} to inspection ${f.inspectionId}: ${f.kind} (${f.status}, ${f.marking})\n`,
        );
    },
  );

const findingList = withActing(command('list', 'list the findings you can see'))
  .option('--inspection <id>', 'only this inspection')
  .option('--org <id>', 'only this organisation')
  .option('--status <status>', 'only this status')
  .action(async (options: StoreOptions & { inspection?: string; org?: string; status?: string }) => {
    const { listInspectionFindings } = await import('../../store/index.js');
    const { parseFindingStatus } = await terms();
    const rows = await withActor(options, (store, actor) =>
      listInspectionFindings(store, actor, {
        inspectionId: options.inspection === undefined ? undefined : parseId('--inspection', options.inspection),
        organisationId: options.org,
        status: options.status === undefined ? undefined : parseFindingStatus(options.status),
      }),
    );
    if (wantsJson(options)) printJson(rows);
    else
      printTable(
        rows.map((f) => ({
          id: f.id,
          inspection: short(`${f.body} ${f.inspection}`, 36),
          kind: f.kind,
          status: f.status,
          owner: f.owner ?? '-',
          version: f.version,
          finding: short(f.text, 60),
        })),
      );
  });

const findingShow = withActing(command('show', 'show a finding with its update history'))
  .argument('<finding>')
  .action(async (id: string, options: StoreOptions) => {
    const { getInspectionFinding } = await import('../../store/index.js');
    const f = await withActor(options, (store, actor) => getInspectionFinding(store, actor, parseId('finding', id)));
    if (wantsJson(options)) return printJson(f);
    process.stdout.write(
      `Finding ${f.id}${f.reference === null ? '' : ` (${f.reference})`}: ${f.kind} of inspection ${f.inspectionId}, ${f.body} ${f.inspection} (${f.status}, ${f.marking}, version ${f.version})\n`,
    );
    process.stdout.write(
      `Owner: ${f.owner ?? '-'}\n${f.text}\n${f.detail === null ? '' : `\nDetail:\n  ${f.detail.replace(/\n/g, '\n  ')}\n`}\n`,
    );
    if (f.updates.length === 0) process.stdout.write('No updates yet.\n');
    for (const u of f.updates)
      process.stdout.write(`${u.dated}  ${u.statusAfter}  by ${u.author}\n  ${u.text.replace(/\n/g, '\n  ')}\n`);
  });

const findingUpdate = withActing(command('update', 'add a dated progress update (give the version you read)'))
  .argument('<finding>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .requiredOption('--text <text>', 'the progress update')
  .option('--status <status>', 'the status after this update (unchanged if left out)')
  .option('--dated <date>', 'YYYY-MM-DD (default: today)')
  .action(
    async (
      id: string,
      options: StoreOptions & { expectVersion: string; text: string; status?: string; dated?: string },
    ) => {
      const { addInspectionFindingUpdate } = await import('../../store/index.js');
      const { parseFindingStatus } = await terms();
      const r = await withActor(options, (store, actor) =>
        addInspectionFindingUpdate(
          store,
          actor,
          parseId('finding', id),
          parseId('--expect-version', options.expectVersion),
          {
            text: options.text,
            dated: options.dated,
            status: options.status === undefined ? undefined : parseFindingStatus(options.status),
          },
        ),
      );
      if (wantsJson(options)) printJson(r);
      else
        process.stdout.write(
          `Finding ${r.finding.id} is now ${r.finding.status}, version ${r.finding.version} (update ${r.update.id}, ${r.update.dated})\n`,
        );
    },
  );

const finding = new Command('finding')
  .description("an inspection's findings and their progress")
  .addCommand(findingAdd)
  .addCommand(findingList)
  .addCommand(findingShow)
  .addCommand(findingUpdate);

const importCmd = withActing(command('import', 'import findings from a CSV (an improvement tracker): all rows or none'))
  .argument('<file>')
  .requiredOption('--org <id>', 'the organisation whose inspections they are')
  .action(async (file: string, options: StoreOptions & { org: string }) => {
    const { importInspectionFindingsCsv } = await import('../../registers/inspections-csv.js');
    const text = await readFile(file, 'utf8');
    const rows = await withActor(options, (store, actor) =>
      importInspectionFindingsCsv(store, actor, options.org, text, file),
    );
    if (wantsJson(options)) printJson(rows);
    else
      process.stdout.write(
        `Imported ${file}: ${rows.length} findings of ${new Set(rows.map((f) => f.inspectionId)).size} inspections\n`,
      );
  });

const exportCmd = withActing(command('export', 'export the findings you can see as CSV, each with its latest update'))
  .option('--org <id>', 'only this organisation')
  .option('--inspection <id>', 'only this inspection')
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .action(async (options: StoreOptions & { org?: string; inspection?: string; out?: string }) => {
    const { exportInspectionFindingsCsv } = await import('../../registers/inspections-csv.js');
    const r = await withActor(options, (store, actor) =>
      exportInspectionFindingsCsv(store, actor, {
        organisationId: options.org,
        inspectionId: options.inspection === undefined ? undefined : parseId('--inspection', options.inspection),
      }),
    );
    await deliverExport(r, options.out, `${r.rows} findings`);
  });

export const inspectionCommand = new Command('inspection')
  .description('inspections (HMIC/HMICFRS): grades, areas for improvement, owners, status and progress')
  .addCommand(add)
  .addCommand(list)
  .addCommand(show)
  .addCommand(edit)
  .addCommand(finding)
  .addCommand(importCmd)
  .addCommand(exportCmd);
