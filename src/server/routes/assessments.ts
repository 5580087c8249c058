/**
 * Assessments, threats, scores (the workshop), the combined view, the scoring model,
 * sensitivity, direction of travel and the Control Strategy. Thin: parse, call one library
 * function, answer; every read and write goes through the store's policy-enforcing
 * repositories as the logged-in user.
 */
import { Hono } from 'hono';
import {
  ApproveControlStrategy,
  AssessmentSettingsWrite,
  type AssessmentSettingsAnswer,
  NewAssessmentRequest,
  NewScore,
  NewThreat,
  NextYearRequest,
  RetireThreatQuery,
  ScoresFileQuery,
  ScoreEdit,
  StrategyPlanWrite,
  ThreatEdit,
  type NextYearAnswer,
  type ScoresImported,
  type StrategyPlansAnswer,
  type StrategyPlanWritten,
  type ThreatRetired,
} from '../../api/index.js';
import { workshopView } from '../../assessment/workshop.js';
import { importScoresText } from '../../assessment/scores-file.js';
import { startAssessment } from '../../assessment/start-assessment.js';
import {
  blindCombined,
  blindDirection,
  blindStrategy,
  refuseWithheld,
  withheldThreats,
} from '../../assessment/blind-scoring.js';
import { StraError } from '../../errors.js';
import { DEFAULT_HEADINGS } from '../../domain/morile/index.js';
import {
  addScore,
  approveControlStrategy,
  combinedView,
  createNextAssessment,
  createThreat,
  deleteThreat,
  controlStrategyAtClearance,
  directionOfTravelFor,
  getAssessment,
  getAssessmentSettings,
  setAssessmentSettings,
  getThreat,
  getScore,
  listAssessments,
  listStrategyPlans,
  listThreats,
  modelOfAssessment,
  threatSensitivity,
  updateScore,
  updateThreat,
  writeStrategyPlan,
  type Store,
} from '../../store/index.js';
import { actorOf, sessionOf, type AppEnv } from '../session.js';
import { ReadCache } from '../read-cache.js';
import { body, idParam, query, staleAware } from '../validate.js';
import { cachedJson } from '../cached-json.js';

