/**
 * The strategic risk register: list, read (with its history and the series to chart it), the
 * heat map, the overdue-review list, add a risk, add a review (stale ones answered 409 with the
 * risk as it is now), and the register and its review log as CSV. Every read is the actor's.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { bandRanges, riskScale } from '../../../domain/risk/index.js';
import { exportRiskReviewsCsv, exportRisksCsv } from '../../../registers/risks-csv.js';
import {
  createRisk,
  getRisk,
  listRisks,
  overdueRiskReviews,
  reviewRisk,
  riskHeatMap,
  RISK_STATUSES,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, expectedVersion, idParam, query, staleAware } from '../../validate.js';
import { csvAnswer, isoDate, marking, orgIds, queryFlag, queryNumber } from './shared.js';

const level = z.number().int('expected a whole number').min(1).max(10);
const levels = z.strictObject({ likelihood: level, impact: level });
const text = (max: number) => z.string().max(max);

const NewRisk = z.strictObject({
  organisationId: z.string().trim().min(1, 'choose the organisation that holds the risk').max(100),
  reference: z.string().trim().min(1, 'give a reference, e.g. SR09').max(40),
  title: z.string().trim().min(1, 'give a title').max(300),
  category: z.string().trim().min(1, 'give a category, e.g. Operational').max(100),
  owner: z.string().trim().min(1, 'give the owner (a chief officer post)').max(200),
  cause: text(5000).optional(),
  consequence: text(5000).optional(),
  scaleSize: z.number().int().min(2).max(10).optional(),
  inherent: levels,
  residual: levels.optional(),
  mitigation: text(20_000).optional(),
  actions: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
  identifiedOn: isoDate.optional(),
  nextReview: isoDate.optional(),
  status: z.enum(RISK_STATUSES).optional(),
  narrative: text(20_000).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});

const Review = z.strictObject({
  expectedVersion,
  likelihood: level,
  impact: level,
  narrative: z.string().trim().min(1, 'say what changed and why').max(20_000),
  dated: isoDate.optional(),
  nextReview: isoDate.optional(),
  status: z.enum(RISK_STATUSES).optional(),
});

const ListQuery = z.strictObject({
  organisation: z.string().optional(),
  status: z.enum(RISK_STATUSES).optional(),
  owner: z.string().optional(),
  category: z.string().optional(),
});
const HeatMapQuery = z.strictObject({
  organisation: z.string().optional(),
  scale: queryNumber.optional(),
  includeClosed: queryFlag.optional(),
});
const OverdueQuery = z.strictObject({ organisation: z.string().optional(), asOf: isoDate.optional() });
const ExportQuery = z.strictObject({ organisation: z.string().optional() });

export function riskRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Fixed paths before /risks/:id, which would otherwise take "heat-map" for an id.
  app.get('/risks', async (c) => {
    const q = query(c, ListQuery);
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
    const q = query(c, ExportQuery);
    return csvAnswer(c, await exportRisksCsv(store, actorOf(c), q.organisation), 'risks.csv');
  });
  app.get('/risks/reviews.csv', async (c) => {
    const q = query(c, ExportQuery);
    return csvAnswer(c, await exportRiskReviewsCsv(store, actorOf(c), q.organisation), 'risk-reviews.csv');
  });
  app.get('/risks/heat-map', async (c) => {
    const q = query(c, HeatMapQuery);
    return c.json(
      await riskHeatMap(store, actorOf(c), {
        organisationId: q.organisation,
        scaleSize: q.scale,
        includeClosed: q.includeClosed,
      }),
    );
  });
  app.get('/risks/overdue', async (c) => {
    const q = query(c, OverdueQuery);
    return c.json(await overdueRiskReviews(store, actorOf(c), { organisationId: q.organisation, asOf: q.asOf }));
  });
  app.post('/risks', async (c) => c.json(await createRisk(store, actorOf(c), await body(c, NewRisk)), 201));
  app.get('/risks/:id', async (c) => c.json(await getRisk(store, actorOf(c), idParam(c, 'id'))));
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
    });
  });
  app.post('/risks/:id/reviews', async (c) => {
    const { expectedVersion: v, ...review } = await body(c, Review);
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
