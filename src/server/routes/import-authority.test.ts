/**
 * Issue 13, defect 3: who may write which force's crime data. police.uk files for a force by an
 * analyst (or administrator) of that force or of its alliance, a force's own extract only by that
 * force; everyone else is refused (403) before anything is queued, naming the file and the rule,
 * and the warehouse is unchanged. An import that runs is written into the audit with its user.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { claimJob, listAudit, actorFor } from '../../store/index.js';
import { multiOrgApp, SECOND_FORCE } from '../../../test/multi-org.js';
import type { DemoApp } from '../../../test/demo-app.js';
import type { ApiClient } from '../../../test/api-client.js';
import { STREET_HEADER_LINE, streetRow } from '../../../test/temp-workspace.js';
import { runJob } from '../jobs-worker.js';
import type { ErrorAnswer, ImportJob, UploadBatch } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp({ memoryLimit: '512MB' });
}, 120_000);

const STREET = { name: '2018-03-warwickshire-street.csv', text: `${STREET_HEADER_LINE}\n${streetRow()}\n` };
const EXTRACT = {
  name: 'extract.csv',
  text:
    'Crime Reference,Offence Code,Recorded Date,Force\n' +
    '22/1001/18,8N,2018-03-03,west-mercia\n' +
    '22/1002/18,28E,2018-03-04,warwickshire\n',
};

async function upload(client: ApiClient, files: { name: string; text: string }[]) {
  const opened = await client.call<UploadBatch>('POST', '/api/uploads', {});
  expect(opened.status).toBe(201);
  for (const f of files) {
    const put = await client.call('PUT', `/api/uploads/${opened.body.batch}/files/${f.name}`, undefined, {
      raw: f.text,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
  }
  return {
    batch: opened.body.batch,
    answer: await client.call<ImportJob | ErrorAnswer>('POST', `/api/uploads/${opened.body.batch}/import`, {}),
  };
}

describe("who may write which force's data", () => {
  it.each([`${SECOND_FORCE}.analyst.os`, 'west-mercia.analyst.s', 'csp-rugby.analyst.os', 'warwickshire-opcc.admin.s'])(
    "%s may not replace Warwickshire's police.uk month",
    async (username) => {
      const { answer } = await upload(await demo.as(username), [STREET]);
      expect(answer.status).toBe(403);
      const message = (answer.body as ErrorAnswer).error.message;
      expect(message).toContain('2018-03-warwickshire-street.csv');
      expect(message).toContain('warwickshire');
      expect(await claimJob(demo.store, 'test', ['import'])).toBeUndefined();
    },
  );

  it("a force extract naming another force is refused, even to that force's own analyst for the rows it may write", async () => {
    const { answer } = await upload(await demo.as('west-mercia.analyst.os'), [EXTRACT]);
    expect(answer.status).toBe(403);
    expect((answer.body as ErrorAnswer).error.message).toContain("warwickshire's own extract");
    // The alliance's analyst may write police.uk data for its forces, but not a force's own extract.
    const alliance = await upload(await demo.as('wwm-alliance.analyst.os'), [EXTRACT]);
    expect(alliance.answer.status).toBe(403);
  });

  it("Warwickshire's analyst imports Warwickshire's month; the batch then takes no more files; the import is audited", async () => {
    const client = await demo.as('warwickshire.analyst.os');
    const { batch, answer } = await upload(client, [STREET]);
    expect(answer.status).toBe(202);
    const late = await client.call('PUT', `/api/uploads/${batch}/files/2018-04-warwickshire-street.csv`, undefined, {
      raw: STREET.text,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(late.status).toBe(409);
    const job = await claimJob(demo.store, 'test', ['import']);
    await runJob(demo.store, job!, { ...demo.options, batchBytes: 400_000_000 });
    const rows = await listAudit(demo.store, await actorFor(demo.store, 'warwickshire.admin.s'), {
      action: 'import',
      administeredOnly: true,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organisationId: 'warwickshire', actorName: 'warwickshire.analyst.os' });
    expect(JSON.stringify(rows[0]!.after)).toContain('2018-03-warwickshire-street.csv');
  }, 60_000);
});
