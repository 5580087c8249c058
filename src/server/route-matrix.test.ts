/**
 * Issue 13: every route called as every user of the multi-organisation fixture (six
 * organisations, every role at every clearance) and as nobody, each answer checked against the
 * rule:
 * - nobody logged in gets 401 (only the login itself is open);
 * - no answer is a 500;
 * - no answer carries a canary record the caller may not see (a SECRET threat of the alliance, an
 *   OFFICIAL threat of the second force's own assessment), whatever the route: record, list,
 *   chart, CSV, dashboard, audit, job;
 * - administrators' routes refuse everyone who administers nothing, imports everyone who may not
 *   import, and no change succeeds for someone who holds only the reader role.
 * The table below must name every route the app serves: a new route without an entry fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canSee } from '../domain/marking.js';
import { actorFor, createLinkInvestigation, enqueueJob, writeAnalystText, type Actor } from '../store/index.js';
import { importExport } from '../links/import-export.js';
import { ApiClient } from '../../test/api-client.js';
import type { DemoApp } from '../../test/demo-app.js';
import { FIXTURE_USERS, multiOrgApp, plantCanaries, type Canary } from '../../test/multi-org.js';

type Kind = 'open' | 'read' | 'change' | 'admin' | 'import';

/** Every route, with the address it is called at and what kind of route it is. */
const ROUTES: Record<string, [Kind, string]> = {
  'POST /api/session': ['open', '/api/session'],
  'GET /api/session': ['read', '/api/session'],
  'DELETE /api/session': ['open', '/api/session'],
  'GET /api/assessments/:id/dashboard': ['read', '/api/assessments/2/dashboard'],
  'GET /api/assessments': ['read', '/api/assessments'],
  'POST /api/assessments': ['change', '/api/assessments'],
  'POST /api/assessments/:id/next-year': ['change', '/api/assessments/2/next-year'],
  'POST /api/assessments/:id/threats': ['change', '/api/assessments/2/threats'],
  'POST /api/assessments/:id/scores-file': ['change', '/api/assessments/2/scores-file'],
  'DELETE /api/threats/:id': ['change', '/api/threats/{secret}'],
  'GET /api/assessments/:id': ['read', '/api/assessments/2'],
  'GET /api/assessments/:id/threats': ['read', '/api/assessments/2/threats'],
  'GET /api/assessments/:id/combined': ['read', '/api/assessments/2/combined'],
  'GET /api/assessments/:id/model': ['read', '/api/assessments/2/model'],
  'GET /api/assessments/:id/direction': ['read', '/api/assessments/2/direction'],
  'GET /api/assessments/:id/control-strategy': ['read', '/api/assessments/2/control-strategy'],
  'POST /api/assessments/:id/control-strategy/approve': ['change', '/api/assessments/2/control-strategy/approve'],
  'GET /api/assessments/:id/strategy-plans': ['read', '/api/assessments/2/strategy-plans'],
  'PUT /api/threats/:id/strategy-plan': ['change', '/api/threats/{secret}/strategy-plan'],
  'GET /api/assessments/:id/settings': ['read', '/api/assessments/2/settings'],
  'PUT /api/assessments/:id/settings': ['change', '/api/assessments/2/settings'],
  'GET /api/threats/:id': ['read', '/api/threats/{secret}'],
  'PUT /api/threats/:id': ['change', '/api/threats/{secret}'],
  'GET /api/threats/:id/workshop': ['read', '/api/threats/{secret}/workshop'],
  'GET /api/threats/:id/sensitivity': ['read', '/api/threats/{secret}/sensitivity'],
  'POST /api/threats/:id/scores': ['change', '/api/threats/{secret}/scores'],
  'PUT /api/scores/:id': ['change', '/api/scores/1'],
  'GET /api/assessments/:id/recommendations': ['read', '/api/assessments/2/recommendations'],
  'GET /api/assessments/:id/recommendations.csv': ['read', '/api/assessments/2/recommendations.csv'],
  'GET /api/recommendations/:id': ['read', '/api/recommendations/1'],
  'POST /api/recommendations/:id/updates': ['change', '/api/recommendations/1/updates'],
  'POST /api/assessments/:id/recommendations': ['change', '/api/assessments/2/recommendations'],
  'POST /api/inspections': ['change', '/api/inspections'],
  'PUT /api/inspections/:id': ['change', '/api/inspections/1'],
  'POST /api/inspections/:id/findings': ['change', '/api/inspections/1/findings'],
  'PUT /api/recommendations/:id': ['change', '/api/recommendations/1'],
  'POST /api/recommendations/:id/updates/:updateId/corrections': [
    'change',
    '/api/recommendations/1/updates/1/corrections',
  ],
  'POST /api/uploads': ['import', '/api/uploads'],
  'PUT /api/uploads/:batch/files/:name': ['import', '/api/uploads/aaaaaaaaaaaaaaaa/files/x.csv'],
  'POST /api/uploads/:batch/import': ['import', '/api/uploads/aaaaaaaaaaaaaaaa/import'],
  'GET /api/jobs': ['read', '/api/jobs'],
  'GET /api/jobs/:id': ['read', '/api/jobs/{job}'],
  'GET /api/imports': ['read', '/api/imports'],
  'GET /api/imports/:id/rejects': ['read', '/api/imports/x/rejects'],
  'GET /api/audit': ['admin', '/api/audit?limit=1000'],
  'GET /api/audit.csv': ['admin', '/api/audit.csv?limit=1000'],
  'POST /api/users/:username/unlock': ['admin', '/api/users/r.patel/unlock'],
  // Issue 14: the first run (404 once there are users) and administering users.
  'GET /api/setup': ['open', '/api/setup'],
  'POST /api/setup': ['open', '/api/setup'],
  'GET /api/organisations': ['read', '/api/organisations'],
  'GET /api/users': ['admin', '/api/users'],
  'POST /api/users': ['admin', '/api/users'],
  'PUT /api/users/:username': ['admin', '/api/users/nobody.here'],
  'POST /api/users/:username/password': ['admin', '/api/users/nobody.here/password'],
  'POST /api/users/:username/memberships': ['admin', '/api/users/nobody.here/memberships'],
  'GET /api/reference-tables': ['admin', '/api/reference-tables'],
  'POST /api/reference-tables/:kind': ['admin', '/api/reference-tables/areas?organisation=wwm-alliance&name=x.csv'],
  'DELETE /api/users/:username/memberships/:organisation/:role': [
    'admin',
    '/api/users/nobody.here/memberships/wwm-alliance/analyst',
  ],
  'GET /api/trends/scope': ['read', '/api/trends/scope'],
  'GET /api/analysis/rates': ['read', '/api/analysis/rates'],
  'GET /api/analysis/css': ['read', '/api/analysis/css'],
  'GET /api/analysis/concentration': ['read', '/api/analysis/concentration'],
  'GET /api/analysis/wdd': ['read', '/api/analysis/wdd'],
  'GET /api/analysis/indicators': ['read', '/api/analysis/indicators'],
  'GET /api/analysis/indicators/table': ['read', '/api/analysis/indicators/table'],
  'GET /api/analysis/indicators/check': ['read', '/api/analysis/indicators/check'],
  'GET /api/analysis/stop-search': ['read', '/api/analysis/stop-search'],
  // Issue 17: incidents and missing episodes are the force's own (its users and its alliance's).
  'GET /api/analysis/demand-profile': ['read', '/api/analysis/demand-profile?force=west-mercia'],
  'GET /api/analysis/missing': ['read', '/api/analysis/missing?force=thames-valley'],
  'GET /api/analysis/forecast': ['read', '/api/analysis/forecast?force=warwickshire&category=burglary'],
  'GET /api/map/boundaries': ['read', '/api/map/boundaries'],
  'GET /api/map/values': ['read', '/api/map/values'],
  'GET /api/trends/warehouse': ['read', '/api/trends/warehouse'],
  'GET /api/trends/areas': ['read', '/api/trends/areas'],
  'GET /api/trends/series': ['read', '/api/trends/series'],
  'GET /api/trends/snapshot': ['read', '/api/trends/snapshot'],
  'GET /api/trends/compare': ['read', '/api/trends/compare'],
  'GET /api/trends/harm': ['read', '/api/trends/harm'],
  'GET /api/threats/:id/evidence': ['read', '/api/threats/{secret}/evidence'],
  'GET /api/risks': ['read', '/api/risks'],
  'GET /api/risks.csv': ['read', '/api/risks.csv'],
  'GET /api/risks/reviews.csv': ['read', '/api/risks/reviews.csv'],
  'GET /api/risks/heat-map': ['read', '/api/risks/heat-map'],
  'GET /api/risks/overdue': ['read', '/api/risks/overdue'],
  'POST /api/risks': ['change', '/api/risks'],
  'GET /api/risks/:id': ['read', '/api/risks/1'],
  'PUT /api/risks/:id': ['change', '/api/risks/1'],
  'GET /api/risks/:id/history': ['read', '/api/risks/1/history'],
  'POST /api/risks/:id/reviews': ['change', '/api/risks/1/reviews'],
  'GET /api/assessments/:id/drivers': ['read', '/api/assessments/2/drivers'],
  'GET /api/assessments/:id/drivers.csv': ['read', '/api/assessments/2/drivers.csv'],
  'GET /api/assessments/:id/drivers/matrix': ['read', '/api/assessments/2/drivers/matrix'],
  'GET /api/assessments/:id/drivers/themes': ['read', '/api/assessments/2/drivers/themes'],
  'POST /api/assessments/:id/drivers': ['change', '/api/assessments/2/drivers'],
  'GET /api/assessments/:id/driver-configurations': ['read', '/api/assessments/2/driver-configurations'],
  'POST /api/assessments/:id/driver-configurations': ['change', '/api/assessments/2/driver-configurations'],
  'GET /api/driver-configurations/:id': ['read', '/api/driver-configurations/1'],
  'PUT /api/driver-configurations/:id': ['change', '/api/driver-configurations/1'],
  'GET /api/drivers/:id': ['read', '/api/drivers/1'],
  'PUT /api/drivers/:id': ['change', '/api/drivers/1'],
  'POST /api/drivers/:id/reviews': ['change', '/api/drivers/1/reviews'],
  'GET /api/priorities': ['read', '/api/priorities'],
  'GET /api/priorities.csv': ['read', '/api/priorities.csv'],
  'GET /api/priorities/matrix': ['read', '/api/priorities/matrix'],
  'GET /api/priorities/periods': ['read', '/api/priorities/periods'],
  'GET /api/priorities/taxonomy': ['read', '/api/priorities/taxonomy'],
  'GET /api/priorities/partners': ['read', '/api/priorities/partners'],
  'GET /api/assessments/:id/priorities/congruence': ['read', '/api/assessments/2/priorities/congruence'],
  'POST /api/priorities': ['change', '/api/priorities'],
  'GET /api/priorities/:id': ['read', '/api/priorities/1'],
  'PUT /api/priorities/:id': ['change', '/api/priorities/1'],
  'GET /api/plans': ['read', '/api/plans'],
  'GET /api/plans/compare': ['read', '/api/plans/compare'],
  'POST /api/plans': ['change', '/api/plans'],
  'GET /api/plans/:id': ['read', '/api/plans/1'],
  'POST /api/plans/:id/objectives': ['change', '/api/plans/1/objectives'],
  'PUT /api/plans/:id/objectives/:objectiveId': ['change', '/api/plans/1/objectives/1'],
  'GET /api/plans/:id/objectives.csv': ['read', '/api/plans/1/objectives.csv'],
  // Issue 14, the workbench: a plan corrected, an objective mapped, a link or pair undone.
  'PUT /api/plans/:id': ['change', '/api/plans/1'],
  'PUT /api/plans/:id/objectives/:objectiveId/maps': ['change', '/api/plans/1/objectives/1/maps'],
  'DELETE /api/plan-mappings/:id/theme-links/:themeId': [
    'change',
    '/api/plan-mappings/1/theme-links/1?expectedVersion=1',
  ],
  'DELETE /api/plan-mappings/:id/pairs/:objectiveId': ['change', '/api/plan-mappings/1/pairs/1?expectedVersion=1'],
  'GET /api/plan-mappings': ['read', '/api/plan-mappings'],
  'POST /api/plan-mappings': ['change', '/api/plan-mappings'],
  'GET /api/plan-mappings/:id': ['read', '/api/plan-mappings/1'],
  'POST /api/plan-mappings/:id/theme-links': ['change', '/api/plan-mappings/1/theme-links'],
  'POST /api/plan-mappings/:id/pairs': ['change', '/api/plan-mappings/1/pairs'],
  'GET /api/plan-mappings/:id/comparison.csv': ['read', '/api/plan-mappings/1/comparison.csv'],
  'GET /api/inspections': ['read', '/api/inspections'],
  'GET /api/inspections.csv': ['read', '/api/inspections.csv'],
  'GET /api/inspections/:id': ['read', '/api/inspections/1'],
  'GET /api/inspection-findings': ['read', '/api/inspection-findings'],
  'GET /api/inspection-findings/:id': ['read', '/api/inspection-findings/1'],
  'POST /api/inspection-findings/:id/updates': ['change', '/api/inspection-findings/1/updates'],
  'POST /api/assessments/:id/reports': ['change', '/api/assessments/2/reports'],
  'GET /api/reports/:job/:file': ['read', '/api/reports/{job}/document.html'],
  'GET /api/assessments/:id/texts': ['read', '/api/assessments/2/texts'],
  'PUT /api/assessments/:id/texts/:part': ['change', '/api/assessments/2/texts/demand'],
  'GET /api/assessments/:id/documents': ['read', '/api/assessments/2/documents'],
  'POST /api/assessments/:id/revise': ['change', '/api/assessments/2/revise'],
  // Issue 16: link analysis; the canaries below include a SECRET alliance investigation and a
  // Thames Valley one holding the same number, so search, xref, network, path, timeline and
  // their exports are all asked about it.
  'GET /api/links/investigations': ['read', '/api/links/investigations'],
  'POST /api/links/investigations': ['change', '/api/links/investigations'],
  'GET /api/links/mappings': ['read', '/api/links/mappings'],
  'GET /api/links/mappings/:id': ['read', '/api/links/mappings/openstra'],
  'PUT /api/links/mappings/:id': ['import', '/api/links/mappings/matrix-own'],
  'GET /api/links/investigations/:id': ['read', '/api/links/investigations/1'],
  'PUT /api/links/investigations/:id/marking': ['change', '/api/links/investigations/2/marking'],
  'GET /api/links/contacts': ['read', '/api/links/contacts'],
  'PUT /api/links/contacts/:organisation': ['admin', '/api/links/contacts/west-mercia'],
  'POST /api/links/imports': ['import', '/api/links/imports?investigation=1&device=X&name=x.csv'],
  'GET /api/links/search': ['read', '/api/links/search?q=07700%20900123'],
  'GET /api/links/xref': ['read', '/api/links/xref'],
  'GET /api/links/xref.csv': ['read', '/api/links/xref.csv'],
  'GET /api/links/network': ['read', '/api/links/network?all=true'],
  'GET /api/links/network.csv': ['read', '/api/links/network.csv?all=true'],
  'GET /api/links/network.graphml': ['read', '/api/links/network.graphml?all=true&level=device'],
  'GET /api/links/path': ['read', '/api/links/path?a=07700900123&b=07700900999'],
  'GET /api/links/timeline': ['read', '/api/links/timeline?identifier=07700900123'],
  'GET /api/links/timeline.csv': ['read', '/api/links/timeline.csv?identifier=07700900123'],
  // Issue 14: the search across everything; every canary holds this word, so each is searched for.
  'GET /api/search': ['read', '/api/search?q=QXCANARY'],
};

