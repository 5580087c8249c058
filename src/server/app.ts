/**
 * The HTTP application: security headers on everything; under /api a JSON API over the library,
 * with the session and CSRF rule applied before any route, bodies limited and validated, and
 * errors answered without internals; everything else is the built UI (single-page app).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { assessmentDashboard } from '../assessment/dashboard.js';
import { inputError, notFoundError } from '../errors.js';
import type { Store } from '../store/index.js';
import { disclosureAudit } from './disclosure-audit.js';
import { errorResponse } from './http-errors.js';
import { ReadCache } from './read-cache.js';
import type { ServerOptions } from './options.js';
import { analysisRoutes } from './routes/analysis.js';
import { demandRoutes } from './routes/demand.js';
import { mapRoutes } from './routes/map.js';
import { linkRoutes } from './routes/links.js';
import { assessmentRoutes } from './routes/assessments.js';
import { auditRoutes } from './routes/audit.js';
import { evidenceRoutes } from './routes/evidence.js';
import { importRoutes } from './routes/imports.js';
import { recommendationRoutes } from './routes/recommendations.js';
import { registerRoutes } from './routes/registers/index.js';
import { reportRoutes } from './routes/reports.js';
import { documentRoutes } from './routes/document.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import { setupRoutes } from './routes/setup.js';
import { organisationRoutes } from './routes/organisations.js';
import { referenceTableRoutes } from './routes/reference-tables.js';
import { trendRoutes } from './routes/trends.js';
import { userRoutes } from './routes/users.js';
import { noStore, securityHeaders } from './security-headers.js';
import { actorOf, sessionMiddleware, sessionOf, type AppEnv } from './session.js';
import { idParam } from './validate.js';
import type { WarehouseAccess } from './warehouse-access.js';
import { cachedJson } from './cached-json.js';

const JSON_LIMIT = 1024 * 1024;
/**
 * An area, population or indicator table sent from the browser: the national LSOA population
 * (about 35,000 rows, some 2 MB) and a national area table fit well within it.
 */
export const REFERENCE_TABLE_LIMIT = 64 * 1024 * 1024;
/** The only routes open without a login: logging in, and the first run's set-up (404 once there are users). */
const OPEN_PATHS = new Set(['/api/session', '/api/setup']);

export function createApp(store: Store, warehouse: WarehouseAccess, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => {
    const { status, body } = errorResponse(err, options.log);
    return c.json(body, status);
  });
  app.use('*', securityHeaders());
  const api = new Hono<AppEnv>();
  api.use('*', noStore());
  api.use('*', async (c, next) => {
    // Uploads stream to disk with their own limit; everything else is small JSON.
    if (c.req.method === 'PUT' && c.req.path.includes('/uploads/')) return next();
    if (c.req.method === 'POST' && c.req.path === '/api/links/imports') return next();
    const limit =
      c.req.method === 'POST' && c.req.path.startsWith('/api/reference-tables/') ? REFERENCE_TABLE_LIMIT : JSON_LIMIT;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw inputError(
          limit === JSON_LIMIT
            ? `The request body is larger than ${JSON_LIMIT / 1024} KiB.`
            : `The table is larger than ${limit / 1024 / 1024} MiB: load it with the command line (stra areas load, stra population load, stra indicators import).`,
        );
      },
    })(c, next);
  });
  api.use('*', sessionMiddleware(store, options.now));
  // Deny by default (issue 13): every route but the session's own needs a login, before any
  // validation, so that nobody learns a route's inputs without one.
  api.use('*', async (c, next) => {
    if (!OPEN_PATHS.has(c.req.path)) sessionOf(c);
    await next();
  });
  api.use('*', disclosureAudit(store));
  api.route('/session', sessionRoutes(store, options));
  api.route('/setup', setupRoutes(store, warehouse, options));
  const reads = new ReadCache(store);
  api.get('/assessments/:id/dashboard', async (c) => {
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return cachedJson(
      c,
      await reads.read(actor, `dashboard ${id}`, () => assessmentDashboard(store, actor, id), sessionOf(c).revision),
    );
  });
  api.route('/', assessmentRoutes(store, reads));
  api.route('/', recommendationRoutes(store));
  api.route('/', importRoutes(store, options));
  api.route('/', auditRoutes(store));
  api.route('/', userRoutes(store, options));
  api.route('/', organisationRoutes(store));
  api.route('/', referenceTableRoutes(store, warehouse, options));
  api.route('/trends', trendRoutes(warehouse, store));
  api.route('/analysis', analysisRoutes(warehouse, options));
  api.route('/analysis', demandRoutes(warehouse, store, options));
  api.route('/map', mapRoutes(warehouse));
  api.route('/', evidenceRoutes(store, warehouse));
  api.route('/', registerRoutes(store));
  api.route('/', reportRoutes(store, options));
  api.route('/', documentRoutes(store));
  api.route('/', linkRoutes(store, options));
  api.route('/', searchRoutes(store));
  api.all('*', (c) => {
    throw notFoundError(`There is no API route ${c.req.method} ${c.req.path}.`);
  });
  app.route('/api', api);
  if (options.webRoot !== undefined) serveUi(app, options.webRoot);
  return app;
}

function serveUi(app: Hono<AppEnv>, root: string): void {
  const relative = path.relative(process.cwd(), root) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root: relative,
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('/favicon.svg', serveStatic({ root: relative }));
  let index: Promise<string> | undefined;
  app.get('*', async (c) => {
    index ??= readFile(path.join(root, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(await index);
  });
}
