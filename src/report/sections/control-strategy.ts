/**
 * The Control Strategy (the seed's "Alliance Control Strategy"): the priorities, the intelligence
 * requirements and business as usual, each threat with the reason the bands place it there; then
 * each priority and intelligence requirement with its MoRiLE result (harm, likelihood, risk,
 * organisational gap, priority, confidence, assessors) and its narrative.
 *
 * Decision: the approved (or derived) strategy is one product marked with the highest marking of
 * all the assessment's threats. When that is above the build's clearance the store hides it, and
 * this part derives the strategy from the threats the build may show, banded by their own scores
 * (bands do not depend on other threats), and the build log says so.
 */
import { combinedView, controlStrategy, listThreats, modelOfAssessment, type Threat } from '../../store/index.js';
import { deriveControlStrategy, type ScoringModel, type StrategyEntry } from '../../domain/morile/index.js';
import { describeValue, findFactor } from '../../domain/morile/levels.js';
import { hiddenCount } from '../clearance.js';
import { cell, method, para, text, type Block, type TableBlock } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { omit, visibleOrNull, type Part } from './part.js';
import type { BuildContext } from '../context.js';

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
    if (approved === null) {
      log.note(
        'Control Strategy',
        `the assessment's Control Strategy is above the build's clearance ${ctx.clearance} (${hidden.byMarking || 'records'} not shown); derived here from the bands of the ${view.entries.length} threats shown.`,
      );
    }
    ctx.markings.add(approved?.marking ?? view.marking);
    const threats = new Map(
      (await listThreats(ctx.store, ctx.actor, { assessmentId: ctx.assessment.id })).map((t) => [t.id, t]),
    );
    const status =
      approved === null
        ? 'derived from the bands of the combined scores'
        : approved.status === 'approved'
          ? `approved by ${approved.approvedBy} on ${approved.approvedAt?.slice(0, 10)}`
          : 'a draft derived from the bands, awaiting approval by the Strategic Tasking and Co-ordination Group';
    const blocks: Block[] = [
      ...analystBlocks(ctx, log, 'control-strategy'),
      para(
        text(
          `The Control Strategy for ${ctx.assessment.period} (${status}) places each threat by the band of its combined MoRiLE score, scoring model ${model.name} (${model.id} v${model.version}). It does not capture every issue; it identifies those to be given priority when resources are allocated and where more needs to be known.`,
        ),
      ),
      strategyTable(ctx, 'Priorities', strategy.priorities),
      strategyTable(ctx, 'Intelligence requirements', strategy.intelligenceRequirements),
      strategyTable(ctx, 'Business as usual', strategy.businessAsUsual),
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
      for (const e of list)
        blocks.push(
          ...threatDetail(
            ctx,
            model,
            e,
            threats.get(Number(e.threatId)),
            view.entries.find((x) => String(x.threatId) === e.threatId),
          ),
        );
    }
    blocks.push(
      method(
        text(
          `Bands: ${model.bands.map((b) => `${b.label} from s = ${b.threshold}`).join(', ')}. A priority scored with low confidence is also an intelligence requirement. Scores of several assessors are combined by their ${ctx.assessment.combineMethod}.`,
        ),
      ),
    );
    log.figure(
      'Control Strategy tables and MoRiLE results',
      `${strategy.priorities.length} priorities, ${strategy.intelligenceRequirements.length} intelligence requirements, ${strategy.businessAsUsual.length} business as usual`,
      {
        call: approved === null ? 'combinedView + deriveControlStrategy' : 'controlStrategy',
        query: { assessmentId: ctx.assessment.id },
        records: `threats ${view.entries.map((e) => e.threatId).join(', ')} and their scores`,
        method: `MoRiLE, ${model.id} v${model.version}`,
      },
    );
    return { blocks };
  },
};

function strategyTable(ctx: BuildContext, title: string, entries: readonly StrategyEntry[]): TableBlock {
  return {
    kind: 'table',
    id: ctx.anchors.make(`table-${title}`),
    caption: `Control Strategy ${ctx.assessment.period}: ${title.toLowerCase()}`,
    columns: [
      { header: 'Rank', align: 'right', width: 1 },
      { header: 'Threat', align: 'left', width: 4 },
      { header: 's', align: 'right', width: 1 },
      { header: 'Why it is here', align: 'left', width: 8 },
    ],
    rows:
      entries.length === 0
        ? [[cell('None.', { spanAll: true })]]
        : entries.map((e) => [cell(e.rank), cell(e.name), cell(e.s.toFixed(3)), cell(e.reason)]),
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
    out.push(
      para(
        text('MoRiLE result: '),
        {
          text: `harm ${c.harm.toFixed(1)}, likelihood ${c.likelihood.toFixed(1)}, risk ${c.risk.toFixed(1)}${c.orgGap === undefined ? '' : `, organisational gap ${c.orgGap.toFixed(2)}`}, priority ${c.priority.toFixed(1)} (s = ${c.s.toFixed(3)}), band ${c.band.label}`,
          bold: true,
        },
        text(
          `; confidence ${confidence === undefined || factor === undefined ? 'not scored' : describeValue(factor, confidence)}${c.lowConfidence ? ' (low: intelligence is needed to confirm it)' : ''}; ${entry.assessors.length} assessor(s)${entry.disagreements.length > 0 ? `, who disagree on ${entry.disagreements.map((d) => d.factor).join(', ')}` : ''}.`,
        ),
      ),
    );
  }
  return out;
}
