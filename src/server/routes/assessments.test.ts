/**
 * The assessment pages' API, in process over the demo store: warehouse evidence beside a threat
 * (on two generated years of police.uk files, and on a real month from ../shared/data when it
 * is present, which leaves the year incomplete), two assessors scoring one threat
 * and the combined view showing both, a stale score change answered 409, markings on the
 * workshop, evidence and sensitivity, and the Control Strategy approved by an approver only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/record/people.js';
import { generateAllianceDataset } from '../../demo/alliance.js';
import { monthRange, parseMonth } from '../../domain/crime/month.js';
import type { Store } from '../../store/index.js';
import { demoStore } from '../../../test/store-snapshots.js';
import { ApiClient } from '../../../test/api-client.js';
import { hasSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempDir, tempWorkspace } from '../../../test/temp-workspace.js';
import { createApp } from '../app.js';
import type { ServerOptions } from '../options.js';
import { WarehouseAccess } from '../warehouse-access.js';
import type {
  CombinedView,
  ControlStrategyView,
  ErrorAnswer,
  ScoringModel,
  Sensitivity,
  StoredScore,
  Threat,
  ThreatEvidence,
  WorkshopView,
} from '../../api/index.js';

const REAL_FILE = sharedData('police-uk', '2018-03', '2018-03-warwickshire-street.csv');
const VIOLENCE = ',Violence and sexual offences,';

let store: Store;
let app: ReturnType<typeof createApp>;
const warehouses: WarehouseAccess[] = [];
let generated: string;

async function appOver(files: string[]): Promise<ReturnType<typeof createApp>> {
  const workspace = await tempWorkspace('file');
  if (files.length > 0) await importInto(workspace, files);
  const options: ServerOptions = {
    workspace,
    sessionHours: 8,
    secureCookies: false,
    threads: 1,
    memoryLimit: '256MB',
    webRoot: undefined,
    now: () => new Date(),
    log: () => undefined,
  };
  const warehouse = new WarehouseAccess(workspace, options);
  warehouses.push(warehouse);
  return createApp(store, warehouse, options);
}

beforeAll(async () => {
  store = await demoStore();
  // Two whole financial years of generated Warwickshire street crime: the demo assessment's
  // year (2017/18) and the one before, so every figure can be computed.
  generated = await tempDir('stra-evidence-', 'file');
  await generateAllianceDataset({
    outDir: generated,
    seed: 17,
    from: '2016-04',
    to: '2018-03',
    kinds: ['street'],
    forces: ['warwickshire'],
  });
  app = await appOver([generated]);
}, 180_000);
afterAll(async () => {
  for (const w of warehouses) w.close();
  await store.close();
});

const as = async (username: string, over = app) => {
  const client = new ApiClient(over);
  expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
};

/** Violent-crime rows in the generated files of the months from..to. */
async function violentRows(from: string, to: string): Promise<number> {
  let n = 0;
  for (const m of monthRange(parseMonth(from)!, parseMonth(to)!)) {
    const text = await readFile(path.join(generated, m, `${m}-warwickshire-street.csv`), 'utf8');
    n += text.split('\n').filter((l) => l.includes(VIOLENCE)).length;
  }
  return n;
}

const threatsOf = async (client: ApiClient) => (await client.get<Threat[]>('/api/assessments/2/threats')).body;

/** A level for every required factor: the i-th level (or the last) of each. */
const levels = (model: ScoringModel, pick: number) =>
  Object.fromEntries(
    model.factors.filter((f) => !f.optional).map((f) => [f.id, f.levels[Math.min(pick, f.levels.length - 1)]!.value]),
  );

