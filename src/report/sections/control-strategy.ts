/**
 * The Control Strategy (the seed's "Alliance Control Strategy"): the priorities, the intelligence
 * requirements and business as usual, each threat with the reason the bands place it there; then
 * each priority and intelligence requirement with its MoRiLE result (harm, likelihood, risk,
 * organisational gap, priority, confidence, assessors) and its narrative, then its plan as the
 * analysts wrote it in the browser (issue 14): the lead officer, the actions under each of the
 * strategy's headings, and the questions the intelligence requirement asks.
 *
 * Decision: the approved (or derived) strategy is one product marked with the highest marking of
 * all the assessment's threats. When that is above the build's clearance the store hides it, and
 * this part derives the strategy from the threats the build may show, banded by their own scores
 * (bands do not depend on other threats), and the build log says so.
 */
import {
  combinedView,
  controlStrategy,
  listStrategyPlans,
  listThreats,
  modelOfAssessment,
  type StrategyPlan,
  type Threat,
} from '../../store/index.js';
import {
  deriveControlStrategy,
  type Heading,
  type ScoringModel,
  type StrategyEntry,
} from '../../domain/morile/index.js';
import { findFactor, levelAt } from '../../domain/morile/levels.js';
import {
  assessorsWords,
  disagreementWords,
  reasonSentence,
  type EntryFacts,
  type StrategyList,
} from './strategy-words.js';
import { hiddenCount } from '../clearance.js';
import { bold, cell, method, para, text, traced, type Block, type TableBlock } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { omit, visibleOrNull, type Part } from './part.js';
import type { BuildContext } from '../context.js';
import { longDate } from '../dates.js';
import { plural, pluralByGroup } from '../../domain/plural.js';

