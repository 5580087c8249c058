/**
 * Data: uploading police.uk files or zips and importing them as a background job, the import
 * history (the catalog's manifest) and each import's rejected rows as CSV.
 *
 * Who may import which force's data is checked when the import is queued (see
 * auth/data-authority.ts), and every import and replacement is written into the audit.
 *
 * An upload is a batch: POST /uploads opens one, PUT /uploads/:batch/files/:name streams one file
 * to disk (never buffered whole), POST /uploads/:batch/import queues the import job, which one
 * server claims and runs (see jobs-worker.ts); GET /jobs/:id reports its progress and summary.
 *
 * The importer names files by the path it read them from; for uploads that is a folder on the
 * server, which is no business of the user's, so answers name an uploaded file as it was uploaded
 * (`2018-03-warwickshire-street.csv`, `archive.zip!2018-03/...csv`).
 */
import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { neutraliseCell } from '../../api/csv-cells.js';
import { bodyLimit } from 'hono/body-limit';
import type { UploadBatch, UploadedFile } from '../../api/index.js';
import { inputError, notFoundError, StraError } from '../../errors.js';
import { readCatalog } from '../../warehouse/catalog.js';
import { requireImportAuthority } from '../../warehouse/import-authority.js';
import { enqueueJob, getJob, holdsRole, listJobs, type Actor, type Job, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { batchBytes, DEFAULT_UPLOAD_LIMITS, requireUnpackedWithin, sweepAbandoned } from '../upload-limits.js';
import { idParam } from '../validate.js';
import type { ServerOptions } from '../options.js';

const BATCH = /^[0-9a-f]{16}$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,200}\.(csv|zip)$/i;

export const uploadsFolder = (options: ServerOptions) => path.join(options.workspace.root, 'uploads');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes `<uploads>/<batch>/` from every file name in a text. */
export function uploadNames(options: ServerOptions): (text: string) => string {
  const prefix = new RegExp(`${escapeRegExp(uploadsFolder(options))}[\\\\/][0-9a-f]{16}(?:[\\\\/]|$)`, 'g');
  return (text) => text.replace(prefix, '');
}

/** A value with every string in it passed through `fn`. */
function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

/** A job as the user sees it: the files they uploaded, not where the server keeps them. */
function jobView(job: Job, shown: (text: string) => string): Job {
  const { folder: _folder, ...params } = (job.params ?? {}) as Record<string, unknown>;
  return { ...job, params, result: mapStrings(job.result, shown), error: job.error === null ? null : shown(job.error) };
}

function requireImporter(actor: Actor): void {
  if (!holdsRole(actor, 'analyst', 'admin'))
    throw new StraError('FORBIDDEN', `${actor.username} cannot import data: that needs the analyst or admin role.`);
}

/** A batch whose import has been queued takes no more files. */
const sealed = (dir: string) =>
  access(`${dir}.queued`).then(
    () => true,
    () => false,
  );

/** The organisation an import job acts for: the first where the importer may write data. */
function importingOrganisation(actor: Actor): string | null {
  return (
    actor.organisationIds.find((o) => (actor.roles[o] ?? []).some((r) => r === 'analyst' || r === 'admin')) ?? null
  );
}

