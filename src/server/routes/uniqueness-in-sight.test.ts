/**
 * Issue 13, defect 5 through the API: an OFFICIAL analyst who posts a threat name, driver number,
 * risk reference or priority wording that only an OFFICIAL-SENSITIVE record has gets the answer an
 * unused value gets (201, the same fields), so nothing tells the hidden record is there; a value a
 * record they can see has is refused (400) naming it. A driver posted without a number is numbered
 * after the drivers its writer can see, so hidden drivers leave no gap (core/uniqueness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import type { Assessment } from '../../api/index.js';

let demo: DemoApp;
let draft: Assessment;
beforeAll(async () => {
  demo = await demoApp();
  draft = (
    await (
      await demo.as('admin')
    ).call<Assessment>('POST', '/api/assessments', {
      organisationId: 'wwm-alliance',
      period: '2018/19',
      versionLabel: 'V1 - uniqueness',
    })
  ).body;
}, 120_000);
afterAll(async () => demo.store.close());

const HIDDEN = { marking: 'OFFICIAL-SENSITIVE' };
const driver = (extra: object = {}) => ({
  name: 'A driver',
  challenge: 'policing',
  impact: 5,
  uncertainty: 5,
  ...extra,
});
const risk = (reference: string, extra: object = {}) => ({
  organisationId: 'wwm-alliance',
  reference,
  title: `Risk ${reference}`,
  category: 'Operational',
  owner: 'DCC',
  inherent: { likelihood: 3, impact: 3 },
  ...extra,
});
const priority = (wording: string, extra: object = {}) => ({
  partnerId: 'csp-rugby',
  period: '2018/19',
  wording,
  taxonomyIds: ['asb'],
  ...extra,
});

/** What a client can tell from an answer: its status and the names of the fields it carries. */
const shape = (r: { status: number; body: unknown }) => ({
  status: r.status,
  fields: Object.keys(r.body as object).sort(),
});

describe('a value only a hidden record has is answered as an unused one', () => {
  const cases = [
    ['threat name', () => `/api/assessments/${draft.id}/threats`, (v: string, x = {}) => ({ name: v, ...x })],
    ['risk reference', () => '/api/risks', risk],
    ['priority wording', () => '/api/priorities', priority],
  ] as const;
  for (const [what, path, body] of cases) {
    it(what, async () => {
      const analyst = await demo.as('r.patel');
      const low = await demo.as('k.hughes');
      const made = await analyst.call('POST', path(), body(`Hidden ${what}`, HIDDEN));
      expect(made.status).toBe(201);
      const hidden = await low.call('POST', path(), body(`Hidden ${what}`));
      const unused = await low.call('POST', path(), body(`Unused ${what}`));
      expect(shape(hidden)).toEqual(shape(unused));
      expect(hidden.status).toBe(201);
      // Now that k.hughes can see a record with the value, it is refused and named.
      const again = await low.call<{ error: { message: string } }>('POST', path(), body(`Hidden ${what}`));
      expect(again.status).toBe(400);
      expect(JSON.stringify(again.body)).toContain(`Hidden ${what}`);
    });
  }

  it('driver number, and the next number leaves no gap for hidden drivers', async () => {
    const analyst = await demo.as('r.patel');
    const low = await demo.as('k.hughes');
    const path = `/api/assessments/${draft.id}/drivers`;
    for (const n of [1, 2])
      expect((await analyst.call('POST', path, driver({ number: n, ...HIDDEN }))).status).toBe(201);
    const hidden = await low.call<{ number: number }>('POST', path, driver({ number: 2 }));
    const unused = await low.call<{ number: number }>('POST', path, driver({ number: 7 }));
    expect(shape(hidden)).toEqual(shape(unused));
    expect(hidden.status).toBe(201);
    const next = await low.call<{ number: number }>('POST', path, driver());
    expect(next.body.number).toBe(8);
    const refused = await low.call('POST', path, driver({ number: 2 }));
    expect(refused.status).toBe(400);
    // A fresh assessment: the first driver of someone who sees none is 1, beside hidden ones or not.
    const fresh = (
      await (
        await demo.as('admin')
      ).call<Assessment>('POST', '/api/assessments', {
        organisationId: 'wwm-alliance',
        period: '2018/19',
        versionLabel: 'V2 - uniqueness',
      })
    ).body;
    await analyst.call('POST', `/api/assessments/${fresh.id}/drivers`, driver(HIDDEN));
    expect(
      (await low.call<{ number: number }>('POST', `/api/assessments/${fresh.id}/drivers`, driver())).body.number,
    ).toBe(1);
  });
});
