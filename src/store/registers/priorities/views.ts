/**
 * Products of the priorities register: the side-by-side matrix of a period, and the congruence of
 * each partner with the alliance priorities of an assessment. Both are built only from what the
 * actor can see and carry the highest marking of their inputs. The alliance priorities are the
 * priority band of the assessment's Control Strategy (as the actor may see it), put on the
 * taxonomy through each heading's Control Strategy themes; so congruence is always "against
 * assessment N", and changes when that strategy does.
 */
import { highestMarking, type Marking } from '../../../domain/marking.js';
import {
  alliancePriorities,
  buildPriorityMatrix,
  congruence,
  inTaxonomyOrder,
  parsePriorityPeriod,
  type AlliancePriorities,
  type Congruence,
  type PriorityMatrix,
  type TaxonomyId,
} from '../../../domain/priorities/index.js';
import { inputError } from '../../../errors.js';
import type { Actor } from '../../core/actor.js';
import { getAssessment } from '../../assessment/assessments.js';
import { controlStrategy } from '../../assessment/control-strategy.js';
import { listOrganisations } from '../../identity/organisations.js';
import { listPriorities, priorityPeriods, type PartnerPriority } from './reads.js';
export { priorityPeriods } from './reads.js';
import type { Store } from '../../core/store.js';

export interface MatrixQuery {
  readonly period: string;
  /** The columns, in order; by default every partner with priorities the actor can see, in the order first entered. */
  readonly partnerIds?: readonly string[] | undefined;
  /** Show every taxonomy heading, not only those some column holds. */
  readonly allRows?: boolean | undefined;
}

export interface PriorityMatrixView extends PriorityMatrix {
  readonly period: string;
  /** The highest marking of the priorities shown. */
  readonly marking: Marking;
}

export interface CongruenceQuery {
  /** Default: the latest period, not after the assessment's, with priorities the actor can see. */
  readonly period?: string | undefined;
  readonly partnerIds?: readonly string[] | undefined;
}

export interface PartnerCongruence extends Congruence {
  readonly partnerId: string;
  readonly name: string;
  /** The partner's priorities in the period (notes not counted). */
  readonly priorities: number;
  readonly taxonomyIds: readonly TaxonomyId[];
}

export interface PriorityCongruenceView {
  readonly assessmentId: number;
  readonly assessmentPeriod: string;
  /** The period of the partners' priorities compared. */
  readonly period: string;
  readonly strategyStatus: 'draft' | 'approved';
  readonly alliance: AlliancePriorities;
  readonly partners: readonly PartnerCongruence[];
  /** The highest of the Control Strategy's marking and the priorities'. */
  readonly marking: Marking;
}

export async function priorityMatrix(store: Store, actor: Actor, q: MatrixQuery): Promise<PriorityMatrixView> {
  const period = parsePriorityPeriod(q.period);
  const entries = await listPriorities(store, actor, { period, partnerIds: q.partnerIds });
  const partners = await partnerColumns(store, q.partnerIds ?? entries.map((e) => e.partnerId));
  const matrix = buildPriorityMatrix(
    partners.map((p) => ({ id: p.id, label: p.name })),
    entries,
    { allRows: q.allRows === true },
  );
  return { period, ...matrix, marking: highestMarking(entries.map((e) => e.marking)) };
}

export async function priorityCongruence(
  store: Store,
  actor: Actor,
  assessmentId: number,
  q: CongruenceQuery = {},
): Promise<PriorityCongruenceView> {
  const assessment = await getAssessment(store, actor, assessmentId);
  const strategy = await controlStrategy(store, actor, assessmentId);
  const alliance = alliancePriorities(strategy.strategy.priorities.map((e) => e.name));
  const period =
    q.period === undefined ? await latestPeriod(store, actor, assessment.period) : parsePriorityPeriod(q.period);
  const entries = await listPriorities(store, actor, { period, partnerIds: q.partnerIds, kind: 'priority' });
  const partners = await partnerColumns(store, q.partnerIds ?? entries.map((e) => e.partnerId));
  return {
    assessmentId,
    assessmentPeriod: assessment.period,
    period,
    strategyStatus: strategy.status,
    alliance,
    partners: partners.map((p) =>
      partnerCongruence(
        p,
        entries.filter((e) => e.partnerId === p.id),
        alliance,
      ),
    ),
    marking: highestMarking([strategy.marking, ...entries.map((e) => e.marking)]),
  };
}

function partnerCongruence(
  p: { id: string; name: string },
  mine: readonly PartnerPriority[],
  alliance: AlliancePriorities,
): PartnerCongruence {
  const taxonomyIds = [...new Set(mine.flatMap((e) => e.taxonomyIds))];
  return {
    partnerId: p.id,
    name: p.name,
    priorities: mine.length,
    ...congruence(alliance.taxonomyIds, taxonomyIds),
    taxonomyIds: inTaxonomyOrder(taxonomyIds),
  };
}

async function latestPeriod(store: Store, actor: Actor, notAfter: string): Promise<string> {
  const periods = (await priorityPeriods(store, actor)).filter((p) => p <= notAfter);
  const latest = periods.at(-1);
  if (latest === undefined)
    throw inputError(
      `There are no partners' priorities you can see for ${notAfter} or earlier: record some (stra priority add) or give --period.`,
    );
  return latest;
}

/** Organisations (names are not marked) in the order asked, each once; unknown ids refused. */
async function partnerColumns(store: Store, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const wanted = [...new Set(ids)];
  const byId = new Map((await listOrganisations(store)).map((o) => [o.id, o]));
  const unknown = wanted.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw inputError(
      `No such partner organisation: ${unknown.map((u) => `"${u}"`).join(', ')} (stra org list shows them).`,
    );
  return wanted.map((id) => ({ id, name: byId.get(id)?.name ?? id }));
}
