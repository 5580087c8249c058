/**
 * Issue 14: a change driver's protective marking changed after it was made (PUT /drivers/:id
 * with a marking), only up to the writer's clearance, audited, a stale change answered 409; a
 * configuration using the driver that is marked lower is raised with it, so nobody below the new
 * marking reads the driver through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, listAudit } from '../../../store/index.js';
import { demoApp, type DemoApp } from '../../../../test/demo-app.js';
import type { DriverConfiguration, Driver, ErrorAnswer } from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

describe("a driver's marking", () => {
  it('is raised up to the writer clearance, audited, with its configurations; not above it', async () => {
    const analyst = await demo.as('r.patel');
    const configurations = (await analyst.get<DriverConfiguration[]>('/api/assessments/2/driver-configurations')).body;
    const drivers = (await analyst.get<Driver[]>('/api/assessments/2/drivers')).body;
    const used = configurations[0]?.primary[0]?.id;
    const driver = drivers.find((d) => d.id === used) ?? drivers[0]!;
    expect(driver.marking).toBe('OFFICIAL');
    const above = await analyst.call<ErrorAnswer>('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version,
      marking: 'SECRET',
    });
    expect(above.status).toBe(403);
    const raised = await analyst.call<Driver>('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version,
      marking: 'OFFICIAL-SENSITIVE',
    });
    expect(raised.status).toBe(200);
    expect(raised.body.marking).toBe('OFFICIAL-SENSITIVE');
    const stale = await analyst.call<ErrorAnswer>('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: driver.version,
      marking: 'OFFICIAL',
    });
    expect(stale.status).toBe(409);
    // k.hughes, cleared to OFFICIAL, no longer sees it, nor a configuration using it.
    const official = await demo.as('k.hughes');
    expect((await official.get(`/api/drivers/${driver.id}`)).status).toBe(404);
    expect((await official.call('PUT', `/api/drivers/${driver.id}`, { expectedVersion: 2, name: 'x' })).status).toBe(
      404,
    );
    if (used !== undefined) {
      const after = (await analyst.get<DriverConfiguration>(`/api/driver-configurations/${configurations[0]!.id}`))
        .body;
      expect(after.marking).toBe('OFFICIAL-SENSITIVE');
      const hidden = (await official.get<DriverConfiguration[]>('/api/assessments/2/driver-configurations')).body;
      expect(hidden.map((c) => c.id)).not.toContain(configurations[0]!.id);
    }
    const reader = await demo.as('acc.morgan');
    expect(
      (
        await reader.call('PUT', `/api/drivers/${driver.id}`, {
          expectedVersion: raised.body.version,
          marking: 'OFFICIAL',
        })
      ).status,
    ).toBe(403);
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'r.patel'), {
      table: 'drivers',
      recordId: driver.id,
    });
    expect(audit.some((a) => a.action === 'update')).toBe(true);
    // Lowered again by the same analyst.
    const lowered = await analyst.call<Driver>('PUT', `/api/drivers/${driver.id}`, {
      expectedVersion: raised.body.version,
      marking: 'OFFICIAL',
    });
    expect(lowered.body.marking).toBe('OFFICIAL');
  });
});
