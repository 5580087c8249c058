/**
 * The latest progress update of many recommendations at once, each through its carried_from chain
 * as far as the actor can see it (as getRecommendation reads one): the document's progress table
 * asked for each recommendation's whole history in turn, three queries apiece. Here the chain is
 * walked a generation at a time and the updates read in one query.
 */
import type { Actor } from '../../core/actor.js';
import { visibleFrom } from '../../core/marked.js';
import { dbOf, type Store } from '../../core/store.js';
import { toRecommendation, toUpdate, updateRows, type Recommendation, type RecommendationUpdate } from './writes.js';

/** Recommendation id -> its latest update (the latest of the newest link that has one); absent when none. */
export async function latestRecommendationUpdates(
  store: Store,
  actor: Actor,
  ids: readonly number[],
): Promise<Map<number, RecommendationUpdate>> {
  const db = dbOf(store);
  const known = new Map<number, Recommendation>();
  for (let wanted = [...new Set(ids)]; wanted.length > 0;) {
    const rows = await visibleFrom(db, actor, 'recommendations').selectAll().where('id', 'in', wanted).execute();
    for (const row of rows) known.set(row.id, toRecommendation(row));
    wanted = [...new Set(rows.map((r) => r.carried_from).filter((at): at is number => at !== null && !known.has(at)))];
  }
  const chains = new Map<number, Recommendation[]>();
  for (const id of ids) {
    const chain: Recommendation[] = [];
    for (
      let link = known.get(id);
      link !== undefined && !chain.includes(link);
      link = known.get(link.carriedFrom ?? -1)
    )
      chain.push(link);
    chains.set(id, chain); // newest first
  }
  const all = [...known.keys()];
  const rows =
    all.length === 0
      ? []
      : await updateRows(db)
          .innerJoin(
            visibleFrom(db, actor, 'recommendations').select('id as visible_recommendation_id').as('visible'),
            'visible.visible_recommendation_id',
            'recommendation_updates.recommendation_id',
          )
          .where('recommendation_id', 'in', all)
          .execute();
  const byRecord = new Map<number, RecommendationUpdate[]>();
  for (const u of rows) {
    const list = byRecord.get(u.recommendation_id) ?? [];
    list.push(toUpdate(u, known.get(u.recommendation_id)?.assessmentId ?? 0));
    byRecord.set(u.recommendation_id, list);
  }
  const latest = new Map<number, RecommendationUpdate>();
  for (const [id, chain] of chains) {
    for (const link of chain) {
      const own = (byRecord.get(link.id) ?? []).sort((a, b) => a.dated.localeCompare(b.dated) || a.id - b.id);
      if (own.length > 0) {
        latest.set(id, own[own.length - 1]!);
        break;
      }
    }
  }
  return latest;
}
