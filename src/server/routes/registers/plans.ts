/**
 * Police and Crime Plans and inspections: the plans (each with its themes and objectives), the
 * mappings between them and two plans side by side (the seed's Appendix 1); inspections with
 * their findings, a finding with its dated updates, adding an update (a stale one answered 409
 * with the finding as it is now); the objectives, the comparison and the findings as CSV. Writing
 * plans: a plan, an objective and its correction, a mapping of two plans, a theme link and an
 * objective pair (stale ones answered 409 with the plan or mapping as it is now).
 */
import { Hono } from 'hono';
import {
  FindingExportQuery,
  FindingListQuery,
  FindingUpdateRequest,
  InspectionListQuery,
  NewPlan,
  NewPlanMapping,
  PlanCompareQuery,
  PlanEdit,
  PlanListQuery,
  PlanObjectiveMapRequest,
  PlanUnlinkQuery,
  PlanMappingsQuery,
  PlanObjectiveEdit,
  PlanObjectiveRequest,
  PlanPairRequest,
  PlanThemeLinkRequest,
} from '../../../api/index.js';
import { notFoundError } from '../../../errors.js';
import { exportInspectionFindingsCsv } from '../../../registers/inspections-csv.js';
import { exportPlanComparisonCsv, exportPlanObjectivesCsv } from '../../../registers/plans-csv.js';
import {
  addInspectionFindingUpdate,
  addPlanObjective,
  createPlan,
  createPlanMapping,
  editPlanObjective,
  linkPlanThemes,
  mapPlanObjective,
  pairPlanObjectives,
  unlinkPlanThemes,
  unpairPlanObjective,
  updatePlan,
  getInspection,
  getInspectionFinding,
  getPlan,
  getPlanMapping,
  listInspectionFindings,
  listInspections,
  listPlanMappings,
  listPlans,
  planComparison,
  type Actor,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, idParam, query, staleAware } from '../../validate.js';
import { csvAnswer } from './shared.js';

