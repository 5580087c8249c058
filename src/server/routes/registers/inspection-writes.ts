/**
 * Writing the inspections register in the browser (issue 14): add an inspection, correct its
 * details or record its grade (a stale change answered 409 with the inspection as it is now), and
 * add a finding to it, each with the marking chosen on the form. The reads are in plans.ts.
 */
import { Hono } from 'hono';
import { InspectionEditRequest, NewFindingRequest, NewInspectionRequest } from '../../../api/index.js';
import {
  addInspectionFinding,
  createInspection,
  getInspection,
  updateInspection,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, idParam, staleAware } from '../../validate.js';

export function inspectionWriteRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/inspections', async (c) =>
    c.json(await createInspection(store, actorOf(c), await body(c, NewInspectionRequest)), 201),
  );
  app.put('/inspections/:id', async (c) => {
    const { expectedVersion: v, ...fields } = await body(c, InspectionEditRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateInspection(store, actor, id, v, fields),
        () => getInspection(store, actor, id),
      ),
    );
  });
  app.post('/inspections/:id/findings', async (c) =>
    c.json(await addInspectionFinding(store, actorOf(c), idParam(c, 'id'), await body(c, NewFindingRequest)), 201),
  );
  return app;
}
