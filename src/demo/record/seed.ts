/**
 * seedDemoStore: an empty system of record filled with the demo alliance: organisations, users,
 * the 2016/17 assessment (V19.0 final) with the 24 threats of the seed's assessment summary,
 * two assessors' scores (r.patel's and s.okafor's, each entered as that user) and an approved Control Strategy, and 2017/18 (V16 - Final) made from it
 * as next year's assessment, scored and awaiting approval. The 2016/17 recommendations (the seed's
 * Section 3) are entered with the progress update reported a year on; the open ones are carried
 * into 2017/18, and the 2017/18 document's text is written. Everything goes through the store's
 * repositories, so the demo is audited and marked like real work.
 */
import { stateError } from '../../errors.js';
import {
  actorFor,
  addRecommendationUpdate,
  addScore,
  createRecommendation,
  listRecommendations,
  approveControlStrategy,
  countUsers,
  createAssessment,
  createNextAssessment,
  createOrganisation,
  createThreat,
  createUser,
  listThreats,
  setPasswordHash,
  modelOfAssessment,
  setAssessmentStatus,
  type Store,
} from '../../store/index.js';
import { loadCatalogue } from '../../assessment/catalogue.js';
import { loadDemoRecommendations } from './recommendations.js';
import { DEMO_ALLIANCE, DEMO_CSPS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './people.js';
import { hashPassword } from '../../auth/passwords.js';
import { demoScores } from './scores.js';
import type { DemoContext } from './context.js';
import { seedDemoRisks } from './risks.js';
import { seedDemoDrivers } from './drivers.js';
import { seedDemoPriorities } from './priorities.js';
import { seedDemoPlans } from './plans.js';
import { importTextFolder } from '../../report/text/import-text.js';
import { dataFile } from '../../data-files.js';

export interface DemoSummary {
  readonly organisations: number;
  readonly users: readonly string[];
  readonly assessments: ReadonlyArray<{
    readonly id: number;
    readonly period: string;
    readonly versionLabel: string;
    readonly status: string;
  }>;
  readonly threats: number;
  readonly scores: number;
  /** Recommendations of 2016/17, and how many of them (the open ones) were carried into 2017/18. */
  readonly recommendations: number;
  readonly carriedRecommendations: number;
  /** What each register's seeding stored (risks, drivers, priorities, plans, inspections, ...). */
  readonly registers: Readonly<Record<string, number>>;
}

/** Threats shared with the community safety partnerships in the demo. */
const SHARED_WITH_CSPS = new Set(['CSP', 'Domestic Abuse', 'Under reported Hate Crime', 'KSI']);

export async function seedDemoStore(store: Store): Promise<DemoSummary> {
  if ((await countUsers(store)) > 0) throw stateError('The demo needs an empty store; this one already has users.');
  const [first, ...others] = DEMO_USERS;
  for (const org of DEMO_ORGANISATIONS) await createOrganisation(store, null, org);
  await createUser(store, null, first);
  const admin = await actorFor(store, first.username);
  for (const user of others) await createUser(store, admin, user);
  for (const user of DEMO_USERS) await setPasswordHash(store, admin, user.username, await hashPassword(DEMO_PASSWORD));
  const analyst = await actorFor(store, 'r.patel');
  const approver = await actorFor(store, 'acc.morgan');
  const last = await createAssessment(store, analyst, {
    organisationId: DEMO_ALLIANCE,
    period: '2016/17',
    versionLabel: 'V19.0 final',
    title: 'Alliance Strategic Assessment 2016/17',
  });
  let threats = 0;
  for (const t of await loadCatalogue()) {
    await createThreat(store, analyst, last.id, {
      name: t.name,
      description: t.description,
      evidence: t.evidence,
      owner: t.owner,
      marking: t.marking,
      sharedWith: SHARED_WITH_CSPS.has(t.name) ? DEMO_CSPS : [],
    });
    threats += 1;
  }
  let scores = await scoreAll(store, analyst, last.id, '2016/17');
  const recs = await loadDemoRecommendations();
  const made = [];
  for (const r of recs.recommendations)
    made.push(await createRecommendation(store, analyst, last.id, { number: r.number, theme: r.theme, text: r.text }));
  await approveControlStrategy(store, approver, last.id);
  // Progress is reported after approval, in the next year's document.
  for (const [i, r] of recs.recommendations.entries()) {
    const rec = made[i];
    if (rec !== undefined)
      await addRecommendationUpdate(store, analyst, rec.id, rec.version, {
        dated: recs.updateDated,
        text: r.update,
        status: r.status,
      });
  }
  const { assessment: now } = await createNextAssessment(store, analyst, last.id, {
    versionLabel: 'V16 - Final',
    title: 'Alliance Strategic Assessment 2017/18',
  });
  scores += await scoreAll(store, analyst, now.id, '2017/18');
  const reviewed = await setAssessmentStatus(store, analyst, now.id, now.version, 'under_review');
  const ctx: DemoContext = {
    admin,
    analyst,
    approver,
    alliance: DEMO_ALLIANCE,
    last: { ...last, status: 'approved' },
    now: reviewed,
  };
  const registers: Record<string, number> = {};
  for (const seed of [seedDemoRisks, seedDemoDrivers, seedDemoPriorities, seedDemoPlans])
    Object.assign(registers, await seed(store, ctx));
  // The document's text for 2017/18 (the seed's own words), into the store as the analyst wrote it.
  const text = await importTextFolder(store, analyst, now.id, dataFile('demo', 'report-text', '2017-18'));
  registers.texts = text.created.length;
  return {
    organisations: DEMO_ORGANISATIONS.length,
    users: DEMO_USERS.map((u) => u.username),
    assessments: [{ ...last, status: 'approved' }, reviewed].map((a) => ({
      id: a.id,
      period: a.period,
      versionLabel: a.versionLabel,
      status: a.status,
    })),
    threats,
    scores,
    recommendations: made.length,
    carriedRecommendations: (await listRecommendations(store, analyst, { assessmentId: now.id })).length,
    registers,
  };
}

async function scoreAll(
  store: Store,
  analyst: Awaited<ReturnType<typeof actorFor>>,
  assessmentId: number,
  period: string,
): Promise<number> {
  const model = await modelOfAssessment(store, analyst, assessmentId);
  const byName = new Map((await listThreats(store, analyst, { assessmentId })).map((t) => [t.name, t.id]));
  let n = 0;
  // Each assessor records their own scores (a score belongs to its user: store/assessment/assessor.ts).
  const assessors = new Map<string, Awaited<ReturnType<typeof actorFor>>>();
  for (const s of await demoScores(model, period)) {
    const threatId = byName.get(s.threat);
    if (threatId === undefined) throw stateError(`Demo scores name "${s.threat}", which is not in the demo catalogue.`);
    const assessor = assessors.get(s.assessor) ?? (await actorFor(store, s.assessor));
    assessors.set(s.assessor, assessor);
    await addScore(store, assessor, { threatId, assessor: s.assessor, values: s.values });
    n += 1;
  }
  return n;
}