export function assessmentRoutes(store: Store, reads: ReadCache = new ReadCache(store)): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments', async (c) => c.json(await listAssessments(store, actorOf(c))));
  // Creating needs the analyst or admin role in the organisation (the store answers 403 otherwise).
  // Empty, or started from the starter threat catalogue (all of it or nothing, in one transaction).
  app.post('/assessments', async (c) => {
    const { start, ...input } = await body(c, NewAssessmentRequest);
    return c.json((await startAssessment(store, actorOf(c), input, start)).assessment, 201);
  });
  app.post('/assessments/:id/next-year', async (c) => {
    const input = await body(c, NextYearRequest);
    const r = await createNextAssessment(store, actorOf(c), idParam(c, 'id'), input);
    return c.json({ assessment: r.assessment, carried: r.carried } satisfies NextYearAnswer, 201);
  });
  app.get('/assessments/:id', async (c) => c.json(await getAssessment(store, actorOf(c), idParam(c, 'id'))));
  app.get('/assessments/:id/threats', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return cachedJson(
      c,
      await reads.read(
        actor,
        `threats ${id}`,
        () => listThreats(store, actor, { assessmentId: id }),
        sessionOf(c).revision,
      ),
    );
  });
  // Adding needs the analyst or admin role; a draft assessment only (approval freezes it).
  app.post('/assessments/:id/threats', async (c) => {
    const input = await body(c, NewThreat);
    return c.json(await createThreat(store, actorOf(c), idParam(c, 'id'), input), 201);
  });
  // A scores file (CSV, as `stra score import` reads): every row stored or none, problems named by line and field.
  app.post('/assessments/:id/scores-file', async (c) => {
    const q = query(c, ScoresFileQuery);
    const text = await c.req.text();
    const r = await importScoresText(store, actorOf(c), idParam(c, 'id'), text, q.name, {
      replace: q.replace === 'true',
    });
    return c.json(r satisfies ScoresImported);
  });
  app.get('/assessments/:id/combined', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    // Per user: an assessor who is scoring sees only the threats they have scored (blind-scoring.ts).
    return cachedJson(
      c,
      await reads.read(
        actor,
        `combined ${id} ${actor.username}`,
        async () => blindCombined(await combinedView(store, actor, id), await withheldThreats(store, actor, id)),
        sessionOf(c).revision,
      ),
    );
  });
  // The scoring model (factors, levels, bands) the assessment's threats are scored with.
  app.get('/assessments/:id/model', async (c) => c.json(await modelOfAssessment(store, actorOf(c), idParam(c, 'id'))));
  app.get('/assessments/:id/direction', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      blindDirection(await directionOfTravelFor(store, actor, id), await withheldThreats(store, actor, id)),
    );
  });
  app.get('/assessments/:id/control-strategy', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    // Blind scoring holds here too: a scoring assessor sees no band or rank of a threat they have not scored.
    // Marked above the reader: the strategy at their clearance, with what was left out counted.
    return c.json(
      blindStrategy(await controlStrategyAtClearance(store, actor, id), await withheldThreats(store, actor, id)),
    );
  });
  // Each threat's plan: lead officer, actions under the strategy's headings, intelligence questions.
  // Blind scoring holds: a scoring assessor sees no plan of a threat they have not scored (a plan tells its band).
  app.get('/assessments/:id/strategy-plans', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    const plans = await listStrategyPlans(store, actor, id);
    const withheld = await withheldThreats(store, actor, id);
    const headings = await controlStrategyAtClearance(store, actor, id).then(
      (v) => v.strategy.headings,
      (e: unknown) => {
        if (e instanceof StraError && e.code === 'NOT_FOUND')
          return getAssessmentSettings(store, actor, id).then((s) => s.strategyHeadings ?? DEFAULT_HEADINGS);
        throw e;
      },
    );
    return c.json({
      assessmentId: id,
      headings,
      plans: plans.filter((p) => !withheld.has(p.threatId)),
    } satisfies StrategyPlansAnswer);
  });
  // The document's title and organisation name, and the strategy's headings (migration 021).
  app.get('/assessments/:id/settings', async (c) =>
    c.json((await getAssessmentSettings(store, actorOf(c), idParam(c, 'id'))) satisfies AssessmentSettingsAnswer),
  );
  app.put('/assessments/:id/settings', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    const { expectedVersion, ...changes } = await body(c, AssessmentSettingsWrite);
    const written = await staleAware(
      () => setAssessmentSettings(store, actor, id, expectedVersion, changes),
      () => getAssessmentSettings(store, actor, id),
    );
    return c.json(written satisfies AssessmentSettingsAnswer);
  });
  app.put('/threats/:id/strategy-plan', async (c) => {
    const [actor, threatId] = [actorOf(c), idParam(c, 'id')];
    const input = await body(c, StrategyPlanWrite);
    const written = await staleAware(
      () => writeStrategyPlan(store, actor, { threatId, ...input }),
      async () => {
        const threat = await getThreat(store, actor, threatId);
        return (
          (await listStrategyPlans(store, actor, threat.assessmentId)).find((p) => p.threatId === threatId) ?? null
        );
      },
    );
    return c.json(written satisfies StrategyPlanWritten);
  });
  app.post('/assessments/:id/control-strategy/approve', async (c) => {
    const input = await body(c, ApproveControlStrategy);
    return c.json(
      await approveControlStrategy(store, actorOf(c), idParam(c, 'id'), { expectedDigest: input.expectedDigest }),
    );
  });
  app.get('/threats/:id', async (c) => c.json(await getThreat(store, actorOf(c), idParam(c, 'id'))));
  app.put('/threats/:id', async (c) => {
    const { expectedVersion: v, ...fields } = await body(c, ThreatEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateThreat(store, actor, id, v, fields),
        () => getThreat(store, actor, id),
      ),
    );
  });
  // Retiring a threat deletes it and its scores (each audited); a stale version is answered 409.
  app.delete('/threats/:id', async (c) => {
    const { expectedVersion: v } = query(c, RetireThreatQuery);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    const threat = await getThreat(store, actor, id);
    await staleAware(
      () => deleteThreat(store, actor, id, v),
      () => getThreat(store, actor, id),
    );
    return c.json({ retired: true, id, name: threat.name } satisfies ThreatRetired);
  });
  app.get('/threats/:id/workshop', async (c) => c.json(await workshopView(store, actorOf(c), idParam(c, 'id'))));
  app.get('/threats/:id/sensitivity', async (c) => {
    const actor = actorOf(c);
    const threat = await getThreat(store, actor, idParam(c, 'id'));
    refuseWithheld(threat, await withheldThreats(store, actor, threat.assessmentId));
    return c.json(await threatSensitivity(store, actor, threat.assessmentId, threat.id));
  });
  app.post('/threats/:id/scores', async (c) => {
    const actor = actorOf(c);
    const input = await body(c, NewScore);
    return c.json(
      await addScore(store, actor, { threatId: idParam(c, 'id'), assessor: actor.username, ...input }),
      201,
    );
  });
  app.put('/scores/:id', async (c) => {
    const { expectedVersion: v, ...change } = await body(c, ScoreEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateScore(store, actor, id, v, change),
        () => getScore(store, actor, id),
      ),
    );
  });
  return app;
}
