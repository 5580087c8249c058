/**
 * The strategic risk register as CSV, in two files people keep as spreadsheets: the register
 * (one row per risk, its current state) and the review log (one row per dated history entry).
 * Importing the register creates each risk with its initial assessment; importing a review log
 * adds each row as a review of the risk named by its reference, in file order, skipping rows
 * already in the history, so the same log imported twice changes nothing. Either import stores
 * the whole file or none of it, naming each bad row by line and field. Export writes the same
 * columns, so an exported file imports back.
 */
import { notFoundError } from '../errors.js';
import {
  createRisk,
  getRisk,
  listRiskReviews,
  listRisks,
  reviewRisk,
  resolveOne,
  RISK_STATUSES,
  type Actor,
  type Risk,
  type RiskReview,
  type Store,
} from '../store/index.js';
import { MAX_SCALE_SIZE, MIN_SCALE_SIZE } from '../domain/risk/scale.js';
import { integerIn, isoDate, list, listCell, marking, oneOf, text } from './cells.js';
import { column, csvExport, importRows, readCsvTable, writeCsvTable, type CsvExport } from './csv-table.js';

const level = integerIn(1, MAX_SCALE_SIZE);

export const RISK_COLUMNS = {
  reference: column('reference', text, { required: true, aliases: ['ref', 'risk reference', 'risk ref'] }),
  title: column('title', text, { required: true, aliases: ['risk', 'risk title'] }),
  category: column('category', text, { required: true }),
  owner: column('owner', text, { required: true, aliases: ['risk owner'] }),
  cause: column('cause', text),
  consequence: column('consequence', text, { aliases: ['effect'] }),
  scale: column('scale', integerIn(MIN_SCALE_SIZE, MAX_SCALE_SIZE), { aliases: ['scale size'] }),
  inherentLikelihood: column('inherent_likelihood', level, { required: true }),
  inherentImpact: column('inherent_impact', level, { required: true, aliases: ['inherent harm'] }),
  residualLikelihood: column('residual_likelihood', level),
  residualImpact: column('residual_impact', level, { aliases: ['residual harm'] }),
  mitigation: column('mitigation', text, { aliases: ['mitigation narrative'] }),
  actions: column('actions', list, { aliases: ['mitigating actions'] }),
  identifiedOn: column('identified_on', isoDate, { aliases: ['identified', 'date identified'] }),
  nextReview: column('next_review', isoDate, { aliases: ['next review date', 'review due'] }),
  status: column('status', oneOf(RISK_STATUSES)),
  marking: column('marking', marking),
  sharedWith: column('shared_with', list, { aliases: ['shared with'] }),
};

export const RISK_REVIEW_COLUMNS = {
  reference: column('reference', text, { required: true, aliases: ['ref', 'risk reference', 'risk ref'] }),
  dated: column('dated', isoDate, { required: true, aliases: ['date', 'review date'] }),
  likelihood: column('likelihood', level, { required: true }),
  impact: column('impact', level, { required: true, aliases: ['harm'] }),
  narrative: column('narrative', text, { required: true, aliases: ['update', 'commentary'] }),
  status: column('status', oneOf(RISK_STATUSES)),
  nextReview: column('next_review', isoDate, { aliases: ['next review date', 'review due'] }),
};

/** Imports a register file into the organisation; returns the risks stored. */
export async function importRisksCsv(
  store: Store,
  actor: Actor,
  organisationId: string,
  csvText: string,
  source: string,
): Promise<Risk[]> {
  const rows = readCsvTable(csvText, source, RISK_COLUMNS);
  return importRows(store, source, rows, (tx, row) => {
    const residual =
      row.residualLikelihood === undefined && row.residualImpact === undefined
        ? undefined
        : {
            likelihood: row.residualLikelihood ?? row.inherentLikelihood ?? 0,
            impact: row.residualImpact ?? row.inherentImpact ?? 0,
          };
    return createRisk(tx, actor, {
      organisationId,
      reference: row.reference ?? '',
      title: row.title ?? '',
      category: row.category ?? '',
      owner: row.owner ?? '',
      cause: row.cause,
      consequence: row.consequence,
      scaleSize: row.scale,
      inherent: { likelihood: row.inherentLikelihood ?? 0, impact: row.inherentImpact ?? 0 },
      residual,
      mitigation: row.mitigation,
      actions: row.actions,
      identifiedOn: row.identifiedOn,
      nextReview: row.nextReview,
      status: row.status,
      marking: row.marking,
      sharedWith: row.sharedWith,
    });
  });
}

