/**
 * The demand pages' data (issue 17): a force's demand profile (hour x weekday, type, share not
 * crime), its missing people (summary, repeats, places) and the forecast of a monthly crime
 * series with its backtest. The same computations as `stra demand profile`, `stra missing` and
 * `stra forecast crime`, cached per question and catalog like the analysis routes.
 *
 * Who reads what: recorded crime is open data (any logged-in user, as the trends and analysis
 * routes); incidents and missing episodes are a force's own data, readable only by users of that
 * force or of its alliance (auth/data-authority.ts demandReadRefusal), checked before the cache.
 */
import { Hono } from 'hono';
import {
  DemandProfileQuery,
  ForecastQuery,
  MissingQuery,
  type DemandMonth,
  type DemandProfileAnswer,
  type DemandShareRow,
  type ForecastAnswer,
  type MissingAnswer,
} from '../../api/index.js';
import { demandProfile } from '../../analytics/demand/profile.js';
import { missingAnalysis } from '../../analytics/demand/missing.js';
import { warehouseSeries } from '../../analytics/forecast/warehouse-series.js';
import { cutSeries } from '../../analytics/forecast/cut-series.js';
import { demandReadScope } from '../../auth/data-authority.js';
import { NONE, type Breakdown } from '../../domain/demand/profiles/breakdown.js';
import { forecastSeries } from '../../domain/forecast/forecast-series.js';
import { periodLabel, type CountSeries } from '../../domain/forecast/series.js';
import { forbiddenError, inputError, notFoundError, StraError } from '../../errors.js';
import type { MonthCoverage } from '../../warehouse/demand/coverage.js';
import { listOrganisations, type Store } from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';
import type { WarehouseAccess } from '../warehouse-access.js';
import { cachedJson } from '../cached-json.js';
import type { Context } from 'hono';

const question = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

const months = (coverage: readonly MonthCoverage[]): DemandMonth[] =>
  coverage.map((c) => ({
    month: c.month,
    rows: c.rows,
    daysWithData: c.days_with_data,
    daysInMonth: c.days_in_month,
    complete: c.complete,
  }));

const shares = (b: Breakdown): DemandShareRow[] =>
  b.rows.map((r) => ({ key: r.key, count: r.count, share: r.share, perDay: r.perDay }));

/** The import's "nothing held" replaced by what to import (and no word of which other forces are held). */
const orSay = (message: string) => (e: unknown) => {
  if (e instanceof StraError && e.code === 'NOT_FOUND') throw notFoundError(message);
  throw e;
};

const finite = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

const spreadOf = (s: { incidents: number; median: number; p90: number }) => ({
  incidents: s.incidents,
  median: finite(s.median),
  p90: finite(s.p90),
});