let demo: DemoApp;
let canaries: Canary[];
let ids: Record<string, number>;

beforeAll(async () => {
  demo = await multiOrgApp();
  const allianceAnalyst = await actorFor(demo.store, 'wwm-alliance.analyst.s');
  // The fixture's canaries: the alliance's SECRET threat, risk and driver, the second force's own records.
  const planted = await plantCanaries(demo.store);
  await writeAnalystText(demo.store, allianceAnalyst, {
    assessmentId: 2,
    part: 'public-service-transformation',
    body: 'QXCANARY-SECRET-TEXT',
    marking: 'SECRET',
    expectedVersion: null,
  });
  const job = await enqueueJob(demo.store, allianceAnalyst, 'report', { assessmentId: 2 }, 'wwm-alliance');
  // Link analysis (issue 16): one number in a SECRET alliance investigation and an OFFICIAL Thames Valley one.
  const tvAnalyst = await actorFor(demo.store, 'thames-valley.analyst.o');
  const phone = (reference: string, name: string) => ({
    name: `${reference}.csv`,
    bytes: Buffer.from(
      `record,timestamp,direction,identifier,name\ncontact,,,07700 900123,${name}\ncall,2024-01-05T10:00:00Z,outgoing,07700900123,\ncall,2024-01-06T10:00:00Z,outgoing,07700900999,\n`,
    ),
  });
  for (const [who, org, reference, marking] of [
    [allianceAnalyst, 'wwm-alliance', 'QXCANARY-LINK-S', 'SECRET'],
    [tvAnalyst, 'thames-valley', 'QXCANARY-LINK-TV', 'OFFICIAL'],
  ] as const) {
    await createLinkInvestigation(demo.store, who, { organisationId: org, reference, marking });
    await importExport(demo.store, who, phone(reference, `${reference}-NAME`), {
      investigation: reference,
      device: 'D1',
    });
  }
  ids = { secret: planted.secretThreat, job: job.id };
  canaries = [
    ...planted.canaries,
    { text: 'QXCANARY-SECRET-TEXT', marking: 'SECRET', organisationId: 'wwm-alliance' },
    { text: 'QXCANARY-LINK-S', marking: 'SECRET', organisationId: 'wwm-alliance' },
    { text: 'QXCANARY-LINK-TV', marking: 'OFFICIAL', organisationId: 'thames-valley' },
  ];
}, 180_000);

