/**
 * GET /api/search?q= (issue 14): a search across everything the user may see. Each kind of record
 * is read with the very store function its own list route uses (listAssessments, listThreats,
 * listRisks, ...), each applying the organisation + marking rules for this actor, and only then
 * matched against the words typed: a record above the user's clearance or of another
 * organisation is never read, so it can never be found. Every word must appear (any case).
 */
import { Hono } from 'hono';
import { SearchQuery, type SearchAnswer, type SearchHit } from '../../api/index.js';
import { TEXT_PARTS } from '../../domain/document/text-parts.js';
import {
  listAnalystTexts,
  listAssessments,
  listDrivers,
  listInspections,
  listPlans,
  listPriorities,
  listRecommendations,
  listRisks,
  listThreats,
  type Store,
} from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';

/** At most this many hits of each kind. */
const LIMIT = 25;

const partTitle = (part: string) => {
  const words = part.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function searchRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/search', async (c) => {
    const { q } = query(c, SearchQuery);
    const actor = actorOf(c);
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (...texts: (string | null | undefined)[]) => {
      const text = texts.filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => text.includes(w));
    };
    const [assessments, threats, risks, recommendations, drivers, priorities, plans, inspections] = await Promise.all([
      listAssessments(store, actor),
      listThreats(store, actor),
      listRisks(store, actor),
      listRecommendations(store, actor),
      listDrivers(store, actor),
      listPriorities(store, actor),
      listPlans(store, actor),
      listInspections(store, actor),
    ]);
    const period = new Map(assessments.map((a) => [a.id, `${a.period} ${a.versionLabel}`]));
    const of = (assessmentId: number) => period.get(assessmentId) ?? `assessment ${assessmentId}`;
    const texts = (await Promise.all(assessments.map((a) => listAnalystTexts(store, actor, a.id)))).flat();
    const hits: SearchHit[][] = [
      assessments
        .filter((a) => matches(a.title, a.period, a.versionLabel))
        .map((a) => ({
          kind: 'assessment',
          id: a.id,
          title: a.title,
          context: of(a.id),
          href: `/assessments/${a.id}`,
          ...mk(a),
        })),
      threats
        .filter((t) => matches(t.name, t.description, t.owner))
        .map((t) => ({
          kind: 'threat',
          id: t.id,
          title: t.name,
          context: of(t.assessmentId),
          href: `/assessments/${t.assessmentId}/threats/${t.id}`,
          ...mk(t),
        })),
      risks
        .filter((r) => matches(r.reference, r.title, r.owner, r.category, r.cause, r.consequence, r.mitigation))
        .map((r) => ({
          kind: 'risk',
          id: r.id,
          title: `${r.reference} ${r.title}`,
          context: r.owner,
          href: `/registers/risks/${r.id}`,
          ...mk(r),
        })),
      recommendations
        .filter((r) => matches(r.number, r.theme, r.text, r.owner))
        .map((r) => ({
          kind: 'recommendation',
          id: r.id,
          title: `${r.number === null ? '' : `${r.number}. `}${r.theme}: ${r.text}`,
          context: of(r.assessmentId),
          href: `/assessments/${r.assessmentId}/recommendations`,
          ...mk(r),
        })),
      drivers
        .filter((d) => matches(d.name, ...d.themes))
        .map((d) => ({
          kind: 'driver',
          id: d.id,
          title: `${d.number}. ${d.name}`,
          context: of(d.assessmentId),
          href: `/registers/drivers/${d.id}`,
          ...mk(d),
        })),
      priorities
        .filter((p) => matches(p.wording, p.partnerId))
        .map((p) => ({
          kind: 'priority',
          id: p.id,
          title: p.wording,
          context: `${p.partnerId}, ${p.period}`,
          href: `/registers/priorities?period=${encodeURIComponent(p.period)}`,
          ...mk(p),
        })),
      plans
        .filter((p) => matches(p.title, p.period, p.commissioner))
        .map((p) => ({
          kind: 'plan',
          id: p.id,
          title: p.title,
          context: p.period,
          href: `/registers/plans/${p.id}`,
          ...mk(p),
        })),
      inspections
        .filter((i) => matches(i.body, i.title))
        .map((i) => ({
          kind: 'inspection',
          id: i.id,
          title: `${i.body}: ${i.title}`,
          context: i.dated ?? '',
          href: '/registers/plans',
          ...mk(i),
        })),
      texts
        .filter((t) => matches(partTitle(t.part), TEXT_PARTS[t.part], t.body))
        .map((t) => ({
          kind: 'text',
          id: t.id,
          title: partTitle(t.part),
          context: of(t.assessmentId),
          href: `/assessments/${t.assessmentId}/text`,
          ...mk(t),
        })),
    ];
    return c.json({
      q,
      hits: hits.flatMap((h) => h.slice(0, LIMIT)),
      truncated: hits.some((h) => h.length > LIMIT),
      limit: LIMIT,
    } satisfies SearchAnswer);
  });
  return app;
}

const mk = (r: { marking: SearchHit['marking']; organisationId: string }) => ({
  marking: r.marking,
  organisationId: r.organisationId,
});
