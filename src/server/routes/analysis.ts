/**
 * The analysis pages' data: rates per 1,000 residents, the Crime Severity Score, harm
 * concentration, the WDD "what works" test, indicator tables with their check, and stop and
 * search. Each answer is the same computation the CLI prints (src/analytics, src/warehouse/harm,
 * src/indicators), cached per question and catalog like the trends routes.
 */
import { crimeCategories } from '../../domain/crime/categories.js';
import { Hono } from 'hono';
import {
  ConcentrationQuery,
  CssQuery,
  IndicatorTableQuery,
  RatesQuery,
  StopSearchQuery,
  WddQuery,
  type ConcentrationAnswer,
  type CssAnswer,
  type IndicatorCheckAnswer,
  type IndicatorsAnswer,
  type RatesAnswer,
  type SeriesTable,
  type StopSearchAnswer,
  type WddAnswer,
} from '../../api/index.js';
import { harmConcentrationByLsoa } from '../../analytics/harm-breakdown.js';
import { latestMonth } from '../../analytics/latest.js';
import { parseAreaFilter, parseMonthArg } from '../../analytics/query-text.js';
import { categoryWeights } from '../../analytics/weights.js';
import { whatWorks } from '../../analytics/what-works.js';
import { addMonths, type Month } from '../../domain/crime/month.js';
import { loadOnsCssWeights } from '../../harm-data/load-weights.js';
import { checkIndicators, indicatorTable, listIndicators } from '../../indicators/report.js';
import { indicatorPaths } from '../../indicators/store.js';
import { populationTable } from '../../population/load.js';
import { crimeSeverityScores } from '../../warehouse/harm/css-queries.js';
import { crimeRates } from '../../warehouse/harm/rates-queries.js';
import { stopSearch } from '../../warehouse/stop-search.js';
import type { Warehouse } from '../../warehouse/reader.js';
import { stateError } from '../../errors.js';
import type { ServerOptions } from '../options.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';
import type { WarehouseAccess } from '../warehouse-access.js';
import { cachedJson } from '../cached-json.js';

const question = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** The last twelve months every chosen force holds, unless from/to say otherwise. */
function span(wh: Warehouse, q: { from?: string; to?: string; force?: string[] }): { from: Month; to: Month } {
  const to = parseMonthArg('to', q.to) ?? latestMonth(wh.catalog, q.force);
  if (to === undefined)
    throw stateError('The warehouse holds no street data yet: import police.uk files on the Data page first.');
  return { from: parseMonthArg('from', q.from) ?? addMonths(to, -11), to };
}

export function analysisRoutes(warehouse: WarehouseAccess, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const indicators = indicatorPaths(options.workspace.root);
  app.use('*', async (c, next) => {
    actorOf(c); // open data, but the workbench is for logged-in users
    await next();
  });
  app.get('/rates', async (c) => {
    const q = query(c, RatesQuery);
    const answer: RatesAnswer = await warehouse.cached(question(c.req.url), async (wh) =>
      crimeRates(wh, await populationTable(options.workspace.warehouse), {
        by: q.by,
        ...span(wh, q),
        forces: q.force,
        categories: crimeCategories(q.category),
      }),
    );
    return cachedJson(c, answer);
  });
  app.get('/css', async (c) => {
    const q = query(c, CssQuery);
    const answer: CssAnswer = await warehouse.cached(question(c.req.url), async (wh) =>
      crimeSeverityScores(wh, await populationTable(options.workspace.warehouse), loadOnsCssWeights(), {
        year: q.year,
        source: q.source,
        by: q.by,
        ...(q.force?.length ? { forces: q.force } : {}),
      }),
    );
    return cachedJson(c, answer);
  });
  app.get('/concentration', async (c) => {
    const q = query(c, ConcentrationQuery);
    const answer: ConcentrationAnswer = await warehouse.cached(question(c.req.url), async (wh) => {
      const { from, to } = span(wh, q);
      const r = await harmConcentrationByLsoa(wh, {
        span: { label: `${from} to ${to}`, first: from, last: to },
        weights: categoryWeights(q.index),
        forces: q.force,
        categories: crimeCategories(q.category),
      });
      return {
        from,
        to,
        areaCount: r.areaCount,
        totalHarm: r.totalHarm,
        zeroHarmAreas: r.zeroHarmAreas,
        tiers: r.tiers.map((t) => ({ fraction: t.fraction, areas: t.areas, harm: t.harm, share: t.share })),
        curve: r.curve,
        top: r.top,
        edition: r.edition,
        unit: r.unit,
        missing: r.missing,
      };
    });
    return cachedJson(c, answer);
  });
  app.get('/wdd', async (c) => {
    const q = query(c, WddQuery);
    const month = (name: string, v: string) => parseMonthArg(name, v)!;
    const answer: WddAnswer = await warehouse.cached(question(c.req.url), (wh) =>
      whatWorks(wh, {
        target: parseAreaFilter([q.target]),
        control: parseAreaFilter([q.control]),
        ...(q.displacement && q.displacementControl
          ? {
              displacement: {
                area: parseAreaFilter([q.displacement]),
                control: parseAreaFilter([q.displacementControl]),
              },
            }
          : {}),
        before: { from: month('beforeFrom', q.beforeFrom), to: month('beforeTo', q.beforeTo) },
        after: { from: month('afterFrom', q.afterFrom), to: month('afterTo', q.afterTo) },
        categories: crimeCategories(q.category),
        forces: q.force,
        weights: categoryWeights(q.index),
      }),
    );
    return cachedJson(c, answer);
  });
  app.get('/indicators', async (c) => {
    const { series }: IndicatorsAnswer = await listIndicators(indicators);
    return c.json({ series } satisfies IndicatorsAnswer);
  });
  app.get('/indicators/table', async (c) => {
    const q = query(c, IndicatorTableQuery);
    const answer: SeriesTable = await indicatorTable(indicators, {
      series: q.series,
      ...(q.organisation ? { organisation: q.organisation } : {}),
    });
    return c.json(answer);
  });
  app.get('/indicators/check', async (c) => {
    const series = c.req.query('series');
    const answer: IndicatorCheckAnswer = await checkIndicators(indicators, series || undefined);
    return c.json(answer);
  });
  app.get('/stop-search', async (c) => {
    const q = query(c, StopSearchQuery);
    const answer: StopSearchAnswer = await warehouse.cached(question(c.req.url), (wh) =>
      stopSearch(wh, {
        forces: q.force,
        from: parseMonthArg('from', q.from),
        to: parseMonthArg('to', q.to),
      }),
    );
    return cachedJson(c, answer);
  });
  return app;
}
