/**
 * Tables loaded with `stra areas load`, `stra population load` and `stra indicators import` are
 * recorded in the store's audit and listed by GET /api/reference-tables beside the browser's
 * loads (issue 14): an area table against the force it names, a population table for the whole
 * workspace, an indicator table against --org; who loaded it (the --as user, or the operating-system
 * user "(command line)"); an administrator of another force sees the workspace-wide load but not
 * this force's areas; --as a user who is not admin of --org is refused before anything is loaded.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';
import { ApiClient } from '../../../test/api-client.js';
import { hashPassword } from '../../auth/passwords.js';
import { actorFor, openStore, setPasswordHash, storeFolder } from '../../store/index.js';
import { createApp } from '../../server/app.js';
import type { ServerOptions } from '../../server/options.js';
import { WarehouseAccess } from '../../server/warehouse-access.js';
import { openWorkspace } from '../../workspace/workspace.js';
import type { ReferenceTableLoad } from '../../api/index.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-loads-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

const AREAS =
  'force,force_name,csp,district_code,district,lsoa_code,lsoa_name\n' +
  'warwickshire,Warwickshire Police,Rugby,E07000220,Rugby,E01031159,Rugby 001C\n' +
  'warwickshire,Warwickshire Police,Rugby,E07000220,Rugby,E01031160,Rugby 001D\n';
const POPULATION = 'area_code,year,population\nE07000220,2019,108935\nE07000218,2019,65452\n';
const INDICATORS =
  'series,organisation,period,value\nhate-crime,warwickshire,2018-04,31\nhate-crime,warwickshire,2018-05,28\n';

describe('tables loaded with the stra commands', () => {
  it('are audited and listed for administrators beside the browser loads', async () => {
    await json(['org', 'add', 'warwickshire', '--name', 'Warwickshire Police', '--kind', 'force']);
    await json(['org', 'add', 'kent', '--name', 'Kent Police', '--kind', 'force']);
    await json([
      'user',
      'add',
      'root',
      '--name',
      'Root',
      '--clearance',
      'SECRET',
      '--admin',
      '--org',
      'warwickshire',
      '--member',
      'kent:admin',
    ]);
    await json(
      ['user', 'add', 'wa', '--name', 'W Admin', '--clearance', 'SECRET', '--member', 'warwickshire:admin'],
      'root',
    );
    await json(['user', 'add', 'ka', '--name', 'K Admin', '--clearance', 'SECRET', '--member', 'kent:admin'], 'root');
    await json(
      ['user', 'add', 'wr', '--name', 'W Reader', '--clearance', 'SECRET', '--member', 'warwickshire:reader'],
      'wa',
    );
    const files = { areas: 'wk-areas.csv', population: 'pop-2019.csv', indicators: 'hate.csv' };
    await writeFile(path.join(dir, files.areas), AREAS);
    await writeFile(path.join(dir, files.population), POPULATION);
    await writeFile(path.join(dir, files.indicators), INDICATORS);

    // A reader of the force may not record an indicator load for it: refused, nothing imported.
    const refused = await run(
      ['indicators', 'import', path.join(dir, files.indicators), '--org', 'warwickshire'],
      'wr',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/wr cannot load tables for warwickshire: that needs the admin role there/);
    expect(await readdir(path.join(ws, 'indicators')).catch(() => [])).not.toContain('values.json');

    await json(['areas', 'load', path.join(dir, files.areas)]);
    await json(['population', 'load', path.join(dir, files.population)], 'wa');
    await json(['indicators', 'import', path.join(dir, files.indicators), '--org', 'warwickshire'], 'wa');

    const paths = (await openWorkspace(ws)).paths;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const admin = await actorFor(store, 'root');
      for (const u of ['wa', 'ka']) await setPasswordHash(store, admin, u, await hashPassword('a-long-password-1'));
      const options: ServerOptions = {
        workspace: paths,
        sessionHours: 8,
        secureCookies: false,
        threads: 1,
        memoryLimit: '256MB',
        webRoot: undefined,
        now: () => new Date(),
        log: () => undefined,
      };
      const app = createApp(store, new WarehouseAccess(paths, options), options);
      const as = async (u: string) => {
        const c = new ApiClient(app);
        expect((await c.login(u, 'a-long-password-1')).status).toBe(200);
        return c;
      };
      const loads = (await (await as('wa')).get<ReferenceTableLoad[]>('/api/reference-tables')).body;
      const by = (kind: string) => loads.find((l) => l.kind === kind);
      expect(loads).toHaveLength(3);
      expect(by('areas')).toMatchObject({
        file: files.areas,
        rows: 2,
        summary: '1 force: warwickshire',
        organisationId: 'warwickshire',
        via: 'command line',
      });
      expect(by('areas')!.loadedBy).toMatch(/\(command line\)$/);
      expect(by('areas')!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(by('population')).toMatchObject({
        file: files.population,
        rows: 2,
        summary: '2 areas, mid-2019',
        organisationId: null,
        loadedBy: 'wa',
        via: 'command line',
      });
      expect(by('indicators')).toMatchObject({
        rows: 2,
        summary: '2 added, 0 replaced, 0 unchanged',
        organisationId: 'warwickshire',
        loadedBy: 'wa',
      });
      // Kent's administrator sees the workspace-wide population load, not Warwickshire's own tables.
      const kent = (await (await as('ka')).get<ReferenceTableLoad[]>('/api/reference-tables')).body;
      expect(kent.map((l) => l.kind)).toEqual(['population']);
    } finally {
      await store.close();
    }
  }, 300_000);
});
