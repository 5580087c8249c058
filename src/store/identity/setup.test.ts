/**
 * First run in the store (issue 14), on both dialects: the set-up creates the organisations, the
 * first administrator with their password and admin roles, all audited; two set-ups at once end
 * with one administrator; once there is a user, a set-up is refused as NOT_FOUND and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { refusal } from '../../../test/refusal.js';
import { credentialsFor, listAudit, listOrganisations, actorFor, needsSetup, setUpWorkspace } from '../index.js';
import type { WorkspaceSetup } from './setup.js';

const setup = (username: string): WorkspaceSetup => ({
  organisations: [
    { id: 'staffordshire', name: 'Staffordshire Police', kind: 'force', parentId: null },
    {
      id: 'csp-stoke-on-trent',
      name: 'Stoke-on-Trent Community Safety Partnership',
      kind: 'csp',
      parentId: 'staffordshire',
    },
  ],
  administers: ['staffordshire', 'csp-stoke-on-trent'],
  admin: {
    username,
    displayName: `Admin ${username}`,
    clearance: 'OFFICIAL-SENSITIVE',
    passwordHash: `hash-of-${username}`,
  },
});

describe('setUpWorkspace', () => {
  describeEachDialect('first run', (get) => {
    it('lets exactly one of two simultaneous set-ups through; the other is refused as NOT_FOUND', async () => {
      expect(await needsSetup(get())).toBe(true);
      const results = await Promise.allSettled([
        setUpWorkspace(get(), setup('first')),
        setUpWorkspace(get(), setup('second')),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'NOT_FOUND' });
      expect(await needsSetup(get())).toBe(false);
      const winner = (won[0] as PromiseFulfilledResult<{ user: { username: string } }>).value.user.username;
      const loser = winner === 'first' ? 'second' : 'first';
      expect(await credentialsFor(get(), loser)).toBeUndefined();
      expect((await credentialsFor(get(), winner))?.passwordHash).toBe(`hash-of-${winner}`);
      const actor = await actorFor(get(), winner);
      expect(actor.roles).toEqual({ 'csp-stoke-on-trent': ['admin'], staffordshire: ['admin'] });
      expect(actor.clearance).toBe('OFFICIAL-SENSITIVE');
      expect((await listOrganisations(get())).map((o) => [o.id, o.kind, o.parentId])).toEqual([
        ['csp-stoke-on-trent', 'csp', 'staffordshire'],
        ['staffordshire', 'force', null],
      ]);
      const audit = await listAudit(get(), actor, { limit: 100 });
      const actions = audit.map((a) => `${a.action} ${a.table}`).sort();
      expect(actions).toEqual(expect.arrayContaining(['create organisations', 'create users', 'password users']));
      expect(audit.filter((a) => a.action === 'create' && a.table === 'organisations')).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain('hash-of-');
    });

    it('refuses a set-up once the workspace has a user, creating nothing', async () => {
      const before = await listOrganisations(get());
      const err = await refusal(
        setUpWorkspace(get(), {
          ...setup('third'),
          organisations: [{ id: 'kent', name: 'Kent Police', kind: 'force', parentId: null }],
          administers: ['kent'],
        }),
      );
      expect(err.code).toBe('NOT_FOUND');
      expect(await listOrganisations(get())).toEqual(before);
      expect(await credentialsFor(get(), 'third')).toBeUndefined();
    });
  });
});
