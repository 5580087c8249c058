/**
 * The audit trail for administrators, of the organisations they administer only (issue 13): rows
 * about those organisations' records, and about their members (logins, passwords), up to the
 * administrator's clearance. Searchable by table, record, organisation, action, user and time.
 */
import { Hono } from 'hono';
import { AuditQuery } from '../../api/index.js';
import { StraError } from '../../errors.js';
import { holdsRole, listAudit, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';

export function auditRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/audit', async (c) => {
    const actor = actorOf(c);
    if (!holdsRole(actor, 'admin')) throw new StraError('FORBIDDEN', 'The audit trail is for administrators.');
    const q = query(c, AuditQuery);
    return c.json(await listAudit(store, actor, { ...q, administeredOnly: true }));
  });
  return app;
}