describe('evidence from the warehouse', () => {
  it('gives volume, last year, change, significance and harm for a threat linked to police.uk categories', async () => {
    const analyst = await as('r.patel');
    const cse = (await threatsOf(analyst)).find((t) => t.evidence.policeUkCategories.includes('violent-crime'));
    expect(cse).toBeDefined();
    const r = await analyst.get<ThreatEvidence>(`/api/threats/${cse!.id}/evidence`);
    expect(r.status).toBe(200);
    expect(r.body.period).toBe('2017/18');
    const street = r.body.figures.find((f) => f.source === 'police.uk street data')!;
    const [now, before] = [await violentRows('2017-04', '2018-03'), await violentRows('2016-04', '2017-03')];
    expect(now).toBeGreaterThan(1000);
    expect(street).toMatchObject({ what: 'violent-crime', period: '2017/18', count: now, lastYear: before });
    expect(street.percentChange).toBeCloseTo(((now - before) / before) * 100, 6);
    expect(street.pValue).toBeGreaterThanOrEqual(0);
    expect(['significantly-above', 'above', 'similar', 'below', 'significantly-below']).toContain(street.flag);
    expect(street.harm).toBeGreaterThan(0);
    expect(r.body.indicators).toEqual(cse!.evidence.indicators);
  }, 60_000);

  it.skipIf(!hasSharedData)(
    'says the year is incomplete, not "0 crimes", over one real month of police.uk data',
    async () => {
      const real = await appOver([REAL_FILE]);
      const rows = (await readFile(REAL_FILE, 'utf8')).split('\n').filter((l) => l.includes(VIOLENCE)).length;
      expect(rows).toBeGreaterThan(100); // the real file does hold violent crime in March 2018
      const analyst = await as('r.patel', real);
      const cse = (await threatsOf(analyst)).find((t) => t.evidence.policeUkCategories.includes('violent-crime'));
      const street = (await analyst.get<ThreatEvidence>(`/api/threats/${cse!.id}/evidence`)).body.figures.find(
        (f) => f.source === 'police.uk street data',
      )!;
      expect(street).toMatchObject({ what: 'violent-crime', count: null, lastYear: null, flag: 'insufficient-data' });
      expect(street.note).toContain('do not cover every month of 2017/18');
    },
    60_000,
  );

  it('answers with no figures for a threat linked to nothing in the warehouse', async () => {
    const analyst = await as('r.patel');
    const none = (await threatsOf(analyst)).find(
      (t) =>
        t.evidence.policeUkCategories.length + t.evidence.offenceCodes.length + t.evidence.extractFlags.length === 0,
    );
    const r = await analyst.get<ThreatEvidence>(`/api/threats/${none!.id}/evidence`);
    expect(r.status).toBe(200);
    expect(r.body.figures).toEqual([]);
  });
});

describe('markings on the workshop, evidence and sensitivity', () => {
  it('answers 404 to an OFFICIAL user and to a CSP reader for an OFFICIAL-SENSITIVE threat', async () => {
    const analyst = await as('r.patel');
    const sensitive = (await threatsOf(analyst)).find((t) => t.marking === 'OFFICIAL-SENSITIVE');
    expect(sensitive).toBeDefined();
    for (const who of ['k.hughes', 'rugby.csp']) {
      const client = await as(who);
      for (const what of ['workshop', 'evidence', 'sensitivity']) {
        const r = await client.get(`/api/threats/${sensitive!.id}/${what}`);
        expect(r.status, `${who} ${what}`).toBe(404);
        expect(JSON.stringify(r.body)).not.toContain(sensitive!.name);
      }
    }
    expect((await analyst.get(`/api/threats/${sensitive!.id}/workshop`)).status).toBe(200);
  });

  it('gives the scoring model of an assessment the user can see', async () => {
    const r = await (await as('k.hughes')).get<ScoringModel>('/api/assessments/2/model');
    expect(r.status).toBe(200);
    expect(r.body.factors.map((f) => f.id)).toContain('frequency');
    expect((await new ApiClient(app).get('/api/assessments/2/model')).status).toBe(401);
  });
});

