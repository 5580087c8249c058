/** The registers' API (risks, change drivers, partners' priorities, plans and inspections), mounted under /api. */
import { Hono } from 'hono';
import type { Store } from '../../../store/index.js';
import type { AppEnv } from '../../session.js';
import { driverRoutes } from './drivers.js';
import { planRoutes } from './plans.js';
import { inspectionWriteRoutes } from './inspection-writes.js';
import { priorityRoutes } from './priorities.js';
import { riskRoutes } from './risks.js';

export function registerRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', riskRoutes(store));
  app.route('/', driverRoutes(store));
  app.route('/', priorityRoutes(store));
  app.route('/', planRoutes(store));
  app.route('/', inspectionWriteRoutes(store));
  return app;
}
