/** The recommendations register: list per assessment, one with its history, add a progress update, CSV export. */
import { Hono } from 'hono';
import { RecommendationUpdateRequest } from '../../api/index.js';
import { exportRecommendationsCsv } from '../../registers/recommendations-csv.js';
import { addRecommendationUpdate, getRecommendation, listRecommendations, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { csvAnswer } from './registers/shared.js';
import { body, idParam, staleAware } from '../validate.js';

export function recommendationRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments/:id/recommendations', async (c) =>
    c.json(await listRecommendations(store, actorOf(c), { assessmentId: idParam(c, 'id') })),
  );
  app.get('/assessments/:id/recommendations.csv', async (c) => {
    const out = await exportRecommendationsCsv(store, actorOf(c), idParam(c, 'id'));
    return csvAnswer(c, out.csv, `recommendations-${idParam(c, 'id')}.csv`, out.marking);
  });
  app.get('/recommendations/:id', async (c) => c.json(await getRecommendation(store, actorOf(c), idParam(c, 'id'))));
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
  return app;
}