export const controlStrategyPart: Part = {
  id: 'control-strategy',
  title: 'The Control Strategy',
  async build(ctx, log) {
    const view = await combinedView(ctx.store, ctx.actor, ctx.assessment.id);
    const model = await modelOfAssessment(ctx.store, ctx.actor, ctx.assessment.id);
    const approved = await visibleOrNull(() => controlStrategy(ctx.store, ctx.actor, ctx.assessment.id));
    const hidden = hiddenCount(
      await listThreats(ctx.store, ctx.builder, { assessmentId: ctx.assessment.id }),
      await listThreats(ctx.store, ctx.actor, { assessmentId: ctx.assessment.id }),
    );
    if (view.entries.length === 0) return omit('no scored threat the build may show');
    const strategy = approved?.strategy ?? deriveControlStrategy(model, view.ranked);
    // The status (draft or approved, by whom) is kept in a build that may not show the strategy itself.
    const full = approved ?? (await visibleOrNull(() => controlStrategy(ctx.store, ctx.builder, ctx.assessment.id)));
    if (approved === null) {
      (full === null ? log.note.bind(log) : log.withheld.bind(log))(
        'Control Strategy',
        `the assessment's Control Strategy is above the build's clearance ${ctx.clearance} (${hidden.count > 0 ? pluralByGroup(hidden.counts, 'threat') : 'records'} not shown); derived here from the bands of the ${plural(view.entries.length, 'threat')} shown, keeping its status (${full?.status ?? 'unknown'}).`,
      );
    }
    ctx.markings.add(approved?.marking ?? view.marking);
    const threats = new Map(
      (await listThreats(ctx.store, ctx.actor, { assessmentId: ctx.assessment.id })).map((t) => [t.id, t]),
    );
    const plans = new Map(
      (await listStrategyPlans(ctx.store, ctx.actor, ctx.assessment.id)).map((p) => [String(p.threatId), p]),
    );
    let plansShown = 0;
    const planCaptions: string[] = [];
    const status =
      full === null
        ? 'derived from the bands of the combined scores'
        : full.status === 'approved'
          ? `approved by ${full.approvedBy} on ${longDate(full.approvedAt ?? '')}`
          : 'a draft, awaiting approval by the Strategic Tasking and Co-ordination Group';
    const maxHarm = Math.max(...view.entries.map((x) => x.combined.harm));
    const maxLikelihood = Math.max(...view.entries.map((x) => x.combined.likelihood));
    const facts = (e: StrategyEntry): EntryFacts | undefined => {
      const c = view.entries.find((x) => String(x.threatId) === e.threatId)?.combined;
      return c === undefined
        ? undefined
        : {
            band: c.band.label,
            lowConfidence: c.lowConfidence,
            harmShare: maxHarm > 0 ? c.harm / maxHarm : 0,
            likelihoodShare: maxLikelihood > 0 ? c.likelihood / maxLikelihood : 0,
          };
    };
    const blocks: Block[] = [
      ...analystBlocks(ctx, log, 'control-strategy'),
      para(
        text(
          `The Control Strategy for ${ctx.assessment.period} (${status}) places each threat by the band of its combined MoRiLE score. It does not capture every issue; it identifies those to be given priority when resources are allocated and where more needs to be known.`,
        ),
      ),
      strategyTable(ctx, 'Priorities', 'priorities', strategy.priorities, facts),
      strategyTable(ctx, 'Intelligence requirements', 'intelligence', strategy.intelligenceRequirements, facts),
      strategyTable(ctx, 'Business as usual', 'business', strategy.businessAsUsual, facts),
    ];
    const detailed = [
      ...strategy.priorities,
      ...strategy.intelligenceRequirements.filter((e) => !strategy.priorities.some((p) => p.threatId === e.threatId)),
    ];
    for (const [title, list] of [
      ['Priorities', strategy.priorities],
      [
        'Intelligence requirement: what we need to know more about',
        detailed.filter((e) => !strategy.priorities.includes(e)),
      ],
    ] as const) {
      if (list.length === 0) continue;
      blocks.push({ kind: 'heading', level: 2, text: title, id: ctx.anchors.make(title) });
      for (const e of list) {
        blocks.push(
          ...threatDetail(
            ctx,
            model,
            e,
            threats.get(Number(e.threatId)),
            view.entries.find((x) => String(x.threatId) === e.threatId),
          ),
        );
        const plan = plans.get(e.threatId);
        if (plan !== undefined) {
          ctx.markings.add(plan.marking);
          plansShown += 1;
        }
        const written = planBlocks(ctx, e, strategy.headings, plan);
        for (const b of written) if (b.kind === 'table') planCaptions.push(b.caption);
        blocks.push(...written);
      }
    }
    blocks.push(
      method(
        text(
          `The score is the priority score on a scale of 0 to 1. Bands: ${model.bands.map((b) => `${b.label.toLowerCase()} from ${b.threshold}`).join(', ')}. A priority scored with low confidence is also an intelligence requirement. The scores of several assessors are combined by their ${ctx.assessment.combineMethod}.`,
        ),
      ),
    );
    const strategyFigure = log.figure(
      'Control Strategy tables and MoRiLE results',
      `${plural(strategy.priorities.length, 'priority', 'priorities')}, ${plural(strategy.intelligenceRequirements.length, 'intelligence requirement')}, ${strategy.businessAsUsual.length} business as usual`,
      {
        call: approved === null ? 'combinedView + deriveControlStrategy' : 'controlStrategy',
        query: { assessmentId: ctx.assessment.id },
        records: `threats ${view.entries.map((e) => e.threatId).join(', ')} and their scores`,
        method: `MoRiLE, ${model.id} v${model.version}`,
      },
    );
    const plansFigure = log.figure(
      'Control Strategy plans',
      `${plural(plansShown, 'plan')} (lead officer, actions under ${strategy.headings.map((h) => h.label.toLowerCase()).join(', ')}, questions)`,
      {
        call: 'listStrategyPlans',
        query: { assessmentId: ctx.assessment.id },
        records: `strategy plans of threats ${[...plans.keys()].join(', ') || 'none'}`,
        method: 'as written by the analysts',
      },
    );
    const planTables = new Set(planCaptions);
    const isPlan = (b: { caption: string }) => planTables.has(b.caption);
    return { blocks: traced(traced(blocks, plansFigure, isPlan), strategyFigure) };
  },
};

