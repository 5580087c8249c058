/**
 * Issue 14, recommendations written in the browser: a new recommendation with its owner, due date
 * and marking; an edit that moves the version (a stale one answered 409 with the record as it is
 * now); update dates refused before the recommendation was made or in the future (the 1990 and
 * 2099 of the trial); a correction that replaces a wrong update in the history, keeps the original
 * and its audit, and lets the latest real update set the status again. Refused to readers,
 * approvers and other organisations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureUser, multiOrgApp, SECOND_FORCE } from '../../../test/multi-org.js';
import type { DemoApp } from '../../../test/demo-app.js';
import type {
  AuditRecord,
  ErrorAnswer,
  Recommendation,
  RecommendationUpdateAdded,
  RecommendationUpdateCorrected,
  RecommendationWithHistory,
} from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp();
}, 120_000);
afterAll(async () => demo.store.close());

const as = (username: string) => demo.as(username);
const newRec = {
  number: '40',
  theme: 'Modern Slavery',
  text: 'Train every response officer to spot the signs of labour exploitation.',
  owner: 'Det Supt Public Protection',
  dueOn: '2018-03-31',
  marking: 'OFFICIAL-SENSITIVE',
};

describe('writing recommendations through the API', () => {
  let made: Recommendation;

  it('adds a recommendation with its owner, due date and marking', async () => {
    const analyst = await as('r.patel');
    const r = await analyst.call<Recommendation>('POST', '/api/assessments/2/recommendations', newRec);
    expect(r.status).toBe(201);
    made = r.body;
    expect(made).toMatchObject({ ...newRec, assessmentId: 2, status: 'proposed', version: 1, carriedFrom: null });
    const again = await analyst.call<ErrorAnswer>('POST', '/api/assessments/2/recommendations', newRec);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/already has a recommendation numbered 40/);
    const bad = await analyst.call<ErrorAnswer>('POST', '/api/assessments/2/recommendations', {
      ...newRec,
      number: '41',
      dueOn: '31/03/2018',
      text: ' ',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.['fields']).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'dueOn' }), expect.objectContaining({ field: 'text' })]),
    );
  });

  it('edits the owner and due date, moving the version; a stale edit is answered 409 with the record', async () => {
    const first = await as('r.patel');
    const second = await as(fixtureUser('wwm-alliance', 'analyst', 'OFFICIAL-SENSITIVE'));
    const edited = await first.call<Recommendation>('PUT', `/api/recommendations/${made.id}`, {
      expectedVersion: 1,
      owner: 'DCI Modern Slavery Lead',
      dueOn: '2018-06-30',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ owner: 'DCI Modern Slavery Lead', dueOn: '2018-06-30', version: 2 });
    const stale = await second.call<ErrorAnswer>('PUT', `/api/recommendations/${made.id}`, {
      expectedVersion: 1,
      owner: 'Someone else',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({ version: 2, owner: 'DCI Modern Slavery Lead' });
    made = edited.body;
  });

  it('refuses update dates before the recommendation was made or in the future, and changes nothing', async () => {
    const analyst = await as('r.patel');
    for (const [dated, why] of [
      ['1990-01-01', /before the recommendation was made \(in 2017\/18, written from 2016-04-01\)/],
      ['2099-01-01', /in the future/],
    ] as const) {
      const r = await analyst.call<ErrorAnswer>('POST', `/api/recommendations/${made.id}/updates`, {
        expectedVersion: made.version,
        text: 'Typed in the wrong year.',
        dated,
        status: 'complete',
      });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(why);
    }
    expect((await analyst.get<RecommendationWithHistory>(`/api/recommendations/${made.id}`)).body).toMatchObject({
      version: made.version,
      status: 'proposed',
      updates: [],
    });
  });

  it('corrects an update, keeping the original and its audit; the latest real update sets the status', async () => {
    const analyst = await as('r.patel');
    const one = await analyst.call<RecommendationUpdateAdded>('POST', `/api/recommendations/${made.id}/updates`, {
      expectedVersion: made.version,
      text: 'Training plan agreed.',
      dated: '2017-09-01',
      status: 'agreed',
    });
    const two = await analyst.call<RecommendationUpdateAdded>('POST', `/api/recommendations/${made.id}/updates`, {
      expectedVersion: one.body.recommendation.version,
      text: 'All response teams trained.',
      dated: '2017-12-01',
      status: 'complete',
    });
    expect(two.body.recommendation.status).toBe('complete');
    const fixed = await analyst.call<RecommendationUpdateCorrected>(
      'POST',
      `/api/recommendations/${made.id}/updates/${two.body.update.id}/corrections`,
      {
        expectedVersion: two.body.recommendation.version,
        reason: 'Only two of the four teams were trained.',
        text: 'Two of four response teams trained.',
        status: 'in_progress',
      },
    );
    expect(fixed.status).toBe(201);
    expect(fixed.body.recommendation).toMatchObject({
      status: 'in_progress',
      version: two.body.recommendation.version + 1,
    });
    expect(fixed.body.update).toMatchObject({ corrects: two.body.update.id, dated: '2017-12-01', author: 'r.patel' });
    const now = (await analyst.get<RecommendationWithHistory>(`/api/recommendations/${made.id}`)).body;
    expect(now.updates.map((u) => u.text)).toEqual(['Training plan agreed.', 'Two of four response teams trained.']);
    expect(now.corrected.map((u) => u.text)).toEqual(['All response teams trained.']);
    // Correcting the replaced update again is refused, naming the correction to correct instead.
    const twice = await analyst.call<ErrorAnswer>(
      'POST',
      `/api/recommendations/${made.id}/updates/${two.body.update.id}/corrections`,
      { expectedVersion: now.version, reason: 'Again.', dated: '2017-12-02' },
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe(
      `Update ${two.body.update.id} was already corrected by update ${fixed.body.update.id}; correct that one.`,
    );
    const future = await analyst.call<ErrorAnswer>(
      'POST',
      `/api/recommendations/${made.id}/updates/${fixed.body.update.id}/corrections`,
      { expectedVersion: now.version, reason: 'Wrong year.', dated: '2099-12-01' },
    );
    expect(future.status).toBe(400);
    const audit = (
      await (
        await as('admin')
      ).get<AuditRecord[]>(`/api/audit?table=recommendation_updates&recordId=${fixed.body.update.id}&limit=10`)
    ).body;
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['create', 'r.patel']]);
    expect(audit[0]?.before).toMatchObject({ id: two.body.update.id, text: 'All response teams trained.' });
  });

  it('is refused to an approver and a reader (403) and to other organisations (404)', async () => {
    const analyst = await as('r.patel');
    const before = (await analyst.get<Recommendation[]>('/api/assessments/2/recommendations')).body;
    const rec = before[0]!;
    const calls = [
      ['POST', '/api/assessments/2/recommendations', { theme: 'X', text: 'Not mine to write.' }],
      ['PUT', `/api/recommendations/${rec.id}`, { expectedVersion: rec.version, owner: 'Not mine' }],
      [
        'POST',
        `/api/recommendations/${rec.id}/updates/1/corrections`,
        { expectedVersion: rec.version, reason: 'Not mine', text: 'Not mine' },
      ],
    ] as const;
    for (const [user, status] of [
      ['acc.morgan', 403],
      [fixtureUser('wwm-alliance', 'reader', 'SECRET'), 403],
      [fixtureUser(SECOND_FORCE, 'analyst', 'SECRET'), 404],
      [fixtureUser(SECOND_FORCE, 'admin', 'SECRET'), 404],
    ] as const) {
      const client = await as(user);
      for (const [method, url, body] of calls)
        expect([user, method, url, (await client.call(method, url, body)).status]).toEqual([user, method, url, status]);
    }
    expect((await analyst.get<Recommendation[]>('/api/assessments/2/recommendations')).body).toEqual(before);
  });
});