export function importRoutes(store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const shown = uploadNames(options);
  const limits = options.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  const batchDir = (batch: string) => {
    if (!BATCH.test(batch)) throw inputError(`"${batch}" is not an upload batch id.`);
    return path.join(uploadsFolder(options), batch);
  };
  app.post('/uploads', async (c) => {
    requireImporter(actorOf(c));
    await sweepAbandoned(uploadsFolder(options), options.now(), limits);
    const batch = randomBytes(8).toString('hex');
    await mkdir(batchDir(batch), { recursive: true });
    return c.json({ batch } satisfies UploadBatch, 201);
  });
  app.put(
    '/uploads/:batch/files/:name',
    async (c, next) =>
      bodyLimit({
        maxSize: limits.batchBytes,
        onError: () => {
          throw inputError(`An upload may be at most ${limits.batchBytes.toLocaleString('en-GB')} bytes.`);
        },
      })(c, next),
    async (c) => {
      requireImporter(actorOf(c));
      const dir = batchDir(c.req.param('batch'));
      const name = c.req.param('name'); // already decoded by the router
      if (!FILE_NAME.test(name))
        throw inputError(`"${name}" is not a file this system imports: upload police.uk .csv files or .zip archives.`);
      await readdir(dir).catch(() => {
        throw notFoundError(`There is no upload batch ${c.req.param('batch')}; start a new upload.`);
      });
      if (await sealed(dir))
        throw new StraError(
          'STATE',
          `Upload batch ${c.req.param('batch')} is already being imported; start a new upload.`,
        );
      const body = c.req.raw.body;
      if (body === null) throw inputError('The upload is empty.');
      const target = path.join(dir, name);
      await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), createWriteStream(target));
      if ((await batchBytes(dir)) > limits.batchBytes) {
        await rm(target, { force: true });
        throw inputError(
          `This upload's files would exceed ${limits.batchBytes.toLocaleString('en-GB')} bytes together; import the rest in another upload.`,
        );
      }
      return c.json({ file: name } satisfies UploadedFile, 201);
    },
  );
  app.post('/uploads/:batch/import', async (c) => {
    const actor = actorOf(c);
    requireImporter(actor);
    const dir = batchDir(c.req.param('batch'));
    const files = await readdir(dir).catch(() => {
      throw notFoundError(`There is no upload batch ${c.req.param('batch')}.`);
    });
    if (files.length === 0) throw inputError('Nothing was uploaded in this batch.');
    if (await sealed(dir))
      throw new StraError('STATE', `Upload batch ${c.req.param('batch')} is already being imported.`);
    await requireUnpackedWithin(dir, limits);
    // Who may write which force's data (issue 13): checked before anything is queued, and the
    // batch sealed so that no file can be added after the check.
    const targets = await requireImportAuthority(store, actor, [dir], {
      nationalDataOrganisation: options.nationalDataOrganisation,
    });
    await writeFile(`${dir}.queued`, '');
    const forces = [...new Set(targets.map((t) => t.force).filter((f): f is string => f !== null))];
    const job = await enqueueJob(
      store,
      actor,
      'import',
      { folder: dir, files: files.sort(), user: actor.username },
      forces.length === 1 && actor.organisationIds.includes(forces[0]!) ? forces[0] : importingOrganisation(actor),
    );
    return c.json(jobView(job, shown), 202);
  });
  app.get('/jobs', async (c) => c.json((await listJobs(store, actorOf(c))).map((j) => jobView(j, shown))));
  app.get('/jobs/:id', async (c) => c.json(jobView(await getJob(store, actorOf(c), idParam(c, 'id')), shown)));
  app.get('/imports', async (c) => {
    actorOf(c); // police.uk data is open data; the history is for every logged-in user
    const catalog = await readCatalog(options.workspace.catalog);
    return c.json(mapStrings([...catalog.imports].reverse(), shown));
  });
  app.get('/imports/:id/rejects', async (c) => {
    actorOf(c);
    const catalog = await readCatalog(options.workspace.catalog);
    const record = catalog.imports.find((i) => i.id === c.req.param('id'));
    if (record === undefined) throw notFoundError(`There is no import ${c.req.param('id')}.`);
    if (record.rejectsFile === null) throw notFoundError(`Import ${record.id} rejected no rows.`);
    const file = path.join(options.workspace.rejects, path.basename(record.rejectsFile));
    const text = await readFile(file, 'utf8').catch(() => {
      throw notFoundError(`The rejects file of import ${record.id} is no longer there.`);
    });
    c.header('Content-Disposition', `attachment; filename="rejects-${record.id}.csv"`);
    // The rejected cells are whatever the uploaded file held: neutralised as in every export.
    const safe = stringify(
      (parse(shown(text), { relax_column_count: true }) as string[][]).map((r) => r.map(neutraliseCell)),
    );
    return c.body(safe, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  return app;
}
