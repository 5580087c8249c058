/**
 * Cached answers to the store's derived reads (dashboard, threat lists, combined ranking,
 * control strategy), keyed by the store's revision (the newest audit row: any change moves it,
 * on any server) and by what decides visibility (clearance and organisations). An answer is
 * therefore never stale and never shown to someone who could not have read it; the cache only
 * saves recomputing the same answer for the many people reading it between changes. The revision
 * comes with the session lookup every request makes (one round trip for both).
 */
import { LRUCache } from 'lru-cache';
import { storeRevision, type Actor, type Store } from '../store/index.js';

export class ReadCache {
  private readonly answers = new LRUCache<string, { value: unknown }>({ max: 1000 });

  constructor(private readonly store: Store) {}

  /**
   * `revision`: the store's revision read with the request's session (ActiveSession.revision),
   * which saves a round trip; read here when not given.
   */
  async read<T>(actor: Actor, question: string, fn: () => Promise<T>, revision?: number): Promise<T> {
    revision ??= await storeRevision(this.store);
    const key = `${revision}|${actor.clearance}|${actor.organisationIds.join(',')}|${question}`;
    const hit = this.answers.get(key);
    if (hit !== undefined) return hit.value as T;
    const value = await fn();
    this.answers.set(key, { value });
    return value;
  }
}
