/**
 * Link analysis of seized-phone data over HTTP (issue 16), the same functions as `stra links`:
 * investigations listed and opened, one device's export imported (the file is the body, as the
 * other uploads send it; all or nothing, every rejected row named in the refusal), a search for
 * one identifier with deconfliction, the cross-reference, the network, the shortest path and the
 * timeline, and their CSV and GraphML exports. The marking and organisation rules and the audit
 * are the store's (each consultation writes a `read` row per organisation touched, an export an
 * `export` row naming what was exported); each answer says the marking it is handled at, and an
 * export carries it in X-Protective-Marking, which the disclosure audit records with the address.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  LinkFilterQuery,
  LinkImportQuery,
  LinkNetworkQuery,
  LinkPathQuery,
  LinkSearchQuery,
  LinkTimelineQuery,
  LinkXrefQuery,
  NewLinkInvestigationRequest,
  DeconflictionContactRequest,
  RemarkLinkInvestigationRequest,
  type LinkInvestigationDetailAnswer,
  type LinkMappingAnswer,
  type DeconflictionContactListed,
  type LinkImported,
  type LinkMappingListed,
  type LinkNetworkAnswer,
  type LinkPathAnswer,
  type LinkSearchAnswer,
  type LinkTimelineAnswer,
  type LinkXrefAnswer,
  type Marking,
} from '../../api/index.js';
import { inputError, notFoundError } from '../../errors.js';
import {
  DEFAULT_DECONFLICTION,
  linkInvestigationPage,
  linkNetworkMarked,
  linkPath,
  linkSearch,
  linkTimeline,
  linkXrefMarked,
  type LinkFilter,
} from '../../links/analysis.js';
import { networkCsv, networkGraphml, timelineCsv, xrefCsv } from '../../links/export.js';
import { importExport } from '../../links/import-export.js';
import { loadMappings, saveMappingObject } from '../../links/mappings.js';
import {
  createLinkInvestigation,
  deconflictionContacts,
  listLinkInvestigations,
  listOrganisations,
  remarkLinkInvestigation,
  setDeconflictionContact,
  type Store,
} from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { actorOf, type AppEnv } from '../session.js';
import { DEFAULT_UPLOAD_LIMITS } from '../upload-limits.js';
import { body, query } from '../validate.js';

/** The largest export file one import takes through the web app (a phone's database or workbook). */
export const LINK_IMPORT_MAX_BYTES = 512 * 1024 * 1024;

const filterOf = (q: LinkFilterQuery): LinkFilter => ({
  investigations: q.investigation,
  from: q.from,
  to: q.to,
  types: q.type,
});
type LinkFilterQuery = ReturnType<typeof LinkFilterQuery.parse>;

function fileAnswer(c: Context, text: string, name: string, type: string, marking: Marking): Response {
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('X-Protective-Marking', marking);
  return c.body(text, 200, { 'Content-Type': type });
}