function strategyTable(
  ctx: BuildContext,
  title: string,
  list: StrategyList,
  entries: readonly StrategyEntry[],
  facts: (e: StrategyEntry) => EntryFacts | undefined,
): TableBlock {
  return {
    kind: 'table',
    id: ctx.anchors.make(`table-${title}`),
    caption: `Control Strategy ${ctx.assessment.period}: ${title.toLowerCase()}`,
    columns: [
      { header: 'Rank', align: 'right', width: 1 },
      { header: 'Threat', align: 'left', width: 4 },
      { header: 'Score', align: 'right', width: 1 },
      { header: 'Why it is here', align: 'left', width: 8 },
    ],
    rows:
      entries.length === 0
        ? [[cell('None.', { spanAll: true })]]
        : entries.map((e) => [
            cell(e.rank),
            cell(e.name),
            cell(e.s.toFixed(2)),
            cell(reasonSentence(list, e, facts(e))),
          ]),
  };
}

type Entry = Awaited<ReturnType<typeof combinedView>>['entries'][number];

function threatDetail(
  ctx: BuildContext,
  model: ScoringModel,
  e: StrategyEntry,
  threat: Threat | undefined,
  entry: Entry | undefined,
): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 3, text: e.name, id: ctx.anchors.make(`threat-${e.name}`) }];
  if (threat !== undefined && threat.description.trim() !== '') out.push(para(text(threat.description.trim())));
  if (entry !== undefined) {
    const c = entry.combined;
    const confidence = c.values.confidence;
    const factor = findFactor(model, 'confidence');
    const level = confidence === undefined || factor === undefined ? undefined : levelAt(factor, confidence);
    const confidenceWords =
      level === undefined
        ? 'Confidence was not scored.'
        : `Confidence in what we know is ${level.label}${c.lowConfidence ? ': intelligence is needed to confirm the assessment' : ''}.`;
    const disagree = entry.disagreements.map((d) => d.factor);
    out.push(
      para(
        text('MoRiLE result: '),
        {
          text: `harm ${c.harm.toFixed(1)} and likelihood ${c.likelihood.toFixed(1)} give a risk of ${c.risk.toFixed(1)}${c.orgGap === undefined ? '' : `; with an organisational gap of ${c.orgGap.toFixed(2)}`}, a priority score of ${c.priority.toFixed(1)}, in the ${c.band.label.toLowerCase()} band.`,
          bold: true,
        },
        text(
          ` ${confidenceWords} Scored by ${assessorsWords(entry.assessors.length)}${disagree.length > 0 ? `, who disagree on their ${disagreementWords(disagree)} score${disagree.length === 1 ? '' : 's'}` : ''}.`,
        ),
      ),
    );
  }
  return out;
}

/**
 * A threat's plan: its lead officer, a table of the actions under each heading (and under any
 * heading the plan has that the strategy no longer lists), and the questions it asks. A priority
 * with no plan yet says so, so a missing plan is seen rather than silently absent.
 */
function planBlocks(
  ctx: BuildContext,
  e: StrategyEntry,
  headings: readonly Heading[],
  plan: StrategyPlan | undefined,
): Block[] {
  if (plan === undefined) return [para(text('No lead officer or plan has been written for this threat yet.'))];
  const out: Block[] = [];
  out.push(para(bold('Lead officer: '), text(plan.leadOfficer === '' ? 'not yet named.' : `${plan.leadOfficer}.`)));
  const known = new Set(headings.map((h) => h.id));
  const under = [
    ...headings.map((h) => [h.label, plan.actions[h.id]] as const),
    ...Object.entries(plan.actions).filter(([id]) => !known.has(id)),
  ];
  if (Object.keys(plan.actions).length > 0)
    out.push({
      kind: 'table',
      id: ctx.anchors.make(`plan-${e.name}`),
      caption: `${e.name}: the plan under the Control Strategy headings`,
      columns: [
        { header: 'Heading', align: 'left', width: 2 },
        { header: 'Actions', align: 'left', width: 8 },
      ],
      rows: under.map(([label, actions]) => [cell(label, { bold: true }), cell(actions ?? 'None written.')]),
    });
  if (plan.questions.length > 0) {
    out.push(para(bold('What we need to know: '), text('the intelligence requirement asks')));
    out.push({ kind: 'list', ordered: true, items: plan.questions.map((q) => [text(q)]) });
  }
  return out;
}
