/**
 * Building the Strategic Assessment: the document model from the store, warehouse, indicators and
 * analyst text, as the builder with their clearance capped at the one asked for. Sections are
 * built in the seed's order so footnotes number in reading order; each part either contributes
 * blocks or is omitted with its reason in the build log; the document prints the highest marking
 * of what it contains. Charts are drawn to SVG here, once, so every format shows the same picture.
 */
import { markingRank, type Marking } from '../domain/marking.js';
import type { Period } from '../domain/crime/periods.js';
import { StraError } from '../errors.js';
import { indicatorPaths } from '../indicators/store.js';
import { getAssessment, getAssessmentSettings, listOrganisations, type Actor, type Store } from '../store/index.js';
import { visibleOrNull } from './sections/part.js';
import type { Warehouse } from '../warehouse/reader.js';
import { LogBook, type LogEntry } from './build-log.js';
import { chartSvg } from './charts/svg.js';
import { cappedActor } from './clearance.js';
import { Anchors, Markings, type BuildContext, type Force } from './context.js';
import { chooseDataPeriod } from './data-period.js';
import { Footnotes } from './footnotes.js';
import { traced, type Block, type ReportDocument, type Section } from './model.js';
import { DOCUMENT_PLAN, needsPartHeading } from './plan.js';
import { findAssessment } from './resolve.js';
import { periodWords } from './sections/crime-data.js';
import { readAnalystText, type AnalystText } from './text/analyst-text.js';
import { checkSeedSections, type PartOutcome } from './seed-sections.js';
import { storedText, type TextPart } from './text/stored-text.js';
import { plural } from '../domain/plural.js';
import { withheldThreats } from '../assessment/blind-scoring.js';

export interface BuildOptions {
  readonly store: Store;
  /** Who builds it; the build reads as them with their clearance capped at `clearance`. */
  readonly builder: Actor;
  /** An id ("2") or a period ("2017/18"). */
  readonly assessment: string;
  readonly clearance: Marking;
  readonly workspaceRoot: string;
  /** The crime warehouse, or null when the workspace has none (crime sections are omitted). */
  readonly warehouse: Warehouse | null;
  /** The crime data period; default chosen by chooseDataPeriod. */
  readonly dataPeriod?: Period | undefined;
  readonly now?: () => Date;
  readonly onProgress?: (step: string, done: number, total: number) => void;
}

export interface BuildResult {
  readonly document: ReportDocument;
  readonly log: LogBook;
  readonly timings: Record<string, number>;
}

