/**
 * Assessments, threats, scores (the workshop), the combined view, the scoring model,
 * sensitivity, direction of travel and the Control Strategy. Thin: parse, call one library
 * function, answer; every read and write goes through the store's policy-enforcing
 * repositories as the logged-in user.
 */
import { Hono } from 'hono';
import { ApproveControlStrategy, NewScore, ScoreEdit, ThreatEdit } from '../../api/index.js';
import { workshopView } from '../../assessment/workshop.js';
import { blindCombined, blindDirection, blindStrategy, withheldThreats } from '../../assessment/blind-scoring.js';
import { StraError } from '../../errors.js';
import {
  addScore,
  approveControlStrategy,
  combinedView,
  controlStrategy,
  directionOfTravelFor,
  getAssessment,
  getThreat,
  getScore,
  listAssessments,
  listThreats,
  modelOfAssessment,
  threatSensitivity,
  updateScore,
  updateThreat,
  type Store,
} from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { ReadCache } from '../read-cache.js';
import { body, idParam, staleAware } from '../validate.js';

export function assessmentRoutes(store: Store, reads: ReadCache = new ReadCache(store)): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments', async (c) => c.json(await listAssessments(store, actorOf(c))));
  app.get('/assessments/:id', async (c) => c.json(await getAssessment(store, actorOf(c), idParam(c, 'id'))));
  app.get('/assessments/:id/threats', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(await reads.read(actor, `threats ${id}`, () => listThreats(store, actor, { assessmentId: id })));
  });
  app.get('/assessments/:id/combined', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    // Per user: an assessor who is scoring sees only the threats they have scored (blind-scoring.ts).
    return c.json(
      await reads.read(actor, `combined ${id} ${actor.username}`, async () =>
        blindCombined(await combinedView(store, actor, id), await withheldThreats(store, actor, id)),
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
    return c.json(blindStrategy(await controlStrategy(store, actor, id), await withheldThreats(store, actor, id)));
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
  app.get('/threats/:id/workshop', async (c) => c.json(await workshopView(store, actorOf(c), idParam(c, 'id'))));
  app.get('/threats/:id/sensitivity', async (c) => {
    const actor = actorOf(c);
    const threat = await getThreat(store, actor, idParam(c, 'id'));
    if ((await withheldThreats(store, actor, threat.assessmentId)).has(threat.id)) {
      throw new StraError(
        'FORBIDDEN',
        `The rank of "${threat.name}" is withheld until you submit your own score for it.`,
      );
    }
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
