/**
 * The audit events queue (issue 13): rows queued by answered reads reach the audit in batches,
 * are all there when the audit is read, survive a database that stops answering (kept, retried,
 * and new audited answers refused meanwhile), and a row the database can never take is logged in
 * full rather than dropped silently or left to block the rest.
 */
import { sql, type KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { listAudit, queueEvents, type Store } from '../index.js';
import { AuditUnavailable, EventQueue, type AuditRow } from './event-queue.js';
import { dbOf } from './store.js';

const row = (n: number, actorName = 'queue-test'): AuditRow => ({
  actor_id: null,
  actor_name: actorName,
  action: 'read',
  table_name: 'threats',
  record_id: `/api/threats/${n}`,
  marking: 'OFFICIAL-SENSITIVE',
  organisation_id: null,
  subject_id: null,
  before: null,
  after: null,
});

const count = async (store: Store, actorName = 'queue-test') =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = ${actorName}`.execute(dbOf(store))
  ).rows[0]!.n;

/** A database connection that can be made to stop answering. */
function outage(): { plugin: KyselyPlugin; down: boolean } {
  const state = {
    down: false,
    plugin: {
      transformQuery(args) {
        if (state.down) throw new Error('connection refused (test outage)');
        return args.node;
      },
      transformResult: async (args) => args.result,
    } as KyselyPlugin,
  };
  return state;
}

describeEachDialect('audit events queue', (get) => {
  let w: World;
  let logged: string[];
  beforeEach(async () => {
    w ??= await makeWorld(get());
    logged = [];
  });
  afterEach(async () => {
    await sql`SELECT 1`.execute(dbOf(get()));
  });

  it('writes nothing on the request path, then every queued row once the audit is read', async () => {
    const s = get();
    const before = (await listAudit(s, w.admin)).length;
    queueEvents(s, w.admin, [
      { action: 'read', table: 'threats', recordId: '/api/threats/1', marking: 'OFFICIAL', organisationId: w.force },
      { action: 'read', table: 'threats', recordId: '/api/threats/2', marking: 'OFFICIAL', organisationId: w.force },
    ]);
    const rows = await listAudit(s, w.admin);
    expect(rows.length).toBe(before + 2);
    expect(rows.slice(-2).map((r) => r.recordId)).toEqual(['/api/threats/1', '/api/threats/2']);
  });

  it('writes a batch on its own after the delay, in one statement for many rows', async () => {
    const statements: string[] = [];
    const spy: KyselyPlugin = {
      transformQuery(args) {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const q = new EventQueue(dbOf(get()).withPlugin(spy), { delayMs: 20, log: (l) => logged.push(l) });
    q.add(Array.from({ length: 300 }, (_, i) => row(i, 'batch-test')));
    expect(await count(get(), 'batch-test')).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await count(get(), 'batch-test')).toBe(300);
    expect(statements).toEqual(['InsertQueryNode']);
  });

  it('keeps rows through an outage, refuses new audited answers meanwhile, and writes them when it ends', async () => {
    const o = outage();
    const q = new EventQueue(dbOf(get()).withPlugin(o.plugin), { delayMs: 10, log: (l) => logged.push(l) });
    o.down = true;
    q.add([row(1, 'outage-test'), row(2, 'outage-test')]);
    await expect(q.flush()).rejects.toBeInstanceOf(AuditUnavailable);
    expect(q.size).toBe(2);
    expect(() => q.add([row(3, 'outage-test')])).toThrow(AuditUnavailable);
    expect(logged.join('\n')).toMatch(/2 audit rows not written yet, will retry/);
    o.down = false;
    await q.flush();
    expect(q.size).toBe(0);
    expect(await count(get(), 'outage-test')).toBe(2);
    q.add([row(4, 'outage-test')]);
    await q.flush();
    expect(await count(get(), 'outage-test')).toBe(3);
  });

  it('logs in full, on closing, rows it still could not write', async () => {
    const o = outage();
    const q = new EventQueue(dbOf(get()).withPlugin(o.plugin), { log: (l) => logged.push(l) });
    q.add([row(7, 'closing-test')]);
    o.down = true;
    await q.close();
    expect(logged.some((l) => l.startsWith('audit-unwritten ') && l.includes('/api/threats/7'))).toBe(true);
  });

  it('sets aside, logged in full, a row the database will never take, and writes the rest', async () => {
    const q = new EventQueue(dbOf(get()), { log: (l) => logged.push(l) });
    q.add([row(1, 'poison-test'), row(2, 'poison\u0000test'), row(3, 'poison-test')]);
    await q.flush();
    expect(await count(get(), 'poison-test')).toBe(2);
    expect(logged.some((l) => l.includes('audit-unwritten') && l.includes('poison\\u0000test'))).toBe(true);
    q.add([row(4, 'poison-test')]);
    await q.flush();
    expect(await count(get(), 'poison-test')).toBe(3);
  });
});
