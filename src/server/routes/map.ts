/**
 * The map's data: boundaries (shipped GeoJSON in data/boundaries, read once, cut to the chosen
 * forces) and each area's crimes and harm for a period (the harm breakdown the trends page uses,
 * by CSP, district or LSOA), cached per question and catalog.
 */
import { crimeCategories } from '../../domain/crime/categories.js';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { BoundariesQuery, MapValuesQuery, type Boundaries, type MapLevel, type MapValues } from '../../api/index.js';
import { harmBreakdown } from '../../analytics/harm-breakdown.js';
import { latestMonth } from '../../analytics/latest.js';
import { parseAt, parsePeriodKind } from '../../analytics/query-text.js';
import { categoryWeights } from '../../analytics/weights.js';
import { dataFile } from '../../data-files.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';
import type { WarehouseAccess } from '../warehouse-access.js';
import { cachedJson } from '../cached-json.js';

type Feature = Boundaries['features'][number];
const shipped = new Map<string, Promise<Feature[]>>();

/** The shipped features of a file (none when it is not shipped). */
function featuresOf(file: string): Promise<Feature[]> {
  let p = shipped.get(file);
  if (p === undefined) {
    p = readFile(dataFile('boundaries', file), 'utf8').then(
      (t) => (JSON.parse(t) as { features: Feature[] }).features,
      () => [],
    );
    shipped.set(file, p);
  }
  return p;
}

async function boundaries(level: MapLevel, forces: readonly string[]): Promise<Boundaries> {
  if (level !== 'lsoa') {
    const all = await featuresOf(`${level}.geojson`);
    const features = forces.length ? all.filter((f) => forces.includes(f.properties.force)) : all;
    return { type: 'FeatureCollection', features, without: [] };
  }
  const features: Feature[] = [];
  const without: string[] = [];
  for (const force of forces) {
    const list = await featuresOf(`lsoa-${force}.geojson`);
    if (list.length === 0) without.push(force);
    features.push(...list);
  }
  return { type: 'FeatureCollection', features, without };
}

export function mapRoutes(warehouse: WarehouseAccess): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    actorOf(c);
    await next();
  });
  // Boundaries never change while the server runs: each answer is serialised once (hundreds of
  // kilobytes of GeoJSON took half a second per request to filter and stringify under load).
  const texts = new Map<string, Promise<string>>();
  app.get('/boundaries', async (c) => {
    const q = query(c, BoundariesQuery);
    const key = `${q.level}|${(q.force ?? []).join(',')}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = boundaries(q.level, q.force ?? []).then((b) => JSON.stringify(b));
      if (texts.size < 200) texts.set(key, text);
    }
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(await text);
  });
  app.get('/values', async (c) => {
    const q = query(c, MapValuesQuery);
    const u = new URL(c.req.url);
    const answer: MapValues = await warehouse.cached(`${u.pathname}${u.search}`, async (wh) => {
      const period = parseAt(parsePeriodKind(q.kind), q.at, latestMonth(wh.catalog, q.force));
      const b = await harmBreakdown(wh, {
        areas: ['force', q.level],
        byCategory: false,
        span: period,
        forces: q.force,
        categories: crimeCategories(q.category),
        weights: categoryWeights(q.index),
      });
      return {
        level: q.level,
        period: period.label,
        unit: b.unit,
        values: b.cells
          .filter((cell) => !(cell.area[q.level] ?? '(').startsWith('('))
          .map((cell) => ({
            area: cell.area[q.level]!,
            force: cell.area.force ?? '',
            crimes: cell.volume,
            harm: cell.harm,
          })),
        missing: b.missing,
        note: b.note,
      };
    });
    return cachedJson(c, answer);
  });
  return app;
}
