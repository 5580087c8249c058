/**
 * Area, population and indicator tables uploaded through the API (issue 14), on the
 * multi-organisation fixture: an administrator loads their own force's areas (kept in the
 * workspace, audited), never another force's; a bad row is a 400 naming the file, line and field
 * and nothing is kept; every role but admin, and an admin of another organisation, is refused.
 */
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../../test/demo-app.js';
import { FIXTURE_USERS, multiOrgApp, SECOND_FORCE } from '../../../test/multi-org.js';
import type { ReferenceTableLoad, ReferenceTableLoaded } from '../../api/index.js';
import { actorFor, listAudit } from '../../store/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp();
}, 240_000);

const AREAS =
  'force,force_name,csp,district_code,district,lsoa_code,lsoa_name\n' +
  'warwickshire,Warwickshire Police,Rugby,E07000220,Rugby,E01031159,Rugby 001C\n' +
  'warwickshire,Warwickshire Police,Rugby,E07000220,Rugby,E01031160,Rugby 001D\n';
const POPULATION = 'area_code,year,population\nE07000220,2019,108935\nE07000218,2019,65452\n';
const INDICATORS =
  'series,organisation,period,value\nhate-crime,Warwickshire,2018-04,31\nhate-crime,Warwickshire,2018-05,28\n';

const send = (client: Awaited<ReturnType<DemoApp['as']>>, kind: string, org: string, name: string, csv: string) =>
  client.call<ReferenceTableLoaded>(
    'POST',
    `/api/reference-tables/${kind}?organisation=${org}&name=${name}`,
    undefined,
    {
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    },
  );

const areaFiles = async () => readdir(demo.options.workspace.areas);

describe('reference tables from the browser', () => {
  it('loads an admin’s own force’s area table into the workspace, audited', async () => {
    const admin = await demo.as('warwickshire.admin.s');
    const r = await send(admin, 'areas', 'warwickshire', 'rugby-areas.csv', AREAS);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'areas', file: 'rugby-areas.csv', rows: 2, summary: '1 force: warwickshire' });
    expect(await areaFiles()).toContain('rugby-areas.csv');
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'warwickshire.admin.s'), {
      table: 'area_tables',
    });
    expect(audit[0]).toMatchObject({ action: 'load', organisationId: 'warwickshire', recordId: 'rugby-areas.csv' });
  });

  it('refuses rows of another force, and names the line and field of a bad row, keeping nothing', async () => {
    const admin = await demo.as('warwickshire.admin.s');
    const other = await send(
      admin,
      'areas',
      'warwickshire',
      'mixed.csv',
      AREAS + 'west-mercia,West Mercia Police,Shropshire,E06000051,Shropshire,E01028000,Shropshire 001A\n',
    );
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).toMatch(/rows for west-mercia/);
    const bad = await send(admin, 'areas', 'warwickshire', 'bad.csv', AREAS.replace('E01031160', 'X123'));
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { error: { message: string } }).error.message).toBe(
      "bad.csv, line 3, lsoa_code: 'X123' is not an ONS LSOA code",
    );
    expect(await areaFiles()).not.toContain('mixed.csv');
    expect(await areaFiles()).not.toContain('bad.csv');
  });

  it('loads population and indicator tables, naming the user’s file and line when one is wrong', async () => {
    const admin = await demo.as('warwickshire.admin.s');
    const pop = await send(admin, 'population', 'warwickshire', 'districts 2019.csv', POPULATION);
    expect(pop.status).toBe(201);
    expect(pop.body).toMatchObject({ file: 'districts_2019.csv', rows: 2, summary: '2 areas, mid-2019' });
    const badPop = await send(admin, 'population', 'warwickshire', 'bad-pop.csv', POPULATION.replace('65452', 'many'));
    expect(badPop.status).toBe(400);
    const message = (badPop.body as unknown as { error: { message: string } }).error.message;
    expect(message).toMatch(/^bad-pop\.csv, line 3, population: 'many' is not a whole number/);
    const ind = await send(admin, 'indicators', 'warwickshire', 'hate.csv', INDICATORS);
    expect(ind.status).toBe(201);
    expect(ind.body).toMatchObject({ rows: 2, summary: '2 added, 0 replaced, 0 unchanged' });
    const badInd = await send(
      admin,
      'indicators',
      'warwickshire',
      'hate-bad.csv',
      INDICATORS.replace('2018-05', '2018-13'),
    );
    expect(badInd.status).toBe(400);
    expect(JSON.stringify(badInd.body)).toMatch(/hate-bad\.csv/);
    expect(JSON.stringify(badInd.body)).not.toMatch(/stra-table-/);
  });

  it('refuses every role but admin, and an admin of another organisation', async () => {
    const wrong: string[] = [];
    for (const u of FIXTURE_USERS.filter((f) => f.role !== 'admin' || f.organisationId === SECOND_FORCE)) {
      const client = await demo.as(u.username);
      for (const kind of ['areas', 'population', 'indicators']) {
        const r = await send(
          client,
          kind,
          'warwickshire',
          'x.csv',
          kind === 'areas' ? AREAS : kind === 'population' ? POPULATION : INDICATORS,
        );
        if (r.status !== 403) wrong.push(`${u.username} ${kind}: ${r.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await areaFiles()).not.toContain('x.csv');
  }, 300_000);
});

describe('a large population table', () => {
  it('is taken above 1 MiB (the national LSOA population is about 2 MB)', async () => {
    const admin = await demo.as('admin');
    const rows = Array.from(
      { length: 60_000 },
      (_v, i) => `E0${String(1_000_000 + i).padStart(7, '0')},2019,${1500 + (i % 500)}`,
    );
    const big = `area_code,year,population\n${rows.join('\n')}\n`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const r = await send(admin, 'population', 'warwickshire', 'lsoa-population-2019.csv', big);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'population', rows: 60_000 });
  });
});

describe('the tables loaded', () => {
  it('are listed for administrators with who loaded them and when, newest first; others are refused', async () => {
    const admin = await demo.as('admin');
    const list = await admin.get<ReferenceTableLoad[]>('/api/reference-tables');
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body[0]).toMatchObject({ loadedBy: 'admin', organisationId: 'warwickshire' });
    expect(list.body.map((l) => l.loadedAt)).toEqual([...list.body.map((l) => l.loadedAt)].sort().reverse());
    expect((await (await demo.as('r.patel')).get('/api/reference-tables')).status).toBe(403);
  });
});
