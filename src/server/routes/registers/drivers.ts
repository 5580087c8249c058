/**
 * Environmental scanning: an assessment's change drivers (list, CSV), the impact x uncertainty
 * matrix, the meta view (groups and cross-cutting themes), configured uses; one driver with its
 * reviews through the carried chain; adding a driver, changing one, a review (stale ones answered
 * 409 with the driver as it is now) and a configuration.
 */
import { Hono } from 'hono';
import {
  DriverConfigurationEdit,
  DriverEdit,
  DriverListQuery,
  DriverReviewRequest,
  DriverThemesQuery,
  NewDriver,
  NewDriverConfiguration,
} from '../../../api/index.js';
import { exportDriversCsv } from '../../../registers/drivers-csv.js';
import {
  createDriver,
  createDriverConfiguration,
  driverMatrix,
  driverThemes,
  getDriver,
  getDriverConfiguration,
  listDriverConfigurations,
  listDrivers,
  reviewDriver,
  updateDriver,
  updateDriverConfiguration,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, idParam, query, staleAware } from '../../validate.js';
import { csvAnswer } from './shared.js';

export function driverRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments/:id/drivers', async (c) => {
    const q = query(c, DriverListQuery);
    return c.json(
      await listDrivers(store, actorOf(c), {
        assessmentId: idParam(c, 'id'),
        challenge: q.group,
        pestelo: q.pestelo,
        theme: q.theme,
      }),
    );
  });
  app.get('/assessments/:id/drivers.csv', async (c) => {
    const out = await exportDriversCsv(store, actorOf(c), idParam(c, 'id'));
    return csvAnswer(c, out.csv, `drivers-${idParam(c, 'id')}.csv`, out.marking);
  });
  app.get('/assessments/:id/drivers/matrix', async (c) =>
    c.json(await driverMatrix(store, actorOf(c), idParam(c, 'id'))),
  );
  app.get('/assessments/:id/drivers/themes', async (c) =>
    c.json(await driverThemes(store, actorOf(c), idParam(c, 'id'), query(c, DriverThemesQuery).by)),
  );
  app.post('/assessments/:id/drivers', async (c) =>
    c.json(await createDriver(store, actorOf(c), idParam(c, 'id'), await body(c, NewDriver)), 201),
  );
  app.get('/assessments/:id/driver-configurations', async (c) =>
    c.json(await listDriverConfigurations(store, actorOf(c), { assessmentId: idParam(c, 'id') })),
  );
  app.post('/assessments/:id/driver-configurations', async (c) =>
    c.json(
      await createDriverConfiguration(store, actorOf(c), idParam(c, 'id'), await body(c, NewDriverConfiguration)),
      201,
    ),
  );
  app.get('/driver-configurations/:id', async (c) =>
    c.json(await getDriverConfiguration(store, actorOf(c), idParam(c, 'id'))),
  );
  app.put('/driver-configurations/:id', async (c) => {
    const { expectedVersion: v, ...changes } = await body(c, DriverConfigurationEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateDriverConfiguration(store, actor, id, v, changes),
        () => getDriverConfiguration(store, actor, id),
      ),
    );
  });
  app.get('/drivers/:id', async (c) => c.json(await getDriver(store, actorOf(c), idParam(c, 'id'))));
  app.put('/drivers/:id', async (c) => {
    const { expectedVersion: v, ...changes } = await body(c, DriverEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateDriver(store, actor, id, v, changes),
        () => getDriver(store, actor, id),
      ),
    );
  });
  app.post('/drivers/:id/reviews', async (c) => {
    const { expectedVersion: v, ...review } = await body(c, DriverReviewRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => reviewDriver(store, actor, id, v, review),
        () => getDriver(store, actor, id),
      ),
      201,
    );
  });
  return app;
}
