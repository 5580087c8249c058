/**
 * Environmental scanning: an assessment's change drivers (list, CSV), the impact x uncertainty
 * matrix, the meta view (groups and cross-cutting themes), configured uses; one driver with its
 * reviews through the carried chain; adding a driver, a review (stale ones answered 409 with the
 * driver as it is now) and a configuration.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { CHALLENGE_GROUPS, GROUPING_SCHEMES, PESTELO_HEADINGS } from '../../../domain/scanning/index.js';
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
  updateDriverConfiguration,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, expectedVersion, idParam, query, staleAware } from '../../validate.js';
import { csvAnswer, isoDate, marking, orgIds } from './shared.js';

const score = z.number().int('expected a whole number').min(1, 'from 1 to 10').max(10, 'from 1 to 10');
const evidence = z
  .array(
    z.strictObject({
      text: z.string().trim().min(1, 'write the evidence note').max(5000),
      source: z.string().max(500).nullable().optional(),
    }),
  )
  .max(50);
const numbers = z.array(z.number().int().min(1)).max(100);

const NewDriver = z.strictObject({
  name: z.string().trim().min(1, 'name the driver').max(300),
  impact: score,
  uncertainty: score,
  number: z.number().int().min(1).optional(),
  challenge: z.enum(CHALLENGE_GROUPS).nullable().optional(),
  pestelo: z.enum(PESTELO_HEADINGS).nullable().optional(),
  themes: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  evidence: evidence.optional(),
  dated: isoDate.optional(),
  note: z.string().max(5000).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});

const Review = z.strictObject({
  expectedVersion,
  note: z.string().trim().min(1, 'say why the scores are what they are now').max(20_000),
  impact: score.optional(),
  uncertainty: score.optional(),
  dated: isoDate.optional(),
  evidence: evidence.optional(),
});

const NewConfiguration = z.strictObject({
  topic: z.string().trim().min(1, 'name the topic').max(200),
  primary: numbers.min(1, 'choose at least one primary driver'),
  secondary: numbers.optional(),
  note: z.string().max(5000).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});

const ConfigurationChange = z.strictObject({
  expectedVersion,
  topic: z.string().trim().min(1).max(200).optional(),
  primary: numbers.min(1, 'choose at least one primary driver').optional(),
  secondary: numbers.optional(),
  note: z.string().max(5000).nullable().optional(),
});

const ListQuery = z.strictObject({
  group: z.enum(CHALLENGE_GROUPS).optional(),
  pestelo: z.enum(PESTELO_HEADINGS).optional(),
  theme: z.string().optional(),
});
const ThemesQuery = z.strictObject({ by: z.enum(GROUPING_SCHEMES).optional() });

export function driverRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments/:id/drivers', async (c) => {
    const q = query(c, ListQuery);
    return c.json(
      await listDrivers(store, actorOf(c), {
        assessmentId: idParam(c, 'id'),
        challenge: q.group,
        pestelo: q.pestelo,
        theme: q.theme,
      }),
    );
  });
  app.get('/assessments/:id/drivers.csv', async (c) =>
    csvAnswer(c, await exportDriversCsv(store, actorOf(c), idParam(c, 'id')), `drivers-${idParam(c, 'id')}.csv`),
  );
  app.get('/assessments/:id/drivers/matrix', async (c) =>
    c.json(await driverMatrix(store, actorOf(c), idParam(c, 'id'))),
  );
  app.get('/assessments/:id/drivers/themes', async (c) =>
    c.json(await driverThemes(store, actorOf(c), idParam(c, 'id'), query(c, ThemesQuery).by)),
  );
  app.post('/assessments/:id/drivers', async (c) =>
    c.json(await createDriver(store, actorOf(c), idParam(c, 'id'), await body(c, NewDriver)), 201),
  );
  app.get('/assessments/:id/driver-configurations', async (c) =>
    c.json(await listDriverConfigurations(store, actorOf(c), { assessmentId: idParam(c, 'id') })),
  );
  app.post('/assessments/:id/driver-configurations', async (c) =>
    c.json(await createDriverConfiguration(store, actorOf(c), idParam(c, 'id'), await body(c, NewConfiguration)), 201),
  );
  app.get('/driver-configurations/:id', async (c) =>
    c.json(await getDriverConfiguration(store, actorOf(c), idParam(c, 'id'))),
  );
  app.put('/driver-configurations/:id', async (c) => {
    const { expectedVersion: v, ...changes } = await body(c, ConfigurationChange);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateDriverConfiguration(store, actor, id, v, changes),
        () => getDriverConfiguration(store, actor, id),
      ),
    );
  });
  app.get('/drivers/:id', async (c) => c.json(await getDriver(store, actorOf(c), idParam(c, 'id'))));
  app.post('/drivers/:id/reviews', async (c) => {
    const { expectedVersion: v, ...review } = await body(c, Review);
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