/** The risks the actor can see (of one organisation, if given), in the import's columns. */
export async function exportRisksCsv(store: Store, actor: Actor, organisationId?: string): Promise<CsvExport> {
  const risks = await listRisks(store, actor, { organisationId });
  const csv = writeCsvTable(RISK_COLUMNS, risks, (r) => ({
    reference: r.reference,
    title: r.title,
    category: r.category,
    owner: r.owner,
    cause: r.cause,
    consequence: r.consequence,
    scale: r.scaleSize,
    inherentLikelihood: r.inherent.likelihood,
    inherentImpact: r.inherent.impact,
    residualLikelihood: r.residual.likelihood,
    residualImpact: r.residual.impact,
    mitigation: r.mitigation,
    actions: listCell(r.actions),
    identifiedOn: r.identifiedOn,
    nextReview: r.nextReview,
    status: r.status,
    marking: r.marking,
    sharedWith: listCell(r.sharedWith),
  }));
  return csvExport(
    csv,
    risks.map((r) => r.marking),
  );
}

export interface ReviewImportSummary {
  /** Reviews added. */
  readonly added: number;
  /** Rows already in the history (same date, levels and narrative), left as they were. */
  readonly unchanged: number;
}

/** Imports a review log into the organisation's risks; rows already in a risk's history are skipped. */
export async function importRiskReviewsCsv(
  store: Store,
  actor: Actor,
  organisationId: string,
  csvText: string,
  source: string,
): Promise<ReviewImportSummary> {
  const rows = readCsvTable(csvText, source, RISK_REVIEW_COLUMNS);
  const done = await importRows(store, source, rows, async (tx, row) => {
    const reference = row.reference ?? '';
    // Among the risks the actor can see; two with this reference (each at its own marking) are refused.
    const risk = resolveOne(await listRisks(tx, actor, { organisationId, reference }), `Reference ${reference}`);
    if (risk === undefined)
      throw notFoundError(
        `${organisationId} has no risk with reference ${reference} that you can see (import the register first).`,
      );
    const entry = {
      dated: row.dated ?? '',
      likelihood: row.likelihood ?? 0,
      impact: row.impact ?? 0,
      narrative: row.narrative ?? '',
      status: row.status,
      nextReview: row.nextReview,
    };
    if ((await getRisk(tx, actor, risk.id)).reviews.some((r) => sameEntry(r, entry))) return false;
    await reviewRisk(tx, actor, risk.id, risk.version, entry);
    return true;
  });
  return { added: done.filter(Boolean).length, unchanged: done.filter((d) => !d).length };
}

/** Every history entry of the risks the actor can see (of one organisation, if given). */
/** The reviews carry no marking of their own: each is handled at its risk's. */
export async function exportRiskReviewsCsv(store: Store, actor: Actor, organisationId?: string): Promise<CsvExport> {
  const reviews = await listRiskReviews(store, actor, { organisationId });
  // By the risk's id: a reference may be shared by two risks at different markings (core/uniqueness.ts).
  const markingOf = new Map((await listRisks(store, actor, { organisationId })).map((r) => [r.id, r.marking]));
  const csv = writeCsvTable(RISK_REVIEW_COLUMNS, reviews, (r) => ({
    reference: r.reference,
    dated: r.dated,
    likelihood: r.likelihood,
    impact: r.impact,
    narrative: r.narrative,
    status: r.statusAfter,
    nextReview: r.nextReview,
  }));
  // A review whose risk is not listed (it cannot be: both read through the same rule) counts as SECRET.
  return csvExport(
    csv,
    reviews.map((r) => markingOf.get(r.riskId) ?? 'SECRET'),
  );
}

type Entry = {
  dated: string;
  likelihood: number;
  impact: number;
  narrative: string;
  status?: string | undefined;
  nextReview?: string | undefined;
};

function sameEntry(r: RiskReview, e: Entry): boolean {
  return (
    r.dated === e.dated &&
    r.likelihood === e.likelihood &&
    r.impact === e.impact &&
    r.narrative === e.narrative.trim() &&
    (e.status === undefined || r.statusAfter === e.status) &&
    (e.nextReview === undefined || r.nextReview === e.nextReview)
  );
}
