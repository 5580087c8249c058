/**
 * First run (issue 14): GET /api/setup offers the forces, CSPs and OPCCs of the area table while
 * the workspace has no users; POST /api/setup creates the chosen organisation (a force with all
 * its CSPs at once) and the first administrator, then logs them in. Both routes are open (there is
 * nobody to log in as yet) and both answer 404 as soon as the workspace has a user, so they are
 * no door into a workspace in use. Races end in the store (a table lock): one set-up wins. A
 * server reachable beyond the loopback asks for the set-up token `stra serve` printed when it
 * started (ServerOptions.setupToken), so whoever finds the empty workspace first cannot claim it.
 */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { SetupRequest, type SetupDone, type SetupOptions } from '../../api/index.js';
import { hashPassword } from '../../auth/passwords.js';
import { logIn } from '../../auth/login.js';
import {
  forceChoices,
  planSetup,
  type AreaSummaryRow,
  type ForceChoice,
} from '../../domain/setup/organisation-choices.js';
import { timingSafeEqual } from 'node:crypto';
import { forbiddenError, inputError } from '../../errors.js';
import { needsSetup, setUpWorkspace, setupOver, type Store } from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { SESSION_COOKIE, type AppEnv } from '../session.js';
import { body } from '../validate.js';
import type { WarehouseAccess } from '../warehouse-access.js';
import { clientOf } from './session.js';

const SUMMARY = `SELECT force, max(force_name) AS "forceName", csp, district, count(*)::INTEGER AS lsoas
  FROM areas GROUP BY force, csp, district ORDER BY force, csp, district`;

function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given.trim()), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setupRoutes(store: Store, warehouse: WarehouseAccess, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const forces = (): Promise<ForceChoice[]> =>
    warehouse.cached('setup forces', async (wh) => forceChoices(await wh.sql.all<AreaSummaryRow>(SUMMARY)));
  app.get('/', async (c) => {
    if (!(await needsSetup(store))) throw setupOver();
    return c.json({
      needed: true,
      tokenRequired: options.setupToken !== undefined,
      forces: await forces(),
    } satisfies SetupOptions);
  });
  app.post('/', async (c) => {
    if (!(await needsSetup(store))) throw setupOver();
    const input = await body(c, SetupRequest);
    if (options.setupToken !== undefined && !sameToken(input.setupToken ?? '', options.setupToken))
      throw forbiddenError(
        input.setupToken === undefined || input.setupToken === ''
          ? 'This server can be reached from other machines: give the set-up token that `stra serve` printed when it started.'
          : 'That is not the set-up token `stra serve` printed when it started: copy it again from its output.',
        { fields: [{ field: 'setupToken', message: 'the set-up token printed by stra serve' }] },
      );
    const plan = planSetup(input.organisation, await forces());
    if ('error' in plan)
      throw inputError(`The request body is not valid: ${plan.field}: ${plan.error}.`, {
        fields: [{ field: plan.field, message: plan.error }],
      });
    const passwordHash = await hashPassword(input.admin.password);
    const done = await setUpWorkspace(store, {
      organisations: plan.organisations,
      administers: plan.administers,
      admin: { ...input.admin, passwordHash },
    });
    const session = await logIn(store, {
      username: done.user.username,
      password: input.admin.password,
      client: clientOf(c, options.trustedProxies),
      sessionHours: options.sessionHours,
      now: options.now(),
    });
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: options.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    return c.json(
      {
        username: done.user.username,
        organisations: plan.organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
        administers: plan.administers,
        csps: plan.csps,
        districts: plan.districts,
        lsoas: plan.lsoas,
      } satisfies SetupDone,
      201,
    );
  });
  return app;
}
