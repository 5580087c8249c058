/**
 * Evidence beside the MoRiLE factors in the scoring workshop: what the warehouse says about the
 * crimes linked to one threat over its assessment's financial year (volume, change on last year
 * and its significance, harm). The threat is read as the logged-in user first, so a threat they
 * may not see answers 404 before the warehouse is touched.
 */
import { Hono } from 'hono';
import { EvidenceQuery, type ThreatEvidence } from '../../api/index.js';
import { threatEvidence } from '../../assessment/threat-evidence.js';
import { parseFinancialYear } from '../../domain/crime/periods.js';
import { inputError } from '../../errors.js';
import { getAssessment, getThreat, type Actor, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { idParam, query } from '../validate.js';
import type { WarehouseAccess } from '../warehouse-access.js';

export async function evidenceOfThreat(
  store: Store,
  warehouse: WarehouseAccess,
  actor: Actor,
  threatId: number,
  forces: readonly string[],
): Promise<ThreatEvidence> {
  const threat = await getThreat(store, actor, threatId);
  const assessment = await getAssessment(store, actor, threat.assessmentId);
  const period = parseFinancialYear(assessment.period);
  if (period === undefined)
    throw inputError(
      `Assessment ${assessment.id}'s period "${assessment.period}" is not a financial year (e.g. 2017/18), so there is no year to take evidence from.`,
    );
  const only = forces.length === 0 ? undefined : forces;
  // Keyed by what the figures depend on (the links, not the threat), so threats sharing links share them.
  const question = `threat evidence ${JSON.stringify(threat.evidence)} ${period.label} ${forces.join(',')}`;
  const figures = await warehouse.cached(question, async (wh) => threatEvidence(wh, threat.evidence, period, only));
  return { threatId, period: period.label, figures, indicators: threat.evidence.indicators, forces };
}

export function evidenceRoutes(store: Store, warehouse: WarehouseAccess): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/threats/:id/evidence', async (c) => {
    const { force } = query(c, EvidenceQuery);
    return c.json(await evidenceOfThreat(store, warehouse, actorOf(c), idParam(c, 'id'), force));
  });
  return app;
}
