/**
 * The first run and user administration in a real browser (issue 14; slow, end to end): Debian's
 * Chromium through playwright-core against a real `stra serve` on an EMPTY workspace (no demo, no
 * command line). The browser is offered set-up, chooses Staffordshire Police from the shipped
 * list (its CSPs come at once) and the first administrator, lands on Users and roles, adds an
 * analyst, renames them, raises their clearance, disables them (they cannot log in), enables them,
 * resets their password (the new one works), gives and removes a role. Then the set-up is gone
 * (404) and, with the server stopped, the store holds what the browser made, audited.
 * Screenshots go to STRA_SCREENSHOTS (default tmp/screenshots). Skips without Chromium.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  administeredUsers,
  listAudit,
  listOrganisations,
  listThreats,
  openStore,
  storeFolder,
} from '../../src/store/index.js';
import { hasChromium, launchBrowser, logIn, seriousA11yViolations } from '../browser.js';
import { repoRoot } from '../shared-data.js';
import { startServe, type ServerProcess } from './servers.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium)
  process.stderr.write('First-run UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

const shots = process.env.STRA_SCREENSHOTS ?? path.join(repoRoot, 'tmp', 'screenshots');
const ADMIN_PASSWORD = 'staffs first admin';
let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;
let madeId = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-first-run-'));
  ws = path.join(dir, 'ws');
  // A new embedded store is created and migrated on the first start: slow on a busy machine.
  server = await startServe(ws, { DATABASE_URL: '' }, 240_000);
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
}, 60_000);

const url = (p: string) => server!.url + p;

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  return { context, page: await context.newPage() };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual(
    [],
  );
}

suite('first run and user administration in Chromium', () => {
  let admin: { context: BrowserContext; page: Page };

  it('offers set-up on an empty workspace and sets up Staffordshire Police with its CSPs', async () => {
    admin = await newPage();
    const page = admin.page;
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Set up OpenSTRA' }).waitFor();
    await shot(page, 'setup-empty');
    await page.getByLabel('Force', { exact: true }).selectOption({ label: 'Staffordshire Police' });
    await expect(
      page.getByRole('status').filter({ hasText: 'community safety partnerships' }).textContent(),
    ).resolves.toMatch(
      /Staffordshire Police comes with its \d+ community safety partnerships, \d+ districts and [\d,]+ LSOAs/,
    );
    await page.getByLabel('Username', { exact: true }).fill('s.admin');
    await page.getByLabel('Full name', { exact: true }).fill('Sam Admin');
    await page.getByLabel(/^Clearance/).selectOption('OFFICIAL-SENSITIVE');
    await page.getByLabel(/^Password \(/).fill('short');
    await page.getByLabel('Password again').fill('short');
    await page.getByRole('button', { name: 'Set up' }).click();
    // The server's answer names the field; nothing is created.
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/admin\.password: at least 10 characters/);
    await shot(page, 'setup-error');
    await page.getByLabel(/^Password \(/).fill(ADMIN_PASSWORD);
    await page.getByLabel('Password again').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Set up' }).click();
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await page.getByText('Set-up is done').waitFor();
    await page.getByRole('table').waitFor();
    await shot(page, 'admin-users-welcome');
  }, 120_000);

  it('no longer offers set-up: the route answers 404 and the login page shows', async () => {
    const { context, page } = await newPage();
    const r = await page.request.get(url('/api/setup'));
    expect(r.status()).toBe(404);
    const post = await page.request.post(url('/api/setup'), {
      data: { organisation: { kind: 'force', force: 'kent' }, admin: {} },
    });
    expect(post.status()).toBe(404);
    await page.goto(url('/'));
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Set up OpenSTRA' }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('lets the administrator add an analyst, with the server naming a taken username', async () => {
    const page = admin.page;
    await page.getByLabel('Username', { exact: true }).fill('s.admin');
    await page.getByLabel('Full name', { exact: true }).fill('Someone Else');
    // The form offers the force first, and shows what it will send.
    await expect(page.getByLabel('Organisation', { exact: true }).inputValue()).resolves.toBe('staffordshire');
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByLabel(/^First password/).fill('analyst first pass');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/already exists/);
    await page.getByLabel('Username', { exact: true }).fill('a.analyst');
    await page.getByLabel('Full name', { exact: true }).fill('Alex Analyst');
    await page.getByLabel('Clearance', { exact: true }).selectOption('OFFICIAL');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'Added a.analyst' }).waitFor();
    await page.getByRole('row', { name: /a\.analyst/ }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'a.analyst' })
      .filter({ hasText: 'analyst in Staffordshire Police' })
      .waitFor();
    await shot(page, 'admin-users-added');
    const analyst = await newPage();
    await logIn(analyst.page, server!.url, 'a.analyst', 'analyst first pass');
    await analyst.context.close();
  }, 120_000);

  it('renames, clears, disables, enables, resets the password and changes the roles of the analyst', async () => {
    const page = admin.page;
    await page.getByRole('button', { name: 'Change a.analyst' }).click();
    const editor = page.getByRole('region', { name: 'Change a.analyst' });
    await editor.getByLabel('Full name', { exact: true }).fill('DC Alex Analyst');
    await editor.getByLabel('Clearance', { exact: true }).selectOption('OFFICIAL-SENSITIVE');
    await editor.getByRole('button', { name: 'Save name and clearance' }).click();
    await page.getByRole('status').filter({ hasText: 'name and clearance saved' }).waitFor();
    await shot(page, 'admin-user-editor');
    await editor.getByRole('button', { name: 'Disable user' }).click();
    await page.getByRole('status').filter({ hasText: 'a.analyst is disabled' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'a.analyst' }).filter({ hasText: 'disabled' }).waitFor();
    const refused = await newPage();
    await refused.page.goto(server!.url);
    await refused.page.getByLabel('Username', { exact: true }).fill('a.analyst');
    await refused.page.getByLabel('Password').fill('analyst first pass');
    await refused.page.getByRole('button', { name: 'Log in' }).click();
    await expect(refused.page.getByRole('alert').textContent()).resolves.toMatch(/Wrong username or password/);
    await refused.context.close();
    await editor.getByRole('button', { name: 'Enable logins' }).click();
    await page.getByRole('status').filter({ hasText: 'can log in again' }).waitFor();
    await editor.getByLabel(/^New password/).fill('a brand new password');
    await editor.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('status').filter({ hasText: 'has a new password' }).waitFor();
    await editor.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Staffordshire Police' });
    await editor.getByLabel('Role', { exact: true }).selectOption('approver');
    await editor.getByRole('button', { name: 'Give role' }).click();
    await page.getByRole('status').filter({ hasText: 'is now approver' }).waitFor();
    await page.getByRole('button', { name: 'Remove analyst in Staffordshire Police from a.analyst' }).click();
    await page.getByRole('status').filter({ hasText: 'no longer analyst' }).waitFor();
    await shot(page, 'admin-users-changed');
    const again = await newPage();
    await logIn(again.page, server!.url, 'a.analyst', 'a brand new password');
    await again.context.close();
  }, 180_000);

  it('starts a new assessment from the starter threat catalogue', async () => {
    const page = admin.page;
    await page.goto(url('/assessments'));
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Staffordshire Police' });
    await page.getByLabel(/Financial year/).fill('2018/19');
    await page.getByLabel('Version label').fill('V1 - Draft');
    await page.getByLabel(/^Title/).fill('Staffordshire STRA 2018/19');
    await page.getByLabel(/the starter threat catalogue/).check();
    await shot(page, 'assessment-new-catalogue');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByRole('heading', { name: /Staffordshire STRA 2018\/19/ }).waitFor();
    madeId = Number(/\/assessments\/(\d+)$/.exec(page.url())?.[1]);
    expect(madeId).toBeGreaterThan(0);
    await page.goto(url(`/assessments/${madeId}/threats`));
    await page.getByRole('link', { name: 'Cyber', exact: true }).waitFor();
    expect(await page.getByRole('rowheader').count()).toBe(24);
    await shot(page, 'assessment-catalogue-threats');
    await admin.context.close();
  }, 180_000);

  it('loads an area table in the browser, naming the line and field of a bad row first', async () => {
    const { context, page } = await newPage();
    await logIn(page, server!.url, 's.admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Area and other tables' }).click();
    await page.getByRole('heading', { name: 'Area, population and indicator tables' }).waitFor();
    const form = page.getByRole('form', { name: 'Area table' });
    const table = (lsoa: string) =>
      'force,force_name,csp,district_code,district,lsoa_code,lsoa_name\n' +
      'staffordshire,Staffordshire Police,Stoke-on-Trent,E06000021,Stoke-on-Trent,E01014218,Stoke-on-Trent 001A\n' +
      `staffordshire,Staffordshire Police,Stoke-on-Trent,E06000021,Stoke-on-Trent,${lsoa},Stoke-on-Trent 001B\n`;
    const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await form.getByLabel('CSV file').setInputFiles(file('stoke.csv', table('E0101421X')));
    await form.getByRole('button', { name: 'Load area table' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe(
      "stoke.csv, line 3, lsoa_code: 'E0101421X' is not an ONS LSOA code",
    );
    await shot(page, 'admin-tables-error');
    await form.getByLabel('CSV file').setInputFiles(file('stoke.csv', table('E01014219')));
    await form.getByRole('button', { name: 'Load area table' }).click();
    await form.getByRole('status').filter({ hasText: 'Loaded stoke.csv: 2 rows, 1 force: staffordshire' }).waitFor();
    await shot(page, 'admin-tables-loaded');
    await context.close();
  }, 120_000);

  it('leaves in the store what the browser made, every change audited', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const orgs = await listOrganisations(store);
      expect(orgs.find((o) => o.id === 'staffordshire')).toMatchObject({ name: 'Staffordshire Police', kind: 'force' });
      const csps = orgs.filter((o) => o.kind === 'csp');
      expect(csps.length).toBeGreaterThan(1);
      expect(csps.every((o) => o.parentId === 'staffordshire' && o.name.endsWith('Community Safety Partnership'))).toBe(
        true,
      );
      const actor = await actorFor(store, 's.admin');
      expect(Object.keys(actor.roles).sort()).toEqual(['staffordshire', ...csps.map((c) => c.id)].sort());
      const users = await administeredUsers(store, actor);
      expect(users.find((u) => u.username === 'a.analyst')).toMatchObject({
        displayName: 'DC Alex Analyst',
        clearance: 'OFFICIAL-SENSITIVE',
        disabled: false,
        memberships: [{ organisationId: 'staffordshire', role: 'approver' }],
      });
      const audit = await listAudit(store, actor, { limit: 500 });
      const about = (action: string, table: string) =>
        audit.filter((a) => a.action === action && a.table === table).length;
      expect(about('create', 'organisations')).toBe(orgs.length);
      expect(about('create', 'users')).toBe(2);
      expect(about('update', 'users')).toBe(3);
      expect(about('password', 'users')).toBe(3);
      expect(about('grant', 'memberships')).toBe(1);
      expect(about('delete', 'memberships')).toBe(1);
      expect(audit.filter((a) => a.action === 'load' && a.table === 'area_tables').map((a) => a.recordId)).toEqual([
        'stoke.csv',
      ]);
      expect(await readdir(path.join(ws, 'warehouse', 'areas'))).toEqual(['stoke.csv']);
      const threats = await listThreats(store, actor, { assessmentId: madeId });
      expect(threats).toHaveLength(24);
      expect(threats.find((t) => t.name === 'OCG')?.evidence.policeUkCategories).toEqual([
        'drugs',
        'possession-of-weapons',
      ]);
      expect(threats.find((t) => t.name === 'Cyber')?.evidence.offenceCodes).toContain('33A');
      expect(threats.every((t) => t.marking === 'OFFICIAL' && t.organisationId === 'staffordshire')).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
