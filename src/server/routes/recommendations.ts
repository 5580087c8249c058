/**
 * The recommendations register: list per assessment, add one (with its owner and due date), one
 * with its history, edit it, add a progress update, correct an update (keeping the original),
 * CSV export. A stale change is answered 409 with the record as it is now.
 */
import { Hono } from 'hono';
import {
  NewRecommendationRequest,
  RecommendationCorrectionRequest,
  RecommendationEditRequest,
  RecommendationUpdateRequest,
} from '../../api/index.js';
import { exportRecommendationsCsv } from '../../registers/recommendations-csv.js';
import {
  addRecommendationUpdate,
  correctRecommendationUpdate,
  createRecommendation,
  editRecommendation,
  getRecommendation,
  listRecommendations,
  type Store,
} from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { csvAnswer } from './registers/shared.js';
import { body, idParam, staleAware } from '../validate.js';

export function recommendationRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments/:id/recommendations', async (c) =>
    c.json(await listRecommendations(store, actorOf(c), { assessmentId: idParam(c, 'id') })),
  );
  app.post('/assessments/:id/recommendations', async (c) =>
    c.json(
      await createRecommendation(store, actorOf(c), idParam(c, 'id'), await body(c, NewRecommendationRequest)),
      201,
    ),
  );
  app.get('/assessments/:id/recommendations.csv', async (c) => {
    const out = await exportRecommendationsCsv(store, actorOf(c), idParam(c, 'id'));
    return csvAnswer(c, out.csv, `recommendations-${idParam(c, 'id')}.csv`, out.marking);
  });
  app.get('/recommendations/:id', async (c) => c.json(await getRecommendation(store, actorOf(c), idParam(c, 'id'))));
  app.put('/recommendations/:id', async (c) => {
    const { expectedVersion: v, ...change } = await body(c, RecommendationEditRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => editRecommendation(store, actor, id, v, change),
        () => getRecommendation(store, actor, id),
      ),
    );
  });
  app.post('/recommendations/:id/updates', async (c) => {
    const { expectedVersion: v, ...update } = await body(c, RecommendationUpdateRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => addRecommendationUpdate(store, actor, id, v, update),
        () => getRecommendation(store, actor, id),
      ),
      201,
    );
  });
  app.post('/recommendations/:id/updates/:updateId/corrections', async (c) => {
    const { expectedVersion: v, ...correction } = await body(c, RecommendationCorrectionRequest);
    const [actor, id, updateId] = [actorOf(c), idParam(c, 'id'), idParam(c, 'updateId')];
    return c.json(
      await staleAware(
        () => correctRecommendationUpdate(store, actor, id, v, updateId, correction),
        () => getRecommendation(store, actor, id),
      ),
      201,
    );
  });
  return app;
}
