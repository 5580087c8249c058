/**
 * Uploading and importing through the API, in process: an analyst uploads real police.uk files
 * (../shared/data/police-uk), the job runs (as the server's worker would run it) and the
 * warehouse then holds exactly the files' rows; a reader is refused; a bad file name is refused
 * with a message saying what is accepted; an import with a bad row has its rejects downloadable,
 * naming the file as uploaded (never the server's folders).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob, type Store } from '../../store/index.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { ApiClient } from '../../../test/api-client.js';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { STREET_HEADER_LINE, streetRow, withReader } from '../../../test/temp-workspace.js';
import { runJob } from '../jobs-worker.js';
import { uploadsFolder } from './imports.js';
import type { ServerOptions } from '../options.js';
import type { ImportJob, ImportRecord, UploadBatch, UploadedFile, WarehouseSummary } from '../../api/index.js';

let demo: DemoApp;
let store: Store;
let workspace: WorkspacePaths;
let options: ServerOptions;

beforeAll(async () => {
  demo = await demoApp({ memoryLimit: '512MB' });
  ({ store, options } = demo);
  workspace = options.workspace;
}, 60_000);
afterAll(async () => store.close());

const as = (username: string) => demo.as(username);

let lastBatch = '';

/** Opens a batch, PUTs each file's bytes, queues the import; returns the queued job's id. */
async function uploadAndQueue(client: ApiClient, files: { name: string; text: string }[]): Promise<number> {
  const opened = await client.call<UploadBatch>('POST', '/api/uploads', {});
  expect(opened.status).toBe(201);
  lastBatch = opened.body.batch;
  for (const f of files) {
    const put = await client.call<UploadedFile>(
      'PUT',
      `/api/uploads/${opened.body.batch}/files/${encodeURIComponent(f.name)}`,
      undefined,
      { raw: f.text, headers: { 'content-type': 'application/octet-stream' } },
    );
    expect(put.status).toBe(201);
  }
  const queued = await client.call<ImportJob>('POST', `/api/uploads/${opened.body.batch}/import`, {});
  expect(queued.status).toBe(202);
  expect(queued.body.status).toBe('queued');
  return queued.body.id;
}

/** What a server's worker does: claim the queued job and run it. */
async function runQueuedJob(id: number): Promise<void> {
  const job = await claimJob(store, 'test-worker', ['import']);
  expect(job?.id).toBe(id);
  await runJob(store, job!, { ...options, batchBytes: 400_000_000 });
}

const dataRows = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length - 1;

describeWithSharedData('uploading real police.uk files', () => {
  const names = [
    '2018-03-warwickshire-street.csv',
    '2018-04-warwickshire-street.csv',
    '2018-03-warwickshire-stop-and-search.csv',
  ];

  it("imports what an analyst uploads, and the warehouse holds exactly the files' rows", async () => {
    const files = await Promise.all(
      names.map(async (name) => ({
        name,
        text: await readFile(sharedData('police-uk', name.slice(0, 7), name), 'utf8'),
      })),
    );
    const rows = Object.fromEntries(files.map((f) => [f.name, dataRows(f.text)]));
    // The README's counts for the street files, so a miscounted line cannot hide a loss.
    expect(rows['2018-03-warwickshire-street.csv']).toBe(4225);
    expect(rows['2018-04-warwickshire-street.csv']).toBe(4363);

    const analyst = await as('k.hughes');
    const id = await uploadAndQueue(analyst, files);
    await runQueuedJob(id);

    const job = await analyst.get<ImportJob>(`/api/jobs/${id}`);
    expect(job.body).toMatchObject({ status: 'done', error: null });
    // Once imported, the uploaded copies are removed (the manifest keeps each file's SHA-256).
    expect(existsSync(path.join(uploadsFolder(options), lastBatch))).toBe(false);
    expect(job.body.params).not.toHaveProperty('folder');
    const byFile = job.body.result!.by_file;
    expect(byFile.map((f) => [f.file, f.status, f.rows, f.rejected]).sort()).toEqual(
      names.map((n) => [n, 'imported', rows[n], 0]).sort(),
    );
    expect(job.body.result!.imported).toBe(names.reduce((a, n) => a + rows[n]!, 0));

    const coverage = (await analyst.get<WarehouseSummary>('/api/trends/warehouse')).body.coverage.forces;
    expect(coverage).toEqual([
      {
        force: 'warwickshire',
        first: '2018-03',
        last: '2018-04',
        months: 2,
        rows: 4225 + 4363,
        missing: [],
        small: [],
      },
    ]);
    const counted = await withReader(workspace, async (wh) => ({
      street: await wh.sql.all<{ month: string; n: number }>(
        "SELECT strftime(month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM street GROUP BY 1 ORDER BY 1",
      ),
      stops: await wh.sql.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stop_and_search'),
    }));
    expect(counted.street).toEqual([
      { month: '2018-03', n: 4225 },
      { month: '2018-04', n: 4363 },
    ]);
    expect(counted.stops).toEqual([{ n: rows['2018-03-warwickshire-stop-and-search.csv'] }]);

    const history = (await analyst.get<ImportRecord[]>('/api/imports')).body;
    expect(history[0]).toMatchObject({ by: 'k.hughes', rejectsFile: null });
    expect(history[0]!.files.map((f) => f.source).sort()).toEqual([...names].sort());

    // The same file again changes nothing.
    const again = await uploadAndQueue(analyst, files.slice(0, 1));
    await runQueuedJob(again);
    expect((await analyst.get<ImportJob>(`/api/jobs/${again}`)).body.result!.by_file).toMatchObject([
      { file: names[0], status: 'unchanged' },
    ]);
    const after = await withReader(workspace, (wh) =>
      wh.sql.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM street'),
    );
    expect(after).toEqual([{ n: 4225 + 4363 }]);
  }, 120_000);
});

