/**
 * Partners' priorities: the list, the side-by-side matrix of a period (partners as columns, the
 * common taxonomy as rows, each cell the partner's own words), congruence with the alliance
 * Control Strategy of an assessment, the taxonomy, the periods and the partner organisations to
 * choose from; one priority with its revisions; recording and changing one (stale changes
 * answered 409 with the priority as it is now); the CSV export.
 */
import { Hono } from 'hono';
import {
  CongruenceQuery,
  NewPartnerPriority,
  PARTNER_KINDS,
  PriorityEdit,
  PriorityExportQuery,
  PriorityListQuery,
  PriorityMatrixQuery,
  type PriorityPartners,
} from '../../../api/index.js';
import { PRIORITY_TAXONOMY } from '../../../domain/priorities/taxonomy.js';
import { exportPrioritiesCsv } from '../../../registers/priorities-csv.js';
import {
  createPriority,
  getPriority,
  listOrganisations,
  listPriorities,
  priorityCongruence,
  priorityMatrix,
  priorityPeriods,
  updatePriority,
  type Store,
} from '../../../store/index.js';
import { actorOf, type AppEnv } from '../../session.js';
import { body, idParam, query, staleAware } from '../../validate.js';
import { csvAnswer } from './shared.js';

/** An empty partners list means "every partner", as when it is left out. */
const partnersOf = (ids: readonly string[] | undefined) => (ids === undefined || ids.length === 0 ? undefined : ids);

export function priorityRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/priorities', async (c) => {
    const q = query(c, PriorityListQuery);
    return c.json(
      await listPriorities(store, actorOf(c), {
        period: q.period,
        partnerIds: partnersOf(q.partners),
        taxonomyId: q.taxonomy,
        kind: q.kind,
      }),
    );
  });
  app.get('/priorities.csv', async (c) => {
    const q = query(c, PriorityExportQuery);
    const out = await exportPrioritiesCsv(store, actorOf(c), { period: q.period, partnerIds: partnersOf(q.partners) });
    return csvAnswer(
      c,
      out.csv,
      `priorities${q.period === undefined ? '' : `-${q.period.replace('/', '-')}`}.csv`,
      out.marking,
    );
  });
  app.get('/priorities/matrix', async (c) => {
    const q = query(c, PriorityMatrixQuery);
    return c.json(
      await priorityMatrix(store, actorOf(c), {
        period: q.period,
        partnerIds: partnersOf(q.partners),
        allRows: q.allRows,
      }),
    );
  });
  app.get('/priorities/periods', async (c) => c.json(await priorityPeriods(store, actorOf(c))));
  app.get('/priorities/taxonomy', (c) => {
    actorOf(c);
    return c.json(PRIORITY_TAXONOMY);
  });
  // Organisations are not marked (names of public bodies): the partners, and the forces CSPs nest under.
  app.get('/priorities/partners', async (c) => {
    actorOf(c);
    const all = await listOrganisations(store);
    return c.json({
      partners: all.filter((o) => (PARTNER_KINDS as readonly string[]).includes(o.kind)),
      forces: all.filter((o) => o.kind === 'force' || o.kind === 'alliance'),
    } satisfies PriorityPartners);
  });
  app.get('/assessments/:id/priorities/congruence', async (c) => {
    const q = query(c, CongruenceQuery);
    return c.json(
      await priorityCongruence(store, actorOf(c), idParam(c, 'id'), {
        period: q.period,
        partnerIds: partnersOf(q.partners),
      }),
    );
  });
  app.post('/priorities', async (c) =>
    c.json(await createPriority(store, actorOf(c), await body(c, NewPartnerPriority)), 201),
  );
  app.get('/priorities/:id', async (c) => c.json(await getPriority(store, actorOf(c), idParam(c, 'id'))));
  app.put('/priorities/:id', async (c) => {
    const { expectedVersion: v, ...change } = await body(c, PriorityEdit);
    const [actor, id] = [actorOf(c), idParam(c, 'id')];
    return c.json(
      await staleAware(
        () => updatePriority(store, actor, id, v, change),
        () => getPriority(store, actor, id),
      ),
    );
  });
  return app;
}
