/**
 * Issue 13, defect 10: an upload batch is capped as uploaded and once unpacked (a small zip that
 * unpacks to a flood is refused before anything is unpacked), and a batch never imported is
 * removed a day after its last upload, while a queued one is kept.
 */
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../../test/demo-app.js';
import type { ApiClient } from '../../test/api-client.js';
import { STREET_HEADER_LINE, streetRow } from '../../test/temp-workspace.js';
import { uploadsFolder } from './routes/imports.js';
import type { ErrorAnswer, UploadBatch } from '../api/index.js';

let demo: DemoApp;
const clock = new Date();
beforeAll(async () => {
  demo = await demoApp({
    now: () => clock,
    uploadLimits: { batchBytes: 4_000, unpackedBytes: 50_000, abandonedHours: 24 },
  });
}, 120_000);

const put = (client: ApiClient, batch: string, name: string, raw: string | Buffer) =>
  client.call<ErrorAnswer>('PUT', `/api/uploads/${batch}/files/${name}`, undefined, {
    raw: raw as string,
    headers: { 'content-type': 'application/octet-stream' },
  });

function zipOf(bytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(`${STREET_HEADER_LINE}\n${streetRow()}\n${'x'.repeat(bytes)}\n`),
    '2018-03-warwickshire-street.csv',
  );
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('upload caps and cleanup', () => {
  it('refuses files beyond the batch cap, together or alone, keeping what fitted', async () => {
    const analyst = await demo.as('r.patel');
    const { batch } = (await analyst.call<UploadBatch>('POST', '/api/uploads', {})).body;
    const row = `${STREET_HEADER_LINE}\n${streetRow()}\n`;
    expect((await put(analyst, batch, 'one.csv', row.repeat(8))).status).toBe(201);
    const second = await put(analyst, batch, 'two.csv', row.repeat(8));
    expect(second.status).toBe(400);
    expect(second.body.error.message).toContain('4,000 bytes');
    expect((await put(analyst, batch, 'big.csv', 'x'.repeat(5_000))).status).toBe(400);
    expect(existsSync(path.join(uploadsFolder(demo.options), batch, 'one.csv'))).toBe(true);
    expect(existsSync(path.join(uploadsFolder(demo.options), batch, 'two.csv'))).toBe(false);
  });

  it('refuses a small zip that unpacks beyond the cap before unpacking it', async () => {
    const analyst = await demo.as('r.patel');
    const { batch } = (await analyst.call<UploadBatch>('POST', '/api/uploads', {})).body;
    const bomb = await zipOf(200_000);
    expect(bomb.length).toBeLessThan(4_000);
    expect((await put(analyst, batch, 'archive.zip', bomb)).status).toBe(201);
    const queued = await analyst.call<ErrorAnswer>('POST', `/api/uploads/${batch}/import`, {});
    expect(queued.status).toBe(400);
    expect(queued.body.error.message).toContain('unpacks to');
  });

  it('removes a batch abandoned for a day, and keeps a queued one', async () => {
    const uploads = uploadsFolder(demo.options);
    const [old, queued] = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'].map((b) => path.join(uploads, b));
    for (const dir of [old!, queued!]) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'f.csv'), 'x');
      const dayAgo = new Date(clock.getTime() - 25 * 3_600_000);
      await utimes(dir, dayAgo, dayAgo);
    }
    await writeFile(`${queued}.queued`, '');
    expect((await (await demo.as('r.patel')).call('POST', '/api/uploads', {})).status).toBe(201);
    expect(existsSync(old!)).toBe(false);
    expect(existsSync(queued!)).toBe(true);
  });
});
