/**
 * The strategic risk register: list, read (with its history and the series to chart it), the
 * heat map, the overdue-review list, add a risk, edit one, add a review (stale ones answered 409 with the
 * risk as it is now), and the register and its review log as CSV. Every read is the actor's.
 */
import { Hono } from 'hono';
import {
  NewRisk,
  OverdueRisksQuery,
  RiskExportQuery,
  RiskHeatMapQuery,
  RiskEdit,
  RiskListQuery,
  RiskReviewRequest,
  type RiskHistory,
} from '../../../api/index.js';
import { bandRanges, riskScale } from '../../../domain/risk/index.js';
import { exportRiskReviewsCsv, exportRisksCsv } from '../../../registers/risks-csv.js';
import {
  createRisk,
  getRisk,
  listRisks,
  overdueRiskReviews,
  reviewRisk,
  riskHeatMap,
  updateRisk,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, idParam, query, staleAware } from '../../validate.js';
import { csvAnswer } from './shared.js';

export function riskRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Fixed paths before /risks/:id, which would otherwise take "heat-map" for an id.
  app.get('/risks', async (c) => {
    const q = query(c, RiskListQuery);
    return c.json(
      await listRisks(store, actorOf(c), {
        organisationId: q.organisation,
        status: q.status,
        owner: q.owner,
        category: q.category,
      }),
    );
  });
  app.get('/risks.csv', async (c) => {
    const q = query(c, RiskExportQuery);
    const out = await exportRisksCsv(store, actorOf(c), q.organisation);
    return csvAnswer(c, out.csv, 'risks.csv', out.marking);
  });
  app.get('/risks/reviews.csv', async (c) => {
    const q = query(c, RiskExportQuery);
    const out = await exportRiskReviewsCsv(store, actorOf(c), q.organisation);
    return csvAnswer(c, out.csv, 'risk-reviews.csv', out.marking);
  });
  app.get('/risks/heat-map', async (c) => {
    const q = query(c, RiskHeatMapQuery);
    return c.json(
      await riskHeatMap(store, actorOf(c), {
        organisationId: q.organisation,
        scaleSize: q.scale,
        includeClosed: q.includeClosed,
      }),
    );
  });
  app.get('/risks/overdue', async (c) => {
    const q = query(c, OverdueRisksQuery);
    return c.json(await overdueRiskReviews(store, actorOf(c), { organisationId: q.organisation, asOf: q.asOf }));
  });
  app.post('/risks', async (c) => c.json(await createRisk(store, actorOf(c), await body(c, NewRisk)), 201));
  app.get('/risks/:id', async (c) => c.json(await getRisk(store, actorOf(c), idParam(c, 'id'))));
  app.put('/risks/:id', async (c) => {
    const { expectedVersion: v, ...changes } = await body(c, RiskEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updateRisk(store, actor, id, v, changes),
        () => getRisk(store, actor, id),
      ),
    );
  });
  // The history to chart: every dated entry, the series (score, rating, movement), and the
  // risk's scale with its labels and the score range of each rating on it.
  app.get('/risks/:id/history', async (c) => {
    const risk = await getRisk(store, actorOf(c), idParam(c, 'id'));
    const scale = riskScale(risk.scaleSize);
    return c.json({
      riskId: risk.id,
      reference: risk.reference,
      scale,
      bands: bandRanges(scale),
      reviews: risk.reviews,
      series: risk.series,
      marking: risk.marking,
    } satisfies RiskHistory);
  });
  app.post('/risks/:id/reviews', async (c) => {
    const { expectedVersion: v, ...review } = await body(c, RiskReviewRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => reviewRisk(store, actor, id, v, review),
        () => getRisk(store, actor, id),
      ),
      201,
    );
  });
  return app;
}