export async function buildDocument(o: BuildOptions): Promise<BuildResult> {
  const now = o.now ?? (() => new Date());
  const log = new LogBook('document');
  const timings: Record<string, number> = {};
  const started = performance.now();
  const actor = cappedActor(o.builder, o.clearance);
  const clearance = actor.clearance;
  if (markingRank(o.clearance) > markingRank(o.builder.clearance)) {
    log.warning(
      'Clearance',
      `${o.builder.username} holds ${o.builder.clearance}; the document is built at that clearance, not ${o.clearance}.`,
    );
  }
  const assessment = await findAssessment(o.store, actor, o.assessment);
  await refuseWhileScoringBlind(o.store, o.builder, assessment.id);
  const previous =
    assessment.previousId === null
      ? null
      : await visibleOrNull(() => getAssessment(o.store, actor, assessment.previousId!));
  const organisations = await listOrganisations(o.store);
  const own = organisations.find((x) => x.id === assessment.organisationId);
  const forces: Force[] = organisations
    .filter(
      (x) => x.kind === 'force' && (x.id === assessment.organisationId || x.parentId === assessment.organisationId),
    )
    .map((x) => ({ id: x.id, name: x.name }));
  // The parts' text from the store (as the builder: the log names what the clearance withholds);
  // the title page's settings from the workspace folder, where any Markdown left is only noticed.
  const folder = await readAnalystText(o.workspaceRoot, assessment.period, assessment.marking);
  const text = {
    parts: await storedText(o.store, o.builder, assessment.id),
    settings: folder.settings,
    settingsFile: folder.settingsFile,
    folder: folder.folder,
  };
  const settings = text.settings;
  // The title and organisation set in the browser for this assessment (migration 021) come first.
  const stored = await getAssessmentSettings(o.store, actor, assessment.id);
  const titlePageShown = settings.marking === undefined || markingRank(settings.marking) <= markingRank(clearance);
  const date = (titlePageShown ? settings.date : undefined) ?? now().toISOString().slice(0, 10);
  const choice =
    o.warehouse === null
      ? {
          period: null,
          partYear: false,
          reason: `the workspace has no crime warehouse${o.dataPeriod ? ` (the period asked for, ${o.dataPeriod.label}, cannot be used)` : ''}`,
        }
      : chooseDataPeriod(
          o.warehouse.catalog,
          forces.map((f) => f.id),
          date,
          o.dataPeriod,
        );
  log.note(
    'Data period',
    choice.period === null
      ? `no crime figures: ${choice.reason}`
      : `${choice.period.label} (${choice.period.first} to ${choice.period.last}): ${choice.reason}`,
  );
  noteText(log, text.parts, folder, assessment);
  const ctx: BuildContext = {
    store: o.store,
    actor,
    builder: o.builder,
    clearance,
    assessment,
    previous,
    organisationName: own?.name ?? assessment.organisationId,
    forces,
    warehouse: o.warehouse,
    dataPeriod: choice.period,
    partYear: choice.partYear,
    documentDate: date,
    indicators: indicatorPaths(o.workspaceRoot),
    text,
    footnotes: new Footnotes(),
    anchors: new Anchors(),
    markings: new Markings(),
  };
  ctx.markings.add(assessment.marking);
  timings.prepare = performance.now() - started;

  const sections: Section[] = [];
  const outcomes = new Map<string, PartOutcome>();
  const parts = DOCUMENT_PLAN.flatMap((s) => s.parts);
  let done = 0;
  for (const planned of DOCUMENT_PLAN) {
    const blocks: Block[] = [];
    for (const part of planned.parts) {
      o.onProgress?.(part.title, done, parts.length + 1);
      const t = performance.now();
      const partLog = log.for(part.id);
      const logged = log.entries.length;
      // A record the build may not see, or a register not in a state to report, omits the part;
      // anything else (a malformed text file, a bug) stops the build with its message.
      const result = await part.build(ctx, partLog).catch((err: unknown) => {
        if (err instanceof StraError && (err.code === 'NOT_FOUND' || err.code === 'STATE' || err.code === 'FORBIDDEN'))
          return { omitted: err.message };
        throw err;
      });
      timings[part.id] = performance.now() - t;
      done += 1;
      outcomes.set(part.id, result);
      if ('omitted' in result) {
        partLog.omitted(part.title, result.omitted);
        continue;
      }
      if (needsPartHeading(planned, part))
        blocks.push({ kind: 'heading', level: 2, text: part.title, id: ctx.anchors.make(part.title) });
      blocks.push(...traceToPart(result.blocks, log.entries.slice(logged)));
    }
    if (blocks.length > 0)
      sections.push({
        id: ctx.anchors.make(planned.id),
        number: `Section ${sections.length + 1}`,
        title: planned.title,
        blocks,
      });
  }
  noteSeedSections(log, outcomes);
  o.onProgress?.('Charts', done, parts.length + 1);
  const t = performance.now();
  const numbered = numberCaptions(sections, log);
  timings.charts = performance.now() - t;
  o.onProgress?.('Done', parts.length + 1, parts.length + 1);

  if (!titlePageShown)
    log.withheld(
      'document.json',
      `marked ${settings.marking}, above the build's clearance: the title, organisation, author, purpose and date it gives are not printed.`,
    );
  else if (text.settingsFile !== null) ctx.markings.add(settings.marking ?? assessment.marking);
  const document: ReportDocument = {
    meta: {
      // The assessment's own settings, else document.json, may name the title and organisation.
      title: stored.documentTitle ?? (titlePageShown ? settings.title : undefined) ?? assessment.title,
      organisation:
        stored.documentOrganisation ?? (titlePageShown ? settings.organisation : undefined) ?? ctx.organisationName,
      assessmentId: assessment.id,
      period: assessment.period,
      versionLabel: assessment.versionLabel,
      status: assessment.status,
      purpose: titlePageShown ? (settings.purpose ?? null) : null,
      author: (titlePageShown ? settings.author : undefined) ?? ctx.organisationName,
      date,
      marking: ctx.markings.highest,
      clearance,
      dataPeriod:
        choice.period === null
          ? null
          : `${periodWords(choice.period)}: ${choice.partYear ? 'a part year' : choice.reason.split(' (')[0]}`,
      withheld: log.anyWithheld,
    },
    sections: numbered,
    footnotes: ctx.footnotes.list,
  };
  timings.total = performance.now() - started;
  return { document, log, timings };
}