export function planRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/plans', async (c) =>
    c.json(await listPlans(store, actorOf(c), { organisationId: query(c, PlanListQuery).organisation })),
  );
  app.get('/plans/compare', async (c) => {
    const q = query(c, PlanCompareQuery);
    return c.json(await planComparison(store, actorOf(c), q.a, q.b));
  });
  app.post('/plans', async (c) => c.json(await createPlan(store, actorOf(c), await body(c, NewPlan)), 201));
  app.get('/plans/:id', async (c) => c.json(await getPlan(store, actorOf(c), idParam(c, 'id'))));
  app.put('/plans/:id', async (c) => {
    const { expectedVersion: v, ...changes } = await body(c, PlanEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updatePlan(store, actor, id, v, changes),
        () => getPlan(store, actor, id),
      ),
    );
  });
  app.put('/plans/:id/objectives/:objectiveId/maps', async (c) => {
    const { expectedVersion: v, ...maps } = await body(c, PlanObjectiveMapRequest);
    const [actor, id, objectiveId] = [actorOf(c), idParam(c, 'id'), idParam(c, 'objectiveId')];
    await requireObjectiveOf(actor, id, objectiveId);
    return c.json(
      await staleAware(
        () => mapPlanObjective(store, actor, objectiveId, v, maps),
        () => getPlan(store, actor, id),
      ),
    );
  });
  app.post('/plans/:id/objectives', async (c) => {
    const { expectedVersion: v, ...objective } = await body(c, PlanObjectiveRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => addPlanObjective(store, actor, id, v, objective),
        () => getPlan(store, actor, id),
      ),
      201,
    );
  });
  app.put('/plans/:id/objectives/:objectiveId', async (c) => {
    const { expectedVersion: v, ...fields } = await body(c, PlanObjectiveEdit);
    const [actor, id, objectiveId] = [actorOf(c), idParam(c, 'id'), idParam(c, 'objectiveId')];
    await requireObjectiveOf(actor, id, objectiveId);
    return c.json(
      await staleAware(
        () => editPlanObjective(store, actor, objectiveId, v, fields),
        () => getPlan(store, actor, id),
      ),
    );
  });
  app.get('/plans/:id/objectives.csv', async (c) => {
    const out = await exportPlanObjectivesCsv(store, actorOf(c), idParam(c, 'id'));
    return csvAnswer(c, out.csv, `plan-${idParam(c, 'id')}-objectives.csv`, out.marking);
  });
  app.get('/plan-mappings', async (c) =>
    c.json(await listPlanMappings(store, actorOf(c), { planId: query(c, PlanMappingsQuery).plan })),
  );
  app.post('/plan-mappings', async (c) =>
    c.json(await createPlanMapping(store, actorOf(c), await body(c, NewPlanMapping)), 201),
  );
  app.get('/plan-mappings/:id', async (c) => c.json(await getPlanMapping(store, actorOf(c), idParam(c, 'id'))));
  app.post('/plan-mappings/:id/theme-links', async (c) => {
    const { expectedVersion: v, ...themes } = await body(c, PlanThemeLinkRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => linkPlanThemes(store, actor, id, v, themes),
        () => getPlanMapping(store, actor, id),
      ),
      201,
    );
  });
  app.post('/plan-mappings/:id/pairs', async (c) => {
    const { expectedVersion: v, ...pair } = await body(c, PlanPairRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => pairPlanObjectives(store, actor, id, v, pair),
        () => getPlanMapping(store, actor, id),
      ),
      201,
    );
  });
  app.delete('/plan-mappings/:id/theme-links/:themeId', async (c) => {
    const { expectedVersion: v } = query(c, PlanUnlinkQuery);
    const [actor, id, themeId] = [actorOf(c), idParam(c, 'id'), idParam(c, 'themeId')];
    const mapping = await getPlanMapping(store, actor, id);
    const link = mapping.themeLinks.find((l) => l.themeAId === themeId || l.themeBId === themeId);
    if (link === undefined) throw notFoundError(`Plan mapping ${id} links no theme ${themeId}.`);
    return c.json(
      await staleAware(
        () => unlinkPlanThemes(store, actor, id, v, link.themeA),
        () => getPlanMapping(store, actor, id),
      ),
    );
  });
  app.delete('/plan-mappings/:id/pairs/:objectiveId', async (c) => {
    const { expectedVersion: v } = query(c, PlanUnlinkQuery);
    const [actor, id, objectiveId] = [actorOf(c), idParam(c, 'id'), idParam(c, 'objectiveId')];
    return c.json(
      await staleAware(
        () => unpairPlanObjective(store, actor, id, v, objectiveId),
        () => getPlanMapping(store, actor, id),
      ),
    );
  });
  app.get('/plan-mappings/:id/comparison.csv', async (c) => {
    const out = await exportPlanComparisonCsv(store, actorOf(c), idParam(c, 'id'));
    return csvAnswer(c, out.csv, `plan-comparison-${idParam(c, 'id')}.csv`, out.marking);
  });
  app.get('/inspections', async (c) => {
    const q = query(c, InspectionListQuery);
    return c.json(await listInspections(store, actorOf(c), { organisationId: q.organisation, body: q.body }));
  });
  app.get('/inspections.csv', async (c) => {
    const q = query(c, FindingExportQuery);
    const out = await exportInspectionFindingsCsv(store, actorOf(c), {
      organisationId: q.organisation,
      inspectionId: q.inspection,
    });
    return csvAnswer(
      c,
      out.csv,
      q.inspection === undefined ? 'inspection-findings.csv' : `inspection-${q.inspection}-findings.csv`,
      out.marking,
    );
  });
  app.get('/inspections/:id', async (c) => c.json(await getInspection(store, actorOf(c), idParam(c, 'id'))));
  app.get('/inspection-findings', async (c) => {
    const q = query(c, FindingListQuery);
    return c.json(
      await listInspectionFindings(store, actorOf(c), {
        inspectionId: q.inspection,
        organisationId: q.organisation,
        status: q.status,
      }),
    );
  });
  app.get('/inspection-findings/:id', async (c) =>
    c.json(await getInspectionFinding(store, actorOf(c), idParam(c, 'id'))),
  );
  app.post('/inspection-findings/:id/updates', async (c) => {
    const { expectedVersion: v, ...update } = await body(c, FindingUpdateRequest);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => addInspectionFindingUpdate(store, actor, id, v, update),
        () => getInspectionFinding(store, actor, id),
      ),
      201,
    );
  });
  /** The objective must be one of this plan's (the version checked is this plan's). */
  async function requireObjectiveOf(actor: Actor, id: number, objectiveId: number): Promise<void> {
    const plan = await getPlan(store, actor, id);
    if (!plan.themes.some((t) => t.objectives.some((o) => o.id === objectiveId)))
      throw notFoundError(`Plan ${id} has no objective ${objectiveId} that you can see.`);
  }
  return app;
}