describe('who may upload, and what', () => {
  it('refuses a reader the upload (403) at every step', async () => {
    const analyst = await as('k.hughes');
    const batch = (await analyst.call<UploadBatch>('POST', '/api/uploads', {})).body.batch;
    const reader = await as('opcc.reader');
    const open = await reader.call('POST', '/api/uploads', {});
    expect(open.status).toBe(403);
    expect(open.body.error.message).toContain('needs the analyst or admin role');
    const put = await reader.call('PUT', `/api/uploads/${batch}/files/2018-05-warwickshire-street.csv`, undefined, {
      raw: STREET_HEADER_LINE,
    });
    expect(put.status).toBe(403);
    expect((await reader.call('POST', `/api/uploads/${batch}/import`, {})).status).toBe(403);
    // A reader still sees the import history (police.uk data is open data).
    expect((await reader.get('/api/imports')).status).toBe(200);
  });

  it('refuses a file that is not .csv or .zip with a message saying what is accepted', async () => {
    const analyst = await as('k.hughes');
    const batch = (await analyst.call<UploadBatch>('POST', '/api/uploads', {})).body.batch;
    const bad = await analyst.call('PUT', `/api/uploads/${batch}/files/notes.txt`, undefined, { raw: 'hello' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      '"notes.txt" is not a file this system imports: upload police.uk .csv files or .zip archives.',
    );
    const sneaky = await analyst.call(
      'PUT',
      `/api/uploads/${batch}/files/${encodeURIComponent('../../x.csv')}`,
      undefined,
      { raw: 'x' },
    );
    expect(sneaky.status).toBe(400);
    const percent = await analyst.call(
      'PUT',
      `/api/uploads/${batch}/files/${encodeURIComponent('50%.csv')}`,
      undefined,
      { raw: 'x' },
    );
    expect(percent.status).toBe(400);
    const noBatch = await analyst.call('PUT', '/api/uploads/not-a-batch/files/a.csv', undefined, { raw: 'x' });
    expect(noBatch.status).toBe(400);
    expect(noBatch.body.error.message).toContain('is not an upload batch id');
    const empty = await analyst.call('POST', `/api/uploads/${batch}/import`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Nothing was uploaded in this batch.');
  });

  it('shows a job only to whoever queued it (and administrators)', async () => {
    const analyst = await as('k.hughes');
    const jobs = (await analyst.get<ImportJob[]>('/api/jobs')).body;
    const other = await as('r.patel');
    for (const j of jobs) expect((await other.get(`/api/jobs/${j.id}`)).status).toBe(404);
    const admin = await as('admin');
    for (const j of jobs) expect((await admin.get(`/api/jobs/${j.id}`)).status).toBe(200);
  });
});

describe('rejected rows', () => {
  it('reports a bad row and serves the rejects as CSV naming the uploaded file', async () => {
    const analyst = await as('k.hughes');
    const name = '2018-05-warwickshire-street.csv';
    const good = [1, 2].map((i) => streetRow({ id: String(i).repeat(64), month: '2018-05' }));
    const bad = streetRow({ id: '9'.repeat(64), month: '2018-05', type: 'Burglry' });
    const id = await uploadAndQueue(analyst, [{ name, text: [STREET_HEADER_LINE, ...good, bad].join('\n') + '\n' }]);
    await runQueuedJob(id);
    const job = (await analyst.get<ImportJob>(`/api/jobs/${id}`)).body;
    expect(job.result!.by_file).toMatchObject([{ file: name, status: 'imported', rows: 2, rejected: 1 }]);
    expect(job.result!.by_file[0]!.rejects_sample).toEqual([
      {
        file: name,
        line: 4,
        column: 'Crime type',
        reason: "Crime type 'Burglry' is not a police.uk crime category",
        structural: false,
      },
    ]);

    const history = (await analyst.get<ImportRecord[]>('/api/imports')).body;
    const latest = history[0]!;
    expect(latest.id).toBe(job.result!.import_id);
    expect(latest.rejectsFile).not.toBeNull();
    const rejects = await (await as('opcc.reader')).get(`/api/imports/${latest.id}/rejects`);
    expect(rejects.status).toBe(200);
    expect(rejects.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(rejects.headers.get('content-disposition')).toBe(`attachment; filename="rejects-${latest.id}.csv"`);
    expect(rejects.body).toBe(
      `file,line,column,reason\n${name},4,Crime type,Crime type 'Burglry' is not a police.uk crime category\n`,
    );

    const clean = history.find((h) => h.rejectsFile === null);
    if (clean !== undefined) {
      const none = await analyst.get(`/api/imports/${clean.id}/rejects`);
      expect(none.status).toBe(404);
      expect(none.body.error.message).toContain('rejected no rows');
    }
    expect((await analyst.get('/api/imports/imp-nonesuch/rejects')).status).toBe(404);
  }, 60_000);
});
