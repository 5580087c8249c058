/**
 * The audit trail for administrators, of the organisations they administer only (issue 13): rows
 * about those organisations' records, and about their members (logins, passwords), up to the
 * administrator's clearance. Searchable by table, record, organisation, action, user and time.
 */
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { neutraliseCell } from '../../api/csv-cells.js';
import { AuditQuery } from '../../api/index.js';
import { highestMarking } from '../../domain/marking.js';
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
  // The same search as CSV, to keep or hand over (cells neutralised like every export).
  app.get('/audit.csv', async (c) => {
    const actor = actorOf(c);
    if (!holdsRole(actor, 'admin')) throw new StraError('FORBIDDEN', 'The audit trail is for administrators.');
    const rows = await listAudit(store, actor, { ...query(c, AuditQuery), administeredOnly: true });
    const header = ['id', 'at', 'actor', 'action', 'table', 'record', 'marking', 'organisation', 'before', 'after'];
    const body = rows.map((r) =>
      [
        r.id,
        r.at,
        r.actorName,
        r.action,
        r.table,
        r.recordId,
        r.marking,
        r.organisationId ?? '',
        r.before,
        r.after,
      ].map((v) => neutraliseCell(typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v))),
    );
    c.header('Content-Disposition', 'attachment; filename="audit.csv"');
    // Handled at the highest marking of the rows in it (the marking of what they describe).
    c.header('X-Protective-Marking', highestMarking(['OFFICIAL', ...rows.map((r) => r.marking)]));
    return c.body(stringify([header, ...body]), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  return app;
}
