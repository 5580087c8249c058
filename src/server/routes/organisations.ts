/**
 * GET /api/organisations: every organisation by id, name, kind and parent, for the forms that
 * choose one (an assessment's owner, a record's shares, a membership). Names of public bodies are
 * not marked, so every logged-in user may list them (as `stra org list` does).
 */
import { Hono } from 'hono';
import type { Organisation } from '../../api/index.js';
import { listOrganisations, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';

export function organisationRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/organisations', async (c) => {
    actorOf(c);
    const orgs: Organisation[] = await listOrganisations(store);
    return c.json(orgs);
  });
  return app;
}