/** The seed's contents against what was built: each seed section not in the document, and why. */
function noteSeedSections(log: LogBook, outcomes: ReadonlyMap<string, PartOutcome>): void {
  const check = checkSeedSections(outcomes);
  const total = check.present.length + check.missing.length;
  log.note(
    "The seed's sections",
    check.missing.length === 0
      ? `all ${total} are in this document`
      : `${check.present.length} of ${total} are in this document; ${check.missing.length === 1 ? 'this one is' : `these ${check.missing.length} are`} not:`,
  );
  for (const m of check.missing) log.note(`The seed's sections: ${m.title}`, m.why);
}

function noteText(
  log: LogBook,
  parts: ReadonlyMap<string, readonly TextPart[]>,
  folder: AnalystText,
  assessment: { id: number; period: string },
): void {
  log.note(
    'Analyst text',
    parts.size === 0
      ? `none in the store for ${assessment.period}: parts made only of analyst text are omitted. Write them on the assessment's Text page (see docs/report.md).`
      : `${plural(parts.size, 'part')} from the store (${[...parts].map(([part, texts]) => (texts.length === 1 ? part : `${part}: ${texts.map((t) => t.marking).join(', ')}`)).join('; ')}); each part prints its highest-marked text the build's clearance allows`,
  );
  const files = [...folder.parts.keys()];
  if (files.length > 0)
    log.warning(
      'Analyst text',
      `${folder.folder} holds Markdown (${files.map((f) => `${f}.md`).join(', ')}) that the document no longer reads: the text is kept in the store. Bring it in with: stra text import ${folder.folder} --assessment ${assessment.id}`,
    );
  for (const name of folder.unknown)
    log.warning(
      'Analyst text',
      `${name} in ${folder.folder} is not used: the folder is read only for document.json (and by stra text import, for the parts' Markdown).`,
    );
}

/**
 * A part's tables and charts that its builder did not trace to a figure entry, traced to the one
 * figure the part logged besides its analyst text, when there is exactly one (most parts log one
 * figure for all they draw); a part logging several traces each block itself.
 */
function traceToPart(blocks: readonly Block[], entries: readonly LogEntry[]): Block[] {
  const figures = entries.filter(
    (e) => e.kind === 'figure' && e.id !== undefined && e.source?.call !== 'listAnalystTexts',
  );
  return figures.length === 1 ? traced(blocks, figures[0]!.id!) : [...blocks];
}

/**
 * "Figure 3: ..." and "Table 7: ..." in document order, each chart drawn to SVG, and each number
 * recorded on the build-log entry the block is traced to (build-log.html lists what each backs).
 */
function numberCaptions(sections: readonly Section[], log: LogBook): Section[] {
  let figures = 0;
  let tables = 0;
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b): Block => {
      if (b.kind === 'table') {
        const number = `Table ${++tables}`;
        if (b.trace !== undefined) log.shown(b.trace, { number, anchor: b.id });
        return { ...b, number, caption: `${number}: ${b.caption}` };
      }
      if (b.kind !== 'chart') return b;
      const number = `Figure ${++figures}`;
      if (b.trace !== undefined) log.shown(b.trace, { number, anchor: b.id });
      const caption = `${number}: ${b.caption}`;
      return {
        ...b,
        number,
        caption,
        table: { ...b.table, caption: `The figures behind figure ${figures}: ${b.table.caption}` },
        svg: chartSvg(b.option, b.width, b.height, caption),
      };
    }),
  }));
}

/**
 * Blind scoring holds for the document too: it ranks every threat, so someone still scoring an
 * open assessment (with threats left to score) cannot build it until they have scored them all.
 */
async function refuseWhileScoringBlind(store: Store, builder: Actor, assessmentId: number): Promise<void> {
  const withheld = await withheldThreats(store, builder, assessmentId);
  if (withheld.size === 0) return;
  throw new StraError(
    'FORBIDDEN',
    `You are scoring this assessment and have ${plural(withheld.size, 'threat')} still to score; the document shows every threat's result, ` +
      'so build it once you have scored them all, or ask someone who is not scoring it.',
  );
}