const addressOf = (template: string) => template.replace(/\{(\w+)\}/g, (_m, k: string) => String(ids[k]));

async function call(client: ApiClient, route: string, address: string) {
  const method = route.split(' ')[0]!;
  if (method === 'GET') return client.get(address);
  if (route.startsWith('PUT /api/uploads/'))
    return client.call(method, address, undefined, { raw: 'a,b\n', headers: { 'content-type': 'text/csv' } });
  return client.call(method, address, {});
}

describe('every route as every user', () => {
  it('names every route the app serves', () => {
    const served = [...new Set(demo.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
    expect(served.filter((r) => !(r in ROUTES))).toEqual([]);
  });

  it('answers nobody logged in with 401 on every route but the login', async () => {
    const anonymous = new ApiClient(demo.app);
    const wrong: string[] = [];
    for (const [route, [kind, template]] of Object.entries(ROUTES)) {
      if (kind === 'open') continue;
      const answer = await call(anonymous, route, addressOf(template));
      if (answer.status !== 401) wrong.push(`${route}: ${answer.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 500, never shows a canary the caller may not see, and refuses what their roles do not allow', async () => {
    const findings: string[] = [];
    let calls = 0;
    for (const user of FIXTURE_USERS) {
      const client = await demo.as(user.username);
      const actor: Actor = await actorFor(demo.store, user.username);
      const hidden = canaries.filter((k) => !canSee(actor, { ...k, sharedWith: [] }));
      const isAdmin = user.role === 'admin';
      const mayImport = user.role === 'admin' || user.role === 'analyst';
      for (const [route, [kind, template]] of Object.entries(ROUTES)) {
        if (route === 'DELETE /api/session' || route === 'POST /api/session') continue;
        const answer = await call(client, route, addressOf(template));
        calls++;
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const where = `${user.username} ${route} -> ${answer.status}`;
        if (answer.status >= 500) findings.push(`${where}: server error`);
        for (const k of hidden) if (text.includes(k.text)) findings.push(`${where}: shows ${k.text}`);
        const ok = answer.status >= 200 && answer.status < 300;
        if (kind === 'admin' && !isAdmin && ok) findings.push(`${where}: admin route allowed`);
        if (kind === 'import' && !mayImport && ok) findings.push(`${where}: import allowed`);
        if (kind === 'change' && user.role === 'reader' && ok) findings.push(`${where}: change allowed to a reader`);
      }
    }
    console.log(`route matrix: ${Object.keys(ROUTES).length} routes x ${FIXTURE_USERS.length} users = ${calls} calls`);
    expect(findings).toEqual([]);
  }, 1_200_000);
});
