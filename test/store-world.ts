/**
 * A small world for store tests: two forces and a partner, and users with each role and
 * clearance. Several worlds can live in one store (each test file shares a store per dialect),
 * so every id is prefixed with a tag. The first world in a store bootstraps its administrator.
 */
import { randomBytes } from 'node:crypto';
import { actorFor, countUsers, createOrganisation, createUser, type Actor, type Store } from '../src/store/index.js';

export interface World {
  readonly tag: string;
  readonly force: string;
  readonly other: string;
  readonly partner: string;
  readonly admin: Actor;
  /** OFFICIAL-SENSITIVE analyst of `force`. */
  readonly analyst: Actor;
  /** Two more OFFICIAL-SENSITIVE analysts of `force`: a workshop's other assessors (a score belongs to its user). */
  readonly second: Actor;
  readonly third: Actor;
  /** SECRET approver of `force`. */
  readonly approver: Actor;
  /** OFFICIAL reader of `force` (no clearance for OFFICIAL-SENSITIVE). */
  readonly reader: Actor;
  /** OFFICIAL-SENSITIVE reader of the other force: equal rank, other organisation. */
  readonly otherReader: Actor;
  /** OFFICIAL-SENSITIVE reader of the partner (sees only what is shared with it). */
  readonly partnerReader: Actor;
}

export async function makeWorld(store: Store): Promise<World> {
  const tag = `w${randomBytes(3).toString('hex')}`;
  const force = `${tag}-force`;
  const other = `${tag}-other`;
  const partner = `${tag}-csp`;
  if ((await countUsers(store)) === 0) {
    await createOrganisation(store, null, { id: 'root', name: 'Root', kind: 'partner' });
    await createUser(store, null, {
      username: 'root',
      displayName: 'Root',
      clearance: 'SECRET',
      memberships: [{ organisationId: 'root', role: 'admin' }],
    });
  }
  let root = await actorFor(store, 'root');
  for (const [id, kind] of [
    [force, 'force'],
    [other, 'force'],
    [partner, 'csp'],
  ] as const) {
    await createOrganisation(store, root, { id, name: `${id} name`, kind });
  }
  root = await actorFor(store, 'root');
  const user = async (name: string, clearance: string, memberships: { organisationId: string; role: string }[]) => {
    await createUser(store, root, { username: `${tag}-${name}`, displayName: name, clearance, memberships });
    return actorFor(store, `${tag}-${name}`);
  };
  return {
    tag,
    force,
    other,
    partner,
    admin: await user('admin', 'SECRET', [
      { organisationId: force, role: 'admin' },
      { organisationId: other, role: 'admin' },
    ]),
    analyst: await user('analyst', 'OFFICIAL-SENSITIVE', [{ organisationId: force, role: 'analyst' }]),
    second: await user('second', 'OFFICIAL-SENSITIVE', [{ organisationId: force, role: 'analyst' }]),
    third: await user('third', 'OFFICIAL-SENSITIVE', [{ organisationId: force, role: 'analyst' }]),
    approver: await user('approver', 'SECRET', [{ organisationId: force, role: 'approver' }]),
    reader: await user('reader', 'OFFICIAL', [{ organisationId: force, role: 'reader' }]),
    otherReader: await user('other-reader', 'OFFICIAL-SENSITIVE', [{ organisationId: other, role: 'reader' }]),
    partnerReader: await user('partner-reader', 'OFFICIAL-SENSITIVE', [{ organisationId: partner, role: 'reader' }]),
  };
}
