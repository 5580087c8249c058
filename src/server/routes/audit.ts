/** The audit trail for administrators (the store filters rows by the marking rule as well). */
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
    return c.json(await listAudit(store, actor, q));
  });
  return app;
}