export function demandRoutes(warehouse: WarehouseAccess, store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const dir = options.workspace.warehouse;

  /**
   * The CSP the figures must be limited to (null: the whole force, or the CSP asked for), after
   * refusing (403) a user outside the force, its alliance and its OPCC, or a CSP's user asking
   * for the whole force or another CSP (the decision in the README's Demand section).
   */
  async function mayRead(c: Context<AppEnv>, force: string, csp: string | undefined): Promise<string | null> {
    const scope = demandReadScope(actorOf(c), await listOrganisations(store), force);
    if (scope.scope === 'none') throw forbiddenError(scope.refusal);
    if (scope.scope === 'csp' && csp !== scope.csp)
      throw forbiddenError(
        `${actorOf(c).username} is a user of the ${scope.csp} community safety partnership: ${force}'s incidents and missing-person episodes are shown to them for ${scope.csp} only (add csp=${scope.csp}).`,
      );
    return csp ?? null;
  }

  app.get('/demand-profile', async (c) => {
    actorOf(c);
    const q = query(c, DemandProfileQuery);
    const csp = await mayRead(c, q.force, q.csp);
    const answer: DemandProfileAnswer = await warehouse.cached(question(c.req.url), async (wh) => {
      const none = csp
        ? `No incidents of ${q.force} are held in ${csp}${q.from || q.to ? ' for these days' : ''}: incidents are placed in a CSP by the LSOA recorded (a beat is in none).`
        : `No incidents of ${q.force} are held${q.from || q.to ? ' for these days' : ''}: import the force's calls for service first (\`stra demand import <file> --mapping <mapping> --force ${q.force}\`).`;
      const p = await demandProfile(wh, dir, {
        force: q.force,
        ...(csp ? { csp } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      }).catch(orSay(none));
      if (p.incidents === 0) throw notFoundError(none);
      return {
        force: p.force,
        from: p.from,
        to: p.to,
        incidents: p.incidents,
        days: p.days,
        coverage: months(p.coverage),
        hourWeek: p.hourWeek.perDay.map((row) => row.map((v) => finite(v))),
        peak: p.hourWeek.peak,
        byClass: shares(p.byClass),
        byGrade: shares(p.byGrade),
        nonCrime: {
          total: p.nonCrime.total,
          notCrime: p.nonCrime.notCrime,
          share: p.nonCrime.shareNotCrime,
          byClass: p.nonCrime.byClass.map((r) => ({
            demandClass: r.demandClass,
            count: r.count,
            shareOfAll: r.shareOfAll,
          })),
        },
        csp,
        byOutcome: shares(p.byOutcome),
        // An export without closing codes (San Diego's has dispositions, read as outcomes) has none to list.
        byClosingCode: p.byClosingCode.rows.every((r) => r.key === NONE) ? [] : shares(p.byClosingCode),
        areaByGrade: p.areaByGrade,
        timeSpent: {
          officerIncidents: p.timeSpent.officer.incidents,
          officerHours: p.timeSpent.officer.hours,
          officerByClass: p.timeSpent.officer.byClass,
          response: spreadOf(p.timeSpent.responseMinutes),
          responseByGrade: p.timeSpent.responseMinutes.byGrade.map((g) => ({ grade: g.grade, ...spreadOf(g.spread) })),
          duration: spreadOf(p.timeSpent.durationMinutes),
        },
        change: p.changeOnLastYear && {
          current: p.changeOnLastYear.current,
          previous: p.changeOnLastYear.previous,
          rows: p.changeOnLastYear.rows.map((r) => ({
            key: r.key,
            current: r.current,
            previous: r.previous,
            change: finite(r.change),
            percentChange: finite(r.percentChange ?? undefined),
            pValue: finite(r.pValue ?? undefined),
            qValue: finite(r.qValue ?? undefined),
            flag: r.flag,
          })),
        },
        changeUnavailable: p.changeUnavailable,
      };
    });
    return cachedJson(c, answer);
  });

  app.get('/missing', async (c) => {
    actorOf(c);
    const q = query(c, MissingQuery);
    const csp = await mayRead(c, q.force, q.csp);
    const answer: MissingAnswer = await warehouse.cached(question(c.req.url), async (wh) => {
      const none = csp
        ? `No missing-person episodes of ${q.force} are held from places in ${csp}${q.from || q.to ? ' for these days' : ''}: episodes are placed in a CSP by the LSOA recorded.`
        : `No missing-person episodes of ${q.force} are held${q.from || q.to ? ' for these days' : ''}: import them first (\`stra demand import <file> --mapping openstra-missing --force ${q.force}\`, with STRA_PSEUDONYM_KEY set).`;
      const m = await missingAnalysis(wh, dir, {
        force: q.force,
        ...(csp ? { csp } : {}),
        repeatEpisodes: q.episodes,
        withinDays: q.days,
        top: 100_000,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      }).catch(orSay(none));
      if (m.summary.episodes === 0) throw notFoundError(none);
      const s = m.summary;
      const shareOf = <K extends string>(rows: readonly { episodes: number }[], key: (r: never) => K) =>
        rows.map((r) => ({ key: key(r as never), episodes: r.episodes, share: r.episodes / s.episodes }));
      return {
        force: m.force,
        csp,
        byRisk: shareOf(s.byRisk, (r: { risk: string }) => r.risk),
        byAge: shareOf(s.byAge, (r: { ageBand: string }) => r.ageBand),
        byAddressType: shareOf(s.byAddressType, (r: { addressType: string }) => r.addressType),
        hoursMissing: {
          episodes: s.hoursMissing.incidents,
          median: finite(s.hoursMissing.median),
          p90: finite(s.hoursMissing.p90),
          bands: s.hoursMissing.bands,
        },
        coverage: months(m.coverage),
        summary: {
          episodes: s.episodes,
          people: s.people,
          childEpisodes: s.childEpisodes,
          lookedAfterEpisodes: s.lookedAfterEpisodes,
          highRiskShare: s.highRiskShare,
          stillMissing: s.stillMissing,
        },
        repeats: {
          definition: m.repeats.definition,
          people: m.repeats.persons.length,
          shareOfEpisodes: m.repeats.shareOfEpisodes,
        },
        locations: m.locations.slice(0, 20).map((l) => ({
          location: l.location,
          area: l.area,
          episodes: l.episodes,
          people: l.people,
          lookedAfterEpisodes: l.lookedAfterEpisodes,
          highRiskEpisodes: l.highRiskEpisodes,
          repeatPeople: l.repeatPeople,
          medianHoursMissing: l.medianHoursMissing,
        })),
        monthly: m.monthly,
      };
    });
    return cachedJson(c, answer);
  });

  app.get('/forecast', async (c) => {
    actorOf(c); // recorded crime is open data, but the workbench is for logged-in users
    const q = query(c, ForecastQuery);
    if (q.csp && q.district) throw inputError('choose a CSP or a district, not both');
    if (q.series !== 'crime' && q.district)
      throw inputError(
        `${q.series === 'incidents' ? 'incidents' : 'missing-person episodes'} are not held by district: choose the force or a CSP`,
      );
    // Incidents and missing episodes are the force's own: its users, its alliance's and OPCC's, and
    // its CSPs' for their own area only (checked before the cache).
    if (q.series !== 'crime') await mayRead(c, q.force, q.csp);
    const answer: ForecastAnswer = await warehouse.cached(question(c.req.url), async (wh) => {
      const named = await warehouseSeries(wh, dir, {
        kind: q.series,
        force: q.force,
        ...(q.category ? { category: q.category } : {}),
        ...(q.csp ? { csp: q.csp } : {}),
        ...(q.district ? { district: q.district } : {}),
      }).catch((e: unknown) => {
        if (e instanceof Error && /no police\.uk street crime/.test(e.message))
          throw notFoundError(
            `No police.uk street crime of ${q.force} is held: import the force's monthly files on the Data page first.`,
          );
        if (e instanceof StraError && e.code === 'NOT_FOUND' && q.series !== 'crime')
          throw notFoundError(
            `No ${q.series === 'incidents' ? 'incidents' : 'missing-person episodes'} of ${q.force} are held${q.csp ? ` in ${q.csp}` : ''}: ${e.message}.`,
          );
        throw e;
      });
      const series: CountSeries = q.until ? cutSeries(named.series, q.until) : named.series;
      const result = forecastSeries(series, { horizon: 12 });
      const history = series.values.map((value, k) => ({ period: periodLabel(series, k), value }));
      if (result.status === 'refused')
        return {
          series: named.name,
          start: series.start,
          history,
          notes: named.notes,
          refused: result.refusal.message,
          forecast: null,
        };
      const b = result.backtest;
      return {
        series: named.name,
        start: series.start,
        history,
        notes: [...named.notes, ...result.notes],
        refused: null,
        forecast: {
          model: result.model,
          method: result.method,
          trainedFrom: result.trainedFrom,
          beatsSeasonalNaive: result.beatsSeasonalNaive,
          chosenMase: b.chosen.mase,
          seasonalNaiveMase: b.seasonalNaive.mase,
          candidates: b.candidates.map((m) => ({
            method: m.method,
            model: m.label,
            scored: m.status === 'scored',
            mase: m.status === 'scored' ? m.mase : null,
            coverage80: m.status === 'scored' ? m.coverage80 : null,
            coverage95: m.status === 'scored' ? m.coverage95 : null,
            points: m.points,
            note: m.status === 'scored' ? (m === b.chosen ? 'chosen' : null) : (m.reason ?? 'failed'),
          })),
          rows: result.periods.map((period, k) => ({
            period,
            mean: result.mean[k]!,
            lo80: result.interval80.lower[k]!,
            hi80: result.interval80.upper[k]!,
            lo95: result.interval95.lower[k]!,
            hi95: result.interval95.upper[k]!,
          })),
          total: result.total && {
            mean: result.total.mean,
            lo80: result.total.interval80.lower,
            hi80: result.total.interval80.upper,
            lo95: result.total.interval95.lower,
            hi95: result.total.interval95.upper,
            paths: result.total.paths,
          },
        },
      };
    });
    return cachedJson(c, answer);
  });
  return app;
}
