/**
 * `stra risk`: the strategic risk register. Add risks, list them, show one with its history,
 * record a monthly review (naming the version you read), edit the description, print the heat
 * map and the overdue-review list, and import or export the register and its review log as CSV.
 */
import { Command } from 'commander';
import { usageError } from '../../errors.js';
import { collect, parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import { command, listOption } from './common.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { withAuditedExport } from './export-audit.js';

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** A level or a scale size: a whole number (the store checks it against the risk's scale). */
function whole(what: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw usageError(`${what}: '${value}' is not a whole number.`);
  return Number(value);
}

async function parsed(options: { status?: string; marking?: string }) {
  const { parseRiskStatus } = await import('../../store/index.js');
  const { parseMarking } = await import('../../domain/marking.js');
  return {
    status: options.status === undefined ? undefined : parseRiskStatus(options.status),
    marking: options.marking === undefined ? undefined : parseMarking(options.marking),
  };
}

interface DescribeOptions {
  ref?: string;
  title?: string;
  category?: string;
  owner?: string;
  cause?: string;
  consequence?: string;
  likelihood?: string;
  impact?: string;
  mitigation?: string;
  action?: string[];
  nextReview?: string;
  marking?: string;
  share?: string[];
}

const describing = (cmd: Command, required: boolean): Command => {
  const opt = (flags: string, text: string) => (required ? cmd.requiredOption(flags, text) : cmd.option(flags, text));
  opt('--ref <reference>', 'the register reference, unique among the organisation risks you can see (e.g. SR01)');
  opt('--title <title>', 'a short name for the risk');
  opt('--category <category>', 'e.g. Operational, Organisational, Financial, People, ICT');
  opt('--owner <post>', 'the chief officer post that owns it (e.g. "Deputy Chief Constable")');
  opt('--likelihood <n>', 'inherent likelihood (before mitigation), 1 to the scale size');
  opt('--impact <n>', 'inherent harm/impact (before mitigation), 1 to the scale size');
  return cmd
    .option('--cause <text>', 'what could cause it')
    .option('--consequence <text>', 'what would follow')
    .option('--mitigation <text>', 'the narrative describing mitigation')
    .option('--action <text>', 'a mitigating action (repeat for each)', collect)
    .option('--next-review <date>', 'YYYY-MM-DD: when the next review is due')
    .option('--marking <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET')
    .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption);
};

const describedFields = (o: DescribeOptions) => ({
  reference: o.ref,
  title: o.title,
  category: o.category,
  owner: o.owner,
  cause: o.cause,
  consequence: o.consequence,
  mitigation: o.mitigation,
  actions: o.action,
  nextReview: o.nextReview,
  sharedWith: o.share,
});

const add = describing(
  withActing(command('add', 'add a risk to the register (its initial assessment is the first history entry)')),
  true,
)
  .requiredOption('--org <id>', 'the organisation whose register it is')
  .option('--scale <n>', 'levels per axis (default 5, a 5x5 scale)')
  .option('--residual-likelihood <n>', 'likelihood with mitigation in place (default: the inherent one)')
  .option('--residual-impact <n>', 'impact with mitigation in place (default: the inherent one)')
  .option('--identified <date>', 'YYYY-MM-DD: when it was first assessed (default: today)')
  .option('--status <status>', 'open (default), tolerated or closed')
  .option('--narrative <text>', 'the narrative of the initial assessment')
  .action(
    async (
      options: StoreOptions &
        DescribeOptions & {
          org: string;
          scale?: string;
          residualLikelihood?: string;
          residualImpact?: string;
          identified?: string;
          status?: string;
          narrative?: string;
        },
    ) => {
      const { createRisk } = await import('../../store/index.js');
      const { status, marking } = await parsed(options);
      const inherent = {
        likelihood: whole('--likelihood', options.likelihood) ?? 0,
        impact: whole('--impact', options.impact) ?? 0,
      };
      const rl = whole('--residual-likelihood', options.residualLikelihood);
      const ri = whole('--residual-impact', options.residualImpact);
      const r = await withActor(options, (store, actor) =>
        createRisk(store, actor, {
          ...describedFields(options),
          reference: options.ref ?? '',
          title: options.title ?? '',
          category: options.category ?? '',
          owner: options.owner ?? '',
          organisationId: options.org,
          scaleSize: whole('--scale', options.scale),
          inherent,
          residual:
            rl === undefined && ri === undefined
              ? undefined
              : { likelihood: rl ?? inherent.likelihood, impact: ri ?? inherent.impact },
          identifiedOn: options.identified,
          status,
          narrative: options.narrative,
          marking,
        }),
      );
      if (wantsJson(options)) printJson(r);
      else
        process.stdout.write(
          `Added risk ${r.id} ${r.reference} to ${r.organisationId}: residual ${r.residual.likelihood}x${r.residual.impact} = ${r.residual.score} (${r.status}, ${r.marking}); next review ${r.nextReview}\n`,
        );
    },
  );

const list = withActing(command('list', 'list the risks you can see'))
  .option('--org <id>', 'only this organisation')
  .option('--status <status>', 'only this status')
  .option('--owner <text>', 'owners containing this text')
  .option('--category <category>', 'only this category')
  .action(async (options: StoreOptions & { org?: string; status?: string; owner?: string; category?: string }) => {
    const { listRisks } = await import('../../store/index.js');
    const { MOVEMENT_ARROWS, ratingOf } = await import('../../domain/risk/index.js');
    const { status } = await parsed(options);
    const risks = await withActor(options, (store, actor) =>
      listRisks(store, actor, {
        organisationId: options.org,
        status,
        owner: options.owner,
        category: options.category,
      }),
    );
    if (wantsJson(options)) return printJson(risks);
    printTable(
      risks.map((r) => ({
        id: r.id,
        ref: r.reference,
        title: short(r.title, 38),
        owner: short(r.owner, 32),
        inherent: r.inherent.score,
        residual: `${r.residual.score} ${ratingOf({ size: r.scaleSize }, r.residual.score)}`,
        move: MOVEMENT_ARROWS[r.movement],
        next_review: r.nextReview,
        status: r.status,
        marking: r.marking,
        version: r.version,
      })),
    );
  });

const show = withActing(command('show', 'show a risk with its history of reviews'))
  .argument('<id>')
  .action(async (id: string, options: StoreOptions) => {
    const { getRisk } = await import('../../store/index.js');
    const { riskText } = await import('./risk-format.js');
    const r = await withActor(options, (store, actor) => getRisk(store, actor, parseId('risk', id)));
    if (wantsJson(options)) printJson(r);
    else process.stdout.write(riskText(r));
  });

const review = withActing(
  command(
    'review',
    'record a dated review: the residual likelihood and impact now, and why (give the version you read)',
  ),
)
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .requiredOption('--likelihood <n>', 'residual likelihood now')
  .requiredOption('--impact <n>', 'residual harm/impact now')
  .requiredOption('--narrative <text>', 'what changed and why')
  .option('--dated <date>', 'YYYY-MM-DD (default: today)')
  .option('--next-review <date>', 'YYYY-MM-DD (default: a month after this review)')
  .option('--status <status>', 'the status after this review (unchanged if left out)')
  .action(
    async (
      id: string,
      options: StoreOptions & {
        expectVersion: string;
        likelihood: string;
        impact: string;
        narrative: string;
        dated?: string;
        nextReview?: string;
        status?: string;
      },
    ) => {
      const { reviewRisk } = await import('../../store/index.js');
      const { status } = await parsed(options);
      const result = await withActor(options, (store, actor) =>
        reviewRisk(store, actor, parseId('risk', id), parseId('--expect-version', options.expectVersion), {
          likelihood: whole('--likelihood', options.likelihood) ?? 0,
          impact: whole('--impact', options.impact) ?? 0,
          narrative: options.narrative,
          dated: options.dated,
          nextReview: options.nextReview,
          status,
        }),
      );
      const { risk: r, review: v } = result;
      if (wantsJson(options)) printJson(result);
      else
        process.stdout.write(
          `Risk ${r.id} ${r.reference} reviewed ${v.dated}: residual ${v.likelihood}x${v.impact} = ${v.score} (${r.status}), version ${r.version}; next review ${r.nextReview}\n`,
        );
    },
  );

const edit = describing(
  withActing(command('edit', "edit a risk's description (give the version you read); its history is kept")),
  false,
)
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .action(async (id: string, options: StoreOptions & DescribeOptions & { expectVersion: string }) => {
    const { updateRisk } = await import('../../store/index.js');
    const { marking } = await parsed(options);
    const l = whole('--likelihood', options.likelihood);
    const i = whole('--impact', options.impact);
    const r = await withActor(options, async (store, actor) => {
      const { getRisk } = await import('../../store/index.js');
      const inherent =
        l === undefined && i === undefined
          ? undefined
          : await (async () => {
              const now = await getRisk(store, actor, parseId('risk', id));
              return { likelihood: l ?? now.inherent.likelihood, impact: i ?? now.inherent.impact };
            })();
      return updateRisk(store, actor, parseId('risk', id), parseId('--expect-version', options.expectVersion), {
        ...describedFields(options),
        inherent,
        marking,
      });
    });
    if (wantsJson(options)) printJson(r);
    else process.stdout.write(`Risk ${r.id} ${r.reference} is now version ${r.version}\n`);
  });

const heatmap = withActing(
  command('heatmap', 'the heat map: risks per likelihood x impact cell, with movement since the previous review'),
)
  .option('--org <id>', 'only this organisation')
  .option('--scale <n>', 'the scale size to map (default: the one most risks use)')
  .option('--include-closed', 'also map closed risks')
  .action(async (options: StoreOptions & { org?: string; scale?: string; includeClosed?: boolean }) => {
    const { riskHeatMap } = await import('../../store/index.js');
    const { heatMapText } = await import('./risk-format.js');
    const map = await withActor(options, (store, actor) =>
      riskHeatMap(store, actor, {
        organisationId: options.org,
        scaleSize: whole('--scale', options.scale),
        includeClosed: options.includeClosed,
      }),
    );
    if (wantsJson(options)) printJson(map);
    else
      process.stdout.write(
        heatMapText(map, `Strategic risk heat map${options.org === undefined ? '' : ` of ${options.org}`}`),
      );
  });

const overdue = withActing(
  command('overdue', 'risks whose review was due before a date (default today), longest overdue first'),
)
  .option('--org <id>', 'only this organisation')
  .option('--as-of <date>', 'YYYY-MM-DD (default: today)')
  .action(async (options: StoreOptions & { org?: string; asOf?: string }) => {
    const { overdueRiskReviews } = await import('../../store/index.js');
    const result = await withActor(options, (store, actor) =>
      overdueRiskReviews(store, actor, { organisationId: options.org, asOf: options.asOf }),
    );
    if (wantsJson(options)) return printJson(result);
    process.stdout.write(
      `Reviews due before ${result.asOf}: ${result.risks.length} overdue (marked ${result.marking})\n`,
    );
    printTable(
      result.risks.map((r) => ({
        id: r.id,
        ref: r.reference,
        title: short(r.title, 40),
        owner: short(r.owner, 34),
        next_review: r.nextReview,
        days_overdue: r.daysOverdue,
        status: r.status,
        version: r.version,
      })),
    );
  });

const importRisks = withActing(
  command('import', 'import a register CSV (or, with --reviews, a review log) into an organisation: all rows or none'),
)
  .argument('<file>')
  .requiredOption('--org <id>', 'the organisation whose register it is')
  .option('--reviews', 'the file is a review log (reference, dated, likelihood, impact, narrative, ...)')
  .action(async (file: string, options: StoreOptions & { org: string; reviews?: boolean }) => {
    const { readFile } = await import('node:fs/promises');
    const csv = await import('../../registers/risks-csv.js');
    const text = await readFile(file, 'utf8');
    if (options.reviews === true) {
      const s = await withActor(options, (store, actor) =>
        csv.importRiskReviewsCsv(store, actor, options.org, text, file),
      );
      if (wantsJson(options)) printJson(s);
      else
        process.stdout.write(
          `Added ${s.added} review${s.added === 1 ? '' : 's'} to ${options.org}'s risks (${s.unchanged} already in the history)\n`,
        );
      return;
    }
    const risks = await withActor(options, (store, actor) => csv.importRisksCsv(store, actor, options.org, text, file));
    if (wantsJson(options)) printJson(risks);
    else
      process.stdout.write(
        `Imported ${risks.length} risk${risks.length === 1 ? '' : 's'} into ${options.org}: ${risks.map((r) => r.reference).join(', ')}\n`,
      );
  });

const exportRisks = withActing(
  command('export', 'write the register (or, with --reviews, the review log) as CSV to stdout or --out'),
)
  .option('--org <id>', 'only this organisation')
  .option('--reviews', 'write the review log (every dated history entry)')
  .option('--out <file>', 'write to this file')
  .action(async (options: StoreOptions & { org?: string; reviews?: boolean; out?: string }) => {
    const csv = await import('../../registers/risks-csv.js');
    const command = [
      'stra risk export',
      ...(options.org ? ['--org', options.org] : []),
      ...(options.reviews ? ['--reviews'] : []),
    ].join(' ');
    const { csv: text } = await withAuditedExport(
      options,
      { table: options.reviews === true ? 'risk_reviews' : 'risks', command },
      (store, actor) =>
        options.reviews === true
          ? csv.exportRiskReviewsCsv(store, actor, options.org)
          : csv.exportRisksCsv(store, actor, options.org),
    );
    if (options.out === undefined) return void process.stdout.write(text);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.out, text, 'utf8');
    const { readCsvRecords } = await import('../../csv-records.js');
    const rows = Math.max(0, readCsvRecords(text, options.out).length - 1);
    if (wantsJson(options)) printJson({ file: options.out, rows });
    else
      note(
        `Wrote ${rows} ${options.reviews === true ? 'review' : 'risk'} row${rows === 1 ? '' : 's'} to ${options.out}`,
      );
  });

export const riskCommand = new Command('risk')
  .description('the strategic risk register: risks, monthly reviews, heat map, overdue reviews')
  .addCommand(add)
  .addCommand(list)
  .addCommand(show)
  .addCommand(review)
  .addCommand(edit)
  .addCommand(heatmap)
  .addCommand(overdue)
  .addCommand(importRisks)
  .addCommand(exportRisks);
