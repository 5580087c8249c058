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
 * statement (store/core/event-queue.ts: the read audit costs a request no database round trip); a
 * cached answer sent by cachedJson brings its sensitive records, found once per cached object;
 * the audit view writes the queue before it reads. While the audit cannot be written, queuing
 * refuses and the request fails rather than go unrecorded. Reads of OFFICIAL records are not logged (they would bury the
 * rest).
 */
import type { MiddlewareHandler } from 'hono';
import { MARKINGS, type Marking } from '../domain/marking.js';
import { sensitiveRecords, type SensitiveRecords } from './sensitive-records.js';
import { queueEvents, type AuditEntry, type Store } from '../store/index.js';
import type { AppEnv } from './session.js';

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
      const exported = type.startsWith('text/csv') || type.startsWith('application/graphml+xml');
      queueEvents(store, actor, [
        {
          action: exported ? 'export' : 'download',
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
    const found = c.get('sensitive') ?? (await scan(c.res));
    if (found.size === 0) return;
    const entries: AuditEntry[] = [...found.entries()].map(([org, seen]) => ({
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

/** The sensitive records of an answer not sent by cachedJson (which found them once, beforehand). */
async function scan(res: Response): Promise<SensitiveRecords> {
  const text = await res.clone().text();
  // Cheap test first: no sensitive marking anywhere in the text, nothing to parse.
  if (!text.includes('"OFFICIAL-SENSITIVE"') && !text.includes('"SECRET"')) return new Map();
  return sensitiveRecords(JSON.parse(text));
}
