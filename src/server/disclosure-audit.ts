/**
 * The audit of consultation and disclosure (issue 13; DPA 2018 Part 3 asks for logs of who
 * consulted and who disclosed what, and when). After each answered GET of a logged-in user:
 *
 * - a **download or export** (an attachment, a CSV) writes one `download`/`export` row with the
 *   address and the marking the answer declares (X-Protective-Marking);
 * - a **JSON answer holding records marked OFFICIAL-SENSITIVE or above** (a single record or any
 *   list, chart or view that carries them) writes one `read` row per owning organisation, naming
 *   the address and the ids of those records, at the highest marking among them.
 *
 * Queued once the answer is ready and written off the request path, many requests' rows in one
 * statement (store/core/event-queue.ts: the read audit costs a request no database round trip);
 * the audit view writes the queue before it reads. While the audit cannot be written, queuing
 * refuses and the request fails rather than go unrecorded. Reads of OFFICIAL records are not logged (they would bury the
 * rest).
 */
import type { MiddlewareHandler } from 'hono';
import { markingRank, MARKINGS, type Marking } from '../domain/marking.js';
import { queueEvents, type AuditEntry, type Store } from '../store/index.js';
import type { AppEnv } from './session.js';

const SENSITIVE = markingRank('OFFICIAL-SENSITIVE');
const MAX_IDS = 500;

interface Seen {
  marking: Marking;
  ids: (string | number)[];
}

/** Records marked OFFICIAL-SENSITIVE or above anywhere in a JSON value, by organisation. */
export function sensitiveRecords(value: unknown, into = new Map<string | null, Seen>()): Map<string | null, Seen> {
  if (Array.isArray(value)) for (const v of value) sensitiveRecords(v, into);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const m = o['marking'];
    if (
      typeof m === 'string' &&
      (MARKINGS as readonly string[]).includes(m) &&
      markingRank(m as Marking) >= SENSITIVE
    ) {
      const org = typeof o['organisationId'] === 'string' ? o['organisationId'] : null;
      const seen = into.get(org) ?? { marking: m as Marking, ids: [] };
      if (markingRank(m as Marking) > markingRank(seen.marking)) seen.marking = m as Marking;
      const id = o['id'];
      if ((typeof id === 'number' || typeof id === 'string') && seen.ids.length < MAX_IDS) seen.ids.push(id);
      into.set(org, seen);
    }
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') sensitiveRecords(v, into);
  }
  return into;
}

export function disclosureAudit(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const session = c.get('session');
    if (session === undefined || c.req.method !== 'GET' || c.res.status !== 200) return;
    const actor = session.actor;
    const address = c.req.path.slice(0, 300);
    const table = address.split('/')[2] ?? 'api';
    const type = c.res.headers.get('content-type') ?? '';
    const attachment = (c.res.headers.get('content-disposition') ?? '').startsWith('attachment');
    const declared = c.res.headers.get('x-protective-marking');
    const marking: Marking =
      declared !== null && (MARKINGS as readonly string[]).includes(declared) ? (declared as Marking) : 'OFFICIAL';
    if (attachment || type.startsWith('text/csv') || address.startsWith('/api/reports/')) {
      queueEvents(store, actor, [
        {
          action: type.startsWith('text/csv') ? 'export' : 'download',
          table,
          recordId: address,
          marking,
          organisationId: null,
          subjectId: actor.userId,
          after: { address, marking, contentType: type.split(';')[0] },
        },
      ]);
      return;
    }
    if (!type.startsWith('application/json')) return;
    const text = await c.res.clone().text();
    // Cheap test first: no sensitive marking anywhere in the text, nothing to parse.
    if (!text.includes('"OFFICIAL-SENSITIVE"') && !text.includes('"SECRET"')) return;
    const entries: AuditEntry[] = [...sensitiveRecords(JSON.parse(text)).entries()].map(([org, seen]) => ({
      action: 'read',
      table,
      recordId: address,
      marking: seen.marking,
      organisationId: org,
      subjectId: actor.userId,
      after: { address, records: seen.ids },
    }));
    queueEvents(store, actor, entries);
  };
}