export function linkRoutes(store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deconfliction = options.deconfliction ?? DEFAULT_DECONFLICTION;
  const maxBytes = Math.min(
    options.uploadLimits?.batchBytes ?? DEFAULT_UPLOAD_LIMITS.batchBytes,
    LINK_IMPORT_MAX_BYTES,
  );

  app.get('/links/investigations', async (c) => c.json(await listLinkInvestigations(store, actorOf(c))));
  app.post('/links/investigations', async (c) =>
    c.json(await createLinkInvestigation(store, actorOf(c), await body(c, NewLinkInvestigationRequest)), 201),
  );
  app.get('/links/investigations/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[1-9]\d{0,9}$/.test(id)) throw notFoundError(`There is no investigation ${id} that you can see.`);
    const page = await linkInvestigationPage(store, actorOf(c), Number(id), deconfliction);
    return c.json(page satisfies LinkInvestigationDetailAnswer);
  });
  app.put('/links/investigations/:id/marking', async (c) => {
    const id = c.req.param('id');
    if (!/^[1-9]\d{0,9}$/.test(id)) throw notFoundError(`There is no investigation ${id} that you can see.`);
    const { marking, expectedVersion } = await body(c, RemarkLinkInvestigationRequest);
    return c.json(await remarkLinkInvestigation(store, actorOf(c), Number(id), { marking, expectedVersion }));
  });
  app.get('/links/mappings/:id', async (c) => {
    actorOf(c);
    const m = (await loadMappings(options.workspace.root)).find((x) => x.id === c.req.param('id'));
    if (m === undefined) throw notFoundError(`There is no column mapping ${c.req.param('id')}.`);
    const { origin, ...mapping } = m;
    return c.json({ origin, mapping } satisfies LinkMappingAnswer);
  });
  // A saved column mapping (an i2 import specification): the workspace's, shared by its users;
  // saving one is for those who may import (an analyst or administrator somewhere), audited.
  app.put('/links/mappings/:id', async (c) => {
    const actor = actorOf(c);
    const json: unknown = await c.req.json().catch(() => {
      throw inputError('The body is not JSON.');
    });
    const r = await saveMappingObject(store, actor, options.workspace.root, c.req.param('id'), json);
    return c.json(r, r.created ? 201 : 200);
  });
  app.get('/links/contacts', async (c) => {
    actorOf(c);
    const contacts = await deconflictionContacts(store);
    return c.json(
      (await listOrganisations(store)).map((o) => ({
        organisationId: o.id,
        organisation: o.name,
        contact: contacts.get(o.id) ?? null,
      })) satisfies DeconflictionContactListed[],
    );
  });
  app.put('/links/contacts/:organisation', async (c) => {
    const { contact } = await body(c, DeconflictionContactRequest);
    return c.json(await setDeconflictionContact(store, actorOf(c), c.req.param('organisation'), contact));
  });
  app.get('/links/mappings', async (c) => {
    actorOf(c);
    const mappings = await loadMappings(options.workspace.root);
    return c.json(
      mappings.map((m) => ({
        id: m.id,
        tool: m.tool,
        artifact: m.artifact,
        origin: m.origin,
      })) satisfies LinkMappingListed[],
    );
  });
  app.post(
    '/links/imports',
    async (c, next) =>
      bodyLimit({
        maxSize: maxBytes,
        onError: () => {
          throw inputError(`One export may be at most ${maxBytes.toLocaleString('en-GB')} bytes.`);
        },
      })(c, next),
    async (c) => {
      const actor = actorOf(c);
      const q = query(c, LinkImportQuery);
      const bytes = Buffer.from(await c.req.arrayBuffer());
      if (bytes.length === 0)
        throw inputError(`${q.name}: the file is empty`, { fields: [{ field: 'body', message: 'empty' }] });
      const r = await importExport(
        store,
        actor,
        { name: q.name, bytes },
        {
          investigation: q.investigation,
          device: q.device,
          mapping: q.mapping,
          region: q.region,
          workspaceRoot: options.workspace.root,
        },
      );
      return c.json(r satisfies LinkImported, r.already ? 200 : 201);
    },
  );
  app.get('/links/search', async (c) => {
    const q = query(c, LinkSearchQuery);
    return c.json((await linkSearch(store, actorOf(c), q.q, q.region, deconfliction)) satisfies LinkSearchAnswer);
  });
  app.get('/links/xref', async (c) => {
    const q = query(c, LinkXrefQuery);
    const r = await linkXrefMarked(store, actorOf(c), { ...filterOf(q), byDevice: q.devices === true });
    return c.json(r satisfies LinkXrefAnswer);
  });
  app.get('/links/xref.csv', async (c) => {
    const q = query(c, LinkXrefQuery);
    const r = await linkXrefMarked(store, actorOf(c), { ...filterOf(q), byDevice: q.devices === true }, 'export');
    return fileAnswer(c, xrefCsv(r.entries), 'links-xref.csv', 'text/csv; charset=utf-8', r.marking);
  });
  const network = (c: Context, purpose: 'network' | 'export', format?: string) => {
    const q = query(c, LinkNetworkQuery);
    return linkNetworkMarked(
      store,
      actorOf(c),
      { ...filterOf(q), level: q.level, all: q.all === true },
      purpose,
      format,
    );
  };
  app.get('/links/network', async (c) => c.json((await network(c, 'network')) satisfies LinkNetworkAnswer));
  app.get('/links/network.csv', async (c) => {
    const r = await network(c, 'export', 'csv');
    return fileAnswer(c, networkCsv(r.network), 'links-network.csv', 'text/csv; charset=utf-8', r.marking);
  });
  app.get('/links/network.graphml', async (c) => {
    const r = await network(c, 'export', 'graphml');
    return fileAnswer(
      c,
      networkGraphml(r.network, r.marking),
      'links-network.graphml',
      'application/graphml+xml; charset=utf-8',
      r.marking,
    );
  });
  app.get('/links/path', async (c) => {
    const q = query(c, LinkPathQuery);
    return c.json(
      (await linkPath(store, actorOf(c), q.a, q.b, { ...filterOf(q), region: q.region })) satisfies LinkPathAnswer,
    );
  });
  const timeline = (c: Context, purpose: 'timeline' | 'export') => {
    const q = query(c, LinkTimelineQuery);
    return linkTimeline(store, actorOf(c), { ...filterOf(q), identifier: q.identifier, region: q.region }, purpose);
  };
  app.get('/links/timeline', async (c) => c.json((await timeline(c, 'timeline')) satisfies LinkTimelineAnswer));
  app.get('/links/timeline.csv', async (c) => {
    const r = await timeline(c, 'export');
    return fileAnswer(c, timelineCsv(r.events), 'links-timeline.csv', 'text/csv; charset=utf-8', r.marking);
  });
  return app;
}
