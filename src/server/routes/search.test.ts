/**
 * Issue 14: the search across everything answers with what the user may see and nothing else.
 * It reads each kind of record through the store functions of the registers' own list routes,
 * so a user cleared OFFICIAL does not find an OFFICIAL-SENSITIVE record, and a user of a CSP
 * (or of any organisation) does not find another organisation's record, whatever they type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createRisk } from '../../store/index.js';
import { multiOrgApp, plantCanaries, SECOND_FORCE } from '../../../test/multi-org.js';
import type { DemoApp } from '../../../test/demo-app.js';
import type { SearchAnswer } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp();
  await plantCanaries(demo.store);
  await createRisk(demo.store, await actorFor(demo.store, 'wwm-alliance.analyst.os'), {
    organisationId: 'wwm-alliance',
    reference: 'QXS1',
    title: 'QXSEARCH sensitive alliance risk',
    category: 'Organisational',
    owner: 'Deputy Chief Constable',
    inherent: { likelihood: 3, impact: 4 },
    residual: { likelihood: 2, impact: 4 },
    identifiedOn: '2017-02-01',
    marking: 'OFFICIAL-SENSITIVE',
  });
}, 180_000);

async function search(username: string, q: string): Promise<SearchAnswer> {
  const client = await demo.as(username);
  const answer = await client.get<SearchAnswer>(`/api/search?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return answer.body;
}
const titles = (a: SearchAnswer) => a.hits.map((h) => h.title);

describe('GET /api/search', () => {
  it('finds an OFFICIAL-SENSITIVE record for a user cleared to it, and not for one cleared OFFICIAL', async () => {
    const cleared = await search('wwm-alliance.reader.os', 'qxsearch sensitive');
    expect(cleared.hits).toEqual([
      expect.objectContaining({
        kind: 'risk',
        title: 'QXS1 QXSEARCH sensitive alliance risk',
        marking: 'OFFICIAL-SENSITIVE',
        organisationId: 'wwm-alliance',
      }),
    ]);
    expect(cleared.hits[0]!.href).toMatch(/^\/registers\/risks\/\d+$/);
    expect(titles(await search('wwm-alliance.reader.o', 'qxsearch sensitive'))).toEqual([]);
    expect(titles(await search('wwm-alliance.admin.o', 'QXS1'))).toEqual([]);
  });

  it("never finds another organisation's records: a CSP user finds no Thames Valley record", async () => {
    const tv = await search(`${SECOND_FORCE}.reader.o`, 'QXCANARY Thames Valley');
    expect(titles(tv).sort()).toEqual(['QXCANARY Thames Valley threat', 'TV1 QXCANARY Thames Valley risk']);
    expect(tv.hits.every((h) => h.organisationId === SECOND_FORCE)).toBe(true);
    for (const username of [
      'csp-rugby.reader.s',
      'csp-rugby.admin.s',
      'wwm-alliance.admin.s',
      'warwickshire.analyst.s',
    ])
      expect(titles(await search(username, 'Thames Valley')), username).toEqual([]);
    // Nor the alliance's own SECRET records, for a Thames Valley user cleared SECRET.
    expect(titles(await search(`${SECOND_FORCE}.admin.s`, 'QXCANARY secret'))).toEqual([]);
  });

  it('finds the SECRET records for the alliance users cleared SECRET, across kinds, with links', async () => {
    const found = await search('wwm-alliance.analyst.s', 'QXCANARY secret');
    expect(found.hits.map((h) => [h.kind, h.title])).toEqual([
      ['threat', 'QXCANARY secret alliance threat'],
      ['risk', 'QX1 QXCANARY secret alliance risk'],
      ['driver', expect.stringMatching(/^\d+\. QXCANARY secret alliance driver$/)],
    ]);
    expect(found.hits.map((h) => h.href)).toEqual([
      expect.stringMatching(/^\/assessments\/2\/threats\/\d+$/),
      expect.stringMatching(/^\/registers\/risks\/\d+$/),
      expect.stringMatching(/^\/registers\/drivers\/\d+$/),
    ]);
    expect(titles(await search('wwm-alliance.analyst.os', 'QXCANARY secret'))).toEqual([]);
  });

  it('searches the demo register by every word typed, in any case', async () => {
    const found = await search('r.patel', 'modern SLAVERY');
    expect(found.hits.length).toBeGreaterThan(0);
    expect(new Set(found.hits.map((h) => h.kind)).size).toBeGreaterThan(1);
    for (const h of found.hits) expect(h.marking === 'SECRET').toBe(false);
  });

  it('refuses a search of fewer than two letters, and nobody logged in', async () => {
    const client = await demo.as('r.patel');
    expect((await client.get('/api/search?q=a')).status).toBe(400);
    expect((await client.get('/api/search')).status).toBe(400);
  });
});
