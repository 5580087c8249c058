/**
 * Uploading a scores file through the API: the demo's 2017/18 scores, exported as CSV, imported
 * into next year's assessment started from it (a real round trip: every row stored, the threats
 * then ranked); a file with one bad row stores nothing and names the line and field; readers are
 * refused 403; a name that is not .csv is refused naming the parameter. A score belongs to its
 * assessor (issue 14): an analyst's file naming another assessor is refused 403 by line, their own
 * rows are taken, and an admin of the organisation may enter the rows of both demo assessors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import { exportScoresCsv } from '../../assessment/scores-file.js';
import { actorFor } from '../../store/index.js';
import type { Assessment, CombinedView, NextYearAnswer, ScoresImported } from '../../api/index.js';

let demo: DemoApp;
let next: Assessment;
let csv = '';
let rows = 0;
beforeAll(async () => {
  demo = await demoApp();
  const analyst = await demo.as('r.patel');
  const from = (await analyst.get<Assessment[]>('/api/assessments')).body.find((a) => a.period === '2017/18')!;
  next = (
    await analyst.call<NextYearAnswer>('POST', `/api/assessments/${from.id}/next-year`, { versionLabel: 'V1 - Draft' })
  ).body.assessment;
  const exported = await exportScoresCsv(demo.store, await actorFor(demo.store, 'r.patel'), from.id);
  [csv, rows] = [exported.csv, exported.rows];
}, 120_000);
afterAll(async () => demo.store.close());

const upload = async (user: string, body: string, name = 'scores.csv') =>
  (await demo.as(user)).call<ScoresImported>(
    'POST',
    `/api/assessments/${next.id}/scores-file?name=${name}`,
    undefined,
    {
      raw: body,
      headers: { 'content-type': 'text/csv' },
    },
  );

const scored = async () =>
  (await (await demo.as('r.patel')).get<CombinedView>(`/api/assessments/${next.id}/combined`)).body.entries.length;

describe('POST /assessments/:id/scores-file', () => {
  it('refuses a file with a bad row whole, naming its line and field', async () => {
    expect(rows).toBeGreaterThan(10);
    const lines = csv.trim().split(/\r?\n/);
    const broken = [...lines.slice(0, 3), lines[3]!.replace(/^([^,]*,[^,]*),[^,]*/, '$1,99'), ...lines.slice(4)];
    const r = await upload('r.patel', broken.join('\n'));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/scores\.csv line 4, field/);
    expect(await scored()).toBe(0);
  });

  it('refuses a reader with 403 and a name that is not .csv with 400', async () => {
    expect((await upload('acc.morgan', csv)).status).toBe(403);
    const wrong = await upload('r.patel', csv, 'scores.xlsx');
    expect(fieldsOf(wrong.body)).toEqual(['name']);
    expect(await scored()).toBe(0);
  });

  it("refuses an analyst's file naming another assessor (403, by line), and takes their own rows", async () => {
    const lines = csv.trim().split(/\r?\n/);
    const theirs = await upload('r.patel', csv);
    expect(theirs.status).toBe(403);
    expect(JSON.stringify(theirs.body)).toMatch(
      /scores\.csv line \d+, field \\"assessor\\": r\.patel cannot record a score as \\"s\.okafor\\"/,
    );
    expect(await scored()).toBe(0);
    const own = [lines[0]!, ...lines.slice(1).filter((l) => l.split(',')[1] === 'r.patel')];
    expect(own.length - 1).toBe(rows / 2);
    const r = await upload('r.patel', own.join('\n'));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: rows / 2, updated: 0, unchanged: 0 });
  });

  it("lets an admin enter last year's exported scores for both assessors, every row", async () => {
    const r = await upload('admin', csv);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: rows / 2, updated: 0, unchanged: rows / 2 });
    expect(await scored()).toBeGreaterThan(5);
    const again = await upload('admin', csv);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: rows });
    const assessors = (await (await demo.as('acc.morgan')).get<CombinedView>(`/api/assessments/${next.id}/combined`))
      .body.entries[0]!.assessors;
    expect(assessors).toEqual(['r.patel', 's.okafor']);
  });
});