describe('two assessors score the same threat', () => {
  it("keeps the demo's scores under their users: r.patel's own form is filled, and each person counts once", async () => {
    const patel = await as('r.patel');
    const fgm = (await threatsOf(patel)).find((t) => t.name === 'FGM')!;
    const w = (await patel.get<WorkshopView>(`/api/threats/${fgm.id}/workshop`)).body;
    expect(w.mine?.assessor).toBe('r.patel');
    expect(w.hidden).toBe(false);
    expect(w.submitted).toEqual(['r.patel', 's.okafor']);
    expect(w.combined!.assessors.map((a) => a.assessor)).toEqual(['r.patel', 's.okafor']);
  });

  it('hides each from the other until both have scored, then the combined view shows both', async () => {
    const patel = await as('r.patel');
    const hughes = await as('k.hughes');
    const added = await patel.call<Threat>('POST', '/api/assessments/2/threats', {
      name: 'Fraud against older people',
      marking: 'OFFICIAL',
    });
    expect(added.status).toBe(201);
    const threat = added.body;
    const before = (await hughes.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    expect(before.hidden).toBe(true);
    // The assessor is the logged-in user: a request naming another is refused.
    const impostor = await hughes.call('POST', `/api/threats/${threat.id}/scores`, {
      assessor: 'r.patel',
      values: levels(before.model, 1),
    });
    expect(impostor.status).toBe(400);
    const mine = await hughes.call<StoredScore>('POST', `/api/threats/${threat.id}/scores`, {
      values: levels(before.model, 0),
      rationale: { frequency: 'Referrals are rare.' },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.assessor).toBe('k.hughes');
    const patelBefore = (await patel.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    expect(patelBefore.hidden).toBe(true);
    expect(patelBefore.others).toEqual([]);
    expect(patelBefore.submitted).toEqual(['k.hughes']);
    expect(JSON.stringify(patelBefore)).not.toContain('Referrals are rare.');
    // r.patel may not change k.hughes's score (a score belongs to its assessor).
    const rewrite = await patel.call('PUT', `/api/scores/${mine.body.id}`, {
      expectedVersion: mine.body.version,
      values: levels(before.model, 3),
    });
    expect(rewrite.status).toBe(403);
    expect(
      (await patel.call('POST', `/api/threats/${threat.id}/scores`, { values: levels(before.model, 3) })).status,
    ).toBe(201);
    const patelAfter = (await patel.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    expect(patelAfter.hidden).toBe(false);
    expect(patelAfter.others.map((s) => s.assessor)).toEqual(['k.hughes']);
    expect(patelAfter.combined!.assessors.map((a) => a.assessor)).toEqual(['k.hughes', 'r.patel']);
    const combined = (await hughes.get<CombinedView>('/api/assessments/2/combined')).body;
    const entry = combined.entries.find((e) => e.threatId === threat.id)!;
    expect(entry.assessors).toEqual(['k.hughes', 'r.patel']);
    // The first and the last level are two apart on the three-level factors: flagged.
    expect(entry.disagreements.map((d) => d.factor)).toContain('confidence');
    const sensitivity = await patel.get<Sensitivity>(`/api/threats/${threat.id}/sensitivity`);
    expect(sensitivity.status).toBe(200);
    expect(sensitivity.body.threatId).toBe(String(threat.id));
  });

  it('refuses a stale change to a score with 409 and the score as it is now', async () => {
    const hughes = await as('k.hughes');
    const threat = (await threatsOf(hughes)).find((t) => t.name === 'Fraud against older people')!;
    const mine = (await hughes.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body.mine!;
    const changed = await hughes.call('PUT', `/api/scores/${mine.id}`, {
      expectedVersion: mine.version,
      values: mine.inputs.values,
      rationale: { frequency: 'Second thoughts.' },
    });
    expect(changed.status).toBe(200);
    const stale = await hughes.call<ErrorAnswer>('PUT', `/api/scores/${mine.id}`, {
      expectedVersion: mine.version,
      values: mine.inputs.values,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({
      id: mine.id,
      version: mine.version + 1,
      inputs: { rationale: { frequency: 'Second thoughts.' } },
    });
  });
});

describe('approving the Control Strategy', () => {
  it('is refused to a non-approver (403), shown to an OFFICIAL user at their clearance, and refused on a changed digest (409)', async () => {
    const analyst = await as('r.patel');
    const shown = (await analyst.get<ControlStrategyView>('/api/assessments/2/control-strategy')).body;
    expect(shown.status).toBe('draft');
    const refused = await analyst.call<ErrorAnswer>('POST', '/api/assessments/2/control-strategy/approve', {
      expectedDigest: shown.digest,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('approver');
    // An OFFICIAL user sees it at their clearance, with what is withheld counted (issue 14).
    const official = await (await as('k.hughes')).get<ControlStrategyView>('/api/assessments/2/control-strategy');
    expect(official.status).toBe(200);
    expect(official.body.aboveClearance?.threats).toBeGreaterThan(0);
    const approver = await as('acc.morgan');
    const stale = await approver.call<ErrorAnswer>('POST', '/api/assessments/2/control-strategy/approve', {
      expectedDigest: '0'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('has changed since you viewed it');
  });

  it('records the approver and the time when the digest matches what they read', async () => {
    const approver = await as('acc.morgan');
    const shown = (await approver.get<ControlStrategyView>('/api/assessments/2/control-strategy')).body;
    const done = await approver.call<ControlStrategyView>('POST', '/api/assessments/2/control-strategy/approve', {
      expectedDigest: shown.digest,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'approved', approvedBy: 'acc.morgan', digest: shown.digest });
    expect(Date.parse(done.body.approvedAt ?? '')).not.toBeNaN();
    const after = (await (await as('r.patel')).get<ControlStrategyView>('/api/assessments/2/control-strategy')).body;
    expect(after).toMatchObject({ status: 'approved', approvedBy: 'acc.morgan' });
    expect(after.strategy.priorities.map((e) => e.name)).toEqual(shown.strategy.priorities.map((e) => e.name));
  });
});
