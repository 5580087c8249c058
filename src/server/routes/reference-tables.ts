/**
 * Area, population and indicator tables uploaded by an organisation's administrator (issue 14).
 * Who may: the admin role in the organisation named in `?organisation=`; an area table's rows may
 * name only that organisation's own force (or, for an alliance, its forces), since an area table
 * decides where every one of a force's crimes is counted. Every load is audited against the
 * organisation, with the file's name, SHA-256 and rows. A bad row is a 400 naming the file, the
 * line and the field, and nothing is kept. After an area table is loaded the warehouse's counts by
 * area are rebuilt (as `stra areas load` does), and after any table the server's cached answers
 * are dropped, so the analysis pages reflect the new table at once. A table may be up to
 * REFERENCE_TABLE_LIMIT (app.ts): the national LSOA population is about 2 MB.
 */
import { Hono } from 'hono';
import { ReferenceTableQuery, type ReferenceTableLoad, type ReferenceTableLoaded } from '../../api/index.js';
import { forbiddenError, inputError, notFoundError } from '../../errors.js';
import {
  areaTableForces,
  loadReferenceTable,
  REFERENCE_KINDS,
  type ReferenceKind,
} from '../../reference-tables/upload.js';
import { holdsRole, listAudit, listOrganisations, recordEvent, type Store } from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import type { WarehouseAccess } from '../warehouse-access.js';
import { rebuildAreaCounts } from '../../warehouse/rebuild-area-counts.js';
import { actorOf, type AppEnv } from '../session.js';
import { query } from '../validate.js';

export function referenceTableRoutes(store: Store, warehouse: WarehouseAccess, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The tables loaded, with who loaded them and when: read from the audit rows of the loads, of
  // the organisations the administrator administers, from the browser or the command line (stra
  // areas load, population load, indicators import record their loads: src/cli/commands/
  // load-record.ts), with the command line's loads for the whole workspace (no organisation).
  app.get('/reference-tables', async (c) => {
    const actor = actorOf(c);
    if (!holdsRole(actor, 'admin')) throw forbiddenError('The list of loaded tables is for administrators.');
    const loads: ReferenceTableLoad[] = [];
    for (const table of ['area_tables', 'population_tables', 'indicator_tables'])
      for (const r of await listAudit(store, actor, {
        table,
        action: 'load',
        administeredOnly: true,
        withWorkspaceWide: true,
        limit: 500,
      }))
        loads.push({
          ...(r.after as ReferenceTableLoaded),
          via: (r.after as { via?: string }).via === 'command line' ? 'command line' : 'browser',
          organisationId: r.organisationId,
          loadedBy: r.actorName,
          loadedAt: r.at,
        });
    return c.json(loads.sort((a, b) => b.loadedAt.localeCompare(a.loadedAt)));
  });
  app.post('/reference-tables/:kind', async (c) => {
    const actor = actorOf(c);
    const kind = c.req.param('kind') as ReferenceKind;
    if (!REFERENCE_KINDS.includes(kind))
      throw notFoundError(`There is no kind of table "${kind.slice(0, 50)}": areas, population or indicators.`);
    const q = query(c, ReferenceTableQuery);
    if (!(actor.roles[q.organisation] ?? []).includes('admin'))
      throw forbiddenError(
        `${actor.username} cannot load tables for ${q.organisation}: that needs the admin role there.`,
      );
    const text = await c.req.text();
    if (text.trim() === '')
      throw inputError(`${q.name}: the file is empty`, { fields: [{ field: 'body', message: 'empty' }] });
    if (kind === 'areas') {
      const orgs = await listOrganisations(store);
      const own = orgs.find((o) => o.id === q.organisation);
      const forces =
        own?.kind === 'alliance'
          ? orgs.filter((o) => o.parentId === own.id && o.kind === 'force').map((o) => o.id)
          : [q.organisation];
      const others = areaTableForces(text, q.name).forces.filter((f) => !forces.includes(f));
      if (others.length > 0)
        throw forbiddenError(
          `${q.name} has rows for ${others.join(', ')}; an administrator of ${q.organisation} may load areas of ${forces.join(', ')} only.`,
        );
    }
    const loaded: ReferenceTableLoaded = await loadReferenceTable(
      options.workspace,
      kind,
      q.name,
      text,
      actor.username,
    );
    // Published atomically, as an import is: a reader sees the old counts or the new.
    const rebuilt = kind === 'areas' ? await rebuildAreaCounts(options.workspace, options) : undefined;
    warehouse.invalidate();
    await recordEvent(store, actor, {
      action: 'load',
      table: `${kind === 'areas' ? 'area' : kind === 'population' ? 'population' : 'indicator'}_tables`,
      recordId: loaded.file,
      marking: 'OFFICIAL',
      organisationId: q.organisation,
      after: rebuilt === undefined ? loaded : { ...loaded, areaCountsRebuilt: rebuilt.months },
    });
    return c.json(loaded, 201);
  });
  return app;
}
