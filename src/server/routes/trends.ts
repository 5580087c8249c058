/**
 * The trends and harm explorer's data: what the warehouse holds, monthly series with control
 * limits, the change-vs-share snapshot, comparisons with significance, and harm beside volume.
 * Query strings use the CLI's vocabulary (by=csp,category; area=csp=Rugby; kind=financial-year;
 * at=2017/18; category=burglary,robbery; index=cchi-median).
 */
import { Hono } from 'hono';
import {
  AreasQuery,
  PeriodQuery,
  SeriesQuery,
  type AnalysisScope,
  type Area,
  type ForceOption,
  type WarehouseSummary,
} from '../../api/index.js';
import { latestMonth } from '../../analytics/latest.js';
import { parseAreaFilter, parseAt, parseBy, parseMonthArg, parsePeriodKind } from '../../analytics/query-text.js';
import { monthlySeries } from '../../analytics/series.js';
import { performanceSnapshot } from '../../analytics/snapshot.js';
import { compareTrends } from '../../analytics/trend-comparison.js';
import { harmBreakdown } from '../../analytics/harm-breakdown.js';
import { categoryWeights } from '../../analytics/weights.js';
import { CATEGORY_NAMES, CATEGORY_SLUGS, crimeCategories } from '../../domain/crime/categories.js';
import { addMonths, type Month } from '../../domain/crime/month.js';
import { coverage } from '../../warehouse/coverage.js';
import { forceDisplayName } from '../../domain/crime/forces.js';
import { homeArea } from '../../domain/crime/home-area.js';
import { sqlString } from '../../warehouse/sql.js';
import { listOrganisations, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';
import type { WarehouseAccess } from '../warehouse-access.js';
import type { Warehouse } from '../../warehouse/reader.js';
import { cachedJson } from '../cached-json.js';

/** The cache key of a request: its path and query, not the host it came through. */
const question = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

const areaFilter = (area: string[] | undefined) => parseAreaFilter(area);

export function trendRoutes(warehouse: WarehouseAccess, store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    actorOf(c); // crime data is open data, but the explorer is for logged-in users
    await next();
  });
  app.get('/warehouse', async (c) => cachedJson(c, await warehouse.cached('summary', async (wh) => summary(wh))));
  app.get('/scope', async (c) => {
    const actor = actorOf(c);
    const home = homeArea(actor.organisationIds, await listOrganisations(store));
    const forces = await warehouse.cached('forces', async (wh) => forceOptions(wh));
    const answer: AnalysisScope = { home, forces: withHome(forces, home.forces) };
    return c.json(answer);
  });
  app.get('/areas', async (c) => {
    const q = query(c, AreasQuery);
    const column = q.level === 'force' ? 'force' : q.level;
    const forces = q.force?.length ? ` WHERE force IN (${q.force.map(sqlString).join(', ')})` : '';
    return cachedJson(
      c,
      await warehouse.cached(question(c.req.url), (wh) =>
        wh.sql.all<Area>(`SELECT DISTINCT ${column} AS name, force FROM areas${forces} ORDER BY force, name`),
      ),
    );
  });
  app.get('/series', async (c) => {
    const q = query(c, SeriesQuery);
    return cachedJson(
      c,
      await warehouse.cached(question(c.req.url), async (wh) => {
        const to = parseMonthArg('to', q.to) ?? latestMonth(wh.catalog, q.force);
        if (to === undefined) return { points: [], note: 'The warehouse holds no street data yet.' };
        // Three years by default, but not before the first month any chosen force holds.
        const firsts = coverage(wh.catalog, 'street')
          .forces.filter((f) => !q.force?.length || q.force.includes(f.force))
          .map((f) => f.first)
          .sort();
        const earliest = addMonths(to, -35);
        const from =
          parseMonthArg('from', q.from) ??
          (firsts[0] !== undefined && firsts[0] > earliest ? (firsts[0] as Month) : earliest);
        return monthlySeries(wh, {
          from,
          to,
          where: areaFilter(q.area),
          forces: q.force,
          categories: crimeCategories(q.category),
        });
      }),
    );
  });
  app.get('/snapshot', async (c) => {
    const q = query(c, PeriodQuery);
    return cachedJson(
      c,
      await warehouse.cached(question(c.req.url), async (wh) =>
        performanceSnapshot(wh, {
          period: parseAt(parsePeriodKind(q.kind), q.at, latestMonth(wh.catalog, q.force)),
          where: areaFilter(q.area),
          forces: q.force,
          weights: categoryWeights(q.index),
        }),
      ),
    );
  });
  app.get('/compare', async (c) => {
    const q = query(c, PeriodQuery);
    const { areas, byCategory } = parseBy(q.by ?? 'category');
    return cachedJson(
      c,
      await warehouse.cached(question(c.req.url), async (wh) =>
        compareTrends(wh, {
          areas,
          byCategory,
          period: parseAt(parsePeriodKind(q.kind), q.at, latestMonth(wh.catalog, q.force)),
          where: areaFilter(q.area),
          forces: q.force,
          categories: crimeCategories(q.category),
          weights: categoryWeights(q.index),
        }),
      ),
    );
  });
  app.get('/harm', async (c) => {
    const q = query(c, PeriodQuery);
    const { areas, byCategory } = parseBy(q.by ?? 'category');
    return cachedJson(
      c,
      await warehouse.cached(question(c.req.url), async (wh) => {
        const period = parseAt(parsePeriodKind(q.kind), q.at, latestMonth(wh.catalog, q.force));
        return harmBreakdown(wh, {
          areas,
          byCategory,
          span: period,
          where: areaFilter(q.area),
          forces: q.force,
          categories: crimeCategories(q.category),
          weights: categoryWeights(q.index),
        });
      }),
    );
  });
  return app;
}

/** Every force with street data, by name, with the months it holds. */
function forceOptions(wh: Warehouse): ForceOption[] {
  return coverage(wh.catalog, 'street').forces.map((f) => ({
    slug: f.force,
    name: forceDisplayName(f.force),
    first: f.first,
    last: f.last,
    months: f.months,
  }));
}

/** The user's own forces are choosable even before any of their months are imported. */
function withHome(forces: readonly ForceOption[], home: readonly string[]): ForceOption[] {
  const missing = home.filter((h) => !forces.some((f) => f.slug === h));
  return [
    ...forces,
    ...missing.map((slug) => ({ slug, name: forceDisplayName(slug), first: null, last: null, months: 0 })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

function summary(wh: Warehouse): WarehouseSummary {
  const street = coverage(wh.catalog, 'street');
  return {
    // The forces with data (the area table now knows all 43, which is not what the warehouse holds).
    forces: street.forces.map((f) => f.force),
    latestMonth: latestMonth(wh.catalog) ?? null,
    coverage: street,
    categories: CATEGORY_SLUGS.map((slug) => ({ slug, name: CATEGORY_NAMES[slug] })),
    imports: wh.catalog.imports.length,
  };
}
